// From answers to a situation. What was not answered, or answered "I don't know", stays omitted: unknown.

import type { Jurisdiction, ParentStatus } from "../schema/enums.ts";
import type { HouseholdIncomeTotal, Member, ParentEntry, Situation } from "../schema/situation.ts";
import { type AgeBand, intersect, parseBand } from "./age-bands.ts";
import { AGE_PICKS, agePickId, PICKABLE } from "./questions.ts";
import { relationOf, rosterBand, rosterOf, rosterRelation } from "./roster.ts";
import { answerOf, type InterviewState, keyOf } from "./state.ts";

export const SIX_MONTH_STATUSES: readonly string[] = [
  "imprisoned",
  "compulsory_rehab",
  "liberty_restricted",
  "unreachable",
];

/** The household size once the roster is answered (1 until then). */
export function householdSize(state: InterviewState): number {
  return rosterOf(state).length + 1;
}

/**
 * A "who…?" pick-list's answer: the members picked (0-based), [] for "no one", null when not answered
 * or answered "I don't know".
 */
export function picked(state: InterviewState, id: string): number[] | null {
  const v = answerOf(state, id);
  if (typeof v !== "string") return null;
  const list = v.split("|")[0] as string;
  return list === "none" ? [] : list.split(",").map((n) => Number(n) - 1);
}

/**
 * Member i in "who has no father or mother caring for them?": true when picked (each parent is then
 * asked), false when not (a parent is present), undefined when not asked of them or not known.
 */
export function parentsAway(state: InterviewState, i: number): boolean | undefined {
  if (!offered(state, "who.parentsAway").includes(i)) return undefined;
  return picked(state, "who.parentsAway")?.includes(i);
}

/** A pick-list of options' answer: the values picked, [] for "none", null when not answered or unknown. */
export function chosen(state: InterviewState, id: string): string[] | null {
  const v = answerOf(state, id);
  if (typeof v !== "string") return null;
  return v === "none" ? [] : v.split(",");
}

/** The members a "who…?" offered (0-based): the rest of the household was not asked. */
export function offered(state: InterviewState, id: string): number[] {
  const v = answerOf(state, id);
  const list = typeof v === "string" ? v.split("|")[1] : undefined;
  return list ? list.split(",").map((n) => Number(n) - 1) : [];
}

/** A member's yes/no answered for them by a "who…?" pick-list. */
export function pickedAnswer(state: InterviewState, id: string, i: number): "yes" | "no" | undefined {
  // Not a yes/no of its own: see parentsAway.
  if (id === "member.parent1") return undefined;
  const who = PICKABLE.get(id);
  if (!who || !offered(state, who).includes(i)) return undefined;
  return picked(state, who)?.includes(i) ? "yes" : "no";
}

/** Member i's age band: what the roster, "who is 60 or over?" and the band question say, together. */
export function memberBand(state: InterviewState, i: number): AgeBand {
  const given = answerOf(state, keyOf("member.ageBand", i));
  const band = typeof given === "string" ? parseBand(given) : null;
  const known = bandBeforeAsking(state, i);
  return band ? intersect(known, band) : known;
}

/** What is known of member i's age before their own band question: the roster and "who is 60 or over?". */
export function bandBeforeAsking(state: InterviewState, i: number): AgeBand {
  let band = rosterBand(state, i);
  for (const age of AGE_PICKS) {
    const id = agePickId(age);
    if (!offered(state, id).includes(i)) continue;
    band = intersect(band, picked(state, id)?.includes(i) ? { from: age } : { from: 0, to: age - 1 });
  }
  return band;
}

/** Does the band hold ages on both sides of `age`? */
export function straddles(b: AgeBand, age: number): boolean {
  return b.from < age && (b.to === undefined || b.to >= age);
}

const yes = (v: unknown) => (v === "yes" ? true : v === "no" ? false : undefined);

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Which parent question fills each index of the built `parents` array (answered ones, in order). */
export function parentSlots(state: InterviewState, i: number): ("member.parent1" | "member.parent2")[] {
  return (["member.parent1", "member.parent2"] as const).filter(
    (id) => typeof answerOf(state, keyOf(id, i)) === "string",
  );
}

function member(state: InterviewState, i: number): Member {
  const v = (id: string) => answerOf(state, keyOf(id, i)) ?? pickedAnswer(state, id, i);
  const m: Member = {};
  set(m, "relation", relationOf(rosterRelation(state, i)));
  const band = memberBand(state, i);
  if (band.from > 0 || band.to !== undefined) m.ageBand = band;

  const total = v("member.income");
  if (typeof total === "number") {
    const pension = v("member.income.pensionBasic");
    const dividend = v("member.income.povertyDividend");
    const p = typeof pension === "number" ? pension : 0;
    const d = typeof dividend === "number" ? dividend : 0;
    // A breakdown the person could not give leaves the income unknown rather than guessed.
    const unknownPart =
      isUnknown(state, keyOf("member.income.pensionBasic", i)) ||
      isUnknown(state, keyOf("member.income.povertyDividend", i));
    if (!unknownPart) {
      m.income = [
        ...(total - p - d > 0 ? [{ kind: "other" as const, monthly: total - p - d }] : []),
        ...(p > 0 ? [{ kind: "pension_basic" as const, monthly: p }] : []),
        ...(d > 0 ? [{ kind: "poverty_dividend" as const, monthly: d }] : []),
      ];
    }
  }

  // "none", the certificate's grade, or "yes" (a certificate, grade not known); from the household's
  // "who has a certificate?" when there are several.
  const certified = picked(state, "household.disability");
  const certificate =
    v("member.disability") ??
    (certified === null
      ? undefined
      : certified.includes(i)
        ? (v("member.disability.grade") ?? "yes")
        : "none");
  if (certificate === "none") m.disability = null;
  else if (certificate !== undefined) {
    m.disability = certificate === "yes" ? {} : { grade: Number(certificate) };
    set(
      m.disability,
      "category",
      v("member.disability.category") as NonNullable<Member["disability"]>["category"],
    );
  }
  const ill = picked(state, "household.illness");
  const serious = yes(v("member.illness")) ?? (ill === null ? undefined : ill.includes(i));
  if (serious === false) m.illness = null;
  else {
    // Seriously ill, or not known: what is known of the illness still counts (the disease, medical aid).
    const details: NonNullable<Member["illness"]> = serious === true ? { serious: true } : {};
    set(details, "disease", v("member.illness.disease") as NonNullable<Member["illness"]>["disease"]);
    set(details, "medicalAid", yes(v("member.illness.medicalAid")));
    if (serious === true || Object.keys(details).length > 0) m.illness = details;
  }
  set(m, "workCapacity", v("member.workCapacity") as Member["workCapacity"]);
  set(m, "employed", yes(v("member.employed")));
  set(m, "selfCare", v("member.selfCare") as Member["selfCare"]);
  set(m, "dependsOnFamily", yes(v("member.dependsOnFamily")));
  set(m, "canLiveAlone", yes(v("member.canLiveAlone")));
  set(m, "supportersAble", yes(v("member.supportersAble")));
  set(m, "supportOwedMonthly", v("member.supportOwedMonthly") as number | undefined);

  const slots = parentSlots(state, i);
  if (slots.length > 0) {
    m.parents = slots.map((id): ParentEntry => {
      const status = v(id) as ParentStatus;
      const since = v(`${id}.since`);
      return typeof since === "string" ? { status, since } : status;
    });
  } else if (parentsAway(state, i) === false) m.parents = ["present"];
  return m;
}

/**
 * With the household's total and every other member's own income known, the one member left has the
 * rest: never asked. Their basic pension is the household's less the others' where the household's was
 * given, else their own answer (as for any member's income).
 */
function lastMemberIncome(state: InterviewState, members: Member[], total: HouseholdIncomeTotal): void {
  const open = members.flatMap((m, i) => (m.income === undefined ? [i] : []));
  const i = open[0];
  if (open.length !== 1 || i === undefined) return;
  const others = members.flatMap((m) => m.income ?? []);
  const sum = (kind?: string) =>
    others.filter((x) => kind === undefined || x.kind === kind).reduce((t, x) => t + x.monthly, 0);
  const rest = total.monthly - sum();
  if (rest < 0) return;
  const part = (id: "pensionBasic" | "povertyDividend", kind: string): number | null => {
    const own = state.answers[keyOf(`member.income.${id}`, i)];
    if (own && "unknown" in own) return null;
    if (own && "value" in own) return Number(own.value);
    const fromHousehold = partByRest(state, id);
    return fromHousehold ? Math.max(0, fromHousehold - sum(kind)) : 0;
  };
  const p = part("pensionBasic", "pension_basic");
  const d = part("povertyDividend", "poverty_dividend");
  if (p === null || d === null || p + d > rest) return;
  (members[i] as Member).income = [
    ...(rest - p - d > 0 ? [{ kind: "other" as const, monthly: rest - p - d }] : []),
    ...(p > 0 ? [{ kind: "pension_basic" as const, monthly: p }] : []),
    ...(d > 0 ? [{ kind: "poverty_dividend" as const, monthly: d }] : []),
  ];
}

/**
 * The household's basic pension (or dividends) when the one member left's share is its rest: the
 * household's was given and every other member's own share is known (answered, or no income at all).
 */
export function partByRest(state: InterviewState, id: "pensionBasic" | "povertyDividend"): number | null {
  const household = answerOf(state, `householdIncome.${id}`);
  const last = incomeByRest(state);
  if (typeof household !== "number" || last === null) return null;
  const n = householdSize(state);
  for (let j = 0; j < n; j++) {
    if (j === last) continue;
    const income = answerOf(state, keyOf("member.income", j));
    if (income !== 0 && typeof answerOf(state, keyOf(`member.income.${id}`, j)) !== "number") return null;
  }
  return household;
}

/** The member whose own income is the household's rest (see lastMemberIncome), or null. */
export function incomeByRest(state: InterviewState): number | null {
  if (typeof answerOf(state, "householdIncome") !== "number") return null;
  const n = householdSize(state);
  const open = Array.from({ length: n }, (_, i) => i).filter(
    (i) => typeof answerOf(state, keyOf("member.income", i)) !== "number",
  );
  return open.length === 1 ? (open[0] as number) : null;
}

/** The household's income in one figure, with its basic pension and dividends where given. */
function householdTotal(state: InterviewState): Situation["householdIncome"] {
  const monthly = answerOf(state, "householdIncome");
  if (typeof monthly !== "number") return undefined;
  // A breakdown the person could not give leaves the total unknown rather than guessed.
  if (isUnknown(state, "householdIncome.pensionBasic") || isUnknown(state, "householdIncome.povertyDividend"))
    return undefined;
  const total: NonNullable<Situation["householdIncome"]> = { monthly };
  const pension = answerOf(state, "householdIncome.pensionBasic");
  const dividend = answerOf(state, "householdIncome.povertyDividend");
  if (typeof pension === "number" && pension > 0) total.pensionBasic = pension;
  if (typeof dividend === "number" && dividend > 0) total.povertyDividend = dividend;
  return total;
}

function isUnknown(state: InterviewState, key: string): boolean {
  const a = state.answers[key];
  return a !== undefined && "unknown" in a;
}

/** The situation the answers so far describe; null until the jurisdiction is known. */
export function buildSituation(state: InterviewState): Situation | null {
  const jurisdiction = answerOf(state, "jurisdiction");
  if (typeof jurisdiction !== "string") return null;
  const v = (id: string) => answerOf(state, id);
  const s: Situation = {
    schemaVersion: 1,
    jurisdiction: jurisdiction as Jurisdiction,
    asOf: state.asOf,
    members: Array.from({ length: householdSize(state) }, (_, i) => member(state, i)),
  };
  const total = householdTotal(state);
  if (total) {
    s.householdIncome = total;
    lastMemberIncome(state, s.members, total);
  }
  // The one hukou choice, where the two were not asked alone.
  const hukou = v("hukou");
  const area = hukou === "local_urban" ? "urban" : hukou === "local_rural" ? "rural" : undefined;
  const local = typeof hukou === "string" ? hukou !== "elsewhere" : undefined;
  set(s, "area", (v("area") ?? area) as Situation["area"]);
  set(s, "localHukou", yes(v("localHukou")) ?? local);
  set(s, "county", v("county") as string | undefined);
  set(s, "assets", v("assets") as Situation["assets"]);
  set(s, "registeredPoor", yes(v("registeredPoor")));
  for (const id of ["povertyExitedOn", "incomeAboveStandardSince"] as const) {
    const d = v(id);
    if (d === "no") s[id] = null;
    else if (typeof d === "string") s[id] = d;
  }
  const emergency = yes(v("emergency"));
  if (emergency === false) s.emergency = null;
  if (emergency === true) {
    s.emergency = {};
    set(s.emergency, "category", v("emergency.category") as "urgent" | "expense" | undefined);
    set(s.emergency, "basicLivingAtRisk", yes(v("emergency.basicLivingAtRisk")));
    set(s.emergency, "inJurisdiction", yes(v("emergency.inJurisdiction")));
    set(s.emergency, "outOfPocket", v("emergency.outOfPocket") as number | undefined);
  }
  const benefits: NonNullable<Situation["currentBenefits"]> = {};
  // "Which of these does the household receive?": each one picked or not, unless asked alone.
  const received = chosen(state, "currentBenefits");
  const receives = (id: string) =>
    yes(v(`currentBenefits.${id}`)) ?? (received === null ? undefined : received.includes(id));
  const dibao = receives("dibao");
  if (dibao === false) benefits.dibao = null;
  if (dibao === true) {
    benefits.dibao = {};
    set(benefits.dibao, "monthlyAmount", v("currentBenefits.dibao.monthlyAmount") as number | undefined);
  }
  set(benefits, "tekun", receives("tekun"));
  set(benefits, "orphanAllowance", receives("orphanAllowance"));
  if (Object.keys(benefits).length > 0) s.currentBenefits = benefits;
  const expenses: NonNullable<Situation["monthlyExpenses"]> = {};
  for (const kind of ["medical", "care", "rehabilitation", "employment"] as const) {
    // "No such costs" answers all four at once.
    set(
      expenses,
      kind,
      v("household.expenses") === "no" ? 0 : (v(`monthlyExpenses.${kind}`) as number | undefined),
    );
  }
  if (Object.keys(expenses).length > 0) s.monthlyExpenses = expenses;
  return s;
}
