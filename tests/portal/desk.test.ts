// The agent's desk in Chromium, as a hotline agent on a headset works it: the queue says whom each
// request is for and what decides the order of calls; a full cycle — claim from the list, the call's
// outcome with a note in one form, "下一条" — counted in clicks and page loads; the record opens on a
// summary; the phone stays shown for the visit; facts corrected through the residents' interview.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicies } from "../../core/policies/index.ts";
import { WEEKENDS_ONLY } from "../../core/sla.ts";
import { createVault } from "../../db/crypto.ts";
import { openDb } from "../../db/open.ts";
import { createRequestStore } from "../../db/requests.ts";
import { createStaffStore } from "../../db/staff.ts";
import { createIntake } from "../../portal/server/intake.ts";
import { createPasswordHasher } from "../../portal/server/passwords.ts";
import { type Running, startServer, stop } from "../server/process.ts";
import { axe } from "./axe.ts";
import { artifact, HAVE_BROWSER, launch } from "./browser.ts";

const KEY = "f".repeat(64);
const PASSWORD = "a long staff password";
let server: Running;
let browser: Browser;
let dbPath: string;
const refs: Record<"mother" | "second" | "third", string> = { mother: "", second: "", third: "" };

const violations = async (page: Page) =>
  (await axe(page)).map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

function store() {
  const db = openDb(dbPath);
  const vault = createVault(Buffer.from(KEY, "hex"));
  return { db, requests: createRequestStore({ db, vault, now: () => new Date() }) };
}

async function file(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${server.url}/api/requests`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      consent: { given: true, noticeVersion: "2026-11-28", basis: "person_agreed" },
      ...body,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).reference as string;
}

/** 78, alone, a basic pension of 900 a month, a grade-2 physical disability: her daughter applies. */
const mother = {
  schemaVersion: 1,
  jurisdiction: "wuxi",
  localHukou: true,
  members: [
    {
      relation: "self",
      age: 78,
      income: [{ kind: "pension_basic", monthly: 900 }],
      disability: { grade: 2, category: "physical" },
    },
  ],
};

/** On the register: 77, alone, on a 210-yuan basic pension, unable to work. */
const plainOld = {
  schemaVersion: 1,
  jurisdiction: "wuxi",
  members: [
    { relation: "self", age: 77, workCapacity: "none", income: [{ kind: "pension_basic", monthly: 210 }] },
  ],
};

beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  dbPath = join(mkdtempSync(join(tmpdir(), "intake-desk-")), "desk.sqlite");
  server = await startServer({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" });
  const db = openDb(dbPath);
  const staff = createStaffStore({ db, vault: createVault(Buffer.from(KEY, "hex")), now: () => new Date() });
  const hasher = createPasswordHasher({ logN: 10 });
  const li = await staff.add({
    name: "li",
    role: "agent",
    jurisdiction: "wuxi",
    passwordHash: await hasher.hash(PASSWORD),
  });
  await staff.setPassword(li.id, await hasher.hash(PASSWORD), false);
  // A new account, its one-time password still to be changed.
  await staff.add({
    name: "new",
    role: "agent",
    jurisdiction: "wuxi",
    passwordHash: await hasher.hash(PASSWORD),
  });
  await db.close();
  refs.mother = await file({
    situation: mother,
    contact: { phone: "13812345678" },
    applicant: { kind: "helper", name: "李秀兰", relationship: "child", phone: "13812345678" },
    person: { name: "王桂芳" },
  });
  const plain = (age: number) => ({
    schemaVersion: 1,
    jurisdiction: "wuxi",
    members: [{ relation: "self", age }],
  });
  refs.second = await file({
    situation: plain(66),
    contact: { phone: "13700000002" },
    applicant: { kind: "self", name: "赵建国" },
    consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
  });
  refs.third = await file({
    situation: plain(45),
    contact: { phone: "13700000003" },
    applicant: { kind: "self", name: "孙丽" },
    consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (server) await stop(server);
});

async function signIn(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.getByLabel("用户名").fill("li");
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${server.url}/staff`);
  return { context, page };
}

describe.skipIf(!HAVE_BROWSER)("the agent's desk", () => {
  it("the queue says whom each request is for, and the list view is audited", async () => {
    const { context, page } = await signIn(1366);
    const row = page.locator("table.queue tbody tr", { hasText: refs.mother });
    const cells = await row.locator("td").allTextContents();
    expect(cells[0]).toBe("王桂芳 · 子女代办");
    expect(cells[1]).toBe("78 岁，独居，月收入 900 元（其中基础养老金 900 元），二级肢体残疾");
    expect(cells[2]).toMatch(/低保/);
    expect(cells[3]?.trim()).toMatch(/^\d{2}-\d{2} 周[一二三四五] 17:30\s*\d+ 小时内$/);
    // Nothing in the list wraps a word a character a line at 1366 pixels.
    const lines = await row
      .locator("td.nowrap")
      .last()
      .evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(lines).toBe(1); // "新申请" on one line
    await page.screenshot({ path: artifact("desk-queue-1366.png"), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: artifact("desk-queue-1920.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: artifact("desk-queue-1280.png"), fullPage: true });
    expect(await violations(page)).toEqual([]);
    const { db } = store();
    const [audit] = await db.rows<{ data: string }>(
      sql`SELECT data FROM staff_audit WHERE kind = 'queue_viewed' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.parse(audit?.data ?? "{}").shown).toEqual(
      expect.arrayContaining([refs.mother, refs.second, refs.third]),
    );
    await db.close();
    await context.close();
  });

  it("a full cycle — claim, the call's outcome with a note, the next request — in 4 clicks and 3 page loads", async () => {
    const { context, page } = await signIn(1280);
    let loads = 0;
    let clicks = 0;
    page.on("load", () => loads++);
    const click = async (locator: ReturnType<Page["locator"]>) => {
      clicks++;
      await locator.click();
    };
    // 1. Claim from the list: the record opens on its summary, with the number to dial.
    await click(page.getByRole("button", { name: `受理 ${refs.mother}` }));
    await page.waitForURL(`${server.url}/staff/requests/${refs.mother}`);
    expect(await page.locator("#phone").textContent()).toContain("13812345678");
    expect(await page.locator(".case-who").textContent()).toMatch(/^王桂芳 · 子女代办 · /);
    expect(await page.locator("#case-facts").textContent()).toBe(
      "78 岁，独居，月收入 900 元（其中基础养老金 900 元），二级肢体残疾",
    );
    expect(await page.locator("#case-programs li").count()).toBeGreaterThan(0);
    expect(await page.locator("#case-ask li").count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact("desk-record-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: artifact("desk-record-1920.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await violations(page)).toEqual([]);
    // The summary comes first: above the full facts and the screening cards.
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? 0;
    expect(await top(".case")).toBeLessThan(await top("dl.facts"));
    expect(await top("dl.facts")).toBeLessThan(await top(".card"));
    // 2–3. The call's outcome and a note, in one form.
    await click(page.getByLabel("已引导"));
    await page.getByLabel("备注（可以不写）").fill("女儿代办，已告知带户口簿和残疾证到街道申请");
    await click(page.getByRole("button", { name: "保存", exact: true }));
    await expect.poll(() => page.locator(".case-who").textContent()).toContain("已引导");
    // The phone is still shown: the visit goes on.
    expect(await page.locator("#phone").textContent()).toContain("13812345678");
    // 4. The next request, one link (accesskey "n" from the keyboard).
    expect(await page.locator("#next").getAttribute("accesskey")).toBe("n");
    await click(page.locator("#next"));
    await page.waitForURL(/\/staff\/requests\/WX-/);
    expect(page.url()).not.toContain(refs.mother);
    expect(clicks).toBeLessThanOrEqual(4);
    expect(loads).toBeLessThanOrEqual(3);
    const { db, requests } = store();
    const events = (await requests.events(refs.mother)).map((e) => e.kind);
    // One reveal for the visit, however many pages it took.
    expect(events.filter((k) => k === "phone_revealed")).toHaveLength(1);
    expect(await requests.byReference(refs.mother)).toMatchObject({ status: "referred" });
    await db.close();
    // Leaving the request ends the visit: back on it, the phone is hidden until shown again.
    await page.goto(`${server.url}/staff/requests/${refs.mother}`);
    expect(await page.locator("#phone").count()).toBe(0);
    await page.getByRole("button", { name: "显示回电号码" }).press("Enter");
    await expect.poll(() => page.locator("#phone").textContent()).toContain("13812345678");
    await context.close();
  });

  it("corrects the facts through the interview: one answer changed, re-screened, kept beside the old", async () => {
    const { context, page } = await signIn(1280);
    await page.goto(`${server.url}/staff/requests/${refs.mother}`);
    await page.getByRole("button", { name: "更正信息" }).click();
    await page.waitForURL(`${server.url}/check/result`);
    expect(await page.locator("h1").textContent()).toBe(`正在更正 ${refs.mother} 的信息`);
    expect(await violations(page)).toEqual([]);
    // Her monthly income was 900; the daughter says on the call it is 1,300.
    const income = page.locator("dl.answers dd", { hasText: "900" }).first();
    await income.getByRole("button").click();
    await page.waitForURL(`${server.url}/check`);
    await page.locator("#answer").fill("1300");
    await page.getByRole("button", { name: "下一题" }).click();
    while (new URL(page.url()).pathname === "/check") {
      // Questions the change brought back: "I don't know" where offered.
      await page.locator('button[name="unknown"]').click();
    }
    await page.getByRole("button", { name: "保存更正并重新测算" }).first().click();
    await page.waitForURL(`${server.url}/staff/requests/${refs.mother}`);
    expect(await page.locator("p.notice").textContent()).toBe("已保存为第 2 版。");
    // The new income; her exact age and the kind of disability are kept (the interview asks them coarsely).
    expect(await page.locator("#case-facts").textContent()).toBe(
      "78 岁，独居，月收入 1,300 元，二级肢体残疾",
    );
    // The screening before and after, side by side.
    expect(await page.locator(".side > section h3").allTextContents()).toEqual(["提交时", "第 2 版"]);
    const { db, requests } = store();
    expect((await requests.byReference(refs.mother))?.version).toBe(2);
    await db.close();
    await context.close();
  });

  it("the first-login password page is axe-clean too", async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.getByLabel("用户名").fill("new");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${server.url}/staff/password`);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("an outreach request (主动发现) tells the agent the person has not asked, and filters as its channel", async () => {
    const { db, requests } = store();
    const intake = createIntake({
      requests,
      policies: createPolicies(),
      calendar: WEEKENDS_ONLY,
      now: () => new Date(),
    });
    const { reference } = await intake.fileOutreach({
      registerId: "WX-2026-0001",
      register: "wuxi-register.jsonl",
      situation: plainOld,
      contact: { name: "吴桂兰", phone: "13800000000" },
    });
    await db.close();
    const { context, page } = await signIn(1366);
    await page.goto(`${server.url}/staff?channel=outreach`);
    expect(await page.locator("table tbody tr").count()).toBe(1);
    await page.goto(`${server.url}/staff/requests/${reference}`);
    const notice = (await page.locator("#outreach").textContent()) ?? "";
    expect(notice).toContain("本人还没有提出申请");
    expect(notice).toContain("wuxi-register.jsonl");
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
