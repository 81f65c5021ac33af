// Helpers for the 低保 (dibao) and 单人保 (dibao_single) clause tests: build a household the way a resident
// would describe it, screen it with the packs as shipped (or with a deployment's exact standard where a
// pack gives only a floor or nothing), and pick one result.

import type { z } from "zod";
import type { DeploymentParams } from "../../../core/policies/deployment.ts";
import { createPolicies } from "../../../core/policies/index.ts";
import type { Program } from "../../../core/schema/enums.ts";
import type { Reason, Result, Screening } from "../../../core/schema/screening.ts";
import { situationSchema } from "../../../core/schema/situation.ts";
import { screen } from "../../../core/screen.ts";

export type SituationInput = z.input<typeof situationSchema>;
export type MemberInput = SituationInput["members"][number];
export type Jurisdiction = SituationInput["jurisdiction"];

const shipped = createPolicies();

/** Screen as of the situation's own asOf (or 2026-11-22), with the shipped packs or a deployment's additions. */
export function screenAt(situation: SituationInput, deployment?: DeploymentParams): Screening {
  const policies = deployment === undefined ? shipped : createPolicies(deployment);
  return screen(situationSchema.parse(situation), { policies, today: "2026-11-22" });
}

export function resultFor(screening: Screening, program: Program, member: number | null = null): Result {
  const found = screening.results.find((r) => r.program === program && r.member === member);
  if (!found) throw new Error(`no ${program} result for member ${member}`);
  return found;
}

/** The household's 低保 result. */
export function dibaoOf(s: SituationInput, deployment?: DeploymentParams): Result {
  return resultFor(screenAt(s, deployment), "dibao");
}

/** One member's 单人保 result. */
export function singleOf(s: SituationInput, member = 0, deployment?: DeploymentParams): Result {
  return resultFor(screenAt(s, deployment), "dibao_single", member);
}

export function codes(r: Result): string[] {
  return r.reasons.map((x) => x.code);
}

export function reasonOf(r: Result, code: string): Reason {
  const found = r.reasons.find((x) => x.code === code);
  if (!found) throw new Error(`no reason ${code} in ${JSON.stringify(codes(r))}`);
  return found;
}

/** Outcome and amounts: what a test of a worked example compares. */
export function est(r: Result) {
  return { outcome: r.outcome, monthly: r.monthly, monthlyRange: r.monthlyRange, until: r.until };
}

/** Known to receive none of the benefits the rules read. */
export const NOTHING_RECEIVED = {
  dibao: null,
  tekun: false,
  orphanAllowance: false,
  unsupportedChildAllowance: false,
  disabilitySubsidies: false,
} as const;

/** A household with every fact the dibao rules read known (none on dibao, no expenses), so only what a
 *  test sets can decide it. */
export function household(
  jurisdiction: Jurisdiction,
  asOf: string,
  members: MemberInput[],
  rest: Partial<Omit<SituationInput, "schemaVersion" | "jurisdiction" | "asOf" | "members">> = {},
): SituationInput {
  return {
    schemaVersion: 1,
    jurisdiction,
    asOf,
    area: "urban",
    localHukou: true,
    assets: "within_limits",
    registeredPoor: false,
    povertyExitedOn: null,
    incomeAboveStandardSince: null,
    monthlyExpenses: { medical: 0, care: 0, rehabilitation: 0, employment: 0 },
    currentBenefits: NOTHING_RECEIVED,
    emergency: null,
    members,
    ...rest,
  };
}

/** An adult of working age, with no disability or illness, no income, living on their own means. */
export function adult(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    age: 40,
    selfCare: "full",
    workCapacity: "full",
    employed: false,
    income: [],
    disability: null,
    illness: null,
    dependsOnFamily: false,
    canLiveAlone: true,
    supportersAble: true,
    supportOwedMonthly: 0,
    ...overrides,
  };
}

/** An adult earning `monthly` yuan of wages. */
export function earner(monthly: number, overrides: Partial<MemberInput> = {}): MemberInput {
  return adult({ employed: true, income: [{ kind: "wage", monthly }], ...overrides });
}

/** An unemployed adult with a severe disability who depends on the family and cannot live alone. */
export function severelyDisabled(overrides: Partial<MemberInput> = {}): MemberInput {
  return adult({
    age: 30,
    workCapacity: "none",
    employed: false,
    disability: { grade: 2, category: "physical" },
    dependsOnFamily: true,
    canLiveAlone: false,
    supportersAble: true,
    ...overrides,
  });
}

/** Someone receiving dibao now (the monthly amount as given). */
export function onDibao(monthlyAmount: number, since = "2018-01-01") {
  return {
    dibao: { since, monthlyAmount },
    tekun: false,
    orphanAllowance: false,
    unsupportedChildAllowance: false,
    disabilitySubsidies: false,
  };
}

/** A deployment that supplies an exact 低保 standard where the pack has only a floor or no figure. */
export function deployStandard(
  jurisdiction: Jurisdiction,
  from: string,
  standard: { urban: number; rural: number },
): DeploymentParams {
  const source = "测试部署标准（deployment）";
  return {
    [jurisdiction]: {
      "dibao.standard.urban": [{ from, value: standard.urban, basis: "deployment", source }],
      "dibao.standard.rural": [{ from, value: standard.rural, basis: "deployment", source }],
    },
  };
}
