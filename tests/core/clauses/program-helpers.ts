// Shared helpers for the clause tests of 特困, 临时救助, 儿童 and 残疾人两项补贴: build a situation the way a
// resident would describe it, screen it with the packs as shipped, and pick one program's result.

import type { Program } from "../../../core/schema/enums.ts";
import type { Result } from "../../../core/schema/screening.ts";
import { type MemberInput, resultFor, type SituationInput, screenAt } from "./dibao-helpers.ts";

// One set of builders and readers for every clause test: these are the 低保 helpers' own.
export {
  codes,
  household as situation,
  type Jurisdiction,
  type MemberInput,
  reasonOf,
  resultFor,
  type SituationInput,
  screenAt,
} from "./dibao-helpers.ts";

/** Screen and pick one result in one go. */
export function screenFor(situation: SituationInput, program: Program, member: number | null = null): Result {
  return resultFor(screenAt(situation), program, member);
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
