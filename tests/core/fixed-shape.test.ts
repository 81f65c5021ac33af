// The fixed-shape copy is the same situation, with every field the schema knows present.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileAcceptParts } from "../../core/schema/accept.ts";
import { blankOf } from "../../core/schema/blank.ts";
import { compileCopy, fixedShape } from "../../core/schema/fixed-shape.ts";
import {
  disabilitySchema,
  emergencySchema,
  householdIncomeSchema,
  illnessSchema,
  memberSchema,
  situationSchema,
} from "../../core/schema/situation.ts";
import { situationArb } from "./arbitraries.ts";

const keysOf = (o: object) => Object.keys(o);
/** The schema's fields, read from zod: the copy keeps up with the schema or this fails. */
const fieldsOf = (schema: { shape: object }) => Object.keys(schema.shape);

describe("a situation in its fixed shape", () => {
  it("is the same situation: nothing added, lost or changed", () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const input = JSON.parse(JSON.stringify(s));
        expect(JSON.parse(JSON.stringify(fixedShape(input)))).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  it("has every field of the schema, at every level, whatever the input omits", () => {
    const full = fixedShape({
      schemaVersion: 1,
      jurisdiction: "jilin",
      members: [
        {
          ageBand: { from: 60 },
          income: [{ kind: "wage", monthly: 1 }],
          disability: {},
          illness: {},
          parents: ["deceased", { status: "missing" }],
        },
      ],
      householdIncome: { monthly: 1 },
      monthlyExpenses: {},
      currentBenefits: { dibao: {} },
      emergency: {},
    });
    expect(keysOf(full)).toEqual(fieldsOf(situationSchema));
    const m = full.members[0] as NonNullable<(typeof full.members)[0]>;
    expect(keysOf(m)).toEqual(fieldsOf(memberSchema));
    expect(keysOf(m.disability as object)).toEqual(fieldsOf(disabilitySchema));
    expect(keysOf(m.illness as object)).toEqual(fieldsOf(illnessSchema));
    expect(keysOf(full.householdIncome as object)).toEqual(fieldsOf(householdIncomeSchema));
    expect(keysOf(full.emergency as object)).toEqual(fieldsOf(emergencySchema));
    const nested = situationSchema.shape;
    expect(keysOf(full.monthlyExpenses as object)).toEqual(fieldsOf(nested.monthlyExpenses.unwrap()));
    expect(keysOf(full.currentBenefits as object)).toEqual(fieldsOf(nested.currentBenefits.unwrap()));
    expect(keysOf(full.currentBenefits?.dibao as object)).toEqual(
      fieldsOf(nested.currentBenefits.unwrap().shape.dibao.unwrap().unwrap()),
    );
    expect(keysOf(m.ageBand as object)).toEqual(["from", "to"]);
    expect(m.parents).toEqual(["deceased", { status: "missing", since: undefined }]);
  });

  it("copies each field of the schema, at the top and in a member, one field at a time", () => {
    // One field set at a time: a field the copy forgets comes out undefined.
    const base = { schemaVersion: 1, jurisdiction: "jilin", members: [{}] };
    const nested: Record<string, unknown> = {
      householdIncome: { monthly: 1 },
      monthlyExpenses: { medical: 1 },
      currentBenefits: { tekun: true },
      emergency: { kind: "illness" },
    };
    for (const field of fieldsOf(situationSchema)) {
      if (["schemaVersion", "jurisdiction", "members"].includes(field)) continue;
      const value = nested[field] ?? `sentinel:${field}`;
      const out = fixedShape({ ...base, [field]: value } as never) as unknown as Record<string, unknown>;
      expect(JSON.parse(JSON.stringify(out[field])), field).toEqual(value);
    }
    const inMember: Record<string, unknown> = {
      ageBand: { from: 60, to: 70 },
      income: [{ kind: "wage", monthly: 1 }],
      disability: { grade: 1 },
      illness: { serious: true },
      parents: ["deceased"],
    };
    for (const field of fieldsOf(memberSchema)) {
      const value = inMember[field] ?? `sentinel:${field}`;
      const out = fixedShape({ ...base, members: [{ [field]: value }] } as never);
      const copied = (out.members[0] as Record<string, unknown>)[field];
      expect(JSON.parse(JSON.stringify(copied)), field).toEqual(value);
    }
  });

  it("keeps a known none (null) apart from an unknown (omitted)", () => {
    const out = fixedShape({
      schemaVersion: 1,
      jurisdiction: "wuxi",
      members: [{ disability: null, illness: null }],
      currentBenefits: { dibao: null },
      emergency: null,
      povertyExitedOn: null,
    });
    expect(out.members[0]?.disability).toBeNull();
    expect(out.members[0]?.illness).toBeNull();
    expect(out.currentBenefits?.dibao).toBeNull();
    expect(out.emergency).toBeNull();
    expect(out.povertyExitedOn).toBeNull();
    expect(out.householdIncome).toBeUndefined();
  });
});

it("copies only the schema's fields of a member, whatever else an object carries", () => {
  const member = JSON.parse('{"age": 70, "__proto__": {"polluted": true}, "extra": 1}');
  const out = fixedShape({ schemaVersion: 1, jurisdiction: "wuxi", members: [member] });
  const m = out.members[0] as Record<string, unknown>;
  expect(m.age).toBe(70);
  expect(m.extra).toBeUndefined();
  expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
  expect(m.polluted).toBeUndefined();
});

it("is generated only from schemas it can copy faithfully", () => {
  const copy = compileCopy(
    z.strictObject({ a: z.array(z.union([z.string(), z.strictObject({ b: z.number() })])) }),
  );
  expect(copy({ a: ["x", { b: 1, stray: 2 }] })).toEqual({ a: ["x", { b: 1 }] });
  expect(() =>
    compileCopy(z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.string() })])),
  ).toThrow(/union at the root/);
  expect(() => compileCopy(z.strictObject({ a: z.string().transform((s) => s.trim()) }))).toThrow(
    /"pipe" at \.a/,
  );
});

it("makes plain objects, each kind from one blank shared with the check's copy", () => {
  const input = { schemaVersion: 1, jurisdiction: "wuxi", members: [{ age: 70, income: [] }] };
  const mine = fixedShape(input as never);
  const checked = compileAcceptParts(situationSchema).copy(input) as typeof mine;
  for (const o of [mine, mine.members[0], checked, checked.members[0]])
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  expect(checked).toStrictEqual(mine);
  // One constructor per list of fields, so both copies give their objects one layout.
  expect(blankOf(["a", "b"])).toBe(blankOf(["a", "b"]));
  expect(blankOf(["b", "a"])).not.toBe(blankOf(["a", "b"]));
  const blank = new (blankOf(["b", "a"]))();
  expect(Object.keys(blank)).toEqual(["b", "a"]);
  expect(blank).toStrictEqual({ b: undefined, a: undefined });
});
