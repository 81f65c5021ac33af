// screen(situation) → screening: every program, in the contract's order, with reasons and clauses.

import pkg from "../package.json" with { type: "json" };
import { addMonths } from "./dates.ts";
import { keptIn } from "./kept.ts";
import { ofLength } from "./lists.ts";
import type { PolicySet } from "./policies/index.ts";
import { readerFor } from "./policies/reader.ts";
import { orphan, unsupportedChild } from "./programs/children.ts";
import { dibao } from "./programs/dibao.ts";
import { dibaoSingle } from "./programs/dibao-single.ts";
import { disabilityCare, disabilityLiving } from "./programs/disability.ts";
import { tekun } from "./programs/tekun.ts";
import { temporaryAid } from "./programs/temporary-aid.ts";
import { findAlternatives } from "./rules/alternatives.ts";
import { createContext } from "./rules/context.ts";
import { reason } from "./rules/reason.ts";
import { compileAcceptParts, REFUSED } from "./schema/accept.ts";
import type { Jurisdiction } from "./schema/enums.ts";
import { fixedShape } from "./schema/fixed-shape.ts";
import { type FieldIssue, fieldIssues } from "./schema/issues.ts";
import { formatPath } from "./schema/paths.ts";
import type { Reason, Result, Screening } from "./schema/screening.ts";
import { eventDates, type Situation, situationSchema } from "./schema/situation.ts";

export const ENGINE_VERSION: string = pkg.version;
export const SCHEMA_VERSION = 1 as const;

export interface ScreenOptions {
  policies: PolicySet;
  /** The date to screen for when the situation gives none: today in Asia/Shanghai, from the caller's clock. */
  today: string;
  /** Overrides the situation's own asOf (`--as-of`). */
  asOf?: string;
}

export function screen(input: Situation, options: ScreenOptions): Screening {
  return screenShaped(fixedShape(input), options);
}

/** A situation already in the fixed shape (see fixed-shape.ts), screened. */
function screenShaped(s: Situation, options: ScreenOptions): Screening {
  const asOf = options.asOf ?? s.asOf ?? options.today;
  const pack = options.policies.packs[s.jurisdiction];
  const ctx = createContext(s, asOf, readerFor(options.policies, pack, asOf, s.county));
  const n = s.members.length;
  // The contract's order, two household programs and six for each member, filled in plain loops: the
  // core's hottest path.
  const results = ofLength<Result>(2 + 6 * n);
  let k = 0;
  const dibaoResult = dibao(ctx);
  results[k++] = dibaoResult;
  const singles = ofLength<Result>(n);
  for (let i = 0; i < n; i++) singles[i] = dibaoSingle(ctx, i);
  const tekuns = ofLength<Result>(n);
  for (let i = 0; i < n; i++) tekuns[i] = tekun(ctx, i);
  for (const r of singles) results[k++] = r;
  for (const r of tekuns) results[k++] = r;
  results[k++] = temporaryAid(ctx);
  for (let i = 0; i < n; i++) results[k++] = unsupportedChild(ctx, i);
  for (let i = 0; i < n; i++) results[k++] = orphan(ctx, i);
  for (let i = 0; i < n; i++) results[k++] = disabilityLiving(ctx, i, dibaoResult, singles[i] as Result);
  for (let i = 0; i < n; i++) results[k++] = disabilityCare(ctx, i);
  const notices: Reason[] = [];
  if (asOf > pack.figuresConfirmedOn) {
    notices.push(
      reason(
        "figures_may_be_outdated",
        { source: pack.documents[0]?.id ?? pack.name, basis: "seed" },
        {
          confirmedOn: pack.figuresConfirmedOn,
          asOf,
        },
      ),
    );
  }
  const alternatives = findAlternatives(ctx, dibaoResult, singles, tekuns);
  return {
    schemaVersion: SCHEMA_VERSION,
    engineVersion: ENGINE_VERSION,
    jurisdiction: s.jurisdiction,
    packVersion: packVersion(options.policies, s.jurisdiction),
    asOf,
    sources: sourcesOf(options.policies, s.jurisdiction).slice(),
    notices,
    results,
    alternatives,
  };
}

const sources = new WeakMap<PolicySet, Map<Jurisdiction, string[]>>();

/** The documents a place's screenings cite, made once per policy set. */
function sourcesOf(policies: PolicySet, jurisdiction: Jurisdiction): string[] {
  return keptIn(
    keptIn(sources, policies, () => new Map()),
    jurisdiction,
    () =>
      [...policies.packs[jurisdiction].documents, ...policies.national.documents].map(
        (d) => `${d.id} ${d.title}`,
      ),
  );
}

/** A place's rules version: its pack's, the national layer's, and the deployment's figures when any. */
export function packVersion(policies: PolicySet, jurisdiction: Jurisdiction): string {
  const base = `${policies.packs[jurisdiction].version}+${policies.national.version}`;
  return policies.deploymentTag ? `${base}+d.${policies.deploymentTag}` : base;
}

const situationCheck = compileAcceptParts(situationSchema);

/**
 * Untrusted input as a situation in the fixed shape (see fixed-shape.ts): valid input (the usual case)
 * passes the compiled check of its shape, which copies it in the same walk, and the copy passes the
 * situation's cross-field checks (read on the copy's one layout rather than the input's many); anything
 * else goes to zod, which names each field's issue.
 */
export function parseSituation(
  input: unknown,
): { ok: true; situation: Situation } | { ok: false; issues: FieldIssue[] } {
  const copy = situationCheck.copy(input);
  if (copy !== REFUSED && situationCheck.refinements(copy)) return { ok: true, situation: copy as Situation };
  const parsed = situationSchema.safeParse(input);
  return parsed.success
    ? { ok: true, situation: fixedShape(parsed.data) }
    : { ok: false, issues: fieldIssues(parsed.error) };
}

export type ScreenInputResult = { ok: true; screening: Screening } | { ok: false; issues: FieldIssue[] };

/** Validate untrusted input (CLI, API) and screen it; problems come back as field issues, never thrown. */
export function screenInput(input: unknown, options: ScreenOptions): ScreenInputResult {
  const parsed = parseSituation(input);
  if (!parsed.ok) return parsed;
  const s = parsed.situation;
  const ahead = options.asOf === undefined ? asOfIssues(s, options.today) : [];
  // The schema has already refused events after the situation's own asOf: only another date needs a look.
  const asOf = options.asOf ?? s.asOf ?? options.today;
  const future = asOf === s.asOf ? [] : futureDateIssues(s, asOf);
  if (ahead.length > 0 || future.length > 0) return { ok: false, issues: [...ahead, ...future] };
  return { ok: true, screening: screenShaped(s, options) };
}

/** How far ahead an estimate may be dated: a year from today (the packs' dated values end soon after). */
export const AS_OF_MAX_YEARS_AHEAD = 1;

/** An estimate dated more than a year ahead of today is refused, by field. */
export function asOfIssues(s: Situation, today: string): FieldIssue[] {
  if (s.asOf === undefined) return [];
  const latest = addMonths(today, 12 * AS_OF_MAX_YEARS_AHEAD);
  return s.asOf > latest ? [{ path: "asOf", code: "date_too_far", values: { latest } }] : [];
}

/** The dates of a situation checked against today: the estimate's date, then events after it. */
export function dateIssues(s: Situation, today: string): FieldIssue[] {
  const ahead = asOfIssues(s, today);
  return ahead.length > 0 ? ahead : futureDateIssues(s, s.asOf ?? today);
}

/** Events dated after the estimate's date cannot have happened yet. */
export function futureDateIssues(s: Situation, asOf: string): FieldIssue[] {
  return eventDates(s)
    .filter((d) => d.date > asOf)
    .map((d) => ({ path: formatPath(d.path), code: "date_after_as_of", values: { asOf } }));
}
