// The hotline's casework on stored requests: the queue in order (urgent first, then by call-back due
// time, then by id) with keyset paging, claiming (atomic: one winner), status changes, notes, amended
// facts, the full record and the phone, each written to the request's event trail with who did it.

import { and, asc, eq } from "drizzle-orm";
import type { Screening } from "../core/schema/screening.ts";
import type { Situation } from "../core/schema/situation.ts";
import { isWorkingDay, shanghaiDate, type WorkCalendar } from "../core/sla.ts";
import {
  type CallResult,
  type CloseOutcome,
  contactHappened,
  type Status,
  TRANSITIONS,
  UNREACHABLE_ATTEMPTS,
} from "../core/workflow.ts";
import type { Db } from "./connection.ts";
import type { Vault } from "./crypto.ts";
import {
  bestOutcomes,
  phoneMatches,
  type RequestStore,
  type SealedRequest,
  type StoredRequest,
  sealContext,
} from "./requests.ts";
import { outbox, requestEvents, requestOutcomes, requests, requestVersions, staff } from "./schema.ts";

export interface QueueFilter {
  /** Jurisdictions the caller may see: one id, or "all". */
  scope: string;
  statuses?: readonly Status[] | undefined;
  jurisdiction?: string | undefined;
  channel?: string | undefined;
  program?: string | undefined;
  outcome?: string | undefined;
}

export interface QueueCursor {
  urgent: boolean;
  slaDueAt: string;
  id: number;
}

export interface QueueItem {
  id: number;
  reference: string;
  jurisdiction: string;
  channel: string;
  urgent: boolean;
  status: string;
  createdAt: string;
  slaDueAt: string;
  assignee: string | null;
  duplicate: boolean;
  outcomes: Record<string, string>;
  /** Call attempts logged so far. */
  attempts: number;
  /** Why staff should look twice ("busy_address"), or null. */
  flag: string | null;
}

/** What the workspace's list shows of each request: its latest facts and estimate, and who applied. */
export interface QueueCase {
  situation: Situation;
  screening: Screening;
  applicant: SealedRequest["applicant"];
  person: SealedRequest["person"];
}

export interface Actor {
  id: number;
  name: string;
}

export type ChangeResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "taken" | "not_allowed" | "not_assignee" }
  /** "Unreachable" before enough attempts on different working days: how many are needed, and made. */
  | { ok: false; reason: "needs_attempts"; needed: number; made: number };

export interface RequestEvent {
  at: string;
  kind: string;
  actor: string;
  data: Record<string, unknown> | null;
  /** A note's text, opened for staff. */
  text?: string;
}

export interface FullRecord {
  request: Omit<StoredRequest, "contactPhone" | "applicant"> & {
    applicant:
      | StoredRequest["applicant"]
      | { kind: "helper"; name: string; relationship: string; phone: "hidden" };
  };
  assignee: string | null;
  versions: { version: number; situation: Situation; screening: Screening; createdAt: string; by: string }[];
  events: RequestEvent[];
}

const eventContext = (requestId: number) => `event:${requestId}`;
const versionContext = (requestId: number, version: number) => `version:${requestId}:${version}`;

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.urgent ? 1 : 0, c.slaDueAt, c.id])).toString("base64url");
}

export function decodeCursor(text: string): QueueCursor | null {
  try {
    const [urgent, slaDueAt, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if ((urgent !== 0 && urgent !== 1) || typeof slaDueAt !== "string" || !Number.isInteger(id)) return null;
    return { urgent: urgent === 1, slaDueAt, id };
  } catch {
    return null;
  }
}

/**
 * The queue's query. The open queue says `status != 'closed'` literally so that SQLite can use the
 * partial indexes `requests_open` / `requests_open_scope`; one status uses `requests_queue(_scope)`.
 * Either way the rows come out of the index in queue order: no sort, and a page stops early.
 */
export function queueQuery(filter: QueueFilter, after: QueueCursor | null, limit: number) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.statuses === undefined) where.push("r.status != 'closed'");
  else {
    where.push(`r.status IN (${filter.statuses.map(() => "?").join(",")})`);
    params.push(...filter.statuses);
  }
  const jurisdiction = filter.scope === "all" ? filter.jurisdiction : filter.scope;
  if (jurisdiction) {
    where.push("r.jurisdiction = ?");
    params.push(jurisdiction);
  }
  if (filter.channel) {
    where.push("r.channel = ?");
    params.push(filter.channel);
  }
  if (filter.program) {
    const outcome = filter.outcome ? " AND o.outcome = ?" : "";
    where.push(
      `EXISTS (SELECT 1 FROM request_outcomes o WHERE o.request_id = r.id AND o.program = ?${outcome})`,
    );
    params.push(filter.program, ...(filter.outcome ? [filter.outcome] : []));
  }
  if (after) {
    // Keyset: the rows after the cursor in (urgent DESC, sla_due_at, id) order.
    where.push("(r.urgent < ? OR (r.urgent = ? AND (r.sla_due_at > ? OR (r.sla_due_at = ? AND r.id > ?))))");
    const u = after.urgent ? 1 : 0;
    params.push(u, u, after.slaDueAt, after.slaDueAt, after.id);
  }
  return {
    sql: `SELECT r.id, r.reference, r.jurisdiction, r.channel, r.urgent, r.status, r.created_at AS createdAt,
                 r.sla_due_at AS slaDueAt, s.name AS assignee, r.duplicate_of AS duplicateOf, r.flag
            FROM requests r LEFT JOIN staff s ON s.id = r.assignee_id
           WHERE ${where.join(" AND ")}
           ORDER BY r.urgent DESC, r.sla_due_at, r.id
           LIMIT ?`,
    params: [...params, limit + 1],
  };
}

export function createQueue(deps: {
  db: Db;
  vault: Vault;
  now: () => Date;
  requests: RequestStore;
  /** The working days that count for "unreachable" (attempts on different working days). */
  calendar: WorkCalendar;
  unreachableAttempts?: number | undefined;
}) {
  const { db, vault, now } = deps;
  const attemptsNeeded = deps.unreachableAttempts ?? UNREACHABLE_ATTEMPTS;
  const orm = db.orm;
  const sqlite = db.sqlite;

  function requestRow(reference: string) {
    return orm.select().from(requests).where(eq(requests.reference, reference)).get() ?? null;
  }

  function addEvent(
    requestId: number,
    kind: string,
    actor: string,
    data: Record<string, unknown> | null,
    text?: string,
  ) {
    orm
      .insert(requestEvents)
      .values({
        requestId,
        at: now().toISOString(),
        kind,
        actor,
        data,
        sealed: text === undefined ? null : vault.seal({ text }, eventContext(requestId)),
      })
      .run();
  }

  /** A status change the resident's channel should hear about (when it was filed from a chat). */
  function announce(
    row: { id: number; reference: string; chatHash: string | null },
    data: Record<string, unknown>,
  ) {
    if (row.chatHash === null) return;
    const at = now().toISOString();
    orm
      .insert(outbox)
      .values({
        topic: "resident",
        requestId: row.id,
        key: `${row.reference}:${data.status}:${at}`,
        data,
        createdAt: at,
        nextAttemptAt: at,
      })
      .run();
  }

  const actorOf = (a: Actor) => `staff:${a.id}`;

  /** Working days (Beijing dates) with a call attempt that did not reach the caller. */
  function failedAttemptDays(requestId: number): number {
    const attempts = orm
      .select({ at: requestEvents.at, data: requestEvents.data })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "call_attempt")))
      .all();
    const days = new Set(
      attempts
        .filter((a) => (a.data as { result?: string } | null)?.result !== "reached")
        .map((a) => shanghaiDate(new Date(a.at)))
        .filter((day) => isWorkingDay(day, deps.calendar)),
    );
    return days.size;
  }

  /** One status change: the row (only if it is still as expected), its event and its announcement. */
  const change = sqlite.transaction(
    (
      reference: string,
      expect: (row: typeof requests.$inferSelect) => ChangeResult,
      set: (row: typeof requests.$inferSelect) => Partial<typeof requests.$inferInsert>,
      event: { kind: string; actor: string; data: Record<string, unknown>; text?: string | undefined },
    ): ChangeResult => {
      const row = requestRow(reference);
      if (!row || row.anonymizedAt !== null) return { ok: false, reason: "not_found" };
      const allowed = expect(row);
      if (!allowed.ok) return allowed;
      const values = set(row);
      const changed = orm
        .update(requests)
        .set({ ...values, updatedAt: now().toISOString() })
        .where(and(eq(requests.id, row.id), eq(requests.status, row.status)))
        .run().changes;
      if (changed === 0) return { ok: false, reason: "taken" };
      addEvent(row.id, event.kind, event.actor, event.data, event.text);
      if (values.status !== undefined && values.status !== row.status) {
        announce(row, { status: values.status, closeOutcome: values.closeOutcome ?? null });
      }
      return { ok: true };
    },
  );

  return {
    /**
     * The facts behind a page of the queue, each request's latest version: opened only for the
     * workspace's list (the caller audits the view), never for the API's.
     */
    cases(ids: readonly number[]): Map<number, QueueCase> {
      const out = new Map<number, QueueCase>();
      if (ids.length === 0) return out;
      const marks = ids.map(() => "?").join(",");
      const rows = sqlite
        .prepare(
          `SELECT id, reference, version, sealed FROM requests WHERE id IN (${marks}) AND anonymized_at IS NULL`,
        )
        .all(...ids) as { id: number; reference: string; version: number; sealed: Buffer }[];
      const amended = rows.filter((r) => r.version > 1);
      const latest = new Map<number, { situation: Situation; screening: Screening }>();
      for (const r of amended) {
        const v = orm
          .select({ sealed: requestVersions.sealed })
          .from(requestVersions)
          .where(and(eq(requestVersions.requestId, r.id), eq(requestVersions.version, r.version)))
          .get();
        if (v?.sealed) latest.set(r.id, vault.open(v.sealed, versionContext(r.id, r.version)));
      }
      for (const r of rows) {
        let sealed: SealedRequest;
        try {
          sealed = vault.open<SealedRequest>(r.sealed, sealContext(r.reference));
        } catch {
          continue; // a row that cannot be opened shows without its facts; the list still loads
        }
        const newest = latest.get(r.id);
        out.set(r.id, {
          situation: newest?.situation ?? sealed.situation,
          screening: newest?.screening ?? sealed.screening,
          applicant: sealed.applicant,
          person: sealed.person,
        });
      }
      return out;
    },

    /** The request's jurisdiction, for the caller's scope check (null: no such request). */
    jurisdictionOf(reference: string): string | null {
      return (
        orm.select({ j: requests.jurisdiction }).from(requests).where(eq(requests.reference, reference)).get()
          ?.j ?? null
      );
    },

    list(
      filter: QueueFilter,
      after: QueueCursor | null,
      limit: number,
    ): { items: QueueItem[]; next: string | null } {
      const { sql: query, params } = queueQuery(filter, after, limit);
      const rows = sqlite.prepare(query).all(...params) as (Omit<
        QueueItem,
        "urgent" | "duplicate" | "outcomes"
      > & {
        urgent: number;
        duplicateOf: number | null;
      })[];
      const page = rows.slice(0, limit);
      const outcomes = new Map<number, Record<string, string>>();
      if (page.length > 0) {
        // One row per request (not eight): the outcomes packed as "program=outcome,…".
        const packed = sqlite
          .prepare(
            `SELECT request_id AS id, group_concat(program || '=' || outcome) AS o FROM request_outcomes
              WHERE request_id IN (${page.map(() => "?").join(",")}) GROUP BY request_id`,
          )
          .all(...page.map((r) => r.id)) as { id: number; o: string }[];
        for (const row of packed) {
          outcomes.set(
            row.id,
            Object.fromEntries(row.o.split(",").map((pair) => pair.split("=") as [string, string])),
          );
        }
      }
      const attempts = new Map<number, number>();
      if (page.length > 0) {
        const counted = sqlite
          .prepare(
            `SELECT request_id AS id, count(*) AS n FROM request_events
              WHERE kind = 'call_attempt' AND request_id IN (${page.map(() => "?").join(",")})
              GROUP BY request_id`,
          )
          .all(...page.map((r) => r.id)) as { id: number; n: number }[];
        for (const row of counted) attempts.set(row.id, row.n);
      }
      const items = page.map(({ duplicateOf, ...r }) => ({
        ...r,
        urgent: r.urgent === 1,
        duplicate: duplicateOf !== null,
        outcomes: outcomes.get(r.id) ?? {},
        attempts: attempts.get(r.id) ?? 0,
      }));
      const last = items[items.length - 1];
      return {
        items,
        next:
          rows.length > limit && last
            ? encodeCursor({ urgent: last.urgent, slaDueAt: last.slaDueAt, id: last.id })
            : null,
      };
    },

    claim(reference: string, by: Actor): ChangeResult {
      return change.immediate(
        reference,
        (row) => (row.status === "new" ? { ok: true } : { ok: false, reason: "taken" }),
        () => ({ status: "claimed", assigneeId: by.id }),
        { kind: "claimed", actor: actorOf(by), data: { from: "new", to: "claimed" } },
      );
    },

    release(reference: string, by: Actor, supervisor: boolean): ChangeResult {
      return change.immediate(
        reference,
        (row) =>
          row.status !== "claimed" && row.status !== "contacted"
            ? { ok: false, reason: "not_allowed" }
            : row.assigneeId !== by.id && !supervisor
              ? { ok: false, reason: "not_assignee" }
              : { ok: true },
        () => ({ status: "new", assigneeId: null }),
        { kind: "released", actor: actorOf(by), data: { to: "new" } },
      );
    },

    /**
     * A call's outcome in one step, from claimed or contacted: contacted, referred, or closed with its
     * outcome, and an optional note kept sealed with the change. `contactedAt` is set only when the
     * move records a conversation; "unreachable" needs enough failed attempts on different working days.
     */
    transition(
      reference: string,
      by: Actor,
      to: Status,
      outcome: CloseOutcome | null,
      supervisor: boolean,
      note?: string,
    ): ChangeResult {
      const at = now().toISOString();
      return change.immediate(
        reference,
        (row) => {
          if (!(TRANSITIONS[row.status as Status] ?? []).includes(to))
            return { ok: false, reason: "not_allowed" };
          if (row.assigneeId !== by.id && !supervisor) return { ok: false, reason: "not_assignee" };
          if (to === "closed" && outcome === null) return { ok: false, reason: "not_allowed" };
          if (to === "closed" && outcome === "unreachable") {
            const made = failedAttemptDays(row.id);
            if (made < attemptsNeeded)
              return { ok: false, reason: "needs_attempts", needed: attemptsNeeded, made };
          }
          return { ok: true };
        },
        (row) => ({
          status: to,
          ...(contactHappened(to, outcome) ? { contactedAt: row.contactedAt ?? at } : {}),
          ...(to === "closed" ? { closedAt: at, closeOutcome: outcome } : {}),
        }),
        {
          kind: "status_changed",
          actor: actorOf(by),
          data: { to, ...(outcome ? { outcome } : {}) },
          text: note,
        },
      );
    },

    /** One call attempt and what it found, on the request's trail (by its assignee or a supervisor). */
    attempt(reference: string, by: Actor, result: CallResult, supervisor: boolean): ChangeResult {
      const row = requestRow(reference);
      if (!row || row.anonymizedAt !== null) return { ok: false, reason: "not_found" };
      if (row.status !== "claimed" && row.status !== "contacted") return { ok: false, reason: "not_allowed" };
      if (row.assigneeId !== by.id && !supervisor) return { ok: false, reason: "not_assignee" };
      addEvent(row.id, "call_attempt", actorOf(by), { result });
      return { ok: true };
    },

    reopen(reference: string, by: Actor): ChangeResult {
      return change.immediate(
        reference,
        (row) => (row.status === "closed" ? { ok: true } : { ok: false, reason: "not_allowed" }),
        () => ({ status: "new", assigneeId: null, closedAt: null, closeOutcome: null }),
        { kind: "reopened", actor: actorOf(by), data: { to: "new" } },
      );
    },

    /** The resident withdraws through the status lookup: closed with outcome "withdrawn". */
    withdraw(reference: string, phone: string): boolean {
      const result = change.immediate(
        reference,
        (row) =>
          !phoneMatches(row, phone, (v) => vault.hash("phone", v))
            ? { ok: false, reason: "not_found" }
            : row.status === "closed"
              ? { ok: false, reason: "not_allowed" }
              : { ok: true },
        () => ({ status: "closed", closedAt: now().toISOString(), closeOutcome: "withdrawn" }),
        { kind: "withdrawn", actor: "resident", data: { to: "closed", outcome: "withdrawn" } },
      );
      return result.ok;
    },

    note(reference: string, by: Actor, text: string): boolean {
      const row = requestRow(reference);
      if (!row || row.anonymizedAt !== null) return false;
      addEvent(row.id, "note", actorOf(by), null, text);
      return true;
    },

    /** Corrected facts: a new version, re-screened by the caller; the submission stays as it was. */
    amend: sqlite.transaction((reference: string, by: Actor, situation: Situation, screening: Screening) => {
      const row = requestRow(reference);
      if (!row || row.anonymizedAt !== null) return null;
      const version = row.version + 1;
      orm
        .insert(requestVersions)
        .values({
          requestId: row.id,
          version,
          sealed: vault.seal({ situation, screening }, versionContext(row.id, version)),
          engineVersion: screening.engineVersion,
          packVersion: screening.packVersion,
          createdAt: now().toISOString(),
          staffId: by.id,
        })
        .run();
      orm
        .update(requests)
        .set({ version, updatedAt: now().toISOString() })
        .where(eq(requests.id, row.id))
        .run();
      orm.delete(requestOutcomes).where(eq(requestOutcomes.requestId, row.id)).run();
      const outcomes = [...bestOutcomes(screening)].map(([program, outcome]) => ({
        requestId: row.id,
        program,
        outcome,
      }));
      if (outcomes.length > 0) orm.insert(requestOutcomes).values(outcomes).run();
      addEvent(row.id, "amended", actorOf(by), { version });
      return version;
    }),

    /** The whole record for staff, the phone left out (see revealPhone); the view is an event. */
    view(reference: string, by: Actor): FullRecord | null {
      const stored = deps.requests.byReference(reference);
      if (!stored) return null;
      addEvent(stored.id, "viewed", actorOf(by), null);
      const { contactPhone: _, applicant, ...rest } = stored;
      const versions = orm
        .select({
          version: requestVersions.version,
          sealed: requestVersions.sealed,
          createdAt: requestVersions.createdAt,
          by: staff.name,
        })
        .from(requestVersions)
        .innerJoin(staff, eq(staff.id, requestVersions.staffId))
        .where(eq(requestVersions.requestId, stored.id))
        .orderBy(asc(requestVersions.version))
        .all()
        .flatMap((v) =>
          v.sealed
            ? [
                {
                  version: v.version,
                  createdAt: v.createdAt,
                  by: v.by,
                  ...vault.open<{ situation: Situation; screening: Screening }>(
                    v.sealed,
                    versionContext(stored.id, v.version),
                  ),
                },
              ]
            : [],
        );
      const names = new Map(
        orm
          .select({ id: staff.id, name: staff.name })
          .from(staff)
          .all()
          .map((s) => [`staff:${s.id}`, s.name]),
      );
      const events = orm
        .select()
        .from(requestEvents)
        .where(eq(requestEvents.requestId, stored.id))
        .orderBy(asc(requestEvents.id))
        .all()
        .map((e) => ({
          at: e.at,
          kind: e.kind,
          actor: names.get(e.actor) ?? e.actor,
          data: e.data ?? null,
          ...(e.sealed ? { text: vault.open<{ text: string }>(e.sealed, eventContext(stored.id)).text } : {}),
        }));
      const assignee = stored.assigneeId === null ? null : (names.get(`staff:${stored.assigneeId}`) ?? null);
      return {
        request: {
          ...rest,
          applicant: applicant.kind === "helper" ? { ...applicant, phone: "hidden" } : applicant,
          person: rest.person?.phone ? { ...rest.person, phone: "hidden" } : rest.person,
        },
        assignee,
        versions,
        events,
      };
    },

    /**
     * The call-back numbers for a visit whose reveal is already an event (the workspace's phone
     * visits): read again without a second event.
     */
    phonesOf(reference: string): { contact: string; helper: string | null; person: string | null } | null {
      const stored = deps.requests.byReference(reference);
      if (!stored) return null;
      return {
        contact: stored.contactPhone,
        helper: stored.applicant.kind === "helper" ? stored.applicant.phone : null,
        person: stored.person?.phone ?? null,
      };
    },

    /** The call-back numbers, revealed on demand; the reveal is an event. */
    revealPhone(
      reference: string,
      by: Actor,
    ): { contact: string; helper: string | null; person: string | null } | null {
      const stored = deps.requests.byReference(reference);
      if (!stored) return null;
      addEvent(stored.id, "phone_revealed", actorOf(by), null);
      return {
        contact: stored.contactPhone,
        helper: stored.applicant.kind === "helper" ? stored.applicant.phone : null,
        person: stored.person?.phone ?? null,
      };
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
