// The hotline workspace in Chromium against the real server: an agent claims the urgent request a
// resident filed (from the keyboard), calls, notes, refers and closes it; a second agent is told it is
// taken; an agent of another place cannot open it by its address; an expired session keeps the note;
// a supervisor reopens it, exports the day, and reads a dashboard whose numbers match the store.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "../../db/crypto.ts";
import { openDb } from "../../db/open.ts";
import { stats } from "../../db/reports.ts";
import { createStaffStore } from "../../db/staff.ts";
import { createPasswordHasher } from "../../portal/server/passwords.ts";
import { type Running, startServer, stop } from "../server/process.ts";
import { axe } from "./axe.ts";
import { artifact, HAVE_BROWSER, launch } from "./browser.ts";

/** axe's serious and critical findings, as readable lines. */
const violations = async (page: Page) =>
  (await axe(page)).map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

const KEY = "e".repeat(64);
const PASSWORD = "a long staff password";
let server: Running;
let browser: Browser;
let dbPath: string;
let reference = "";

async function account(name: string, role: "agent" | "supervisor", jurisdiction: string) {
  const db = openDb(dbPath);
  const staff = createStaffStore({ db, vault: createVault(Buffer.from(KEY, "hex")), now: () => new Date() });
  const hasher = createPasswordHasher({ logN: 10 });
  const a = await staff.add({ name, role, jurisdiction, passwordHash: await hasher.hash(PASSWORD) });
  await staff.setPassword(a.id, await hasher.hash(PASSWORD), false);
  await db.close();
}

async function signIn(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  expect(await violations(page)).toEqual([]);
  await page.getByLabel("用户名").fill(name);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${server.url}/staff`);
  return { context, page };
}

beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  dbPath = join(mkdtempSync(join(tmpdir(), "intake-staff-")), "staff.sqlite");
  server = await startServer({ DATABASE_PATH: dbPath, INTAKE_DATA_KEY: KEY, SCRYPT_LOG_N: "10" });
  await account("li", "agent", "wuxi");
  await account("zhao", "agent", "wuxi");
  await account("chen", "agent", "jilin");
  await account("wang", "supervisor", "wuxi");
  // A resident's urgent request (an emergency that puts basic living at risk), and an ordinary one.
  const file = async (urgent: boolean, phone: string) => {
    const res = await fetch(`${server.url}/api/requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        situation: {
          schemaVersion: 1,
          jurisdiction: "wuxi",
          members: [{ relation: "self", age: 70 }],
          emergency: { kind: "fire", category: "urgent", basicLivingAtRisk: urgent },
        },
        contact: { phone },
        applicant: { kind: "self" },
        consent: { given: true, noticeVersion: "2026-11-28", basis: "self" },
      }),
    });
    return (await res.json()).reference as string;
  };
  await file(false, "13700000001");
  reference = await file(true, "13812345678");
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  if (server) await stop(server);
});

describe.skipIf(!HAVE_BROWSER)("the hotline workspace in Chromium", () => {
  it("an agent works the urgent request from the keyboard to closed; another agent is told it is taken", async () => {
    const li = await signIn("li");
    const zhao = await signIn("zhao");
    // Urgent first.
    const first = li.page.locator("table.queue tbody tr").first();
    expect(await first.locator("th a").textContent()).toBe(reference);
    await li.page.screenshot({ path: artifact("staff-queue.png"), fullPage: true });
    expect(await violations(li.page)).toEqual([]);
    // Both see the claim button; li claims with the keyboard, then zhao presses his.
    await zhao.page.reload();
    const claim = li.page.getByRole("button", { name: `受理 ${reference}` });
    await claim.focus();
    await li.page.keyboard.press("Enter");
    await li.page.waitForURL(`${server.url}/staff/requests/${reference}`);
    await zhao.page.getByRole("button", { name: `受理 ${reference}` }).click();
    await expect
      .poll(() => zhao.page.locator("p.error").first().textContent())
      .toBe("这个申请已由其他坐席受理。");
    await zhao.page.screenshot({ path: artifact("staff-taken.png"), fullPage: true });

    const page = li.page;
    // Claimed to call: the record opens with the number to dial (one audited reveal for the visit).
    await expect.poll(() => page.locator("#phone").textContent()).toContain("13812345678");
    // A first call not answered, logged with one press; then the call that got through.
    await page.getByRole("button", { name: "无人接听" }).click();
    await page.getByLabel("已回电").check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    // A note over the limit is refused with a message and kept as typed, never cut.
    await page.getByLabel("添加备注").fill("话".repeat(2001));
    await page.getByRole("button", { name: "保存备注" }).click();
    await expect
      .poll(() => page.locator("p.error").first().textContent())
      .toBe("备注最多 2000 个字，现在有 2001 个字。内容还在框里，请删减后再保存。");
    expect((await page.getByLabel("添加备注").inputValue()).length).toBe(2001);
    await page.getByLabel("添加备注").fill("已回电，家里失火，建议到街道申请临时救助");
    await page.getByRole("button", { name: "保存备注" }).click();
    await page.getByLabel("已引导").check();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByLabel("已办结").check();
    await page.getByLabel("办结结果").selectOption("referred_for_application");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => page.locator(".case-who").textContent()).toContain("已办结");
    // The trail in words, who then what, in Beijing time; the views between changes folded.
    const rows = await page
      .locator("table tbody")
      .last()
      .locator("tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
      );
    const said = rows.map(([, who, what]) => `${who} ${what}`);
    for (const line of [
      "li 接手了申请",
      "li 显示了电话号码",
      "li 打了电话：无人接听",
      "li 标记为：已回电",
      "li 写了备注",
      "li 标记为：已引导",
      "li 结案：已引导正式申请",
    ])
      expect(said).toContain(line);
    expect(said.some((line) => line.startsWith("li 查看了申请"))).toBe(true);
    expect(rows.every(([when]) => /^\d{2}-\d{2} 周[一二三四五六日] \d{2}:\d{2}$/.test(when ?? ""))).toBe(
      true,
    );
    expect(rows.map((r) => r[3]).join("")).toContain("已回电，家里失火");
    expect(said.join("\n")).not.toMatch(/[{}]|status_changed|phone_revealed/);
    await page.screenshot({ path: artifact("staff-request-closed.png"), fullPage: true });
    expect(await violations(page)).toEqual([]);
    await li.context.close();
    await zhao.context.close();
  });

  it("an agent of another place cannot open the request by its address", async () => {
    const chen = await signIn("chen");
    const res = await chen.page.goto(`${server.url}/staff/requests/${reference}`);
    expect(res?.status()).toBe(403);
    expect(await chen.page.locator("h1").textContent()).toBe("您的账号无权进行此操作。");
    expect(await chen.page.content()).not.toContain("13812345678");
    expect(await chen.page.locator("table.queue").count()).toBe(0);
    await chen.context.close();
  });

  it("a note typed when the session has ended is kept through signing in again", async () => {
    const li = await signIn("li");
    await li.page.goto(`${server.url}/staff/requests/${reference}`);
    // The session ends (as after 30 idle minutes) while the note is being typed.
    const db = openDb(dbPath);
    await db.rows(sql`DELETE FROM staff_sessions`);
    await db.close();
    await li.page.getByLabel("添加备注").fill("老人耳背，请大声说话");
    await li.page.getByRole("button", { name: "保存备注" }).click();
    await expect
      .poll(() => li.page.locator("p.error").first().textContent())
      .toBe("登录已过期，请重新登录；您的备注已保留。");
    await li.page.getByLabel("用户名").fill("li");
    await li.page.getByLabel("密码").fill(PASSWORD);
    await li.page.getByRole("button", { name: "登录" }).click();
    await li.page.waitForURL(`${server.url}/staff/requests/${reference}`);
    expect(await li.page.getByLabel("添加备注").inputValue()).toBe("老人耳背，请大声说话");
    await li.context.close();
  });

  it("a supervisor reopens it, exports the day, and the dashboard matches the store", async () => {
    const wang = await signIn("wang");
    await wang.page.goto(`${server.url}/staff/requests/${reference}`);
    await wang.page.getByRole("button", { name: "重新打开" }).click();
    await expect.poll(() => wang.page.locator(".case-who").textContent()).toContain("新申请");
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const csv = await wang.context.request.get(
      `${server.url}/api/staff/export?from=${today}&to=${today}&format=csv`,
    );
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(reference);
    expect(text.trim().split("\r\n")).toHaveLength(3); // header + two requests
    await wang.page.goto(`${server.url}/staff/dashboard`);
    await wang.page.screenshot({ path: artifact("staff-dashboard.png"), fullPage: true });
    expect(await violations(wang.page)).toEqual([]);
    // Each bar is labelled with its category; numbers and labels at 16 px; the period picked with dates.
    const labels = await wang.page
      .locator("svg.chart text")
      .evaluateAll((ts) =>
        ts.map((t) => ({ text: t.textContent ?? "", size: Number(t.getAttribute("font-size")) })),
      );
    expect(labels.some((l) => /网页|Telegram|低保|按时/.test(l.text))).toBe(true);
    expect(Math.min(...labels.map((l) => l.size))).toBeGreaterThanOrEqual(16);
    expect(await wang.page.locator('input[name="from"]').getAttribute("type")).toBe("date");
    await wang.page.setViewportSize({ width: 1920, height: 1080 });
    await wang.page.screenshot({ path: artifact("staff-dashboard-1920.png"), fullPage: true });
    const shown = await wang.page.locator("td[data-count]").allTextContents();
    const db = openDb(dbPath);
    const s = await stats(
      db,
      "wuxi",
      { from: new Date(Date.now() - 29 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10), to: today },
      new Date(),
    );
    await db.close();
    const expected = [
      ...s.perDay.map((r) => r.n),
      ...s.outcomes.filter((o) => o.outcome !== "unlikely").map((o) => o.n),
      s.sla.met,
      s.sla.missed,
      s.sla.pending,
      ...s.urgency.map((u) => u.open),
    ].map(String);
    expect(shown).toEqual(expected);
    expect(s.perDay.reduce((n, r) => n + r.n, 0)).toBe(2);
    // A date that does not exist: 400, said beside the field it is in, the figures not drawn.
    const bad = await wang.page.goto(`${server.url}/staff/dashboard?from=2026-02-31&to=2026-03-05`);
    expect(bad?.status()).toBe(400);
    expect(await wang.page.locator("#date-error").textContent()).toBe("开始日期：没有这一天，请核对日期。");
    expect(await wang.page.locator('input[name="from"]').getAttribute("aria-invalid")).toBe("true");
    expect(await wang.page.locator("td[data-count]").count()).toBe(0);
    // Nonsense in the address is a 400 or a 404, never a 500.
    expect((await wang.page.goto(`${server.url}/staff/dashboard?to=garbage`))?.status()).toBe(400);
    expect((await wang.page.goto(`${server.url}/staff/requests/%E0%A4`))?.status()).toBe(404);
    await wang.context.close();
  });
});
