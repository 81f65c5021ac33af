// When the hotline calls back, as people say it. Deadlines are stored as instants (UTC); the words are
// Beijing time (UTC+8): a deadline counted in working days (17:30 on the third, core/sla.ts) reads
// "…下班前"; an urgent one (24 hours) gives the date and the hour.

import { describe, expect, it } from "vitest";
import { callbackBy } from "../../locales/deadline.ts";
import { createI18nSync } from "../../locales/i18n.ts";

const zh = createI18nSync("zh-CN");
const hant = createI18nSync("zh-Hant");
const en = createI18nSync("en");

describe("the call-back deadline in words", () => {
  it("a working-day deadline names the day and the end of work (2026-12-03 09:30 UTC = Thursday 17:30 in Beijing)", () => {
    expect(callbackBy(zh, "2026-12-03T09:30:00.000Z", false)).toBe("12月3日（周四）下班前");
    expect(callbackBy(hant, "2026-12-03T09:30:00.000Z", false)).toBe("12月3日（週四）下班前");
    expect(callbackBy(en, "2026-12-03T09:30:00.000Z", false)).toBe(
      "before the end of the working day on Thursday 3 December",
    );
  });

  it("an urgent deadline gives the date and the hour (07:00 UTC = 15:00 in Beijing)", () => {
    expect(callbackBy(zh, "2026-12-01T07:00:00.000Z", true)).toBe("12月1日（周二）15:00 前");
    expect(callbackBy(en, "2026-12-01T07:00:00.000Z", true)).toBe("by 15:00 on Tuesday 1 December");
  });

  it("the date is Beijing's, not UTC's: 16:30 UTC on 31 December is 00:30 on New Year's Day", () => {
    expect(callbackBy(zh, "2026-12-31T16:30:00.000Z", true)).toBe("1月1日（周五）00:30 前");
  });
});
