// Words for people, from the core's data: a question with its options, a re-ask, and a screening read
// as each program's outcome, amount, reasons with their clauses, what is unknown and what to do next.

import type { TFunction } from "i18next";
import { type AgeBand, parseBand } from "../core/interview/age-bands.ts";
import type { AnswerIssue } from "../core/interview/answer.ts";
import type { AskedQuestion } from "../core/interview/next.ts";
import { QUESTION_BY_ID } from "../core/interview/questions.ts";
import { questionForPath } from "../core/interview/relevance.ts";
import type { Reason, Result, Screening } from "../core/schema/screening.ts";
import { QUESTION_T_OPTIONS, questionKey, questionOptionKey } from "./i18n.ts";
import { polish, yuan } from "./polish.ts";

export type Subject = "self" | "helping";

/**
 * A member named by relation ("your spouse", "您的未满18岁的子女"), numbered only when two share one;
 * "household member N" only where no relation is known.
 */
export function whoIs(
  t: TFunction,
  member: number,
  subject: Subject,
  relations: readonly (string | undefined)[] = [],
): string {
  if (member === 0) return t(`common:who.${subject}`);
  const relation = relations[member];
  if (relation === undefined || relation === "self") return t("common:who.member", { n: member + 1 });
  const name = t(`common:who.${subject === "helping" ? "theirs" : "yours"}.${relation}`);
  const same = relations.filter((r) => r === relation).length;
  if (same < 2) return name;
  const nth = relations.slice(0, member + 1).filter((r) => r === relation).length;
  return t("common:who.nth", { who: name, n: nth });
}

export interface RenderedQuestion {
  key: string;
  /** "roster" and "members" take several picks; the channels render them as toggles or checkboxes. */
  kind: AskedQuestion["kind"];
  text: string;
  help: string | null;
  options: { value: string; label: string }[];
  /** "I don't know" is offered unless the question is required. */
  canSkip: boolean;
}

export function bandLabel(t: TFunction, band: AgeBand): string {
  if (band.to === undefined) return t("common:ageBand.from", { from: band.from });
  if (band.from === 0) return t("common:ageBand.under", { under: band.to + 1 });
  return t("common:ageBand.between", { from: band.from, to: band.to });
}

/** Each member's relation in a situation (for naming people), whatever shape it arrives in. */
export function relationsOf(situation: unknown): (string | undefined)[] {
  const members = (situation as { members?: unknown } | null)?.members;
  if (!Array.isArray(members)) return [];
  return members.map((m) => {
    const r = (m as { relation?: unknown } | null)?.relation;
    return typeof r === "string" ? r : undefined;
  });
}

function optionLabel(t: TFunction, q: AskedQuestion, value: string, who: string, subject: Subject): string {
  // "有没有…?" is answered 有 / 没有, not 是 / 不是: a question may name its own yes and no.
  if (q.kind === "yesno")
    return t(questionOptionKey(q.id, value), { ...QUESTION_T_OPTIONS, defaultValue: t(`common:${value}`) });
  if (q.kind === "members") return whoIs(t, Number(value) - 1, subject, q.household);
  if (q.id === "member.ageBand") {
    const band = parseBand(value);
    return band === null ? value : bandLabel(t, band);
  }
  return t(questionOptionKey(q.id, value), { ...QUESTION_T_OPTIONS, who });
}

export function renderQuestion(t: TFunction, q: AskedQuestion): RenderedQuestion {
  const subject: Subject = q.subject === "helping" ? "helping" : "self";
  const who = q.member === null ? "" : whoIs(t, q.member, subject, q.household);
  const part = q.scope === "member" ? `text_${q.subject}` : `text_${subject}`;
  const text = t(questionKey(q.id, part as "text"), { ...QUESTION_T_OPTIONS, who });
  const helpKey = questionKey(q.id, "help");
  const help = t(helpKey, { ...QUESTION_T_OPTIONS, defaultValue: "" });
  const values = q.kind === "yesno" ? ["yes", "no"] : q.kind === "dateOrNo" ? ["no"] : (q.options ?? []);
  const options = values.map((value) => ({ value, label: optionLabel(t, q, value, who, subject) }));
  return {
    key: q.key,
    kind: q.kind,
    text,
    help: help === "" ? null : help,
    options,
    canSkip: !q.required,
  };
}

/**
 * A re-ask in the question's own unit when it has one ("金额写 0 到 1,000,000 元之间的数" through the
 * i18next context `too_big_yuan`), else the plain one; large numbers are grouped as people write them.
 */
export function renderIssue(t: TFunction, issue: AnswerIssue): string {
  const { unit, ...values } = issue.values;
  const shown = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === "number" && v >= 10_000 ? grouped(v) : v]),
  );
  return t(`common:reask.${issue.code}`, {
    ...shown,
    ...(typeof unit === "string" ? { context: unit } : {}),
  });
}

const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

const money = yuan;

/** Reason values that are yuan: shown to the yuan, grouped ("333.33" a head → "333"). */
const MONEY_VALUES = new Set([
  "amount",
  "perCapitaIncome",
  "standard",
  "income",
  "min",
  "max",
  "total",
  "floor",
  "cap",
  "capTotal",
  "medical",
  "minimumWage",
  "limit",
  "monthly",
]);

export function amountText(t: TFunction, r: Result): string | null {
  if (r.outcome === "unlikely") return null;
  const parts: string[] = [];
  if (
    (r.monthly === 0 && r.monthlyRange?.max === null) ||
    r.reasons.some((x) => x.code === "income_above_floor")
  ) {
    // Nothing at the published minimum, but the real standard may be higher: no "at least 0".
    parts.push(t("common:amount.dependsOnStandard"));
  } else if (r.monthly !== null) {
    const range = r.monthlyRange;
    if (range && range.max === null) {
      parts.push(t("common:amount.atLeast", { amount: money(Math.min(range.min, r.monthly)) }));
    } else if (range && range.max !== null) {
      parts.push(t("common:amount.monthly", { amount: money(r.monthly) }));
      parts.push(t("common:amount.range", { min: money(range.min), max: money(range.max) }));
    } else parts.push(t("common:amount.monthly", { amount: money(r.monthly) }));
  } else if (r.monthlyRange) {
    const { min, max } = r.monthlyRange;
    parts.push(
      max === null
        ? t("common:amount.atLeast", { amount: money(min) })
        : t("common:amount.range", { min: money(min), max: money(max) }),
    );
  }
  if (r.oneOff) {
    const { min, max } = r.oneOff;
    parts.push(
      max === null
        ? t("common:amount.oneOffAtLeast", { min: money(min) })
        : min === max
          ? t("common:amount.oneOffAbout", { amount: money(min) })
          : t("common:amount.oneOff", { min: money(min), max: money(max) }),
    );
  }
  if (parts.length === 0) parts.push(t("common:amount.notPublished"));
  if (r.until) parts.push(t("common:amount.until", { date: r.until }));
  return parts.join(t("common:listSeparator"));
}

export function reasonText(
  t: TFunction,
  reason: Reason,
  subject: Subject,
  relations: readonly (string | undefined)[] = [],
): string {
  return `${reasonWords(t, reason, subject, relations)} ${citation(t, reason)}`;
}

/** A reason's sentence alone, in plain words (what a resident reads first; the clause is apart). */
export function reasonWords(
  t: TFunction,
  reason: Reason,
  subject: Subject,
  relations: readonly (string | undefined)[] = [],
): string {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(reason.values))
    values[k] =
      v === null ? t("common:unknownValue") : typeof v === "number" && MONEY_VALUES.has(k) ? yuan(v) : v;
  if (typeof reason.values.member === "number")
    values.who = whoIs(t, reason.values.member, subject, relations);
  if (typeof reason.values.figure === "string")
    values.figureName = t(`reasons:figures.${reason.values.figure}`);
  return polish(t, t(`reasons:${reason.code}`, values));
}

/** Where a reason comes from: "依据：东兴区工作机制 三（一）" and, beyond the local document, its basis. */
export function citation(t: TFunction, reason: Pick<Reason, "source" | "basis">): string {
  const clause = t("common:clause", { clause: reason.source });
  const basis =
    reason.basis === "seed" ? "" : t("common:basisNote", { basis: t(`common:basis.${reason.basis}`) });
  return polish(t, `${clause}${basis}`);
}

export interface RenderedResult {
  program: Result["program"];
  member: number | null;
  title: string;
  who: string | null;
  outcome: Result["outcome"];
  outcomeText: string;
  amount: string | null;
  reasons: string[];
  unknowns: string[];
  documents: string | null;
}

export interface RenderedScreening {
  disclaimer: string;
  notices: string[];
  results: RenderedResult[];
  nextSteps: string[];
}

function unknownText(
  t: TFunction,
  path: string,
  subject: Subject,
  relations: readonly (string | undefined)[] = [],
): string | null {
  const q = questionForPath(path);
  if (!q) return null;
  const who = q.member === null ? "" : whoIs(t, q.member, subject, relations);
  const part =
    q.member === null
      ? subject === "helping"
        ? "text_helping"
        : "text_self"
      : q.member === 0
        ? `text_${subject}`
        : "text_member";
  return t(questionKey(q.id, part as "text"), { ...QUESTION_T_OPTIONS, who });
}

/** What is still unknown for a result, worded as the questions that ask for it, each once. */
export function unknownsOf(
  t: TFunction,
  r: Result,
  subject: Subject,
  relations: readonly (string | undefined)[] = [],
): string[] {
  return [
    ...new Set(
      r.missing.map((p) => unknownText(t, p, subject, relations)).filter((x): x is string => x !== null),
    ),
  ];
}

/** `relations`: each member's relation (the situation's), to name people "your spouse", not "member 2". */
export function renderScreening(
  t: TFunction,
  screening: Screening,
  subject: Subject = "self",
  relations: readonly (string | undefined)[] = [],
): RenderedScreening {
  const results = screening.results.map((r): RenderedResult => {
    const unknowns = unknownsOf(t, r, subject, relations);
    return {
      program: r.program,
      member: r.member,
      title: t(`programs:${r.program}.name`),
      who: r.member === null ? null : whoIs(t, r.member, subject, relations),
      outcome: r.outcome,
      outcomeText: t(`common:outcomes.${r.outcome}`),
      amount: amountText(t, r),
      reasons: r.reasons.map((x) => reasonText(t, x, subject, relations)),
      unknowns,
      documents: r.outcome === "unlikely" ? null : t(`programs:documents.${r.program}`),
    };
  });
  const nextSteps = [t("common:nextSteps.apply")];
  // What to bring, once per program that may apply.
  const programs = [...new Set(results.filter((r) => r.documents !== null).map((r) => r.program))];
  if (programs.length > 0) {
    nextSteps.push(t("common:nextSteps.bring"));
    for (const program of programs) {
      nextSteps.push(
        t("common:programDocs", {
          title: t(`programs:${program}.name`),
          documents: t(`programs:documents.${program}`),
        }),
      );
    }
  }
  nextSteps.push(t("common:nextSteps.hotline"));
  return {
    disclaimer: t("common:estimateDisclaimer"),
    notices: screening.notices.map((n) => reasonText(t, n, subject)),
    results,
    nextSteps,
  };
}

/** The rendered screening as plain text (the CLI, a chat message): the likely and possible first. */
export function screeningText(t: TFunction, rendered: RenderedScreening): string {
  const lines: string[] = [rendered.disclaimer, ...rendered.notices, ""];
  const order = ["likely", "possible", "unlikely"] as const;
  for (const outcome of order) {
    for (const r of rendered.results.filter((x) => x.outcome === outcome)) {
      const who = r.who ? t("common:whoNote", { who: r.who }) : "";
      const heading = t("common:resultHeading", { title: r.title, who, outcome: r.outcomeText });
      lines.push(`■ ${heading}${r.amount ? `${t("common:listSeparator")}${r.amount}` : ""}`);
      if (outcome !== "unlikely") {
        for (const reason of r.reasons) lines.push(`  · ${reason}`);
        if (r.unknowns.length > 0) {
          lines.push(`  ${t("common:missingIntro")}`);
          for (const u of r.unknowns) lines.push(`    - ${u}`);
        }
      } else if (r.reasons[0]) lines.push(`  · ${r.reasons[0]}`);
    }
  }
  lines.push("", ...rendered.nextSteps);
  return lines.join("\n");
}

export interface RenderedFact {
  /** The question that asks for this fact, in the reader's words. */
  label: string;
  value: string;
}

/**
 * A situation as the staff read it: each fact with the question that asks for it, and the answer in
 * words (yes/no, an option's label, a number or a date). Facts no question asks for are left out.
 */
export function renderFacts(t: TFunction, situation: unknown, subject: Subject): RenderedFact[] {
  const facts: RenderedFact[] = [];
  const seen = new Set<string>();
  const relations = relationsOf(situation);
  const visit = (value: unknown, path: string) => {
    const band = /^(members\[\d+\])\.ageBand$/.exec(path);
    if (band && value !== null && typeof value === "object") {
      // An age band reads as the range the interview offers ("60 or over").
      const b = value as { from: number; to?: number };
      return visit(bandLabel(t, b), `${band[1]}.age`);
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
      return;
    }
    if (/\.income$/.test(path) && Array.isArray(value)) {
      // A member's income items read as the monthly total the interview asks for.
      const total = value.reduce((sum: number, item: { monthly?: number }) => sum + (item?.monthly ?? 0), 0);
      return visit(total, path);
    }
    if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
      return;
    }
    const label = unknownText(t, path, subject, relations);
    if (!label || value === undefined) return;
    const q = questionForPath(path);
    const key = `${label}\u0000${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    // Words as the question offers them: its own yes / no (有 / 没有), an option's label, a list of them.
    const option = (v: string) =>
      q ? t(questionOptionKey(q.id, v), { ...QUESTION_T_OPTIONS, defaultValue: v }) : v;
    const yesNo = (v: boolean) =>
      t(questionOptionKey(q?.id ?? "", v ? "yes" : "no"), {
        ...QUESTION_T_OPTIONS,
        defaultValue: t(`common:${v ? "yes" : "no"}`),
      });
    const shown =
      value === null
        ? t(questionOptionKey(q?.id ?? "", "none"), { ...QUESTION_T_OPTIONS, defaultValue: yesNo(false) })
        : typeof value === "boolean"
          ? yesNo(value)
          : Array.isArray(value)
            ? value
                .map((v) => (typeof v === "string" ? option(v) : String(v)))
                .join(t("common:listSeparator"))
            : typeof value === "string"
              ? option(value)
              : typeof value === "number" && QUESTION_BY_ID.get(q?.id ?? "")?.kind === "money"
                ? t("common:case.yuanValue", { amount: yuan(value) })
                : typeof value === "number"
                  ? option(String(value))
                  : String(value);
    facts.push({ label, value: shown });
  };
  visit(situation, "");
  return facts;
}
