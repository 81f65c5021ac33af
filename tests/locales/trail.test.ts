// A request's trail as staff read it, in each language: who, then what, with every value worded —
// never a code or JSON — in Beijing time; one person's views within 30 minutes fold into one line.

import { describe, expect, it } from "vitest";
import { createI18nSync } from "../../locales/i18n.ts";
import { type TrailEvent, trailLines } from "../../locales/trail.ts";

// Friday 2026-11-27 in Beijing: 10:00 is 02:00Z.
const at = (hhmm: string) =>
  `2026-11-27T${String(Number(hhmm.slice(0, 2)) - 8).padStart(2, "0")}:${hhmm.slice(3)}:00.000Z`;
const EVENTS: TrailEvent[] = [
  { at: at("10:00"), kind: "created", actor: "resident", data: { channel: "bot", urgent: true } },
  { at: at("10:05"), kind: "viewed", actor: "李", data: null },
  { at: at("10:20"), kind: "viewed", actor: "李", data: null },
  { at: at("10:45"), kind: "viewed", actor: "李", data: null }, // 25 minutes after the last: folded
  { at: at("10:46"), kind: "phone_revealed", actor: "李", data: null },
  { at: at("10:47"), kind: "call_attempt", actor: "李", data: { result: "no_answer" } },
  { at: at("11:30"), kind: "viewed", actor: "李", data: null }, // a change between: a line of its own
  {
    at: at("15:00"),
    kind: "status_changed",
    actor: "王",
    data: { to: "closed", outcome: "unreachable" },
    text: "三次没人接",
  },
];

describe("the trail in words", () => {
  it("zh-CN: 李 查看了申请（3 次）, 王 结案：联系不上 — codes worded, times in Beijing time", () => {
    const lines = trailLines(createI18nSync("zh-CN"), EVENTS);
    expect(lines).toEqual([
      { when: "11-27 周五 10:00", who: "申请人", what: "提交了紧急申请（Telegram）" },
      { when: "11-27 周五 10:05", who: "李", what: "查看了申请（3 次）" },
      { when: "11-27 周五 10:46", who: "李", what: "显示了电话号码" },
      { when: "11-27 周五 10:47", who: "李", what: "打了电话：无人接听" },
      { when: "11-27 周五 11:30", who: "李", what: "查看了申请" },
      { when: "11-27 周五 15:00", who: "王", what: "结案：联系不上", note: "三次没人接" },
    ]);
  });

  it("zh-Hant and en say the same", () => {
    const hant = trailLines(createI18nSync("zh-Hant"), EVENTS).map((l) => `${l.who} ${l.what}`);
    expect(hant).toContain("王 結案：聯絡不上");
    expect(hant).toContain("李 查看了申請（3 次）");
    const en = trailLines(createI18nSync("en"), EVENTS);
    expect(en.map((l) => `${l.who} ${l.what}`)).toEqual([
      "The applicant sent an urgent request (Telegram)",
      "李 viewed the request (3 times)",
      "李 showed the phone number",
      "李 called: no answer",
      "李 viewed the request",
      "王 closed it: Unreachable",
    ]);
    expect(en[0]?.when).toBe("11-27 Fri 10:00");
  });

  it("no line carries a code or JSON, in any language", () => {
    for (const lang of ["zh-CN", "zh-Hant", "en"] as const)
      for (const line of trailLines(createI18nSync(lang), EVENTS))
        expect(`${line.who} ${line.what}`).not.toMatch(/[{}_]|common:|undefined/);
  });
});
