import { describe, expect, it } from "vitest";
import { typedIntent } from "../../core/interview/intent.ts";
import { parseDate, parseNumber, parsePhone } from "../../core/interview/numbers.ts";

describe("numbers as people type them", () => {
  it.each([
    ["1200", 1200],
    ["1,200", 1200],
    ["1200元", 1200],
    ["１２００", 1200],
    ["1.2万", 12000],
    ["￥1,200.50", 1200.5],
    ["360块", 360],
    ["一千二百", 1200],
    ["三百六", 360], // 三百六 is 三百六十
    ["一千二", 1200],
    ["两千", 2000],
    ["一万二", 12000],
    ["一百零六", 106],
    ["一千零五十", 1050],
    ["十二", 12],
    ["零", 0],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ["65岁", 65],
    ["65周岁", 65],
    ["六十五岁", 65],
    ["72 years", 72],
    ["每月800元", 800],
    ["800元/月", 800],
    ["800元每月", 800],
    ["3人", 3],
    ["三口人", 3],
  ])("reads %s, with the question's own unit, as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["abc", "1,20", "", "12a", "万", "六五", "二零二零"])("refuses %j", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it("reads dates written the Chinese way and with slashes", () => {
    expect(parseDate("2020年7月28日")).toBe("2020-07-28");
    expect(parseDate("2020/7/8")).toBe("2020-07-08");
    expect(parseDate("28/7/2020")).toBeNull();
  });

  it("reads mainland mobile numbers with +86, spaces and dashes", () => {
    expect(parsePhone("+86 138-0013-8000")).toBe("13800138000");
    expect(parsePhone("12345678901")).toBeNull();
  });
});

describe("the interview's own buttons, typed", () => {
  it.each([
    ["不知道", "unknown"],
    ["不清楚。", "unknown"],
    ["I don't know", "unknown"],
    ["返回", "back"],
    ["上一步", "back"],
    ["Back", "back"],
    ["800", null],
    ["没有", null],
  ])("%s → %s", (text, intent) => {
    expect(typedIntent(text)).toBe(intent);
  });
});
