// Shared helpers for the clause tests of 特困, 临时救助, 儿童 and 残疾人两项补贴: build a situation the way a
// resident would describe it, screen it with the packs as shipped, and pick one program's result.

import type { z } from "zod";
import { createPolicies } from "../../../core/policies/index.ts";
import type { Program } from "../../../core/schema/enums.ts";
import type { Reason, Result, Screening } from "../../../core/schema/screening.ts";
import { situationSchema } from "../../../core/schema/situation.ts";
import { screen } from "../../../core/screen.ts";

export type SituationInput = z.input<typeof situationSchema>;
export type MemberInput = SituationInput["members"][number];
export type Jurisdiction = SituationInput["jurisdiction"];

const policies = createPolicies();

/** Screen a situation as of its own asOf (or 2026-11-22 when it gives none), with no deployment figures. */
export function screenAt(situation: SituationInput): Screening {
  return screen(situationSchema.parse(situation), { policies, today: "2026-11-22" });
}

/** The one result for a program (and member, for a member-level program). */
export function resultFor(screening: Screening, program: Program, member: number | null = null): Result {
  const found = screening.results.find((r) => r.program === program && r.member === member);
  if (!found) throw new Error(`no ${program} result for member ${member}`);
  return found;
}

/** Screen and pick one result in one go. */
export function screenFor(situation: SituationInput, program: Program, member: number | null = null): Result {
  return resultFor(screenAt(situation), program, member);
}

export function codes(result: Result): string[] {
  return result.reasons.map((r) => r.code);
}

export function reasonOf(result: Result, code: string): Reason {
  const found = result.reasons.find((r) => r.code === code);
  if (!found) throw new Error(`no reason ${code} in ${JSON.stringify(codes(result))}`);
  return found;
}

/** The parts of a result that carry the estimate: outcome and amounts. */
export function amounts(result: Result) {
  return {
    outcome: result.outcome,
    monthly: result.monthly,
    monthlyRange: result.monthlyRange,
    oneOff: result.oneOff,
    until: result.until,
  };
}

/** A situation with every fact the programs read known, so only what a test changes can decide it. */
export function situation(
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
    currentBenefits: {
      dibao: null,
      tekun: false,
      orphanAllowance: false,
      unsupportedChildAllowance: false,
      disabilitySubsidies: false,
    },
    emergency: null,
    members,
    ...rest,
  };
}

/** A person living alone who, on the facts, meets every 特困 condition except what the test overrides. */
export function tekunPerson(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    relation: "self",
    age: 70,
    selfCare: "full",
    workCapacity: "none",
    employed: false,
    income: [],
    disability: null,
    illness: null,
    supportersAble: false,
    ...overrides,
  };
}

/** An adult with no disability, income or illness. */
export function adult(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    age: 40,
    selfCare: "full",
    workCapacity: "full",
    employed: false,
    income: [],
    disability: null,
    illness: null,
    supportersAble: true,
    ...overrides,
  };
}
