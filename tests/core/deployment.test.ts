import { describe, expect, it } from "vitest";
import { parseDeploymentParams } from "../../core/policies/deployment.ts";
import { createPolicies } from "../../core/policies/index.ts";
import { situationSchema } from "../../core/schema/situation.ts";
import { screen } from "../../core/screen.ts";

const jilinHousehold = situationSchema.parse({
  schemaVersion: 1,
  jurisdiction: "jilin",
  asOf: "2019-03-01",
  area: "rural",
  localHukou: true,
  assets: "within_limits",
  members: [
    { relation: "self", age: 50, income: [{ kind: "wage", monthly: 200 }] },
    { relation: "spouse", age: 49, income: [] },
  ],
  monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0 },
  currentBenefits: { dibao: null, tekun: false, orphanAllowance: false },
  incomeAboveStandardSince: null,
  povertyExitedOn: null,
});

describe("deployment figures", () => {
  it("supplies a standard the documents lack: Jilin's test is then decided, (350 × 2 − 200) = 500", () => {
    const without = screen(jilinHousehold, { policies: createPolicies(), today: "2019-03-01" }).results[0];
    expect(without).toMatchObject({ outcome: "possible", monthly: null });

    const file = JSON.stringify({
      schemaVersion: 1,
      packs: {
        jilin: {
          "dibao.standard.rural": [{ from: "2019-01-01", value: 350, source: "某县2019年农村低保标准" }],
        },
      },
    });
    const parsed = parseDeploymentParams(file);
    if (!parsed.ok) throw new Error("valid file refused");
    const screening = screen(jilinHousehold, {
      policies: createPolicies(parsed.params),
      today: "2019-03-01",
    });
    expect(screening.results[0]).toMatchObject({ outcome: "likely", monthly: 500 });
    expect(screening.results[0]?.reasons[0]).toMatchObject({
      basis: "deployment",
      source: "某县2019年农村低保标准",
    });
    expect(screening.packVersion).toMatch(/\+d\.[0-9a-f]{8}$/);
  });

  it("refuses a malformed file, naming the field", () => {
    const bad = parseDeploymentParams(
      JSON.stringify({
        schemaVersion: 1,
        packs: { wuxi: { "dibao.standard.urban": [{ from: "2026-07-01", value: -5, source: "x" }] } },
      }),
    );
    expect(bad).toEqual({
      ok: false,
      issues: [
        {
          path: "packs.wuxi.dibao.standard.urban[0].value",
          code: "too_small",
          values: { minimum: 0, origin: "number" },
        },
      ],
    });
  });

  it("refuses an unknown parameter and an unknown pack by name", () => {
    const bad = parseDeploymentParams(
      JSON.stringify({ schemaVersion: 1, packs: { wuxi: { "dibao.standrd.urban": [] }, shanghai: {} } }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues.map((i) => i.path).sort()).toEqual([
        "packs.shanghai",
        "packs.wuxi.dibao.standrd.urban",
      ]);
  });

  it("refuses text that is not JSON", () => {
    const bad = parseDeploymentParams("{ nope");
    expect(bad.ok).toBe(false);
  });
});
