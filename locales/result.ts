// What a resident reads after the interview: the answer first. A summary of three to five lines (an
// emergency first; what the household can most likely get and roughly how much; which programs are
// alternatives; what to do next), then each program that may apply with its estimate, its reasons in
// plain words and what is still unknown; the programs that cannot apply in one line; the clauses behind
// "Why". The same view feeds the chat (three messages and two buttons) and the result page.

import type { TFunction } from "i18next";
import type { Result, Screening } from "../core/schema/screening.ts";
import { polish } from "./polish.ts";
import {
  amountText,
  citation,
  type RenderedResult,
  reasonWords,
  type Subject,
  unknownsOf,
  whoIs,
} from "./render.ts";

/**
 * A program as a resident reads it: the staff's rendering (title, who, outcome, amount, unknowns,
 * documents), with the reasons in plain words — each once — and their clauses apart. For a certain
 * "unlikely" the outcome reads "不符合", never "可能不符合".
 */
export interface ProgramView extends RenderedResult {
  /** The clauses the reasons rest on, each once ("依据：…"). */
  citations: string[];
}

export interface ResidentResult {
  /** Basic living at risk: call now (12345; 110 / 119 / 120 where life or safety is in danger). */
  urgent: string | null;
  summary: string[];
  /** Likely first, then possible. */
  open: ProgramView[];
  /** "These do not apply: …" in one line, or null when every program may apply. */
  closedLine: string | null;
  closed: ProgramView[];
  /** What holds for the whole screening (the figures' date), in plain words. */
  notices: string[];
  disclaimer: string;
  nextSteps: string[];
}

export interface ResultOptions {
  subject?: Subject;
  /** Each member's relation (the roster's or the situation's), to name people. */
  relations?: readonly (string | undefined)[];
  /** An emergency that puts basic living at risk (core/sla.ts isUrgent). */
  urgent?: boolean;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** A phrase written to open a sentence ("About 300 yuan a month"), set inside one in English. */
function midSentence(t: TFunction, phrase: string): string {
  return t("common:lang") === "en" ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/** Said once, in the summary: a program's block need not repeat which of two a person gets. */
const SAID_IN_SUMMARY = new Set(["alternative_preferred", "alternative_office_decides"]);

/** Reasons a chat shows before "Why": the rest, with every clause, are behind it. */
const REASONS_SHOWN = 2;

function viewOf(t: TFunction, r: Result, subject: Subject, relations: readonly (string | undefined)[]) {
  const outcomeText =
    r.outcome === "unlikely" && r.certain === true
      ? t("common:outcomes.unlikelyCertain")
      : t(`common:outcomes.${r.outcome}`);
  return {
    program: r.program,
    member: r.member,
    title: t(`programs:${r.program}.name`),
    who: r.member === null ? null : whoIs(t, r.member, subject, relations),
    outcome: r.outcome,
    outcomeText,
    amount: amountText(t, r),
    reasons: unique(
      r.reasons.filter((x) => !SAID_IN_SUMMARY.has(x.code)).map((x) => reasonWords(t, x, subject, relations)),
    ),
    citations: unique(r.reasons.map((x) => citation(t, x))),
    unknowns: unknownsOf(t, r, subject, relations),
    documents: r.outcome === "unlikely" ? null : t(`programs:documents.${r.program}`),
  } satisfies ProgramView;
}

/** "特困供养（您的配偶，约 1,751 元/月）": a program in the summary's list (no amount where none is published). */
function item(t: TFunction, v: ProgramView): string {
  // The estimate alone (the range and dates are in the program's block below).
  const first = v.amount?.split(t("common:listSeparator"))[0] ?? null;
  const amount = first === null || first === t("common:amount.notPublished") ? null : midSentence(t, first);
  const details = [v.who, amount].filter((x): x is string => x !== null && x !== undefined);
  const label = t(`programs:${v.program}.label`);
  return details.length === 0
    ? label
    : t("common:result.item", { label, details: details.join(t("common:listSeparator")) });
}

/** The summary's list: one item per program, its members together ("特困供养（您、您的配偶）"). */
function items(t: TFunction, views: ProgramView[]): string[] {
  const programs = unique(views.map((v) => v.program));
  return programs.map((program) => {
    const of = views.filter((v) => v.program === program);
    if (of.length === 1) return item(t, of[0] as ProgramView);
    const label = t(`programs:${program}.label`);
    const who = of.map((v) => v.who).filter((x): x is string => x !== null);
    return t("common:result.item", { label, details: who.join(t("common:result.whoSeparator")) });
  });
}

export function residentResult(
  t: TFunction,
  screening: Screening,
  options: ResultOptions = {},
): ResidentResult {
  const subject = options.subject ?? "self";
  const relations = options.relations ?? [];
  const views: ProgramView[] = screening.results.map((r) => viewOf(t, r, subject, relations));
  const rank = { likely: 0, possible: 1, unlikely: 2 } as const;
  const open = views
    .filter((v) => v.outcome !== "unlikely")
    .sort((a, b) => rank[a.outcome] - rank[b.outcome]);
  const closed = views.filter((v) => v.outcome === "unlikely");
  const separator = t("common:result.listSeparator");

  const summary: string[] = [];
  const likely = open.filter((v) => v.outcome === "likely");
  const possible = open.filter((v) => v.outcome === "possible");
  if (likely.length > 0) summary.push(t("common:result.likely", { list: items(t, likely).join(separator) }));
  if (possible.length > 0)
    summary.push(t("common:result.possible", { list: items(t, possible).join(separator) }));
  if (open.length === 0) summary.push(t("common:result.none"));
  for (const alt of screening.alternatives ?? []) {
    const [a, b] = alt.programs.map((p) => t(`programs:${p}.label`));
    const who = whoIs(t, alt.member, subject, relations);
    summary.push(
      alt.preferred
        ? t("common:result.alternativePreferred", {
            a,
            b,
            who,
            preferred: t(`programs:${alt.preferred}.label`),
          })
        : t("common:result.alternative", { a, b, who }),
    );
  }
  summary.push(t(open.length > 0 ? "common:result.next" : "common:result.nextNone"));

  // A program closed for one member but open for another is named with the member; else by itself.
  const openPrograms = new Set(open.map((v) => v.program));
  const closedNames = unique(
    closed.map((v) =>
      openPrograms.has(v.program) && v.who
        ? t("common:result.item", { label: t(`programs:${v.program}.label`), details: v.who })
        : t(`programs:${v.program}.label`),
    ),
  );
  return {
    urgent: options.urgent ? polish(t, t("common:result.urgent")) : null,
    summary: summary.map((line) => polish(t, line)),
    open,
    closedLine:
      closedNames.length > 0
        ? polish(t, t("common:result.notApplicable", { list: closedNames.join(separator) }))
        : null,
    closed,
    notices: screening.notices.map((n) => reasonWords(t, n, subject, relations)),
    disclaimer: polish(t, t("common:result.shortDisclaimer")),
    nextSteps: [t("common:nextSteps.apply"), t("common:nextSteps.hotline")].map((x) => polish(t, x)),
  };
}

function heading(t: TFunction, v: ProgramView, withAmount: boolean): string {
  const who = v.who ? t("common:whoNote", { who: v.who }) : "";
  const line = polish(t, t("common:resultHeading", { title: v.title, who, outcome: v.outcomeText }));
  return `■ ${line}${withAmount && v.amount ? `${t("common:listSeparator")}${midSentence(t, v.amount)}` : ""}`;
}

/** A program as the chat shows it first: heading and amount, the main reasons, what is unknown. */
export function programText(t: TFunction, v: ProgramView, reasons = REASONS_SHOWN): string {
  const lines = [heading(t, v, true)];
  for (const reason of v.reasons.slice(0, reasons)) lines.push(`  · ${reason}`);
  if (v.unknowns.length > 0) {
    lines.push(`  ${t("common:missingIntro")}`);
    for (const u of v.unknowns) lines.push(`    - ${u}`);
  }
  return lines.join("\n");
}

/** The result in chat before anything is opened: the summary, the programs that may apply, the rest. */
export function chatResult(
  t: TFunction,
  view: ResidentResult,
): { summary: string; details: string | null; closing: string } {
  const summary = [...(view.urgent ? [view.urgent] : []), ...view.summary, view.disclaimer].join("\n");
  const details = view.open.length > 0 ? view.open.map((v) => programText(t, v)).join("\n\n") : null;
  const closing = [...view.notices, ...(view.closedLine ? [view.closedLine] : []), ...view.nextSteps].join(
    "\n",
  );
  return { summary, details, closing };
}

/** "Why": each program that may apply with all its reasons and the clauses they rest on, each once. */
export function whyText(t: TFunction, view: ResidentResult): string {
  const programs = view.open.length > 0 ? view.open : view.closed;
  return programs
    .map((v) =>
      [heading(t, v, false), ...v.reasons.map((r) => `  · ${r}`), ...v.citations.map((c) => `  ${c}`)].join(
        "\n",
      ),
    )
    .join("\n\n");
}

/** "What to bring": for each program that may apply, its documents, each program once. */
export function bringText(t: TFunction, view: ResidentResult): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const v of view.open) {
    if (!v.documents || seen.has(v.program)) continue;
    seen.add(v.program);
    lines.push(polish(t, t("common:programDocs", { title: v.title, documents: v.documents })));
  }
  return lines.join("\n");
}

/** The programs that do not apply, each with its first reason. */
export function closedText(t: TFunction, view: ResidentResult): string {
  return view.closed
    .map((v) => {
      const line = heading(t, v, false);
      return v.reasons[0] ? `${line}\n  · ${v.reasons[0]}` : line;
    })
    .join("\n");
}
