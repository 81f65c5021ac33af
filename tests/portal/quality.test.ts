// Every resident page, in every language and in large-text mode: no serious or critical axe-core
// violation (WCAG 2.x A/AA rules), body text at least 18px (30px large), line height at least 1.3,
// targets at least 44px (60px large), at most 51,200 bytes of HTML + CSS + JS, and — on a 360 × 740
// phone — no page wider than its screen.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, type ExpectStatic, it } from "vitest";
import { type Running, startServer, stop } from "../server/process.ts";
import { axe, type Violation } from "./axe.ts";
import { artifact, HAVE_BROWSER, launch, SCREENSHOTS } from "./browser.ts";

export const PAGE_BUDGET = 51_200;
const PHONE = { width: 360, height: 740 };

let server: Running;
let browser: Browser;
beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  server = await startServer({
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "intake-a11y-")), "a11y.sqlite"),
    INTAKE_DATA_KEY: "c".repeat(64),
    STATUS_LOOKUPS_PER_WINDOW: "1000",
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (server) await stop(server);
});

/** HTML of this page plus every stylesheet and script it links. */
async function weight(page: Page): Promise<number> {
  const html = await page.content();
  const assets = await page.evaluate(() =>
    [
      ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href),
      ...[...document.querySelectorAll("script[src]")].map((s) => (s as HTMLScriptElement).src),
    ].filter(Boolean),
  );
  let total = Buffer.byteLength(html);
  for (const url of assets) total += (await (await fetch(url)).arrayBuffer()).byteLength;
  return total;
}

async function measure(page: Page, large: boolean) {
  return page.evaluate((isLarge) => {
    const body = Number.parseFloat(getComputedStyle(document.body).fontSize);
    const lineHeight = Number.parseFloat(getComputedStyle(document.body).lineHeight) / body;
    const small = [
      ...document.querySelectorAll("button, a.button, input[type=text], input[type=tel], label.choice"),
    ]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.height < (isLarge ? 60 : 44) || r.width < (isLarge ? 60 : 44)));
    // Sideways scrolling on a 360-pixel phone: the page wider than its window, and what sticks out.
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > window.innerWidth + 0.5;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${el.className}` : ""}`,
      );
    return { body, lineHeight, smallTargets: small.length, overflow, wide };
  }, large);
}

/**
 * Answers each open question as the check page's form would (the first option, else a typed value),
 * showing each question in the browser first to measure it: every kind of question must fit the phone.
 */
async function answerToTheEnd(page: Page, large: boolean, expect: ExpectStatic) {
  const overflows: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.goto(`${server.url}/check`);
    if (new URL(page.url()).pathname === "/check/result") return overflows;
    const html = await page.content();
    const key = /<input type="hidden" name="key" value="([^"]+)"/.exec(html)?.[1];
    if (!key) return overflows;
    const m = await measure(page, large);
    if (m.overflow > 0) overflows.push(`question ${key}: ${m.overflow}px wider: ${m.wide.join(", ")}`);
    const option = /<input type="radio" name="value" value="([^"]*)"/.exec(html)?.[1];
    const form: Record<string, string> =
      option !== undefined
        ? { key, value: option }
        : html.includes('name="unknown"')
          ? { key, unknown: "1" }
          : {
              key,
              value: "1",
            };
    const posted = await page.context().request.post(`${server.url}/check/answer`, {
      form,
      headers: { origin: server.url },
      maxRedirects: 0,
    });
    expect(posted.status(), key).toBe(303);
  }
  throw new Error("the check did not finish");
}

/** Visits every resident page in one language and size, checking each. */
async function tour(lang: string, large: boolean, expect: ExpectStatic) {
  // Each tour sends as its own resident: one phone sends at most 5 requests a day.
  const phone = `1381234${["zh-CN", "zh-Hant", "en"].indexOf(lang)}${large ? 1 : 0}00`;
  // A small phone's screen: every page must fit it without sideways scrolling.
  const context = await browser.newContext({ bypassCSP: true, viewport: PHONE });
  await context.addCookies([
    { name: "lang", value: lang, url: server.url },
    { name: "size", value: large ? "large" : "normal", url: server.url },
  ]);
  const page = await context.newPage();
  const report: { page: string; violations: Violation[]; bytes: number; overflow: string }[] = [];
  const check = async (name: string) => {
    await page.waitForLoadState();
    const m = await measure(page, large);
    expect(m.body, `${name} body text`).toBeGreaterThanOrEqual(large ? 30 : 18);
    expect(m.lineHeight, `${name} line height`).toBeGreaterThanOrEqual(1.3);
    expect(m.smallTargets, `${name} targets under ${large ? 60 : 44}px`).toBe(0);
    report.push({
      page: name,
      violations: await axe(page),
      bytes: await weight(page),
      overflow: m.overflow > 0 ? `${m.overflow}px wider than the screen: ${m.wide.join(", ")}` : "",
    });
    // Pictures for people to look at (SCREENSHOTS=1): nothing here asserts on them.
    if (SCREENSHOTS)
      await page.screenshot({
        path: artifact(`page-${name.replace(/\W+/g, "_")}-${lang}-${large ? "large" : "normal"}.png`),
        fullPage: true,
      });
  };
  await page.goto(server.url);
  await check("home");
  await page.locator('input[value="jilin"]').check();
  await page.locator('button[name="helping"][value="helping"]').click();
  await check("question");
  // The rest of the interview is answered over HTTP with the page's cookies, as its form would send
  // them, each question measured on the way: the pages fully checked here are the ones a person sees
  // first and last (the walk itself, in a browser and without JavaScript, is tests/portal/resident.test.ts's).
  const questions = await answerToTheEnd(page, large, expect);
  await page.goto(`${server.url}/check/result`);
  await check("result");
  await page.goto(`${server.url}/apply`);
  await check("apply");
  // Refused (nothing filled in): the message next to its field must fit too.
  await page.locator("form[action='/apply'] button.primary").click();
  await check("apply-refused");
  await page.locator("#personName").fill("王大爷");
  await page.locator("#helperName").fill("王小明");
  await page.locator("#relationship").selectOption("child");
  await page.locator("#phone").fill(phone);
  await page.locator('input[name="basis"]').first().check();
  await page.locator('input[name="consent"]').check();
  await page.locator("form[action='/apply'] button.primary").click();
  await check("done");
  const reference = (await page.locator("#reference").textContent())?.trim() ?? "";
  await page.goto(`${server.url}/status`);
  await check("status");
  await page.locator("#reference").fill(reference);
  await page.locator("#phone").fill(phone);
  await page.locator("form[action='/status'] button.primary").click();
  await check("status-found");
  await page.locator("form[action='/status/withdraw'] button").click();
  await check("withdraw-confirm");
  await page.goto(`${server.url}/no-such-page`);
  await check("not-found");
  await context.close();
  return { report, questions };
}

/**
 * The six tours share the machine: on a loaded two-core CI machine each can take more than a minute
 * though none is stuck. The limit catches a hang, not slowness (vitest.config.ts).
 */
const TOUR_LIMIT_MS = 240_000;

describe.skipIf(!HAVE_BROWSER)("accessibility and weight of every resident page", () => {
  // The six tours run side by side, each in its own browser context (expect is each test's own).
  it.concurrent.for([
    ["zh-CN", false],
    ["zh-Hant", false],
    ["en", false],
    ["zh-CN", true],
    ["zh-Hant", true],
    ["en", true],
  ] as const)("%s, large text %s", { timeout: TOUR_LIMIT_MS }, async ([lang, large], { expect }) => {
    const { report, questions } = await tour(lang, large, expect);
    expect(questions, `questions that scroll sideways at ${PHONE.width}px`).toEqual([]);
    expect(report.map((r) => r.page)).toEqual([
      "home",
      "question",
      "result",
      "apply",
      "apply-refused",
      "done",
      "status",
      "status-found",
      "withdraw-confirm",
      "not-found",
    ]);
    expect(
      report.filter((r) => r.overflow).map((r) => `${r.page}: ${r.overflow}`),
      `pages that scroll sideways at ${PHONE.width}px`,
    ).toEqual([]);
    for (const r of report) {
      expect(
        r.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
        r.page,
      ).toEqual([]);
      expect(r.bytes, `${r.page} bytes`).toBeLessThanOrEqual(PAGE_BUDGET);
    }
  });
});
