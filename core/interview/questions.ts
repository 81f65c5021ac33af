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
  | "phone"
  | "roster" // the household by relation: "alone", or the other members' relations, comma-separated
  | "members" // a pick-list of members: their numbers, comma-separated, or "none"
  | "multi"; // a pick-list of `options`: the values picked, comma-separated, or "none"

export interface QuestionDef {
  id: string;
  scope: "intro" | "household" | "member";
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

/** The household roster's relations, with what each tells of an age (a spouse may be of any adult age). */
export const ROSTER_RELATIONS = [
  "spouse",
  "child_minor",
  "child_adult",
  "parent",
  "grandchild_minor",
  "sibling",
  "other",
] as const;
export type RosterRelation = (typeof ROSTER_RELATIONS)[number];

/** Member yes/no questions that two or more members are asked as one "who…?" pick-list. */
export const PICKABLE: ReadonlyMap<string, string> = new Map([
  ...["supportersAble", "dependsOnFamily", "canLiveAlone", "employed"].map((f): [string, string] => [
    `member.${f}`,
    `who.${f}`,
  ]),
  // Children: "who has no father or mother caring for them?" — the others have a parent present, which
  // settles both children's programs; those picked are asked about each parent.
  ["member.parent1", "who.parentsAway"],
]);

/**
 * The thresholds a "who is N or over?" pick-list asks about for several members at once: 16 and 18
 * (minors; 特困 under 16, the children's programs under 18), 60 (特困人员认定办法: the elderly) and 70
 * (吉林's elderly supplement). A threshold of a deployment not listed here is asked member by member.
 */
export const AGE_PICKS = [16, 18, 60, 70] as const;
export const agePickId = (age: number) => `household.age${age}`;

/** The most people a household can have in the interview. */
export const HOUSEHOLD_MAX = 10;

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
export type ApplicantRelationship = (typeof APPLICANT_RELATIONSHIPS)[number];

/** In asking order within each scope: what matters most first. */
export const QUESTIONS: readonly QuestionDef[] = [
  { id: "jurisdiction", scope: "intro", kind: "choice", options: JURISDICTIONS },
  { id: "helping", scope: "intro", kind: "choice", options: ["self", "helping"] },
  { id: "household", scope: "intro", kind: "roster", options: ROSTER_RELATIONS, max: HOUSEHOLD_MAX },

  yesno("emergency", "household"),
  // Before the emergency's details: with a local hukou, where it happened no longer matters. One
  // choice gives both the hukou's place and its kind; the two are asked alone only after "I don't know".
  {
    id: "hukou",
    scope: "household",
    kind: "choice",
    options: ["local_urban", "local_rural", "local", "elsewhere"],
  },
  yesno("localHukou", "household"),
  { id: "emergency.category", scope: "household", kind: "choice", options: EMERGENCY_CATEGORIES },
  yesno("emergency.basicLivingAtRisk", "household"),
  yesno("emergency.inJurisdiction", "household"),
  money("emergency.outOfPocket", "household"),
  { id: "area", scope: "household", kind: "choice", options: ["urban", "rural"] },
  { id: "county", scope: "household", kind: "choice" },
  // "Which of these does the household receive now?": one pick-list for the three benefits.
  {
    id: "currentBenefits",
    scope: "household",
    kind: "multi",
    options: ["dibao", "tekun", "orphanAllowance"],
  },
  yesno("currentBenefits.dibao", "household"),
  money("currentBenefits.dibao.monthlyAmount", "household"),
  yesno("currentBenefits.tekun", "household"),
  yesno("currentBenefits.orphanAllowance", "household"),
  { id: "assets", scope: "household", kind: "choice", options: ["within_limits", "over_limits"] },
  yesno("registeredPoor", "household"),
  { id: "povertyExitedOn", scope: "household", kind: "dateOrNo" },
  { id: "incomeAboveStandardSince", scope: "household", kind: "dateOrNo" },
  money("householdIncome", "household"),
  money("householdIncome.pensionBasic", "household"),
  money("householdIncome.povertyDividend", "household"),
  // "Who has a certificate? Who is seriously ill?": one pick-list each, for a household of several.
  ...AGE_PICKS.map(
    (age): QuestionDef => ({ id: agePickId(age), scope: "household", kind: "members", min: age }),
  ),
  // A yes/no asked of two or more members at once, as one pick-list ("who has able supporters?").
  ...(["supportersAble", "dependsOnFamily", "canLiveAlone", "employed", "parentsAway"] as const).map(
    (field): QuestionDef => ({ id: `who.${field}`, scope: "household", kind: "members" }),
  ),
  { id: "household.disability", scope: "household", kind: "members" },
  { id: "household.illness", scope: "household", kind: "members" },
  yesno("household.expenses", "household"),
  money("monthlyExpenses.medical", "household"),
  money("monthlyExpenses.care", "household"),
  money("monthlyExpenses.rehabilitation", "household"),
  money("monthlyExpenses.employment", "household"),

  // Bands cut at the pack's own age thresholds (ageBands.ts); an exact age is never needed by the rules.
  { id: "member.ageBand", scope: "member", kind: "choice" },
  money("member.income", "member"),
  money("member.income.pensionBasic", "member"),
  money("member.income.povertyDividend", "member"),
  // One question for certificate and grade: "none", its grade, or "yes" when the grade is not known.
  { id: "member.disability", scope: "member", kind: "choice", options: ["none", "1", "2", "3", "4", "yes"] },
  // For a member picked in "who has a certificate?": the grade ("I don't know" leaves it open).
  { id: "member.disability.grade", scope: "member", kind: "choice", options: ["1", "2", "3", "4"] },
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
];

export const QUESTION_BY_ID: ReadonlyMap<string, QuestionDef> = new Map(QUESTIONS.map((q) => [q.id, q]));
