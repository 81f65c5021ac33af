// When the hotline calls back, as people say it. Deadlines are stored as instants (UTC); the words are
// Beijing time (UTC+8): a deadline counted in working days reads "…下班前" up to 18:00, "…之内" after;
// an urgent one (24 hours) gives the date and the hour.

import { describe, expect, it } from "vitest";
import { callbackBy } from "../../locales/deadline.ts";
import { createI18nSync } from "../../locales/i18n.ts";

const zh = createI18nSync("zh-CN");
const hant = createI18nSync("zh-Hant");
const en = createI18nSync("en");

describe("the call-back deadline in words", () => {
  it("a working-day deadline names the day and the end of work (2026-12-03 02:00 UTC = Thursday 10:00 in Beijing)", () => {
    expect(callbackBy(zh, "2026-12-03T02:00:00.000Z", false)).toBe("12月3日（周四）下班前");
    expect(callbackBy(hant, "2026-12-03T02:00:00.000Z", false)).toBe("12月3日（週四）下班前");
    expect(callbackBy(en, "2026-12-03T02:00:00.000Z", false)).toBe(
      "before the end of the working day on Thursday 3 December",
    );
  });

  it("18:00 is still the end of work; a deadline one minute later is the end of that day", () => {
    expect(callbackBy(zh, "2026-12-03T10:00:00.000Z", false)).toBe("12月3日（周四）下班前");
    expect(callbackBy(zh, "2026-12-03T10:01:00.000Z", false)).toBe("12月3日（周四）之内");
    expect(callbackBy(en, "2026-12-03T10:01:00.000Z", false)).toBe("by the end of Thursday 3 December");
  });

  it("an urgent deadline gives the date and the hour (07:00 UTC = 15:00 in Beijing)", () => {
    expect(callbackBy(zh, "2026-12-01T07:00:00.000Z", true)).toBe("12月1日（周二）15:00 前");
    expect(callbackBy(en, "2026-12-01T07:00:00.000Z", true)).toBe("by 15:00 on Tuesday 1 December");
  });

  it("the date is Beijing's, not UTC's: 16:30 UTC on 31 December is 00:30 on New Year's Day", () => {
    expect(callbackBy(zh, "2026-12-31T16:30:00.000Z", true)).toBe("1月1日（周五）00:30 前");
  });
});
