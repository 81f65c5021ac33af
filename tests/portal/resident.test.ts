// The portal as residents and family members use it, in a real browser against the real server:
// a self-check with JavaScript off, an application on someone's behalf to the reference number (then
// found in the store), the status lookup and withdrawal, language and text size switched midway.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "../../db/crypto.ts";
import { openDb } from "../../db/open.ts";
import { createRequestStore } from "../../db/requests.ts";
import { type Running, startServer, stop } from "../server/process.ts";
import { artifact, HAVE_BROWSER, launch } from "./browser.ts";

const KEY = "b".repeat(64);
let server: Running;
let browser: Browser;
let dbPath: string;

beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  dbPath = join(mkdtempSync(join(tmpdir(), "intake-portal-")), "portal.sqlite");
  server = await startServer({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (server) await stop(server);
});

/**
 * Answers whatever the page asks until the result, as a person would: the roster's number boxes and the
 * "who…?" checkboxes from `typed` (or "no one"), a choice from `typed` (else "no", else the first), a
 * typed answer from `typed`, else "I don't know" where offered. Returns the questions answered, by id.
 */
async function answerUntilResult(page: Page, typed: Record<string, string> = {}): Promise<string[]> {
  const asked: string[] = [];
  const next = () => page.getByRole("button", { name: /^(下一题|Next|下一題)$/ }).click();
  for (let step = 0; step < 80; step++) {
    if (page.url().endsWith("/check/result")) return asked;
    const key = await page.locator('input[name="key"]').first().inputValue();
    const id = key.split("@")[0] ?? key;
    asked.push(id);
    const counts = page.locator('input[name^="count."]');
    const boxes = page.locator('input[type="checkbox"][name="value"]');
    const radios = page.locator('input[type="radio"][name="value"]');
    if ((await counts.count()) > 0) {
      // "spouse=1,child_minor=2": how many of each relation; nothing typed is living alone.
      for (const pair of (typed[id] ?? "").split(",").filter(Boolean)) {
        const [relation, n] = pair.split("=");
        await page.locator(`input[name="count.${relation}"]`).fill(n as string);
      }
      await next();
    } else if ((await boxes.count()) > 0) {
      for (const value of (typed[id] ?? "none").split(","))
        await page.locator(`input[type="checkbox"][name="value"][value="${value}"]`).check();
      await next();
    } else if ((await radios.count()) > 0) {
      const preferred = page.locator(`input[type="radio"][name="value"][value="${typed[id] ?? "no"}"]`);
      await ((await preferred.count()) > 0 ? preferred : radios.first()).check();
      await next();
    } else if (typed[id] !== undefined) {
      await page.locator("#answer").fill(typed[id] as string);
      await next();
    } else if ((await page.locator('button[name="unknown"]').count()) > 0) {
      await page.locator('button[name="unknown"]').click();
    } else {
      await page.locator("#answer").fill("1");
      await next();
    }
    await page.waitForLoadState();
  }
  throw new Error(`no result after 80 answers (at ${page.url()})`);
}

describe.skipIf(!HAVE_BROWSER)("residents in Chromium", () => {
  it("a self-check with JavaScript off, from the home page to the result", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await page.getByLabel("吉林省").check();
    await page.getByRole("button", { name: "为自己测算" }).click();
    expect(page.url()).toBe(`${server.url}/check`);
    // The household by relation: one page of number boxes. A wrong count is refused next to the boxes.
    await page.locator('input[name="count.spouse"]').fill("1");
    await page.locator('input[name="count.child_minor"]').fill("12");
    await page.getByRole("button", { name: "下一题" }).click();
    await expect.poll(() => page.locator("#answer-error").textContent()).toBe("每一项请写 0 到 9 的数字。");
    // What was typed stays in the boxes, the wrong count too, to be corrected rather than retyped.
    expect(await page.locator('input[name="count.spouse"]').inputValue()).toBe("1");
    expect(await page.locator('input[name="count.child_minor"]').inputValue()).toBe("12");
    await page.locator('input[name="count.child_minor"]').fill("");
    await page.screenshot({ path: artifact("resident-question-error.png"), fullPage: true });
    // A family of four: the couple and two children under 18, 1,500 a month together, a rural hukou.
    const asked = await answerUntilResult(page, {
      household: "spouse=1,child_minor=2",
      hukou: "local_rural",
      householdIncome: "1500",
      "household.age60": "none", // the couple
      "household.age16": "none", // both children are under 16
      currentBenefits: "none",
      // The children (members 3 and 4) have parents able to support them.
      "who.supportersAble": "3,4",
    });
    // Asked about the household once: never anyone's own income, one by one.
    expect(asked.filter((id) => id === "member.income")).toEqual([]);
    expect(asked.length).toBeLessThanOrEqual(20);
    await expect.poll(() => page.locator("h1").textContent()).toBe("您家可能获得的救助");
    // The answer first: the summary at the top, then a card for each program that may apply (低保 for
    // this family), the clauses behind "查看依据", and what does not apply in one line that opens.
    expect(await page.locator("section.summary p").first().textContent()).toMatch(
      /^(很可能可以领|可能可以申请，要核实)：.*低保/,
    );
    expect(await page.locator("section.card").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("section.card details summary").first().textContent()).toBe("查看依据");
    const closed = page.locator("details.closed");
    expect(await closed.locator("summary").textContent()).toMatch(/^这些不适用：/);
    expect(await closed.locator("li").first().isVisible()).toBe(false);
    await closed.locator("summary").click(); // opens without JavaScript
    expect(await closed.locator("li").first().isVisible()).toBe(true);
    const html = await page.content();
    expect(html).not.toMatch(/\d+\.\d{1,2} ?元/);
    await page.screenshot({ path: artifact("resident-result.png"), fullPage: true });
    await context.close();
  });

  it("a family member applies on someone's behalf and gets a reference the store holds", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel("四川省内江市东兴区").check();
    await page.getByRole("button", { name: "为我帮助的人测算" }).click();
    // Her father lives alone: no one else in the household.
    const asked = await answerUntilResult(page, {
      "member.ageBand": "78",
      "member.income": "100",
      hukou: "local_rural",
    });
    expect(asked.length).toBeLessThanOrEqual(14);
    await page.getByRole("link", { name: "转给热线" }).click();
    // Only now: whom it is for, who is applying, one call-back number, and his own if she wishes.
    // The way back says where it goes.
    expect(await page.getByRole("link", { name: "返回结果" }).getAttribute("href")).toBe("/check/result");
    // Sent without his name, with a number one digit short: each refusal says its field's own rule,
    // and everything typed, picked and ticked stays.
    await page.locator("#helperName").fill("王小明");
    await page.locator("#relationship").selectOption("child");
    await page.locator("#phone").fill("1381234567");
    await page.locator("#personPhone").fill("13900001111");
    await page.getByLabel("我为其申请的人已同意把回答转给热线。").first().check();
    await page.locator('input[name="consent"]').check();
    await page.getByRole("button", { name: "转给热线" }).click();
    await expect
      .poll(() => page.locator("#personName-error").textContent())
      .toBe("请写上您帮助的人的姓名或称呼。");
    const kept = async () => ({
      helperName: await page.locator("#helperName").inputValue(),
      relationship: await page.locator("#relationship").inputValue(),
      phone: await page.locator("#phone").inputValue(),
      personPhone: await page.locator("#personPhone").inputValue(),
      basis: await page.getByLabel("我为其申请的人已同意把回答转给热线。").first().isChecked(),
      consent: await page.locator('input[name="consent"]').isChecked(),
    });
    const typed = {
      helperName: "王小明",
      relationship: "child",
      phone: "1381234567",
      personPhone: "13900001111",
      basis: true,
      consent: true,
    };
    expect(await kept()).toEqual(typed);
    await page.locator("#personName").fill("王大爷");
    await page.getByRole("button", { name: "转给热线" }).click();
    await expect
      .poll(() => page.locator("#phone-error").textContent())
      .toBe("请输入11位大陆手机号码，或者带国家代码的国外号码，例如 +44 20 7946 0018。");
    expect(await kept()).toEqual(typed);
    expect(await page.locator("#personName").inputValue()).toBe("王大爷");
    await page.locator("#phone").fill("13812345678");
    await page.screenshot({ path: artifact("family-apply.png"), fullPage: true });
    await page.getByRole("button", { name: "转给热线" }).click();
    const reference = (await page.locator("#reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^DX-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // The deadline as people say it: a day three working days on, and the end of its work.
    expect(await page.locator("main").textContent()).toMatch(
      /热线会在\d{1,2}月\d{1,2}日（周[一二三四五]）(下班前|之内)给您回电（北京时间）。/,
    );
    await page.screenshot({ path: artifact("family-done.png"), fullPage: true });
    // Going back and sending the same form again files nothing new.
    const db = openDb(dbPath);
    const stored = await createRequestStore({
      db,
      vault: createVault(Buffer.from(KEY, "hex")),
      now: () => new Date(),
    }).byReference(reference);
    expect(stored).toMatchObject({
      channel: "portal",
      contactPhone: "13812345678",
      jurisdiction: "neijiang-dongxing",
    });
    expect(stored?.applicant).toMatchObject({
      kind: "helper",
      name: "王小明",
      relationship: "child",
      phone: "13812345678",
    });
    expect(stored?.person).toEqual({ name: "王大爷", phone: "13900001111" });
    expect(stored?.basis).toMatchObject({ kind: "consent", basis: "person_agreed" });
    await db.close();

    // The status lookup: a number not on the request finds nothing, and the boxes keep what was typed.
    await page.goto(`${server.url}/status`);
    await page.locator("#reference").fill(reference.toLowerCase());
    await page.locator("#phone").fill("13900002222");
    await page.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => page.locator("#status-error").isVisible()).toBe(true);
    expect(await page.locator("#reference").inputValue()).toBe(reference.toLowerCase());
    expect(await page.locator("#phone").inputValue()).toBe("13900002222");
    // With his own number (any number on the request finds it), then withdrawing.
    await page.locator("#phone").fill("13900001111");
    await page.getByRole("button", { name: "查询" }).click();
    await expect
      .poll(() => page.locator("section.card .outcome").textContent())
      .toBe("已收到，正在等待热线工作人员受理。");
    expect(page.url()).toBe(`${server.url}/status`); // nothing personal in the address
    // Withdrawing asks once; "不撤回" keeps it, "是，撤回" withdraws.
    await page.getByRole("button", { name: "撤回这个申请" }).click();
    await expect
      .poll(() => page.locator("#withdraw-question").textContent())
      .toBe(`确定撤回 ${reference} 吗？撤回后热线不会再回电；需要时可以重新测算、再次发送。`);
    await page.screenshot({ path: artifact("status-confirm-withdraw.png"), fullPage: true });
    await page.getByRole("button", { name: "不撤回" }).click();
    await expect.poll(() => page.locator("#withdraw-question").count()).toBe(0);
    expect(await page.locator("section.card .outcome").textContent()).toBe(
      "已收到，正在等待热线工作人员受理。",
    );
    await page.getByRole("button", { name: "撤回这个申请" }).click();
    await page.getByRole("button", { name: "是，撤回" }).click();
    await expect.poll(() => page.locator("section.card .outcome").textContent()).toBe("已按您的要求撤回。");
    await page.screenshot({ path: artifact("status-withdrawn.png"), fullPage: true });
    await context.close();
  });

  it("switching language and large text midway keeps the answers and is remembered", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel("江苏省无锡市").check();
    await page.getByRole("button", { name: "为自己测算" }).click();
    await page.locator('input[name="count.spouse"]').fill("1");
    await page.getByRole("button", { name: "下一题" }).click();
    const key = await page.locator('input[name="key"]').first().inputValue();
    // The language menu opens without JavaScript (a <details>), showing the language in use.
    await page.locator("details.langs summary").click();
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.locator("details.langs summary").textContent()).toContain("English");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator('input[name="key"]').first().inputValue()).toBe(key);
    await page.getByRole("button", { name: "Large text" }).click();
    expect(await page.locator("html").getAttribute("class")).toBe("large");
    const size = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeGreaterThanOrEqual(30);
    await page.screenshot({ path: artifact("large-text-en.png"), fullPage: true });
    await page.goto(`${server.url}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("html").getAttribute("class")).toBe("large");
    await context.close();
  });
});
