// next(state): the most useful unanswered question, or done with the screening. A question is asked only
// while some result lists a fact it fills in `missing` (or, for an income breakdown, while the rules
// give a different answer for the two extremes of it).

import type { PolicySet } from "../policies/index.ts";
import type { Result, Screening } from "../schema/screening.ts";
import type { Situation } from "../schema/situation.ts";
import { screen } from "../screen.ts";
import { applicable } from "./applicable.ts";
import { buildSituation } from "./build.ts";
import { QUESTION_BY_ID, QUESTIONS, type QuestionDef } from "./questions.ts";
import { keysFor } from "./relevance.ts";
import { answerOf, type InterviewState, isAnswered, keyOf, parseKey } from "./state.ts";

export interface InterviewOptions {
  policies: PolicySet;
}

export interface AskedQuestion extends QuestionDef {
  key: string;
  member: number | null;
  /** Whose fact it is, for the wording: the person themself, the person helped, or another member. */
  subject: "self" | "helping" | "member";
  /** Intro questions cannot be left unknown: the local rules depend on them. */
  required: boolean;
}

export interface Progress {
  answered: number;
  /** Questions that can still change the answer now; a "yes" may open a few more. */
  left: number;
}

export type Step =
  | { done: false; question: AskedQuestion; progress: Progress }
  | { done: true; screening: Screening | null; progress: Progress };

const INTRO = QUESTIONS.filter((q) => q.scope === "intro").map((q) => q.id);
const INDEX = new Map(QUESTIONS.map((q, i) => [q.id, i]));

/**
 * Asking order: the intro; then what gates most programs (an emergency and its details, each member's
 * age and income, the "does anyone…?" questions); then the household's standing; then each member's
 * remaining questions, member by member; then costs; then, for a helper, their own details.
 */
const FIRST = new Set([
  "member.age",
  "member.income",
  "member.income.pensionBasic",
  "member.income.povertyDividend",
  "household.disability",
  "household.illness",
]);

function group(id: string): number {
  const q = QUESTION_BY_ID.get(id);
  if (!q || q.scope === "intro") return 0;
  if (q.scope === "applicant") return 5;
  if (id === "emergency" || id.startsWith("emergency.") || id === "localHukou") return 1;
  if (FIRST.has(id)) return 2;
  if (id.startsWith("monthlyExpenses.") || id === "household.expenses") return 4;
  return q.scope === "household" ? 2.5 : 3;
}

function rank(key: string, weight: ReadonlyMap<string, number>): [number, number, number, number] {
  const { id, member } = parseKey(key);
  const g = group(id);
  // Household standing: the fact most results hinge on first (hukou and property before benefits).
  if (g === 2.5) return [g, -(weight.get(key) ?? 0), -1, INDEX.get(id) ?? 0];
  // In the first group: member by member (age, income), then "does anyone…?"; elsewhere the household first.
  if (g === 2 && member === null) return [g, 0, Number.MAX_SAFE_INTEGER, INDEX.get(id) ?? 0];
  return [g, 0, member ?? -1, INDEX.get(id) ?? 0];
}

function compareWith(weight: ReadonlyMap<string, number>) {
  return (a: string, b: string): number => {
    const [x, y] = [rank(a, weight), rank(b, weight)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3];
  };
}

function sameAnswer(a: Result, b: Result): boolean {
  return (
    a.outcome === b.outcome &&
    a.monthly === b.monthly &&
    JSON.stringify([a.monthlyRange, a.oneOff, a.until]) ===
      JSON.stringify([b.monthlyRange, b.oneOff, b.until])
  );
}

function sameScreening(a: Screening, b: Screening): boolean {
  return a.results.every((r, i) => sameAnswer(r, b.results[i] as Result));
}

/** The income breakdown matters when counting the still-unsplit part as that kind changes some result. */
function breakdownMatters(
  s: Situation,
  base: Screening,
  i: number,
  kind: "pension_basic" | "poverty_dividend",
  options: InterviewOptions,
): boolean {
  const m = s.members[i];
  const unsplit = m?.income?.filter((x) => x.kind === "other").reduce((t, x) => t + x.monthly, 0) ?? 0;
  if (!m?.income || unsplit <= 0) return false;
  const income = [...m.income.filter((x) => x.kind !== "other"), { kind, monthly: unsplit }];
  const members = s.members.map((x, j) => (j === i ? { ...x, income } : x));
  const alt = screen({ ...s, members }, { policies: options.policies, today: s.asOf as string });
  return !sameScreening(base, alt);
}

export function ask(state: InterviewState, key: string, options: InterviewOptions): AskedQuestion {
  const { id, member } = parseKey(key);
  const def = QUESTION_BY_ID.get(id) as QuestionDef;
  const helping = answerOf(state, "helping") === "helping";
  const subject = member === null || member === 0 ? (helping ? "helping" : "self") : "member";
  const choices = id === "county" ? countyOptions(state, options) : def.options;
  return {
    ...def,
    ...(choices ? { options: choices } : {}),
    key,
    member,
    subject,
    required: def.scope === "intro",
  };
}

function countyOptions(state: InterviewState, options: InterviewOptions): string[] {
  const j = answerOf(state, "jurisdiction") as string;
  const pack = options.policies.packs[j as keyof PolicySet["packs"]];
  return [...Object.keys(pack?.counties ?? {}), "other"];
}

/** The questions that could still change some result, best first. */
export function candidates(
  state: InterviewState,
  options: InterviewOptions,
): { keys: string[]; screening: Screening | null } {
  const intro = INTRO.filter((id) => !isAnswered(state, id));
  if (intro.length > 0) return { keys: intro, screening: null };
  const s = buildSituation(state) as Situation;
  const screening = screen(s, { policies: options.policies, today: state.asOf });
  const keys = new Set<string>();
  const weight = new Map<string, number>();
  for (const r of screening.results) {
    for (const k of new Set(r.missing.flatMap((path) => keysFor(state, path)))) {
      keys.add(k);
      weight.set(k, (weight.get(k) ?? 0) + 1);
    }
  }
  s.members.forEach((_, i) => {
    for (const [qid, kind] of [
      ["member.income.pensionBasic", "pension_basic"],
      ["member.income.povertyDividend", "poverty_dividend"],
    ] as const) {
      const k = keyOf(qid, i);
      if (!isAnswered(state, k) && applicable(state, k) && breakdownMatters(s, screening, i, kind, options))
        keys.add(k);
    }
  });
  const open = [...keys]
    .filter((k) => !isAnswered(state, k) && applicable(state, k))
    .sort(compareWith(weight));
  if (open.length === 0 && answerOf(state, "helping") === "helping") {
    const applicant = QUESTIONS.filter((q) => q.scope === "applicant").map((q) => q.id);
    return { keys: applicant.filter((k) => !isAnswered(state, k)), screening };
  }
  return { keys: open, screening };
}

export function next(state: InterviewState, options: InterviewOptions): Step {
  const { keys, screening } = candidates(state, options);
  const progress = { answered: state.order.length, left: keys.length };
  const first = keys[0];
  if (first === undefined) {
    const s = buildSituation(state);
    return {
      done: true,
      screening: screening ?? (s ? screen(s, { policies: options.policies, today: state.asOf }) : null),
      progress,
    };
  }
  return { done: false, question: ask(state, first, options), progress };
}
