// The compiled check against zod, the one source: on valid situations and on broken ones it says yes
// exactly where zod does, and what it accepts is what zod would give back.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileAccept, compileAcceptParts, REFUSED } from "../../core/schema/accept.ts";
import { fixedShape } from "../../core/schema/fixed-shape.ts";
import { situationSchema } from "../../core/schema/situation.ts";
import { parseSituation } from "../../core/screen.ts";
import { situationArb } from "./arbitraries.ts";

const accept = compileAccept(situationSchema);
const parts = compileAcceptParts(situationSchema);
/** A value's fields in order, undefined ones included (JSON would drop them): the copy's layout. */
const layout = (v: unknown) => JSON.stringify(v, (_, x) => (x === undefined ? null : x));
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

/** Every place in a value a mutation may hit: object keys and array items, as paths. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== "object" || v === null) return [];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [at, ...entries.flatMap(([k, x]) => [[...at, k], ...pathsOf(x, [...at, k])])];
}

/** Values that break a field in every way a caller might: wrong types, bounds, bad dates, odd keys. */
const junk = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    "",
    "2025-02-30",
    "2025-2-3",
    "1899-12-31",
    "2201-01-01",
    "9999-99-99",
    "self",
    "spouse",
    "urban",
    "within_limits",
    -1,
    0,
    1.5,
    5,
    21,
    131,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    [],
    {},
    { from: 70, to: 60 },
    { monthly: 100, pensionBasic: 200 },
    { status: "deceased", since: "2030-01-01" },
  ),
  fc.anything({ maxDepth: 2 }),
);

type Mutation = { path: (string | number)[]; op: "set" | "delete" | "extra"; value: unknown };

function mutate(s: unknown, m: Mutation): unknown {
  const copy = asJson(s);
  if (m.path.length === 0) return m.op === "set" ? m.value : copy;
  let parent: Record<string | number, unknown> = copy;
  for (const k of m.path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = m.path[m.path.length - 1] as string | number;
  if (m.op === "delete") delete parent[last];
  else if (m.op === "extra" && typeof parent[last] === "object" && parent[last] !== null)
    (parent[last] as Record<string, unknown>).unexpected = m.value;
  else parent[last] = m.value;
  return copy;
}

const broken = situationArb.chain((s) =>
  fc
    .record({
      path: fc.constantFrom(...pathsOf(asJson(s))),
      op: fc.constantFrom("set" as const, "set" as const, "delete" as const, "extra" as const),
      value: junk,
    })
    .map((m) => mutate(s, m)),
);

describe("the compiled situation check", () => {
  it("accepts every valid situation, and zod gives back the same situation", () => {
    fc.assert(
      fc.property(situationArb, (s) => {
        const input = asJson(s);
        expect(accept(input)).toBe(true);
        expect(situationSchema.parse(input)).toEqual(input);
        // The check's copy is the fixed shape: every field, in the schema's order, as fixedShape makes it.
        const copy = parts.copy(input);
        expect(copy).toStrictEqual(fixedShape(input as Parameters<typeof fixedShape>[0]));
        expect(layout(copy)).toBe(layout(fixedShape(input as Parameters<typeof fixedShape>[0])));
      }),
      { numRuns: 500 },
    );
  });

  it("says yes exactly where zod does on broken situations", () => {
    let refused = 0;
    fc.assert(
      fc.property(broken, (input) => {
        const zodSays = situationSchema.safeParse(input).success;
        expect(accept(input)).toBe(zodSays);
        // parseSituation reads the cross-field refinements on the copy: never a yes where zod says no.
        expect(parseSituation(input).ok).toBe(zodSays);
        if (!zodSays) refused++;
      }),
      { numRuns: 3000 },
    );
    // Most mutations break the situation: the comparison is about refusals, not only acceptances.
    expect(refused).toBeGreaterThan(1500);
  });

  it("refuses what only the refinements catch: a reversed age band, parts above the total, a birth after asOf", () => {
    const base = { schemaVersion: 1, jurisdiction: "wuxi", asOf: "2026-01-01", members: [{ age: 70 }] };
    expect(accept(base)).toBe(true);
    expect(accept({ ...base, members: [{ ageBand: { from: 70, to: 60 } }] })).toBe(false);
    expect(accept({ ...base, householdIncome: { monthly: 100, pensionBasic: 150 } })).toBe(false);
    expect(accept({ ...base, members: [{ birthDate: "2026-01-02" }] })).toBe(false);
    expect(accept({ ...base, members: [{ relation: "spouse" }] })).toBe(false);
    expect(accept({ ...base, members: [{}, { relation: "self" }] })).toBe(false);
    expect(accept({ ...base, emergency: { date: "2026-01-05" } })).toBe(false);
    expect(accept({ ...base, asOf: "2026-02-29" })).toBe(false);
    // The cross-field refinements alone: the shape is right and copied, the root's own checks refuse it.
    const late = parts.copy({ ...base, members: [{ birthDate: "2026-01-02" }] });
    expect(late).not.toBe(REFUSED);
    expect(parts.refinements(late)).toBe(false);
    expect(
      accept(JSON.parse('{"schemaVersion":1,"jurisdiction":"wuxi","members":[{}],"__proto__":{}}')),
    ).toBe(false);
  });

  it("hands refused input to zod, which names the field", () => {
    const out = parseSituation({ schemaVersion: 1, jurisdiction: "wuxi", members: [{ age: -3 }] });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues.map((i) => i.path)).toEqual(["members[0].age"]);
  });

  it("says yes exactly where zod does, check by check, on each side of every bound", () => {
    const many = Array.from({ length: 14 }, (_, i) => `v${i}`) as [string, ...string[]];
    const list = z.array(z.number()).max(2);
    (list._zod.def.checks?.[0]?._zod.def as { when?: unknown }).when = (p: { value: unknown }) =>
      Array.isArray(p.value) && p.value.length < 4;
    const schemas = {
      gte: z.number().min(1),
      gt: z.number().gt(1),
      lte: z.number().max(5),
      lt: z.number().lt(5),
      int: z.number().int(),
      minLength: z.string().min(2),
      maxLength: z.string().max(3),
      pattern: z.string().regex(/^a+$/),
      patternGlobal: z.string().regex(/a/g),
      arrayLength: z.array(z.number()).min(1).max(2),
      smallEnum: z.enum(["a", "b"]),
      largeEnum: z.enum(many),
      literal: z.literal([1, "one", true]),
      union: z.union([z.number().int(), z.strictObject({ n: z.number() })]),
      refined: z.number().refine((n) => n % 2 === 0),
      // zod reads a refinement's answer by truthiness: 0 fails, 0.5 passes.
      truthy: z.number().refine((n) => n),
      superRefined: z.number().superRefine((n, ctx) => {
        if (n > 2) ctx.addIssue({ code: "custom", message: "over two" });
      }),
      nested: z.array(z.strictObject({ a: z.string().nullable(), b: z.boolean().optional() })),
      // Refinements that ask which keys are there: zod's output holds only the keys given.
      keysThere: z.strictObject({ n: z.number().optional() }).refine((o) => "n" in o),
      keysAbsent: z.strictObject({ n: z.number().optional() }).refine((o) => !("n" in o)),
      nestedKeys: z.array(
        z.strictObject({ n: z.number().optional() }).refine((o) => Object.keys(o).length > 0),
      ),
      listOfKeys: z
        .array(z.strictObject({ n: z.number().optional() }))
        .refine((xs) => xs.every((x) => "n" in x)),
      // A length check with a `when` of its own (longer lists pass it unchecked) is zod's to run.
      lengthWhen: z.strictObject({ xs: list }),
      // A numeric TypeScript enum as zod takes it: 0 and 1, not the reverse mappings "Up" and "Down".
      numericEnum: z.enum({ Up: 0, Down: 1, 0: "Up", 1: "Down" } as unknown as Record<string, number>),
    };
    const values = [
      ...[0, 0.5, 1, 1.5, 2, 4, 4.5, 5, 5.5, -1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY],
      ...["", "a", "aa", "aaa", "aaaa", "ab", "b", "v0", "v13", "v14", "one"],
      // Outside the basic plane: one character to zod, two UTF-16 units to JavaScript.
      ...["𠀀", "𠀀𠀀", "a𠀀", "𠀀𠀀𠀀", "aa𠀀"],
      ...[true, false, null, undefined, [], [1], [1, 2], [1, 2, 3], ["1"], {}, { n: 1 }, { n: "1" }],
      ...[[{ a: null }], [{ a: "x", b: true }], [{ a: "x", c: 1 }], [{ b: true }], [{ a: 1 }]],
      ...[[{}], [{ n: 1 }], [{ n: 1 }, {}], { xs: [1] }, { xs: [1, 2, 3] }, { xs: [1, 2, 3, 4, 5] }],
      ...["Up", "Down", "0"],
    ];
    for (const [name, schema] of Object.entries(schemas)) {
      const compiled = compileAccept(schema);
      for (const v of values)
        expect(compiled(v), `${name} on ${JSON.stringify(v)}`).toBe(schema.safeParse(v).success);
    }
  });

  it("refuses to compile a schema whose output would differ from its input", () => {
    expect(() => compileAccept(z.object({ a: z.string() }))).toThrow(/non-strict object/);
    expect(() => compileAccept(z.strictObject({ a: z.string().transform((s) => s.trim()) }))).toThrow(
      /"pipe" at \.a/,
    );
    expect(() => compileAccept(z.strictObject({ a: z.number().default(1) }))).toThrow(/"default" at \.a/);
    // zod requires the key of a literal undefined; a walk over the input's own keys cannot.
    expect(() => compileAccept(z.strictObject({ a: z.literal(undefined) }))).toThrow(
      /literal undefined at \.a/,
    );
  });
});
