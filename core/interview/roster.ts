// The household roster: one answer builds the household by relation ("alone", or the others'
// relations in order, e.g. "spouse,child_minor"). Relations name people in later questions, and
// "under 18" / "18 or over" already settle some age thresholds without another question.

import type { Relation } from "../schema/enums.ts";
import type { AgeBand } from "./age-bands.ts";
import { HOUSEHOLD_MAX, ROSTER_RELATIONS, type RosterRelation } from "./questions.ts";
import { answerOf, type InterviewState } from "./state.ts";

export const ALONE = "alone";

const RELATION: Record<RosterRelation, Relation> = {
  spouse: "spouse",
  child_minor: "child",
  child_adult: "child",
  parent: "parent",
  grandchild_minor: "grandchild",
  sibling: "sibling",
  other: "other",
};

const BAND: Partial<Record<RosterRelation, AgeBand>> = {
  child_minor: { from: 0, to: 17 },
  grandchild_minor: { from: 0, to: 17 },
  child_adult: { from: 18 },
  spouse: { from: 18 },
};

function isRosterRelation(x: string): x is RosterRelation {
  return (ROSTER_RELATIONS as readonly string[]).includes(x);
}

/** The others' relations from a roster answer; null when it is not one. */
export function parseRoster(value: string): RosterRelation[] | null {
  if (value === ALONE) return [];
  const parts = value.split(",").map((x) => x.trim());
  if (parts.length + 1 > HOUSEHOLD_MAX || !parts.every(isRosterRelation)) return null;
  return parts as RosterRelation[];
}

export function rosterValue(others: readonly RosterRelation[]): string {
  return others.length === 0 ? ALONE : others.join(",");
}

/** The roster as answered: the others' relations, [] until then (one person). */
export function rosterOf(state: InterviewState): RosterRelation[] {
  const v = answerOf(state, "household");
  return typeof v === "string" ? (parseRoster(v) ?? []) : [];
}

/** Member i's relation to the person the check is for, from the roster. */
export function rosterRelation(state: InterviewState, i: number): RosterRelation | "self" | undefined {
  return i === 0 ? "self" : rosterOf(state)[i - 1];
}

export function relationOf(code: RosterRelation | "self" | undefined): Relation | undefined {
  return code === undefined ? undefined : code === "self" ? "self" : RELATION[code];
}

/**
 * Relations that make the person the check is for an adult: a spouse (民法典 第一千零四十七条: no
 * marriage before 20), an adult child or a grandchild.
 */
const MAKES_SELF_ADULT: readonly RosterRelation[] = ["spouse", "child_adult", "grandchild_minor"];

/** What the roster says of member i's age. */
export function rosterBand(state: InterviewState, i: number): AgeBand {
  const code = rosterRelation(state, i);
  if (code === "self")
    return rosterOf(state).some((r) => MAKES_SELF_ADULT.includes(r)) ? { from: 18 } : { from: 0 };
  return (code && BAND[code]) || { from: 0 };
}

/** Everyone's relation from the roster, the person the check is for first: to name people in words. */
export function householdRelations(state: InterviewState): (RosterRelation | "self")[] {
  return ["self", ...rosterOf(state)];
}
