// One household of a register, screened: which programs it may get that it does not already receive
// (the worklist entry), and its best outcome per program (for the summary's counts).

import { createHash } from "node:crypto";
import { bestOutcomes } from "../outcomes.ts";
import type { Outcome, Program } from "../schema/enums.ts";
import type { Result, Screening } from "../schema/screening.ts";
import type { Situation } from "../schema/situation.ts";
import { isUrgent } from "../sla.ts";

/** The register's contact for the household: whom the hotline calls. */
export interface Contact {
  name?: string | undefined;
  phone: string;
}

/** One program on the worklist: the estimate as `screen` gives it, its reasons as codes. */
export interface WorklistProgram {
  program: Program;
  /** The member it is for (null: the household). */
  member: number | null;
  outcome: Exclude<Outcome, "unlikely">;
  monthly: number | null;
  monthlyRange: Result["monthlyRange"];
  oneOff: Result["oneOff"];
  until: string | null;
  reasons: string[];
  missing: string[];
}

export interface WorklistEntry {
  /** The household's id in the register, and the line (JSONL) or first row (CSV) it was read from. */
  id: string;
  line: number;
  jurisdiction: string;
  county: string | null;
  urgent: boolean;
  contact: Contact;
  programs: WorklistProgram[];
  /**
   * The largest monthly estimate among the programs listed (a range counts its floor), yuan: the
   * worklist's order. Not a sum: programs one person gets only one of would count twice.
   */
  monthlyBest: number;
  /** The largest one-off estimate's floor, yuan (临时救助). */
  oneOffBest: number;
  /** Every fact a call could settle, once each. */
  unknown: string[];
  asOf: string;
  engineVersion: string;
  packVersion: string;
}

/** Whether the household already receives the program, by its `currentBenefits` (temporary aid: never). */
export function alreadyReceives(s: Situation, program: Program): boolean {
  const b = s.currentBenefits;
  switch (program) {
    case "dibao":
    case "dibao_single":
      return b?.dibao != null;
    case "tekun":
      return b?.tekun === true;
    case "orphan":
      return b?.orphanAllowance === true;
    case "unsupported_child":
      return b?.unsupportedChildAllowance === true;
    case "disability_living_subsidy":
    case "disability_care_subsidy":
      return b?.disabilitySubsidies === true;
    case "temporary_aid":
      return false;
  }
}

const cents = (yuan: number) => Math.round(yuan * 100) / 100;

/** The worklist entry, or null when no program is open that the household does not already get. */
export function worklistEntry(
  household: { id: string; line: number; contact: Contact },
  s: Situation,
  screening: Screening,
): WorklistEntry | null {
  const programs = listedPrograms(s, screening);
  if (programs.length === 0) return null;
  let monthlyBest = 0;
  let oneOffBest = 0;
  const unknown = new Set<string>();
  for (const p of programs) {
    monthlyBest = Math.max(monthlyBest, p.monthly ?? p.monthlyRange?.min ?? 0);
    oneOffBest = Math.max(oneOffBest, p.oneOff?.min ?? 0);
    for (const m of p.missing) unknown.add(m);
  }
  return {
    id: household.id,
    line: household.line,
    jurisdiction: s.jurisdiction,
    county: s.county ?? null,
    urgent: isUrgent(s),
    contact: household.contact,
    programs,
    monthlyBest: cents(monthlyBest),
    oneOffBest: cents(oneOffBest),
    unknown: [...unknown].sort(),
    asOf: screening.asOf,
    engineVersion: screening.engineVersion,
    packVersion: screening.packVersion,
  };
}

/** The programs open to the household (likely or possible) that it does not already receive. */
export function listedPrograms(s: Situation, screening: Screening): WorklistProgram[] {
  const programs: WorklistProgram[] = [];
  for (const r of screening.results) {
    if (r.outcome === "unlikely" || alreadyReceives(s, r.program)) continue;
    programs.push({
      program: r.program,
      member: r.member,
      outcome: r.outcome,
      monthly: r.monthly,
      monthlyRange: r.monthlyRange,
      oneOff: r.oneOff,
      until: r.until,
      reasons: r.reasons.map((x) => x.code),
      missing: r.missing,
    });
  }
  return programs;
}

/**
 * The worklist's order as one string that sorts the same way: urgent first, then the larger monthly
 * estimate, then the larger one-off, then the register's own order (the line). Fixed width, so temporary
 * sorted runs merge by plain string comparison.
 */
export function sortKey(e: Pick<WorklistEntry, "urgent" | "monthlyBest" | "oneOffBest" | "line">): string {
  const desc = (yuan: number) => String(99_999_999_999 - Math.min(Math.round(yuan * 100), 99_999_999_999));
  return [
    e.urgent ? "0" : "1",
    desc(e.monthlyBest).padStart(11, "0"),
    desc(e.oneOffBest).padStart(11, "0"),
    String(e.line).padStart(12, "0"),
  ].join("");
}

/** The household's best outcome per program, for the summary (every screened household counts). */
export function outcomesOf(screening: Screening): [Program, Outcome][] {
  return [...bestOutcomes(screening)];
}

/**
 * An outreach request's identity: the register's id and the outcomes of the programs it was listed
 * for. The same household with the same outcomes is the same request, whatever else changed; a changed
 * outcome (new facts, a new pack) makes it a new one.
 */
export function outreachKey(
  registerId: string,
  programs: readonly Pick<WorklistProgram, "program" | "member" | "outcome">[],
): string {
  const outcomes = programs.map((p) => `${p.program}@${p.member ?? "h"}=${p.outcome}`).join(",");
  return `register:${createHash("sha256").update(`${registerId}\0${outcomes}`).digest("base64url")}`;
}
