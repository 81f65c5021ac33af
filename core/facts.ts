// Reading the situation's facts three-valued: each answer carries the paths of the unknown facts it
// hinges on, so a result can say exactly what is missing.

import { wholeYears } from "./dates.ts";
import { addDistinct } from "./lists.ts";
import type { DisabilityMatch } from "./policies/params.ts";
import { MAX_MEMBERS, type Member, type Situation } from "./schema/situation.ts";
import type { Tri } from "./tri.ts";

export interface Fact {
  v: Tri;
  missing: string[];
}

// Shared by every screening: a fact's list of paths is never changed once made (lists are merged into
// new ones).
export const TRUE: Fact = { v: true, missing: [] };
export const FALSE: Fact = { v: false, missing: [] };
/** Open on nothing the person could answer: the office's discretion, a term that may still run. */
export const OPEN: Fact = { v: undefined, missing: [] };

export function known(v: boolean): Fact {
  return v ? TRUE : FALSE;
}

export function unknown(...paths: string[]): Fact {
  return { v: undefined, missing: paths };
}

/** Open on these paths: a list made for it, taken as it is (no copy, as `unknown(...paths)` makes). */
export function unknownOf(paths: string[]): Fact {
  return { v: undefined, missing: paths };
}

/** The paths the open facts among these hinge on, in order, each once; one open fact's own list as it is. */
function openPaths(facts: readonly Fact[]): string[] {
  let only: Fact | null = null;
  let count = 0;
  for (const f of facts)
    if (f.v === undefined) {
      only = f;
      count++;
    }
  if (count === 1) return (only as Fact).missing;
  const out: string[] = [];
  for (const f of facts) addOpenPaths(out, f);
  return out;
}

/** Every fact holds: false as soon as one fails; open (with what it hinges on) while any is open. */
export function allOf(facts: readonly Fact[]): Fact {
  let open = false;
  for (const f of facts) {
    if (f.v === false) return FALSE;
    if (f.v === undefined) open = true;
  }
  return open ? { v: undefined, missing: openPaths(facts) } : TRUE;
}

/** Some fact holds: true as soon as one does; open (with what it hinges on) while any is open. */
export function anyOf(facts: readonly Fact[]): Fact {
  let open = false;
  for (const f of facts) {
    if (f.v === true) return TRUE;
    if (f.v === undefined) open = true;
  }
  return open ? { v: undefined, missing: openPaths(facts) } : FALSE;
}

// Two to four facts, the rules' usual case, without gathering them into a list first.
export function all(a: Fact, b: Fact, c: Fact = TRUE, d: Fact = TRUE): Fact {
  if (a.v === false || b.v === false || c.v === false || d.v === false) return FALSE;
  if (a.v === true && b.v === true && c.v === true && d.v === true) return TRUE;
  return { v: undefined, missing: openPathsOf(a, b, c, d) };
}

export function any(a: Fact, b: Fact, c: Fact = FALSE, d: Fact = FALSE): Fact {
  if (a.v === true || b.v === true || c.v === true || d.v === true) return TRUE;
  if (a.v === false && b.v === false && c.v === false && d.v === false) return FALSE;
  return { v: undefined, missing: openPathsOf(a, b, c, d) };
}

/** openPaths for four facts, without a list of them. */
function openPathsOf(a: Fact, b: Fact, c: Fact, d: Fact): string[] {
  const open = (a.v === undefined ? 1 : 0) + (b.v === undefined ? 1 : 0) + (c.v === undefined ? 1 : 0);
  if (open + (d.v === undefined ? 1 : 0) === 1) {
    if (a.v === undefined) return a.missing;
    if (b.v === undefined) return b.missing;
    return c.v === undefined ? c.missing : d.missing;
  }
  const out: string[] = [];
  addOpenPaths(out, a);
  addOpenPaths(out, b);
  addOpenPaths(out, c);
  addOpenPaths(out, d);
  return out;
}

function addOpenPaths(out: string[], f: Fact): void {
  if (f.v === undefined) addDistinct(out, f.missing);
}

export function negate(f: Fact): Fact {
  return f.v === undefined ? f : known(!f.v);
}

/** A boolean field: true → met, false → failed, omitted → open (the field's own open fact). */
export function flag(value: boolean | undefined, open: Fact, wanted = true): Fact {
  return value === undefined ? open : known(value === wanted);
}

// Member paths, made once each: a fact names its path on every screening, and the same string each time
// also makes comparing paths a pointer check. A list per field, read with the field written out: a direct
// load at each call site (a keyed map, then one function reading a table by a field it was given, were
// 2–3 % of a screening).
const MEMBER_FIELDS = [
  "age",
  "canLiveAlone",
  "dependsOnFamily",
  "disability",
  "disability.category",
  "disability.grade",
  "employed",
  "illness",
  "illness.disease",
  "illness.medicalAid",
  "illness.serious",
  "income",
  "parents",
  "parents[0]",
  "parents[1]",
  "parents[0].since",
  "parents[1].since",
  "selfCare",
  "supportOwedMonthly",
  "supportersAble",
  "workCapacity",
] as const;

export type MemberField = (typeof MEMBER_FIELDS)[number];

/**
 * Each member field's path, for every member a situation may have (the schema's maximum) made up front:
 * `mp.age(i)`, `mp["disability.grade"](i)` — a function per field, so each call site reads one list.
 */
export const mp: Readonly<Record<MemberField, (i: number) => string>> = Object.fromEntries(
  MEMBER_FIELDS.map((f) => {
    const paths = Array.from({ length: MAX_MEMBERS }, (_, i) => `members[${i}].${f}`);
    return [f, (i: number) => paths[i] ?? `members[${i}].${f}`];
  }),
) as Record<MemberField, (i: number) => string>;

/**
 * Each member field's open fact — open on that member's path — made once and shared (a fact is never
 * changed once made): `openOn.age(i)`. Found by path in a map instead, one cost more than a new fact.
 */
export const openOn: Readonly<Record<MemberField, (i: number) => Fact>> = Object.fromEntries(
  MEMBER_FIELDS.map((f) => {
    const facts = Array.from(
      { length: MAX_MEMBERS },
      (_, i): Fact => ({ v: undefined, missing: [mp[f](i)] }),
    );
    return [f, (i: number) => facts[i] ?? unknown(mp[f](i))];
  }),
) as Record<MemberField, (i: number) => Fact>;

const HOUSEHOLD_FIELDS = [
  "area",
  "assets",
  "currentBenefits.dibao",
  "currentBenefits.tekun",
  "emergency",
  "emergency.basicLivingAtRisk",
  "emergency.category",
  "emergency.inJurisdiction",
  "localHukou",
  "monthlyExpenses.medical",
  "registeredPoor",
] as const;

/** Each household field's open fact, made once and shared: `openHousehold.assets`. */
export const openHousehold: Readonly<Record<(typeof HOUSEHOLD_FIELDS)[number], Fact>> = Object.fromEntries(
  HOUSEHOLD_FIELDS.map((f) => [f, { v: undefined, missing: [f] }]),
) as Record<(typeof HOUSEHOLD_FIELDS)[number], Fact>;

export function ageOf(m: Member, asOf: string): number | undefined {
  if (m.age !== undefined) return m.age;
  if (m.birthDate !== undefined) return wholeYears(m.birthDate, asOf);
  return undefined;
}

/** What an age test reads: the members, and each one's age on the screening's date, worked out once. */
interface WithAges {
  s: Situation;
  ages: readonly (number | undefined)[];
}

/** Exact when the age is known; from an age band when the band lies wholly on one side of `years`. */
export function ageAtLeast(ctx: WithAges, i: number, years: number): Fact {
  const age = ctx.ages[i];
  if (age !== undefined) return known(age >= years);
  const band = ctx.s.members[i]?.ageBand;
  if (band && band.from >= years) return TRUE;
  if (band?.to !== undefined && band.to < years) return FALSE;
  return openOn.age(i);
}

export function ageBelow(ctx: WithAges, i: number, years: number): Fact {
  return negate(ageAtLeast(ctx, i, years));
}

/** Does the member's disability match any of these grade/category lists? */
export function disabilityMatches(m: Member, i: number, matches: readonly DisabilityMatch[]): Fact {
  if (matches.length === 0) return FALSE;
  if (m.disability === null) return FALSE;
  if (m.disability === undefined) return openOn.disability(i);
  const { grade, category } = m.disability;
  // The grade known (the usual case): met by any match of that grade whose categories, if it names any,
  // hold the member's; open on the category alone otherwise. No fact made for each match.
  if (grade !== undefined) {
    let categoryOpen = false;
    for (const match of matches) {
      if (!match.grades.includes(grade)) continue;
      if (match.categories === undefined) return TRUE;
      if (category === undefined) categoryOpen = true;
      else if (match.categories.includes(category)) return TRUE;
    }
    return categoryOpen ? openOn["disability.category"](i) : FALSE;
  }
  const facts: Fact[] = [];
  for (const match of matches) {
    const gradeFact =
      grade === undefined ? openOn["disability.grade"](i) : known(match.grades.includes(grade));
    const categoryFact =
      match.categories === undefined
        ? TRUE
        : category === undefined
          ? openOn["disability.category"](i)
          : known(match.categories.includes(category));
    const fact = all(gradeFact, categoryFact);
    if (fact.v === true) return TRUE;
    facts.push(fact);
  }
  return anyOf(facts);
}

export function hasDisability(m: Member, i: number): Fact {
  if (m.disability === null) return FALSE;
  return m.disability === undefined ? openOn.disability(i) : TRUE;
}

export function seriouslyIll(m: Member, i: number): Fact {
  if (m.illness === null) return FALSE;
  if (m.illness === undefined) return openOn.illness(i);
  return flag(m.illness.serious, openOn["illness.serious"](i));
}

export function areaIn(s: Situation, areas: readonly ("urban" | "rural")[] | undefined): Fact {
  if (areas === undefined) return TRUE;
  return s.area === undefined ? openHousehold.area : known(areas.includes(s.area));
}

export function onDibao(s: Situation): Fact {
  const d = s.currentBenefits?.dibao;
  return d === undefined ? openHousehold["currentBenefits.dibao"] : known(d !== null);
}
