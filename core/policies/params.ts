// Every parameter a rule may read, and the shape of its value. A pack gives each parameter as a list of
// effective-dated values (the OpenFisca / PolicyEngine model); an absent parameter is one its documents
// do not give, never a guess.

import { z } from "zod";
import { isoDate } from "../schema/date.ts";
import { BASES, DISABILITY_CATEGORIES, DISEASES, PARENT_STATUSES } from "../schema/enums.ts";

const amount = z.number().min(0);
const ratio = z.number().min(0).max(10);
const areas = z.array(z.enum(["urban", "rural"])).min(1);

/** Disability grades (1 most severe), optionally only in some categories. */
export const disabilityMatchSchema = z.strictObject({
  grades: z.array(z.number().int().min(1).max(4)).min(1),
  categories: z.array(z.enum(DISABILITY_CATEGORIES)).optional(),
});
export type DisabilityMatch = z.infer<typeof disabilityMatchSchema>;

const transitionSchema = z.strictObject({
  /** Which fact starts the period: income rising above the standard, or the poverty-exit date. */
  trigger: z.enum(["incomeAboveStandardSince", "povertyExitedOn"]),
  /** For a household the first trigger does not cover (known to have none): a second one. */
  orTrigger: z.enum(["incomeAboveStandardSince", "povertyExitedOn"]).optional(),
  /** The period starts the month after the trigger (锡民联发〔2019〕4号: 次月起计算). */
  startsNextMonth: z.boolean(),
  /** Length in months; null where the document fixes an end date instead. */
  months: z.number().int().min(1).nullable(),
  endsOn: isoDate.optional(),
  /** The trigger must fall on or before this date (脱贫攻坚期内). */
  triggerBy: isoDate.optional(),
  /** Per-capita income must stay below this multiple of the standard; null: no ceiling stated. */
  incomeCeilingMultiple: z.number().min(1).nullable(),
  /** 以内 includes the ceiling itself; 低于 does not. */
  incomeCeilingInclusive: z.boolean().optional(),
  requiresRegisteredPoor: z.boolean(),
  /** What the household gets meanwhile: its current amount, that amount tapering yearly, or not stated. */
  amount: z.enum(["current", "tapering", "not_stated"]),
  taperPerYear: ratio.optional(),
  /** 可 / 原则上不超过: the office decides whether to grant it. */
  discretionary: z.boolean(),
  areas: areas.optional(),
});
export type Transition = z.infer<typeof transitionSchema>;

const supplementCategorySchema = z.strictObject({
  id: z.enum([
    "elderly",
    "minor",
    "severe_disability",
    "serious_illness",
    "elderly_disabled",
    "multiple_disabled_household",
    "multiple_disability",
  ]),
  minAge: z.number().int().optional(),
  disability: disabilityMatchSchema.optional(),
  diseases: z.array(z.enum(DISEASES)).optional(),
  /** 且有持续重大支出: the household has ongoing medical costs. */
  needsMedicalExpense: z.boolean().optional(),
  /** Share of the standard added for a member of this category (不低于: a floor). */
  ratio: ratio.optional(),
});
export type SupplementCategory = z.infer<typeof supplementCategorySchema>;

const supplementSchema = z.strictObject({
  categories: z.array(supplementCategorySchema).min(1),
  /** Fixed per-person tiers in yuan, the office choosing the tier (东兴区 一档/二档/三档). */
  tiers: z.array(amount).optional(),
  /** The least share of the standard a granted supplement adds, where no tiers are fixed. */
  ratioFloor: ratio.optional(),
  discretionary: z.boolean(),
  areas: areas.optional(),
});
export type Supplement = z.infer<typeof supplementSchema>;

const deductionSchema = z.strictObject({
  discretionary: z.boolean(),
  onlyRegisteredPoor: z.boolean(),
  areas: areas.optional(),
});
export type Deduction = z.infer<typeof deductionSchema>;

const singleRouteSchema = z.strictObject({
  /** Who: a listed disability, or (when illness is true) a serious illness. */
  disability: z.array(disabilityMatchSchema),
  illness: z.boolean(),
  needsMedicalAid: z.boolean(),
  adult: z.boolean(),
  unemployed: z.boolean(),
  dependsOnFamily: z.boolean(),
  cannotLiveAlone: z.boolean(),
  assetsWithinLimits: z.boolean(),
  /** Whose income is tested against which multiple of the standard; "unstated": 生活困难 with no figure. */
  incomeTest: z.enum(["household_per_capita", "own", "own_plus_support", "unstated"]),
  incomeMultiple: z.number().min(1),
  /** 低保边缘 / 低收入家庭: only for a family whose income is not below the standard (below it, the whole
   * family qualifies for dibao instead). */
  aboveStandardOnly: z.boolean().optional(),
  /** As a one-person household (standard − own counted income), or at least the standard (不低于100%). */
  amount: z.enum(["standard_minus_own_income", "standard_floor"]),
  discretionary: z.boolean(),
});
export type SingleRoute = z.infer<typeof singleRouteSchema>;

export const paramSchemas = {
  // 最低生活保障
  "dibao.standard.urban": amount,
  "dibao.standard.rural": amount,
  "dibao.eligibility": z.strictObject({
    localHukou: z.enum(["required", "residence_permit_discretionary"]),
    assetsWithinLimits: z.literal(true),
  }),
  /** Jiangmen's 2018 target for the average top-up, as a share of the standard; not a per-household rule. */
  "dibao.averageTopUpTarget.urban": ratio,
  "dibao.averageTopUpTarget.rural": ratio,
  "dibao.excludedByCurrent": z.array(z.enum(["tekun", "orphanAllowance"])).min(1),
  "dibao.transition": transitionSchema,
  /** 支出核减: medical costs deducted from income, covered for a fixed term. */
  "dibao.expenseRoute": z.strictObject({ coverageMonths: z.number().int().min(1), areas: areas.optional() }),
  "dibao.supplement": supplementSchema,
  "income.exclude.pensionBasic": z.strictObject({ areas: areas.optional() }),
  "income.exclude.povertyDividend": z.strictObject({ onlyUnableToWork: z.boolean() }),
  "income.deduct.medical": deductionSchema,
  "income.deduct.care": deductionSchema,
  "income.deduct.rehabilitation": deductionSchema,
  "income.deduct.employment": deductionSchema,
  // 单人保
  "dibaoSingle.route.disability": singleRouteSchema,
  "dibaoSingle.route.illness": singleRouteSchema,
  "dibaoSingle.route.provincial": singleRouteSchema,
  "dibaoSingle.route.national": singleRouteSchema,
  "dibaoSingle.excludedWhenFamilyOnDibao": z.literal(true),
  /** 单人保 is 低保 applied for alone: 低保's own hukou rule (dibao.eligibility) applies to it. */
  "dibaoSingle.asDibao": z.literal(true),
  /**
   * Programs one person gets only one of, and which the documents prefer (null: the office decides).
   * dibaoTekun: a member and the household's 低保; singleTekun: one member; dibaoSingle: a member and
   * the household's 低保.
   */
  "alternatives.dibaoTekun": z.strictObject({
    preferred: z.enum(["dibao", "tekun"]).nullable(),
    /** Where the clause is for some areas only (吉林 二(二): 农村贫困人口); elsewhere the office decides. */
    areas: areas.optional(),
  }),
  "alternatives.singleTekun": z.strictObject({ preferred: z.enum(["dibao_single", "tekun"]).nullable() }),
  "alternatives.dibaoSingle": z.strictObject({ preferred: z.enum(["dibao", "dibao_single"]).nullable() }),
  // 特困人员救助供养
  "tekun.eligibility": z.strictObject({
    minAge: z.number().int(),
    underAge: z.number().int(),
    keepToAge: z.number().int(),
    disability: z.array(disabilityMatchSchema),
  }),
  /** Where a 特困 application is made: the hukou, or a residence permit at the office's discretion. */
  "tekun.residence": z.strictObject({ localHukou: z.enum(["required", "residence_permit_discretionary"]) }),
  "tekun.basicLiving.urban": amount,
  "tekun.basicLiving.rural": amount,
  "tekun.ratioToStandard": ratio,
  "tekun.care.full": ratio,
  "tekun.care.partial": ratio,
  "tekun.care.none": ratio,
  minimumWage: amount,
  // 临时救助
  /** Where to apply: the hukou place, or also where it happened — for urgent cases, or for any (普宁 二(六)). */
  "temporaryAid.eligibility": z.strictObject({ place: z.enum(["hukou_or_site_if_urgent", "hukou_or_site"]) }),
  "temporaryAid.perPerson": z.strictObject({ min: amount, max: amount }),
  "temporaryAid.perPersonCap": amount,
  "temporaryAid.caseByCase": z.literal(true),
  /** 急难型: help first, paperwork after (先行救助). */
  "temporaryAid.firstAid": z.literal(true),
  // 儿童
  "unsupportedChild.definition": z.strictObject({
    underAge: z.number().int(),
    statuses: z.array(z.enum(PARENT_STATUSES)).min(1),
    sixMonthStatuses: z.array(z.enum(PARENT_STATUSES)),
    /**
     * Of those, the ones where 6 months is the length of the term (服刑在押, 强制隔离戒毒, other restriction
     * of liberty: 期限在6个月以上), not time already passed (失联 counts from the report): a shorter time
     * served so far cannot rule the child out.
     */
    termStatuses: z.array(z.enum(PARENT_STATUSES)),
    deadOrMissing: z.array(z.enum(PARENT_STATUSES)).min(1),
  }),
  "unsupportedChild.level": amount,
  "orphan.definition": z.strictObject({
    underAge: z.number().int(),
    statuses: z.array(z.enum(PARENT_STATUSES)).min(1),
  }),
  "orphan.level": amount,
  // 残疾人两项补贴
  /** For people on 低保: so 低保's hukou rule applies too (the subsidy is paid where they get 低保). */
  "disabilityLiving.eligibility": z.strictObject({ requiresDibao: z.literal(true) }),
  "disabilityLiving.amount": amount,
  "disabilityCare.eligibility": z.strictObject({ grades: z.array(z.number().int().min(1).max(4)).min(1) }),
  "disabilityCare.amount.grade1": amount,
  "disabilityCare.amount.grade2": amount,
} as const;

export type ParamKey = keyof typeof paramSchemas;
export type ParamValue<K extends ParamKey> = z.infer<(typeof paramSchemas)[K]>;
export const PARAM_KEYS = Object.keys(paramSchemas) as ParamKey[];

/** The parameters that are one figure (an amount or a ratio), which a reader also gives as a quantity. */
export type AmountKey = { [K in ParamKey]: ParamValue<K> extends number ? K : never }[ParamKey];
export const AMOUNT_KEYS = PARAM_KEYS.filter(
  (k) => (paramSchemas[k] as z.ZodType)._zod.def.type === "number",
) as AmountKey[];

export function datedSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({
    from: isoDate,
    to: isoDate.optional(),
    value,
    kind: z.enum(["exact", "floor"]).optional(),
    basis: z.enum(BASES),
    source: z.string().min(1),
    note: z.string().optional(),
  });
}

export interface Dated<T> {
  from: string;
  /** Last day in force, included. */
  to?: string;
  value: T;
  /** "floor" for 不低于 / 以上: the true figure is at least this. Default exact. */
  kind?: "exact" | "floor";
  basis: "seed" | "national" | "supplementary" | "deployment";
  /** Document and clause. */
  source: string;
  note?: string;
}

export type ParamTable = { [K in ParamKey]?: Dated<ParamValue<K>>[] };
