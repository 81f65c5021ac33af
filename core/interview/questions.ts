// The interview's questions, each bound to the situation field it fills. Which one comes next is decided
// by the rules' own `missing` lists (next.ts); this file only says what can be asked and how.

import {
  DISABILITY_CATEGORIES,
  DISEASES,
  EMERGENCY_CATEGORIES,
  JURISDICTIONS,
  PARENT_STATUSES,
} from "../schema/enums.ts";

export type QuestionKind =
  | "choice" // one of `options`
  | "yesno" // "yes" | "no"
  | "number" // a whole number
  | "money" // yuan, ≥ 0
  | "date" // YYYY-MM-DD
  | "dateOrNo" // a date, or "no" (known none)
  | "text"
  | "phone";

export interface QuestionDef {
  id: string;
  scope: "intro" | "household" | "member" | "applicant";
  kind: QuestionKind;
  options?: readonly string[];
  /** Numbers: the range a person may give. */
  min?: number;
  max?: number;
}

const yesno = (id: string, scope: QuestionDef["scope"]): QuestionDef => ({ id, scope, kind: "yesno" });
const money = (id: string, scope: QuestionDef["scope"]): QuestionDef => ({
  id,
  scope,
  kind: "money",
  min: 0,
  max: 1_000_000,
});

export const APPLICANT_RELATIONSHIPS = [
  "child",
  "spouse",
  "grandchild",
  "sibling",
  "other_relative",
  "friend_or_neighbour",
  "social_worker",
  "other",
] as const;

/** In asking order within each scope: what matters most first. */
export const QUESTIONS: readonly QuestionDef[] = [
  { id: "jurisdiction", scope: "intro", kind: "choice", options: JURISDICTIONS },
  { id: "helping", scope: "intro", kind: "choice", options: ["self", "helping"] },
  { id: "householdSize", scope: "intro", kind: "number", min: 1, max: 10 },

  yesno("emergency", "household"),
  // Before the emergency's details: with a local hukou, where it happened no longer matters.
  yesno("localHukou", "household"),
  { id: "emergency.category", scope: "household", kind: "choice", options: EMERGENCY_CATEGORIES },
  yesno("emergency.basicLivingAtRisk", "household"),
  yesno("emergency.inJurisdiction", "household"),
  money("emergency.outOfPocket", "household"),
  { id: "area", scope: "household", kind: "choice", options: ["urban", "rural"] },
  { id: "county", scope: "household", kind: "choice" },
  yesno("currentBenefits.dibao", "household"),
  money("currentBenefits.dibao.monthlyAmount", "household"),
  yesno("currentBenefits.tekun", "household"),
  yesno("currentBenefits.orphanAllowance", "household"),
  { id: "assets", scope: "household", kind: "choice", options: ["within_limits", "over_limits"] },
  yesno("registeredPoor", "household"),
  { id: "povertyExitedOn", scope: "household", kind: "dateOrNo" },
  { id: "incomeAboveStandardSince", scope: "household", kind: "dateOrNo" },
  yesno("household.disability", "household"),
  yesno("household.illness", "household"),
  yesno("household.expenses", "household"),
  money("monthlyExpenses.medical", "household"),
  money("monthlyExpenses.care", "household"),
  money("monthlyExpenses.rehabilitation", "household"),
  money("monthlyExpenses.employment", "household"),

  { id: "member.age", scope: "member", kind: "number", min: 0, max: 130 },
  money("member.income", "member"),
  money("member.income.pensionBasic", "member"),
  money("member.income.povertyDividend", "member"),
  // One question for certificate and grade: "none", its grade, or "yes" when the grade is not known.
  { id: "member.disability", scope: "member", kind: "choice", options: ["none", "1", "2", "3", "4", "yes"] },
  { id: "member.disability.category", scope: "member", kind: "choice", options: DISABILITY_CATEGORIES },
  yesno("member.illness", "member"),
  { id: "member.illness.disease", scope: "member", kind: "choice", options: DISEASES },
  yesno("member.illness.medicalAid", "member"),
  { id: "member.workCapacity", scope: "member", kind: "choice", options: ["full", "partial", "none"] },
  yesno("member.employed", "member"),
  { id: "member.selfCare", scope: "member", kind: "choice", options: ["full", "partial", "none"] },
  yesno("member.dependsOnFamily", "member"),
  yesno("member.canLiveAlone", "member"),
  yesno("member.supportersAble", "member"),
  money("member.supportOwedMonthly", "member"),
  { id: "member.parent1", scope: "member", kind: "choice", options: PARENT_STATUSES },
  { id: "member.parent1.since", scope: "member", kind: "date" },
  { id: "member.parent2", scope: "member", kind: "choice", options: PARENT_STATUSES },
  { id: "member.parent2.since", scope: "member", kind: "date" },

  { id: "applicant.relationship", scope: "applicant", kind: "choice", options: APPLICANT_RELATIONSHIPS },
  { id: "applicant.name", scope: "applicant", kind: "text" },
  { id: "applicant.phone", scope: "applicant", kind: "phone" },
];

export const QUESTION_BY_ID: ReadonlyMap<string, QuestionDef> = new Map(QUESTIONS.map((q) => [q.id, q]));
