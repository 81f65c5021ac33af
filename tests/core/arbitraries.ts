// Generators of schema-valid situations, shared by the property tests and the bench. Any field may be
// omitted (unknown), null (known "none") or known; every jurisdiction, 1–5 members, asOf 2018–2026.

import fc from "fast-check";
import {
  ABILITY,
  DISABILITY_CATEGORIES,
  DISEASES,
  EMERGENCY_CATEGORIES,
  EMERGENCY_KINDS,
  INCOME_KINDS,
  JURISDICTIONS,
  PARENT_STATUSES,
  RELATIONS,
} from "../../core/schema/enums.ts";
import type { Member, Situation } from "../../core/schema/situation.ts";

/** A real calendar date between two years (inclusive), as `YYYY-MM-DD`. */
export function dateBetween(fromYear: number, toYear: number): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date(Date.UTC(fromYear, 0, 1)),
      max: new Date(Date.UTC(toYear, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

/** Money in yuan: mostly whole amounts around the standards (300–1200), sometimes fen, sometimes large. */
export const money: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1500 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 150_000 }).map((fen) => fen / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 30_000 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);

const incomeItem = fc.record({ kind: fc.constantFrom(...INCOME_KINDS), monthly: money });

const disability = fc.record(
  { grade: fc.integer({ min: 1, max: 4 }), category: fc.constantFrom(...DISABILITY_CATEGORIES) },
  { requiredKeys: [] },
);

const illness = fc.record(
  { serious: fc.boolean(), disease: fc.constantFrom(...DISEASES), medicalAid: fc.boolean() },
  { requiredKeys: [] },
);

const parentStatus = fc.constantFrom(...PARENT_STATUSES);
const parentEntry = fc.oneof(
  parentStatus,
  fc.record({ status: parentStatus, since: dateBetween(2012, 2026) }, { requiredKeys: ["status"] }),
);

/** `null` (known none), or a value, or omitted: the caller's record makes the key optional. */
function nullable<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: arb });
}

const memberFields = {
  selfCare: fc.constantFrom(...ABILITY),
  workCapacity: fc.constantFrom(...ABILITY),
  employed: fc.boolean(),
  income: fc.array(incomeItem, { maxLength: 3 }),
  disability: nullable(disability),
  illness: nullable(illness),
  dependsOnFamily: fc.boolean(),
  canLiveAlone: fc.boolean(),
  supportersAble: fc.boolean(),
  supportOwedMonthly: money,
  parents: fc.array(parentEntry, { maxLength: 2 }),
};

/** Age as whole years, or a birth date, or neither (never both: they are one fact, `members[i].age`). */
const ageFields = fc.oneof(
  fc.record({ age: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 100 })) }),
  fc.record({ birthDate: dateBetween(1925, 2026) }),
  fc.constant({}),
);

function member(first: boolean): fc.Arbitrary<Member> {
  const relation = first
    ? fc.constant("self" as const)
    : fc.constantFrom(...RELATIONS.filter((r) => r !== "self"));
  return fc
    .tuple(fc.record({ relation, ...memberFields }, { requiredKeys: [] }), ageFields)
    .map(([m, age]) => ({ ...m, ...age }) as Member);
}

const monthlyExpenses = fc.record(
  { medical: money, care: money, rehabilitation: money, employment: money },
  { requiredKeys: [] },
);

const currentBenefits = fc.record(
  {
    dibao: nullable(
      fc.record({ since: dateBetween(2015, 2026), monthlyAmount: money }, { requiredKeys: [] }),
    ),
    tekun: fc.boolean(),
    orphanAllowance: fc.boolean(),
    unsupportedChildAllowance: fc.boolean(),
    disabilitySubsidies: fc.boolean(),
  },
  { requiredKeys: [] },
);

const emergency = fc.record(
  {
    kind: fc.constantFrom(...EMERGENCY_KINDS),
    category: fc.constantFrom(...EMERGENCY_CATEGORIES),
    date: dateBetween(2017, 2026),
    basicLivingAtRisk: fc.boolean(),
    outOfPocket: fc.oneof(money, fc.integer({ min: 0, max: 100_000 })),
    inJurisdiction: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Dates of events must not fall after asOf (the schema refuses them): pull any such date back to asOf. */
function clampDates(s: Situation): Situation {
  const asOf = s.asOf;
  if (asOf === undefined) return s;
  const clamp = (d: string) => (d > asOf ? asOf : d);
  const members = s.members.map((m) => ({
    ...m,
    ...(m.birthDate !== undefined ? { birthDate: clamp(m.birthDate) } : {}),
    ...(m.parents !== undefined
      ? {
          parents: m.parents.map((p) =>
            typeof p === "string" || p.since === undefined ? p : { ...p, since: clamp(p.since) },
          ),
        }
      : {}),
  }));
  const out: Situation = { ...s, members };
  if (s.emergency?.date !== undefined) out.emergency = { ...s.emergency, date: clamp(s.emergency.date) };
  if (s.povertyExitedOn) out.povertyExitedOn = clamp(s.povertyExitedOn);
  if (s.incomeAboveStandardSince) out.incomeAboveStandardSince = clamp(s.incomeAboveStandardSince);
  const dibao = s.currentBenefits?.dibao;
  if (dibao?.since !== undefined)
    out.currentBenefits = { ...s.currentBenefits, dibao: { ...dibao, since: clamp(dibao.since) } };
  return out;
}

export const situationArb: fc.Arbitrary<Situation> = fc
  .tuple(
    fc.record(
      {
        schemaVersion: fc.constant(1 as const),
        jurisdiction: fc.constantFrom(...JURISDICTIONS),
        asOf: dateBetween(2018, 2026),
      },
      { requiredKeys: ["schemaVersion", "jurisdiction", "asOf"] },
    ),
    fc.record(
      {
        area: fc.constantFrom("urban" as const, "rural" as const),
        localHukou: fc.boolean(),
        county: fc.constantFrom("taishan", "kaiping", "enping", "jianghai"),
        registeredPoor: fc.boolean(),
        povertyExitedOn: nullable(dateBetween(2016, 2026)),
        assets: fc.constantFrom("within_limits" as const, "over_limits" as const),
        monthlyExpenses,
        currentBenefits,
        incomeAboveStandardSince: nullable(dateBetween(2016, 2026)),
        emergency: nullable(emergency),
      },
      { requiredKeys: [] },
    ),
    fc
      .integer({ min: 0, max: 4 })
      .chain((others) =>
        fc.tuple(member(true), fc.array(member(false), { minLength: others, maxLength: others })),
      ),
  )
  .map(([head, rest, [first, others]]) => clampDates({ ...head, ...rest, members: [first, ...others] }));

// ---------------------------------------------------------------------------------------------------
// Facts that can be made unknown: each known field, by the path the rules name it with.

export interface FactSlot {
  /** The contract path of the fact (`members[1].disability`, `emergency.date`, `area` …). */
  path: string;
  /** The situation with this fact omitted. */
  remove: (s: Situation) => Situation;
}

type Obj = Record<string, unknown>;

function omit<T extends Obj>(o: T, key: string): T {
  const out = { ...o };
  delete out[key];
  return out;
}

function onMember(s: Situation, i: number, f: (m: Member) => Member): Situation {
  return { ...s, members: s.members.map((m, j) => (j === i ? f(m) : m)) };
}

const TOP_LEVEL = [
  "area",
  "localHukou",
  "county",
  "registeredPoor",
  "povertyExitedOn",
  "assets",
  "monthlyExpenses",
  "currentBenefits",
  "incomeAboveStandardSince",
  "emergency",
] as const;

const MEMBER_LEVEL = [
  "selfCare",
  "workCapacity",
  "employed",
  "income",
  "disability",
  "illness",
  "dependsOnFamily",
  "canLiveAlone",
  "supportersAble",
  "supportOwedMonthly",
  "parents",
] as const;

/** Every fact this situation states, as something that can be omitted again. */
export function knownFacts(s: Situation): FactSlot[] {
  const slots: FactSlot[] = [];
  for (const key of TOP_LEVEL) {
    if (s[key] === undefined) continue;
    slots.push({ path: key, remove: (x) => omit(x as Obj, key) as Situation });
  }
  for (const group of ["monthlyExpenses", "currentBenefits", "emergency"] as const) {
    const value = s[group] as Obj | null | undefined;
    if (!value) continue;
    for (const key of Object.keys(value)) {
      slots.push({
        path: `${group}.${key}`,
        remove: (x) => ({ ...x, [group]: omit(x[group] as Obj, key) }),
      });
    }
  }
  const dibao = s.currentBenefits?.dibao;
  if (dibao) {
    for (const key of Object.keys(dibao)) {
      slots.push({
        path: `currentBenefits.dibao.${key}`,
        remove: (x) => ({
          ...x,
          currentBenefits: { ...x.currentBenefits, dibao: omit(x.currentBenefits?.dibao as Obj, key) },
        }),
      });
    }
  }
  s.members.forEach((m, i) => {
    const at = (field: string) => `members[${i}].${field}`;
    for (const key of MEMBER_LEVEL) {
      if (m[key] === undefined) continue;
      slots.push({ path: at(key), remove: (x) => onMember(x, i, (y) => omit(y as Obj, key) as Member) });
    }
    if (m.age !== undefined || m.birthDate !== undefined) {
      slots.push({
        path: at("age"),
        remove: (x) => onMember(x, i, (y) => omit(omit(y as Obj, "age"), "birthDate") as Member),
      });
    }
    for (const group of ["disability", "illness"] as const) {
      const value = m[group];
      if (!value) continue;
      for (const key of Object.keys(value)) {
        slots.push({
          path: at(`${group}.${key}`),
          remove: (x) => onMember(x, i, (y) => ({ ...y, [group]: omit(y[group] as Obj, key) })),
        });
      }
    }
    const parents = m.parents ?? [];
    parents.forEach((p, j) => {
      // Only the last entry can be omitted without renumbering the other.
      if (j === parents.length - 1) {
        slots.push({
          path: at(`parents[${j}]`),
          remove: (x) => onMember(x, i, (y) => ({ ...y, parents: (y.parents ?? []).slice(0, j) })),
        });
      }
      if (typeof p !== "string" && p.since !== undefined) {
        slots.push({
          path: at(`parents[${j}].since`),
          remove: (x) =>
            onMember(x, i, (y) => ({
              ...y,
              parents: (y.parents ?? []).map((q, k) =>
                k === j && typeof q !== "string" ? { status: q.status } : q,
              ),
            })),
        });
      }
    });
  });
  return slots;
}

/** A situation that states at least one fact, and the path of one of those facts to omit. */
export const situationAndFact: fc.Arbitrary<{ full: Situation; path: string }> = fc
  // Independent parts (not a chain), so a failure shrinks both the situation and the choice of fact.
  .tuple(situationArb, fc.nat())
  .filter(([s]) => knownFacts(s).length > 0)
  .map(([full, pick]) => {
    const facts = knownFacts(full);
    return { full, path: (facts[pick % facts.length] as FactSlot).path };
  });

/** The situation with the fact at `path` omitted. */
export function withoutFact(s: Situation, path: string): Situation {
  const slot = knownFacts(s).find((f) => f.path === path);
  if (slot === undefined) throw new Error(`no known fact at ${path}`);
  return slot.remove(s);
}

/** Does a fact at `filled` bear on a `missing` path (the same field, or one inside the other)? */
export function related(filled: string, missing: string): boolean {
  const inside = (a: string, b: string) => a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  return filled === missing || inside(filled, missing) || inside(missing, filled);
}
