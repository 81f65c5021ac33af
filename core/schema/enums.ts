// The contract's closed vocabularies (shared/spec/screening-contract.md, version 1).

export const JURISDICTIONS = ["wuxi", "jiangmen", "puning", "jilin", "neijiang-dongxing"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** All eight programs, in the contract's fixed result order. */
export const PROGRAMS = [
  "dibao",
  "dibao_single",
  "tekun",
  "temporary_aid",
  "unsupported_child",
  "orphan",
  "disability_living_subsidy",
  "disability_care_subsidy",
] as const;
export type Program = (typeof PROGRAMS)[number];

export const HOUSEHOLD_PROGRAMS: readonly Program[] = ["dibao", "temporary_aid"];

export const RELATIONS = [
  "self",
  "spouse",
  "child",
  "parent",
  "grandparent",
  "grandchild",
  "sibling",
  "other",
] as const;
export type Relation = (typeof RELATIONS)[number];
export const ABILITY = ["full", "partial", "none"] as const;
export const INCOME_KINDS = [
  "wage",
  "business",
  "farming",
  "pension_basic",
  "pension_other",
  "support_received",
  "poverty_dividend",
  "other",
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];
export const DISABILITY_CATEGORIES = [
  "physical",
  "visual",
  "hearing",
  "speech",
  "intellectual",
  "mental",
  "multiple",
] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];
export const DISEASES = [
  "leukemia",
  "malignant_tumor",
  "hepatitis",
  "lupus",
  "severe_mental",
  "tuberculosis",
  "special_infectious",
  "cardio_cerebrovascular",
  "uremia",
  "heart_failure",
  "myocardial_infarction",
  "rheumatic_heart",
  "other",
] as const;
export const PARENT_STATUSES = [
  "present",
  "deceased",
  "missing",
  "severe_disability",
  "serious_illness",
  "imprisoned",
  "compulsory_rehab",
  "liberty_restricted",
  "unreachable",
  "guardianship_revoked",
  "deported",
] as const;
export type ParentStatus = (typeof PARENT_STATUSES)[number];
export const EMERGENCY_KINDS = [
  "fire",
  "traffic_accident",
  "sudden_illness",
  "natural_disaster",
  "accident",
  "other",
] as const;
export const EMERGENCY_CATEGORIES = ["urgent", "expense"] as const;
export const EXPENSE_KINDS = ["medical", "care", "rehabilitation", "employment"] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];
export const OUTCOMES = ["likely", "possible", "unlikely"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const BASES = ["seed", "national", "supplementary", "deployment"] as const;
export type Basis = (typeof BASES)[number];
