// next(state): the most useful unanswered question, or done with the screening. A question is asked only
// while some result lists a fact it fills in `missing` (or, for an income breakdown, while the rules
// give a different answer for the two extremes of it).

import type { PolicySet } from "../policies/index.ts";
import type { Jurisdiction } from "../schema/enums.ts";
import type { Result, Screening } from "../schema/screening.ts";
import type { Situation } from "../schema/situation.ts";
import { screen } from "../screen.ts";
import { ageCuts, bandsWithin, bandValue } from "./age-bands.ts";
import { applicable } from "./applicable.ts";
import { bandBeforeAsking, buildSituation, parentsAway, pickedAnswer, straddles } from "./build.ts";
import {
  AGE_PICKS,
  agePickId,
  PICKABLE,
  QUESTION_BY_ID,
  QUESTIONS,
  type QuestionDef,
  type RosterRelation,
} from "./questions.ts";
import { keysFor } from "./relevance.ts";
import { rosterOf } from "./roster.ts";
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
  /** Everyone's relation to the person the check is for, from the roster: to name people, never "member 3". */
  household: (RosterRelation | "self")[];
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
  "member.ageBand",
  "householdIncome",
  "householdIncome.pensionBasic",
  "householdIncome.povertyDividend",
  "member.income",
  "member.income.pensionBasic",
  "member.income.povertyDividend",
  ...AGE_PICKS.map(agePickId),
  "household.disability",
  "household.illness",
]);

/** A member's own income, once the household's total is known: a member-level rule's detail, asked late. */
const OWN_INCOME = new Set(["member.income", "member.income.pensionBasic", "member.income.povertyDividend"]);

function group(id: string, several: boolean): number {
  const q = QUESTION_BY_ID.get(id);
  if (!q || q.scope === "intro") return 0;
  if (id === "emergency" || id.startsWith("emergency.") || id === "localHukou" || id === "hukou") return 1;
  if (several && OWN_INCOME.has(id)) return 3.5;
  if (FIRST.has(id)) return 2;
  if (id.startsWith("monthlyExpenses.") || id === "household.expenses") return 4;
  return q.scope === "household" ? 2.5 : 3;
}

function rank(
  key: string,
  weight: ReadonlyMap<string, number>,
  several: boolean,
): [number, number, number, number] {
  const { id, member } = parseKey(key);
  const g = group(id, several);
  // Household standing: the fact most results hinge on first (hukou and property before benefits).
  if (g === 2.5) return [g, -(weight.get(key) ?? 0), -1, INDEX.get(id) ?? 0];
  // In the first group: the household's income and "who…?" questions, then member by member.
  if (g === 2 && member === null) return [g, 0, -1, INDEX.get(id) ?? 0];
  return [g, 0, member ?? -1, INDEX.get(id) ?? 0];
}

function compareWith(weight: ReadonlyMap<string, number>, several: boolean) {
  return (a: string, b: string): number => {
    const [x, y] = [rank(a, weight, several), rank(b, weight, several)];
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

/** The same for the household's total: would counting its unsplit rest as that kind change a result? */
function totalBreakdownMatters(
  s: Situation,
  base: Screening,
  part: "pensionBasic" | "povertyDividend",
  options: InterviewOptions,
): boolean {
  const total = s.householdIncome;
  if (!total) return false;
  const rest = total.monthly - (total.pensionBasic ?? 0) - (total.povertyDividend ?? 0);
  if (rest <= 0) return false;
  const householdIncome = { ...total, [part]: (total[part] ?? 0) + rest };
  const alt = screen({ ...s, householdIncome }, { policies: options.policies, today: s.asOf as string });
  return !sameScreening(base, alt);
}

export function ask(state: InterviewState, key: string, options: InterviewOptions): AskedQuestion {
  const { id, member } = parseKey(key);
  const def = QUESTION_BY_ID.get(id) as QuestionDef;
  const helping = answerOf(state, "helping") === "helping";
  const subject = member === null || member === 0 ? (helping ? "helping" : "self") : "member";
  const household: (RosterRelation | "self")[] = ["self", ...rosterOf(state)];
  const choices =
    id === "county"
      ? countyOptions(state, options)
      : id === "member.ageBand"
        ? bandOptions(state, member ?? 0, options)
        : id.startsWith("who.")
          ? pickOptions(state, id, options)
          : id.startsWith("household.age")
            ? agePickOptions(state, def.min as number, options)
            : def.kind === "members"
              ? household.map((_, i) => String(i + 1))
              : def.options;
  return {
    ...def,
    ...(choices ? { options: choices } : {}),
    key,
    member,
    subject,
    required: def.scope === "intro",
    household,
  };
}

function bandOptions(state: InterviewState, i: number, options: InterviewOptions): string[] {
  const j = answerOf(state, "jurisdiction") as Jurisdiction;
  return bandsWithin(ageCuts(options.policies, j), bandBeforeAsking(state, i)).map(bandValue);
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
  for (const [qid, part] of [
    ["householdIncome.pensionBasic", "pensionBasic"],
    ["householdIncome.povertyDividend", "povertyDividend"],
  ] as const) {
    if (
      !isAnswered(state, qid) &&
      applicable(state, qid) &&
      totalBreakdownMatters(s, screening, part, options)
    )
      keys.add(qid);
  }
  const open = [...keys]
    .filter((k) => !isAnswered(state, k) && applicable(state, k) && !answeredByPick(state, k))
    .sort(compareWith(weight, s.members.length > 1));
  return { keys: groupAges(state, groupIntoPicks(state, open), options), screening };
}

/**
 * Members for whom "who is N or over?" is the next age question: `age` is the lowest of the pack's
 * thresholds their age is still open across.
 */
function openAcross(
  state: InterviewState,
  open: readonly string[],
  age: number,
  cuts: readonly number[],
): number[] {
  return membersOpenFor(open, "member.ageBand").filter((i) => {
    const band = bandBeforeAsking(state, i);
    const across = cuts.filter((c) => straddles(band, c));
    // Known to be an adult (or a minor), the lowest threshold first: "who is 60 or over?" of a couple
    // settles 70 too for those under 60. A member whose age is not known at all is asked their band.
    const side = band.from >= 18 || (band.to !== undefined && band.to < 18);
    return across[0] === age && (across.length === 1 || side);
  });
}

/**
 * Two or more members whose age is open across one of the thresholds: one "who is N or over?" in place
 * of their own age questions — the threshold most of them cross (the higher on a tie), if it is one the
 * pack's rules use and it was not asked yet.
 */
function groupAges(state: InterviewState, open: string[], options: InterviewOptions): string[] {
  const j = answerOf(state, "jurisdiction") as Jurisdiction | undefined;
  if (j === undefined) return open;
  const cuts = ageCuts(options.policies, j);
  let best: { age: number; members: number[] } | null = null;
  for (const age of AGE_PICKS) {
    if (!cuts.includes(age) || isAnswered(state, agePickId(age))) continue;
    const members = openAcross(state, open, age, cuts);
    if (members.length >= 2 && (best === null || members.length >= best.members.length))
      best = { age, members };
  }
  if (best === null) return open;
  const { age, members } = best;
  const replaced = new Set(members.map((i) => keyOf("member.ageBand", i)));
  const at = open.findIndex((k) => replaced.has(k));
  const rest = open.filter((k) => !replaced.has(k));
  return [...rest.slice(0, at), agePickId(age), ...rest.slice(at)];
}

function agePickOptions(state: InterviewState, age: number, options: InterviewOptions): string[] {
  const id = agePickId(age);
  const cuts = ageCuts(options.policies, answerOf(state, "jurisdiction") as Jurisdiction);
  const { keys } = candidates({ ...state, answers: { ...state.answers, [id]: { unknown: true } } }, options);
  return openAcross(state, keys, age, cuts).map((i) => String(i + 1));
}

function answeredByPick(state: InterviewState, key: string): boolean {
  const { id, member } = parseKey(key);
  if (member === null) return false;
  if (id === "member.parent1") return parentsAway(state, member) === false;
  return pickedAnswer(state, id, member) !== undefined;
}

/** Two or more members open for the same yes/no: one "who…?" in place of the first, if not yet asked. */
function groupIntoPicks(state: InterviewState, open: string[]): string[] {
  const out: string[] = [];
  for (const k of open) {
    const { id } = parseKey(k);
    const who = PICKABLE.get(id);
    if (who && !isAnswered(state, who) && membersOpenFor(open, id).length >= 2) {
      if (!out.includes(who)) out.push(who);
    } else out.push(k);
  }
  return out;
}

function membersOpenFor(open: readonly string[], id: string): number[] {
  return open.flatMap((k) => {
    const p = parseKey(k);
    return p.id === id && p.member !== null ? [p.member] : [];
  });
}

/** The members a "who…?" asks about: those whose own answer could still change a result. */
function pickOptions(state: InterviewState, who: string, options: InterviewOptions): string[] {
  const id = [...PICKABLE].find(([, w]) => w === who)?.[0] as string;
  const { keys } = candidates({ ...state, answers: { ...state.answers, [who]: { unknown: true } } }, options);
  return membersOpenFor(keys, id).map((i) => String(i + 1));
}

/**
 * The programs whose result hinges on the question now: for measuring where the questions go. Intro
 * questions and income breakdowns (asked because they could change an amount) name none.
 */
export function programsAsking(state: InterviewState, key: string, options: InterviewOptions): string[] {
  const s = buildSituation(state);
  if (s === null || INTRO.includes(key)) return [];
  const screening = screen(s, { policies: options.policies, today: state.asOf });
  const field = [...PICKABLE].find(([, who]) => who === key)?.[0];
  const out = new Set<string>();
  for (const r of screening.results) {
    const keys = r.missing.flatMap((path) => keysFor(state, path));
    if (keys.includes(key) || (field && keys.some((k) => parseKey(k).id === field))) out.add(r.program);
  }
  return [...out];
}

/**
 * Until the intro is answered, what is left counts the intro plus what a couple with a child in the
 * jurisdiction (or Wuxi, before one is chosen) would still be asked — the commonest household the
 * hotline sees, and the estimate nearest on generated households: the count then moves by what the
 * answers open or close, never from "1 left" to "15 left".
 */
const PROVISIONAL: Record<string, string> = {
  jurisdiction: "wuxi",
  helping: "self",
  household: "spouse,child_minor",
};

function estimateLeft(state: InterviewState, keys: readonly string[], options: InterviewOptions): number {
  if (!INTRO.some((id) => !isAnswered(state, id))) return keys.length;
  const answers = { ...state.answers };
  for (const id of INTRO) answers[id] ??= { value: PROVISIONAL[id] as string };
  return keys.length + candidates({ ...state, answers }, options).keys.length;
}

export function next(state: InterviewState, options: InterviewOptions): Step {
  const { keys, screening } = candidates(state, options);
  const progress = { answered: state.order.length, left: estimateLeft(state, keys, options) };
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
