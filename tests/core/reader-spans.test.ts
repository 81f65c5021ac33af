// A reader is shared by every screening in a span of dates in which nothing a pack reads changes: on
// each side of every date a value starts or stops, the shared reader reads what resolving afresh gives.

import { describe, expect, it } from "vitest";
import { addDays } from "../../core/dates.ts";
import { createPolicies } from "../../core/policies/index.ts";
import type { Pack } from "../../core/policies/pack.ts";
import { type ParamKey, paramSchemas } from "../../core/policies/params.ts";
import { createReader, readerFor } from "../../core/policies/reader.ts";

const KEYS = Object.keys(paramSchemas) as ParamKey[];

/** Every date a value of the pack (its counties' and the national layer's too) starts, stops, or is the day after. */
function edges(national: Pack, pack: Pack): string[] {
  const tables = [national.params, pack.params, ...Object.values(pack.counties ?? {}).map((c) => c.params)];
  const out = new Set<string>();
  for (const table of tables)
    for (const values of Object.values(table))
      for (const v of values ?? []) {
        out.add(addDays(v.from, -1));
        out.add(v.from);
        if (v.to !== undefined) {
          out.add(v.to);
          out.add(addDays(v.to, 1));
        }
      }
  return [...out].sort();
}

describe("readers shared across a span of dates", () => {
  const policies = createPolicies({
    // A deployment's own dates cut spans too: a figure from 2027-01-01 to 2027-06-30.
    wuxi: {
      "dibao.standard.urban": [
        { from: "2027-01-01", to: "2027-06-30", value: 1300, basis: "deployment", source: "deployment" },
      ],
    },
  });
  for (const pack of Object.values(policies.packs)) {
    const counties = [undefined, ...Object.keys(pack.counties ?? {}), "elsewhere"];
    it(`${pack.id}: every parameter, on each side of every change, as if resolved afresh`, () => {
      let compared = 0;
      for (const date of [...edges(policies.national, pack), "2027-01-01", "2027-06-30", "2027-07-01"])
        for (const county of counties) {
          const shared = readerFor(policies, pack, date, county);
          const fresh = createReader(policies, pack, date, county);
          for (const key of KEYS) {
            expect(shared.get(key), `${key} on ${date} (${county ?? "no county"})`).toEqual(fresh.get(key));
            expect(shared.amount(key), `${key} on ${date}`).toEqual(fresh.amount(key));
            compared++;
          }
        }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("a deployment's figure holds from its first day to its last, and not a day beyond", () => {
    const wuxi = policies.packs.wuxi;
    const read = (date: string) =>
      readerFor(policies, wuxi, date, undefined).get("dibao.standard.urban")?.value;
    expect(read("2026-12-31")).not.toBe(1300);
    expect(read("2027-01-01")).toBe(1300);
    expect(read("2027-06-30")).toBe(1300);
    expect(read("2027-07-01")).not.toBe(1300);
  });
});
