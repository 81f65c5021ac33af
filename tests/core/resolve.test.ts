import { describe, expect, it } from "vitest";
import type { Dated } from "../../core/policies/params.ts";
import { resolve } from "../../core/policies/resolve.ts";

const wuxiStandard: Dated<number>[] = [
  { from: "2018-07-01", value: 900, basis: "supplementary", source: "锡政发〔2018〕34号" },
  { from: "2020-07-01", value: 1000, kind: "floor", basis: "seed", source: "锡民联发〔2019〕4号 二(一)1" },
  { from: "2020-07-01", value: 1010, basis: "supplementary", source: "锡政发〔2021〕14号" },
];

describe("which value is in force", () => {
  it("takes the latest value starting on or before the date", () => {
    expect(resolve(wuxiStandard, "2020-06-30")?.value).toBe(900);
  });

  it("lets a published exact figure refine a seed floor the same day, keeping the floor cited (1000元以上 → 1010)", () => {
    expect(resolve(wuxiStandard, "2020-07-01")).toEqual({
      value: 1010,
      kind: "exact",
      basis: "supplementary",
      source: "锡政发〔2021〕14号",
      floor: { value: 1000, source: "锡民联发〔2019〕4号 二(一)1" },
    });
  });

  it("keeps the seed floor where no published figure refines it", () => {
    const floorOnly = wuxiStandard.filter((v) => v.value !== 1010);
    expect(resolve(floorOnly, "2020-07-01")).toMatchObject({ value: 1000, kind: "floor", basis: "seed" });
  });

  it("ranks a deployment above the seed, and the seed above national and supplementary figures", () => {
    const values: Dated<number>[] = [
      { from: "2020-01-01", value: 1, basis: "supplementary", source: "s" },
      { from: "2020-01-01", value: 2, basis: "national", source: "n" },
      { from: "2020-01-01", value: 3, basis: "seed", source: "d" },
    ];
    expect(resolve(values, "2021-01-01")?.value).toBe(3);
    expect(
      resolve([...values, { from: "2021-01-01", value: 4, basis: "deployment", source: "x" }], "2021-01-01")
        ?.value,
    ).toBe(4);
    expect(
      resolve([...values, { from: "2021-01-01", value: 4, basis: "deployment", source: "x" }], "2020-12-31")
        ?.value,
    ).toBe(3);
  });

  it("ends a value after its last day (to is included)", () => {
    const values: Dated<number>[] = [
      { from: "2020-01-01", to: "2020-12-31", value: 100, basis: "seed", source: "东兴区工作机制 三(四)3" },
    ];
    expect(resolve(values, "2020-12-31")?.value).toBe(100);
    expect(resolve(values, "2021-01-01")).toBeUndefined();
  });
});
