// Taking an answer: parse it as people type it, check it against the situation schema, and either return
// the new state or a re-ask code (the state is then unchanged). Going back and changing answers too.

import { isIsoDate } from "../dates.ts";
import { fieldIssues } from "../schema/issues.ts";
import { situationSchema } from "../schema/situation.ts";
import { bandHolds, parseBand } from "./age-bands.ts";
import { prune } from "./applicable.ts";
import { buildSituation, householdSize, incomeByRest } from "./build.ts";
import { ask, type InterviewOptions } from "./next.ts";
import { parseDate, parseNumber, parsePhone } from "./numbers.ts";
import { HOUSEHOLD_MAX } from "./questions.ts";
import { parseRoster, rosterValue } from "./roster.ts";
import { type Answer, answerOf, type InterviewState, keyOf, parseKey } from "./state.ts";

export type RawAnswer = string | number | { unknown: true };

export interface AnswerIssue {
  code:
    | "required"
    | "empty"
    | "not_an_option"
    | "not_a_number"
    | "not_whole"
    | "not_a_date"
    | "not_a_phone"
    | "too_small"
    | "too_big"
    | "date_after_as_of"
    | "part_exceeds_total"
    | "not_applicable"
    | "invalid";
  values: Record<string, unknown>;
}

/**
 * What a number answer counts, so a re-ask can say the field's own rule in its own unit ("年龄写 0 到
 * 130 之间的数", "人数写 1 到 10") rather than "please type a number".
 */
export type AnswerUnit = "yuan" | "years" | "people" | "characters";

export type AnswerResult = { ok: true; state: InterviewState } | { ok: false; issue: AnswerIssue };

/** The oldest age the situation takes (members[].age). */
const MAX_AGE = 130;

const YES = new Set(["yes", "y", "是", "是的", "对", "有", "需要", "yes please"]);
const NO = new Set(["no", "n", "否", "不是", "没有", "无", "不", "沒有", "不需要"]);

function fail(
  code: AnswerIssue["code"],
  values: Record<string, unknown> = {},
): { ok: false; issue: AnswerIssue } {
  return { ok: false, issue: { code, values } };
}

/** The example a re-ask gives, fitting the question: an age, a number of people, or an amount. */
function exampleFor(q: ReturnType<typeof ask>): number {
  if (q.kind === "money") return 1200;
  if (q.id.endsWith("age") || q.id === "member.ageBand") return 72;
  return 3;
}

function unitOf(q: ReturnType<typeof ask>): AnswerUnit | null {
  if (q.kind === "money") return "yuan";
  if (q.kind === "roster") return "people";
  if (q.kind === "text") return "characters";
  if (q.id === "member.ageBand") return "years";
  return null;
}

/** A failed number answer with its unit and the question's range (which the re-ask states in full). */
function inItsUnit(q: ReturnType<typeof ask>, failed: { ok: false; issue: AnswerIssue }) {
  const unit = unitOf(q);
  if (unit === null) return failed;
  const range =
    q.kind === "roster"
      ? { minimum: 1, maximum: q.max ?? HOUSEHOLD_MAX }
      : {
          ...(q.min !== undefined ? { minimum: q.min } : {}),
          ...(q.max !== undefined ? { maximum: q.max } : {}),
        };
  return fail(failed.issue.code, { ...range, ...failed.issue.values, unit });
}

function parse(
  q: ReturnType<typeof ask>,
  raw: string | number,
  asOf: string,
): { ok: true; value: string | number } | { ok: false; issue: AnswerIssue } {
  const text = typeof raw === "string" ? raw.trim() : String(raw);
  if (text === "") return fail("empty");
  switch (q.kind) {
    case "yesno": {
      const t = text.toLowerCase();
      if (YES.has(t)) return { ok: true, value: "yes" };
      if (NO.has(t)) return { ok: true, value: "no" };
      return fail("not_an_option", { options: ["yes", "no"] });
    }
    case "choice": {
      const options = q.options ?? [];
      if (options.includes(text)) return { ok: true, value: text };
      // An age band may be answered with the age itself ("65岁", "9" → the band holding it); an age
      // outside every band is out of the range the roster already gave, said in years.
      if (q.id === "member.ageBand") {
        const age = parseNumber(raw);
        if (age !== null && age > MAX_AGE) return fail("too_big", { minimum: 0, maximum: MAX_AGE });
        if (age !== null) {
          const bands = options.map((o) => parseBand(o) ?? { from: 0 });
          const band = options[bands.findIndex((b) => bandHolds(b, age))];
          if (band !== undefined) return { ok: true, value: band };
          const lowest = Math.min(...bands.map((b) => b.from));
          const highest = bands.some((b) => b.to === undefined)
            ? MAX_AGE
            : Math.max(...bands.map((b) => b.to as number));
          return fail(age < lowest ? "too_small" : "too_big", { minimum: lowest, maximum: highest });
        }
      }
      const index = /^\d+$/.test(text) ? Number(text) - 1 : -1;
      const byIndex = options[index];
      return byIndex !== undefined ? { ok: true, value: byIndex } : fail("not_an_option", { options });
    }
    case "number":
    case "money": {
      // "没有" / "无" for an amount is none at all (the question says to write 0 for none).
      if (q.kind === "money" && NO.has(text.toLowerCase()) && (q.min ?? 0) <= 0)
        return { ok: true, value: 0 };
      const n = parseNumber(raw);
      if (n === null) return fail("not_a_number", { example: exampleFor(q) });
      if (q.kind === "number" && !Number.isInteger(n)) return fail("not_whole");
      if (q.min !== undefined && n < q.min) return fail("too_small", { minimum: q.min });
      if (q.max !== undefined && n > q.max) return fail("too_big", { maximum: q.max });
      return { ok: true, value: n };
    }
    case "date":
    case "dateOrNo": {
      if (q.kind === "dateOrNo" && NO.has(text.toLowerCase())) return { ok: true, value: "no" };
      const d = parseDate(text);
      if (d === null || !isIsoDate(d)) return fail("not_a_date");
      if (d > asOf) return fail("date_after_as_of", { asOf });
      return { ok: true, value: d };
    }
    case "phone": {
      const p = parsePhone(text);
      return p === null ? fail("not_a_phone") : { ok: true, value: p };
    }
    case "text":
      return text.length > 60 ? fail("too_big", { maximum: 60 }) : { ok: true, value: text };
    case "roster":
      return parseRosterAnswer(text, q.max ?? HOUSEHOLD_MAX);
    case "members":
      return parseMembers(q, text);
    case "multi":
      return parseMulti(text, q.options ?? []);
  }
}

/** A pick-list of options: their values ("dibao,tekun") or numbers as shown ("1,2"), or "none" / "没有". */
function parseMulti(
  text: string,
  options: readonly string[],
): { ok: true; value: string } | { ok: false; issue: AnswerIssue } {
  if (text === "none" || NO.has(text.toLowerCase())) return { ok: true, value: "none" };
  const parts = text.split(/[\s,，、;；和]+/).filter((x) => x !== "");
  const values = parts.map((x) => (options.includes(x) ? x : options[Number(x) - 1]));
  if (parts.length === 0 || values.some((x) => x === undefined || !/^\d+$|^[a-zA-Z]+$/.test(x)))
    return fail("not_an_option", { options });
  // In the options' own order, once each.
  return { ok: true, value: options.filter((o) => values.includes(o)).join(",") };
}

/** The roster as sent ("spouse,child_minor" or "alone"), or typed as a number of people. */
function parseRosterAnswer(
  text: string,
  max: number,
): { ok: true; value: string } | { ok: false; issue: AnswerIssue } {
  const others = parseRoster(text);
  if (others) return { ok: true, value: rosterValue(others) };
  // Relations, but more people than a household here holds: say the most, in people.
  const listed = text.split(",").map((x) => x.trim());
  if (listed.length >= max && parseRoster(listed.slice(0, max - 1).join(",")) !== null)
    return fail("too_big", { maximum: max });
  const n = parseNumber(text);
  if (n === null) return fail("not_a_number", { example: 3 });
  if (!Number.isInteger(n)) return fail("not_whole");
  if (n < 1) return fail("too_small", { minimum: 1 });
  if (n > max) return fail("too_big", { maximum: max });
  // A number of people without their relations: everyone else counts as "other".
  return { ok: true, value: rosterValue(Array.from({ length: n - 1 }, () => "other" as const)) };
}

/**
 * A pick-list: member numbers as shown ("1,3", "1 3", "1、3"), or "none" / "没有" for no one. A "who…?"
 * over some members keeps which were offered ("1,3|1,2,3"), so the rest are a known "no".
 */
function parseMembers(
  q: ReturnType<typeof ask>,
  text: string,
): { ok: true; value: string } | { ok: false; issue: AnswerIssue } {
  const options = q.options ?? [];
  const offered = q.id.startsWith("who.") || q.id.startsWith("household.age") ? `|${options.join(",")}` : "";
  if (text === "none" || NO.has(text.toLowerCase())) return { ok: true, value: `none${offered}` };
  const parts = text.split(/[\s,，、;；和]+/).filter((x) => x !== "");
  const numbers = parts.map((x) => parseNumber(x));
  if (parts.length === 0 || numbers.some((x) => x === null || !options.includes(String(x))))
    return fail("not_an_option", { options });
  const unique = [...new Set(numbers as number[])].sort((a, b) => a - b);
  return { ok: true, value: `${unique.join(",")}${offered}` };
}

export function answer(
  state: InterviewState,
  key: string,
  raw: RawAnswer,
  options: InterviewOptions,
): AnswerResult {
  const q = ask(state, key, options);
  let given: Answer;
  if (typeof raw === "object") {
    if (q.required) return fail("required");
    given = { unknown: true };
  } else {
    const parsed = parse(q, raw, state.asOf);
    if (!parsed.ok) return inItsUnit(q, parsed);
    given = { value: parsed.value };
  }
  const { id, member } = parseKey(key);
  const part = /^(member\.income|householdIncome)\.(pensionBasic|povertyDividend)$/.exec(id);
  if ("value" in given && part) {
    const other = part[2] === "pensionBasic" ? "povertyDividend" : "pensionBasic";
    const total = partTotal(state, part[1] as string, member);
    const rest = Number(answerOf(state, keyOf(`${part[1]}.${other}`, member)) ?? 0);
    if (Number(given.value) + rest > total) return fail("part_exceeds_total", { total });
  }
  const kept = withoutMembersIfRosterChanges(state, key, given);
  const candidate = prune({
    ...kept,
    answers: { ...kept.answers, [key]: given },
    order: [...kept.order.filter((k) => k !== key), key],
  });
  if (candidate.answers[key] === undefined) return fail("not_applicable");
  const s = buildSituation(candidate);
  if (s !== null) {
    const checked = situationSchema.safeParse(s);
    if (!checked.success) {
      const issue = fieldIssues(checked.error)[0];
      return fail(
        issue?.code === "too_small" || issue?.code === "too_big" || issue?.code === "date_after_as_of"
          ? issue.code
          : "invalid",
        issue?.values ?? {},
      );
    }
  }
  return { ok: true, state: candidate };
}

/**
 * A different household (another roster) renumbers its members: every answer about a member, or about
 * members by number ("who…?"), is dropped and asked again; answers about the household stay.
 */
function withoutMembersIfRosterChanges(state: InterviewState, key: string, given: Answer): InterviewState {
  const before = state.answers[key];
  if (key !== "household" || before === undefined || JSON.stringify(before) === JSON.stringify(given))
    return state;
  const byMember = (k: string) =>
    parseKey(k).member !== null ||
    k.startsWith("who.") ||
    k.startsWith("household.age") ||
    k === "household.disability" ||
    k === "household.illness";
  const answers = Object.fromEntries(Object.entries(state.answers).filter(([k]) => !byMember(k)));
  return { ...state, answers, order: state.order.filter((k) => !byMember(k)) };
}

/** The income a pension or dividend part is of: the answer, or for the last member the household's rest. */
function partTotal(state: InterviewState, id: string, member: number | null): number {
  const given = answerOf(state, keyOf(id, member));
  if (typeof given === "number") return given;
  if (id !== "member.income" || member === null || incomeByRest(state) !== member) return 0;
  const household = Number(answerOf(state, "householdIncome") ?? 0);
  const others = Array.from({ length: householdSize(state) }, (_, j) => j)
    .filter((j) => j !== member)
    .reduce((t, j) => t + Number(answerOf(state, keyOf("member.income", j)) ?? 0), 0);
  return Math.max(0, household - others);
}

/** Go back one step: the last answer is taken back and its question comes again. */
export function back(state: InterviewState): InterviewState {
  const last = state.order[state.order.length - 1];
  return last === undefined ? state : forget(state, last);
}

/** Take back one answer (to change it); answers that depended on it are dropped. */
export function forget(state: InterviewState, key: string): InterviewState {
  const answers = { ...state.answers };
  delete answers[key];
  return prune({ ...state, answers, order: state.order.filter((k) => k !== key) });
}

export interface AnswerSummary {
  key: string;
  id: string;
  member: number | null;
  answer: Answer;
}

/** The answers so far, in the order given. */
export function summary(state: InterviewState): AnswerSummary[] {
  return state.order.map((key) => ({ key, ...parseKey(key), answer: state.answers[key] as Answer }));
}
