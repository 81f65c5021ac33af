// The situation: household facts in. An omitted field is unknown; null is a known "none".

import { z } from "zod";
import { isoDate } from "./date.ts";
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
} from "./enums.ts";

// zod 4 numbers are finite already (no Infinity, no NaN).
const money = z.number().min(0);

export const incomeItemSchema = z.strictObject({
  kind: z.enum(INCOME_KINDS),
  monthly: money,
});

export const disabilitySchema = z.strictObject({
  grade: z.number().int().min(1).max(4).optional(),
  category: z.enum(DISABILITY_CATEGORIES).optional(),
});

export const illnessSchema = z.strictObject({
  serious: z.boolean().optional(),
  disease: z.enum(DISEASES).optional(),
  medicalAid: z.boolean().optional(),
});

export const parentSchema = z.union([
  z.enum(PARENT_STATUSES),
  z.strictObject({ status: z.enum(PARENT_STATUSES), since: isoDate.optional() }),
]);

const wholeAge = z.number().int().min(0).max(130);

/** What is known of an age without the exact figure: from `from` to `to` years, both included. */
export const ageBandSchema = z
  .strictObject({ from: wholeAge, to: wholeAge.optional() })
  .refine((b) => b.to === undefined || b.from <= b.to, { params: { code: "band_reversed" }, path: ["to"] })
  .describe(
    "Extension: what is known of an age without the exact figure — from `from` to `to` years, both included " +
      "(no `to`: no upper end). Rules read it where `age` and `birthDate` are omitted; a band on both sides " +
      "of a rule's threshold leaves that rule's age open.",
  );

/** The household's monthly income as one total, and how much of it is basic pension or dividends. */
export const householdIncomeSchema = z
  .strictObject({
    monthly: money.describe("Everyone's income together, yuan a month"),
    pensionBasic: money.optional().describe("Of it, the basic residents' pension (omitted: none stated)"),
    povertyDividend: money.optional().describe("Of it, poverty-project dividends (omitted: none stated)"),
  })
  .refine((h) => (h.pensionBasic ?? 0) + (h.povertyDividend ?? 0) <= h.monthly, {
    params: { code: "part_exceeds_total" },
    path: ["pensionBasic"],
  })
  .describe(
    "Extension: the household's monthly income as one total. Where a member's own income is omitted, the " +
      "household tests use this total (less the pack's exclusions); members' own incomes, when all are " +
      "given, are used instead.",
  );

export const memberSchema = z.strictObject({
  relation: z
    .enum(RELATIONS)
    .optional()
    .describe("To the first member; the interview's roster gives it for everyone"),
  age: wholeAge.optional(),
  ageBand: ageBandSchema.optional(),
  birthDate: isoDate.optional(),
  selfCare: z.enum(ABILITY).optional(),
  workCapacity: z.enum(ABILITY).optional(),
  employed: z.boolean().optional(),
  income: z.array(incomeItemSchema).optional(),
  disability: disabilitySchema.nullable().optional(),
  illness: illnessSchema.nullable().optional(),
  dependsOnFamily: z.boolean().optional(),
  canLiveAlone: z.boolean().optional(),
  supportersAble: z.boolean().optional(),
  supportOwedMonthly: money.optional(),
  parents: z.array(parentSchema).max(2).optional(),
});

export const emergencySchema = z.strictObject({
  kind: z.enum(EMERGENCY_KINDS).optional(),
  category: z.enum(EMERGENCY_CATEGORIES).optional(),
  date: isoDate.optional(),
  basicLivingAtRisk: z.boolean().optional(),
  outOfPocket: money.optional(),
  inJurisdiction: z.boolean().optional(),
});

/** The most members one situation may list. */
export const MAX_MEMBERS = 20;

export const situationSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    jurisdiction: z.enum(JURISDICTIONS),
    asOf: isoDate.optional(),
    area: z.enum(["urban", "rural"]).optional(),
    localHukou: z.boolean().optional(),
    county: z.string().min(1).max(40).optional(),
    registeredPoor: z.boolean().optional(),
    povertyExitedOn: isoDate.nullable().optional(),
    assets: z.enum(["within_limits", "over_limits"]).optional(),
    members: z.array(memberSchema).min(1).max(MAX_MEMBERS),
    householdIncome: householdIncomeSchema.optional(),
    monthlyExpenses: z
      .strictObject({
        medical: money.optional(),
        care: money.optional(),
        rehabilitation: money.optional(),
        employment: money.optional(),
      })
      .optional(),
    currentBenefits: z
      .strictObject({
        dibao: z
          .strictObject({ since: isoDate.optional(), monthlyAmount: money.optional() })
          .nullable()
          .optional(),
        tekun: z.boolean().optional(),
        orphanAllowance: z.boolean().optional(),
        unsupportedChildAllowance: z.boolean().optional(),
        disabilitySubsidies: z.boolean().optional(),
      })
      .optional(),
    incomeAboveStandardSince: isoDate.nullable().optional(),
    emergency: emergencySchema.nullable().optional(),
  })
  .superRefine((s, ctx) => {
    // Plain loops, and dates gathered with their paths only when one is late: this runs on every input.
    const members = s.members;
    for (let i = 0; i < members.length; i++) {
      const m = members[i] as (typeof members)[number];
      const isSelf = m.relation === "self";
      if (i === 0 && m.relation !== undefined && !isSelf) {
        ctx.addIssue({
          code: "custom",
          path: ["members", 0, "relation"],
          params: { code: "first_member_is_self" },
        });
      }
      if (i > 0 && isSelf) {
        ctx.addIssue({
          code: "custom",
          path: ["members", i, "relation"],
          params: { code: "only_first_member_is_self" },
        });
      }
      if (s.asOf !== undefined && m.birthDate !== undefined && m.birthDate > s.asOf) {
        ctx.addIssue({
          code: "custom",
          path: ["members", i, "birthDate"],
          params: { code: "date_after_as_of" },
        });
      }
    }
    const latest = latestEventDate(s);
    if (s.asOf !== undefined && latest !== undefined && latest > s.asOf) {
      for (const { path, date } of eventDates(s)) {
        if (date > s.asOf) ctx.addIssue({ code: "custom", path, params: { code: "date_after_as_of" } });
      }
    }
  });

export type Situation = z.infer<typeof situationSchema>;

type Dated = { path: (string | number)[]; date: string };

/** What eventDates reads: the dated fields of a situation. */
type WithEvents = {
  members: {
    birthDate?: string | undefined;
    parents?: ({ since?: string | undefined } | string)[] | undefined;
  }[];
  emergency?: { date?: string | undefined } | null | undefined;
  povertyExitedOn?: string | null | undefined;
  incomeAboveStandardSince?: string | null | undefined;
  currentBenefits?: { dibao?: { since?: string | undefined } | null | undefined } | undefined;
};

/** Dates of things that have happened: none may fall after the date the estimate is for. */
export function eventDates(s: WithEvents): Dated[] {
  const out: Dated[] = [];
  s.members.forEach((m, i) => {
    if (m.birthDate) out.push({ path: ["members", i, "birthDate"], date: m.birthDate });
    m.parents?.forEach((p, j) => {
      if (typeof p !== "string" && p.since)
        out.push({ path: ["members", i, "parents", j, "since"], date: p.since });
    });
  });
  if (s.emergency?.date) out.push({ path: ["emergency", "date"], date: s.emergency.date });
  if (s.povertyExitedOn) out.push({ path: ["povertyExitedOn"], date: s.povertyExitedOn });
  if (s.incomeAboveStandardSince)
    out.push({ path: ["incomeAboveStandardSince"], date: s.incomeAboveStandardSince });
  if (s.currentBenefits?.dibao?.since)
    out.push({ path: ["currentBenefits", "dibao", "since"], date: s.currentBenefits.dibao.since });
  return out;
}

/** The latest of eventDates' dates (undefined: none), found without gathering them. */
export function latestEventDate(s: WithEvents): string | undefined {
  let latest = "";
  for (const m of s.members) {
    latest = later(latest, m.birthDate);
    if (m.parents) for (const p of m.parents) if (typeof p !== "string") latest = later(latest, p.since);
  }
  latest = later(latest, s.emergency?.date);
  latest = later(latest, s.povertyExitedOn);
  latest = later(latest, s.incomeAboveStandardSince);
  latest = later(latest, s.currentBenefits?.dibao?.since);
  return latest === "" ? undefined : latest;
}

function later(a: string, b: string | null | undefined): string {
  return b && b > a ? b : a;
}
export type Member = z.infer<typeof memberSchema>;
export type HouseholdIncomeTotal = z.infer<typeof householdIncomeSchema>;
export type ParentEntry = z.infer<typeof parentSchema>;
