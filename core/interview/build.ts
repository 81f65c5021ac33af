// From answers to a situation. What was not answered, or answered "I don't know", stays omitted: unknown.

import type { Jurisdiction, ParentStatus } from "../schema/enums.ts";
import type { Member, ParentEntry, Situation } from "../schema/situation.ts";
import { answerOf, type InterviewState, keyOf } from "./state.ts";

export const SIX_MONTH_STATUSES: readonly string[] = [
  "imprisoned",
  "compulsory_rehab",
  "liberty_restricted",
  "unreachable",
];

/** The household size once answered (1 until then). */
export function householdSize(state: InterviewState): number {
  const n = answerOf(state, "householdSize");
  return typeof n === "number" ? n : 1;
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
  const v = (id: string) => answerOf(state, keyOf(id, i));
  const m: Member = {};
  if (i === 0) m.relation = "self";
  set(m, "age", v("member.age") as number | undefined);

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

  const household = (id: string) => answerOf(state, id);
  // "none", the certificate's grade, or "yes" (a certificate, grade not known).
  const certificate =
    v("member.disability") ?? (household("household.disability") === "no" ? "none" : undefined);
  if (certificate === "none") m.disability = null;
  else if (certificate !== undefined) {
    m.disability = certificate === "yes" ? {} : { grade: Number(certificate) };
    set(
      m.disability,
      "category",
      v("member.disability.category") as NonNullable<Member["disability"]>["category"],
    );
  }
  const ill = yes(v("member.illness")) ?? (household("household.illness") === "no" ? false : undefined);
  if (ill === false) m.illness = null;
  else {
    // Seriously ill, or not known: what is known of the illness still counts (the disease, medical aid).
    const details: NonNullable<Member["illness"]> = ill === true ? { serious: true } : {};
    set(details, "disease", v("member.illness.disease") as NonNullable<Member["illness"]>["disease"]);
    set(details, "medicalAid", yes(v("member.illness.medicalAid")));
    if (ill === true || Object.keys(details).length > 0) m.illness = details;
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
  }
  return m;
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
  set(s, "area", v("area") as Situation["area"]);
  set(s, "localHukou", yes(v("localHukou")));
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
  const dibao = yes(v("currentBenefits.dibao"));
  if (dibao === false) benefits.dibao = null;
  if (dibao === true) {
    benefits.dibao = {};
    set(benefits.dibao, "monthlyAmount", v("currentBenefits.dibao.monthlyAmount") as number | undefined);
  }
  set(benefits, "tekun", yes(v("currentBenefits.tekun")));
  set(benefits, "orphanAllowance", yes(v("currentBenefits.orphanAllowance")));
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
