// The hotline's casework on stored requests: the queue in order (urgent first, then by call-back due
// time, then by id) with keyset paging, claiming (atomic: one winner), status changes, notes, amended
// facts, the full record and the phone, each written to the request's event trail with who did it.

import { and, asc, count, desc, eq, exists, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { bestOutcomes } from "../core/outcomes.ts";
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
import type { Vault } from "./crypto.ts";
import {
  phoneMatches,
  type RequestStore,
  type SealedRequest,
  type StoredRequest,
  sealContext,
} from "./requests.ts";
import type { Q, Store } from "./store.ts";

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

export function createQueue(deps: {
  db: Store;
  vault: Vault;
  now: () => Date;
  requests: RequestStore;
  /** The working days that count for "unreachable" (attempts on different working days). */
  calendar: WorkCalendar;
  unreachableAttempts?: number | undefined;
}) {
  const { db, vault, now } = deps;
  const attemptsNeeded = deps.unreachableAttempts ?? UNREACHABLE_ATTEMPTS;
  const { requests, requestEvents, requestOutcomes, requestVersions, outbox, staff } = db.t;
  type Row = typeof requests.$inferSelect;

  /**
   * A page of the queue. The open queue says `status != 'closed'` literally so that the engine can use
   * the partial indexes `requests_open` / `requests_open_scope`; one status uses `requests_queue(_scope)`.
   * Either way the rows come out of the index in queue order: no sort, and a page stops early.
   */
  function pageQuery(q: Q, filter: QueueFilter, after: QueueCursor | null, limit: number) {
    const where: SQL[] = [];
    if (filter.statuses === undefined) where.push(sql`${requests.status} != 'closed'`);
    else where.push(inArray(requests.status, [...filter.statuses]));
    const jurisdiction = filter.scope === "all" ? filter.jurisdiction : filter.scope;
    if (jurisdiction) where.push(eq(requests.jurisdiction, jurisdiction));
    if (filter.channel) where.push(eq(requests.channel, filter.channel as Row["channel"]));
    if (filter.program) {
      const outcome = filter.outcome as Row["status"] | undefined;
      where.push(
        exists(
          q
            .select({ one: sql`1` })
            .from(requestOutcomes)
            .where(
              and(
                eq(requestOutcomes.requestId, requests.id),
                eq(requestOutcomes.program, filter.program),
                outcome ? eq(requestOutcomes.outcome, outcome as "likely") : undefined,
              ),
            ),
        ),
      );
    }
    if (after) {
      // Keyset: the rows after the cursor in (urgent DESC, sla_due_at, id) order.
      where.push(
        or(
          lt(requests.urgent, after.urgent),
          and(
            eq(requests.urgent, after.urgent),
            or(
              gt(requests.slaDueAt, after.slaDueAt),
              and(eq(requests.slaDueAt, after.slaDueAt), gt(requests.id, after.id)),
            ),
          ),
        ) as SQL,
      );
    }
    return q
      .select({
        id: requests.id,
        reference: requests.reference,
        jurisdiction: requests.jurisdiction,
        channel: requests.channel,
        urgent: requests.urgent,
        status: requests.status,
        createdAt: requests.createdAt,
        slaDueAt: requests.slaDueAt,
        assignee: staff.name,
        duplicateOf: requests.duplicateOf,
        flag: requests.flag,
      })
      .from(requests)
      .leftJoin(staff, eq(staff.id, requests.assigneeId))
      .where(and(...where))
      .orderBy(desc(requests.urgent), asc(requests.slaDueAt), asc(requests.id))
      .limit(limit + 1);
  }

  async function requestRow(q: Q, reference: string): Promise<Row | null> {
    const [row] = await q.select().from(requests).where(eq(requests.reference, reference));
    return row ?? null;
  }

  async function addEvent(
    q: Q,
    requestId: number,
    kind: string,
    actor: string,
    data: Record<string, unknown> | null,
    text?: string,
  ) {
    await q.insert(requestEvents).values({
      requestId,
      at: now().toISOString(),
      kind,
      actor,
      data,
      sealed: text === undefined ? null : vault.seal({ text }, eventContext(requestId)),
    });
  }

  /** A status change the resident's channel should hear about (when it was filed from a chat). */
  async function announce(
    q: Q,
    row: { id: number; reference: string; chatHash: string | null },
    data: Record<string, unknown>,
  ) {
    if (row.chatHash === null) return;
    const at = now().toISOString();
    await q.insert(outbox).values({
      topic: "resident",
      requestId: row.id,
      key: `${row.reference}:${data.status}:${at}`,
      data,
      createdAt: at,
      nextAttemptAt: at,
    });
  }

  const actorOf = (a: Actor) => `staff:${a.id}`;

  /** Working days (Beijing dates) with a call attempt that did not reach the caller. */
  async function failedAttemptDays(q: Q, requestId: number): Promise<number> {
    const attempts = await q
      .select({ at: requestEvents.at, data: requestEvents.data })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.kind, "call_attempt")));
    const days = new Set(
      attempts
        .filter((a) => (a.data as { result?: string } | null)?.result !== "reached")
        .map((a) => shanghaiDate(new Date(a.at)))
        .filter((day) => isWorkingDay(day, deps.calendar)),
    );
    return days.size;
  }

  /** One status change: the row (only if it is still as expected), its event and its announcement. */
  function change(
    reference: string,
    expect: (row: Row, q: Q) => ChangeResult | Promise<ChangeResult>,
    set: (row: Row) => Partial<typeof requests.$inferInsert>,
    event: { kind: string; actor: string; data: Record<string, unknown>; text?: string | undefined },
  ): Promise<ChangeResult> {
    return db.tx(async (q) => {
      const row = await requestRow(q, reference);
      if (!row || row.anonymizedAt !== null) return { ok: false, reason: "not_found" };
      const allowed = await expect(row, q);
      if (!allowed.ok) return allowed;
      const values = set(row);
      const changed = await q
        .update(requests)
        .set({ ...values, updatedAt: now().toISOString() })
        // Only if the row is still as read: the same status and assignee, not anonymized meanwhile
        // (PostgreSQL's READ COMMITTED lets another process's change land between the read and here).
        .where(
          and(
            eq(requests.id, row.id),
            eq(requests.status, row.status),
            row.assigneeId === null ? isNull(requests.assigneeId) : eq(requests.assigneeId, row.assigneeId),
            isNull(requests.anonymizedAt),
          ),
        )
        .returning({ id: requests.id });
      if (changed.length === 0) return { ok: false, reason: "taken" };
      await addEvent(q, row.id, event.kind, event.actor, event.data, event.text);
      if (values.status !== undefined && values.status !== row.status) {
        await announce(q, row, { status: values.status, closeOutcome: values.closeOutcome ?? null });
      }
      return { ok: true };
    });
  }

  /** The call-back numbers of a stored request. */
  const phones = (stored: StoredRequest) => ({
    contact: stored.contactPhone,
    helper: stored.applicant.kind === "helper" ? stored.applicant.phone : null,
    person: stored.person?.phone ?? null,
  });

  return {
    /**
     * The facts behind a page of the queue, each request's latest version: opened only for the
     * workspace's list (the caller audits the view), never for the API's.
     */
    async cases(ids: readonly number[]): Promise<Map<number, QueueCase>> {
      const out = new Map<number, QueueCase>();
      if (ids.length === 0) return out;
      const { rows, versions } = await db.read(async (q) => {
        const rows = await q
          .select({
            id: requests.id,
            reference: requests.reference,
            version: requests.version,
            sealed: requests.sealed,
          })
          .from(requests)
          .where(and(inArray(requests.id, [...ids]), isNull(requests.anonymizedAt)));
        const amended = rows.filter((r) => r.version > 1);
        const versions =
          amended.length === 0
            ? []
            : await q
                .select({
                  requestId: requestVersions.requestId,
                  version: requestVersions.version,
                  sealed: requestVersions.sealed,
                })
                .from(requestVersions)
                .where(
                  inArray(
                    requestVersions.requestId,
                    amended.map((r) => r.id),
                  ),
                );
        return { rows, versions };
      });
      const current = new Map(rows.map((r) => [r.id, r.version]));
      const latest = new Map<number, { situation: Situation; screening: Screening }>();
      for (const v of versions) {
        if (v.sealed && current.get(v.requestId) === v.version)
          latest.set(v.requestId, vault.open(v.sealed, versionContext(v.requestId, v.version)));
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
    async jurisdictionOf(reference: string): Promise<string | null> {
      const [row] = await db.read((q) =>
        q.select({ j: requests.jurisdiction }).from(requests).where(eq(requests.reference, reference)),
      );
      return row?.j ?? null;
    },

    async list(
      filter: QueueFilter,
      after: QueueCursor | null,
      limit: number,
    ): Promise<{ items: QueueItem[]; next: string | null }> {
      const { rows, packed, counted } = await db.read(async (q) => {
        const rows = await pageQuery(q, filter, after, limit);
        const ids = rows.slice(0, limit).map((r) => r.id);
        if (ids.length === 0) return { rows, packed: [], counted: [] };
        // One row per request (not eight): the outcomes packed as "program=outcome,…".
        const packed = await q
          .select({
            id: requestOutcomes.requestId,
            o: db.dialect.joined(sql`${requestOutcomes.program} || '=' || ${requestOutcomes.outcome}`),
          })
          .from(requestOutcomes)
          .where(inArray(requestOutcomes.requestId, ids))
          .groupBy(requestOutcomes.requestId);
        const counted = await q
          .select({ id: requestEvents.requestId, n: count() })
          .from(requestEvents)
          .where(and(eq(requestEvents.kind, "call_attempt"), inArray(requestEvents.requestId, ids)))
          .groupBy(requestEvents.requestId);
        return { rows, packed, counted };
      });
      const page = rows.slice(0, limit);
      const outcomes = new Map(
        packed.map((row) => [
          row.id,
          Object.fromEntries(
            String(row.o)
              .split(",")
              .map((pair) => pair.split("=") as [string, string]),
          ),
        ]),
      );
      const attempts = new Map(counted.map((row) => [row.id, row.n]));
      const items = page.map(({ duplicateOf, ...r }) => ({
        ...r,
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

    /** The engine's plan for a page of the queue (its benchmark and index test read it). */
    plan(filter: QueueFilter, limit = 50): Promise<string[]> {
      return db.read((q) => db.explain(pageQuery(q, filter, null, limit)));
    },

    claim(reference: string, by: Actor): Promise<ChangeResult> {
      return change(
        reference,
        (row) => (row.status === "new" ? { ok: true } : { ok: false, reason: "taken" }),
        () => ({ status: "claimed", assigneeId: by.id }),
        { kind: "claimed", actor: actorOf(by), data: { from: "new", to: "claimed" } },
      );
    },

    release(reference: string, by: Actor, supervisor: boolean): Promise<ChangeResult> {
      return change(
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
    ): Promise<ChangeResult> {
      const at = now().toISOString();
      return change(
        reference,
        async (row, q) => {
          if (!(TRANSITIONS[row.status as Status] ?? []).includes(to))
            return { ok: false, reason: "not_allowed" };
          if (row.assigneeId !== by.id && !supervisor) return { ok: false, reason: "not_assignee" };
          if (to === "closed" && outcome === null) return { ok: false, reason: "not_allowed" };
          if (to === "closed" && outcome === "unreachable") {
            const made = await failedAttemptDays(q, row.id);
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
    attempt(reference: string, by: Actor, result: CallResult, supervisor: boolean): Promise<ChangeResult> {
      return db.tx(async (q) => {
        const row = await requestRow(q, reference);
        if (!row || row.anonymizedAt !== null) return { ok: false, reason: "not_found" };
        if (row.status !== "claimed" && row.status !== "contacted")
          return { ok: false, reason: "not_allowed" };
        if (row.assigneeId !== by.id && !supervisor) return { ok: false, reason: "not_assignee" };
        await addEvent(q, row.id, "call_attempt", actorOf(by), { result });
        return { ok: true };
      });
    },

    reopen(reference: string, by: Actor): Promise<ChangeResult> {
      return change(
        reference,
        (row) => (row.status === "closed" ? { ok: true } : { ok: false, reason: "not_allowed" }),
        () => ({ status: "new", assigneeId: null, closedAt: null, closeOutcome: null }),
        { kind: "reopened", actor: actorOf(by), data: { to: "new" } },
      );
    },

    /** The resident withdraws through the status lookup: closed with outcome "withdrawn". */
    async withdraw(reference: string, phone: string): Promise<boolean> {
      const result = await change(
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

    note(reference: string, by: Actor, text: string): Promise<boolean> {
      return db.tx(async (q) => {
        const row = await requestRow(q, reference);
        if (!row || row.anonymizedAt !== null) return false;
        await addEvent(q, row.id, "note", actorOf(by), null, text);
        return true;
      });
    },

    /** Corrected facts: a new version, re-screened by the caller; the submission stays as it was. */
    amend(reference: string, by: Actor, situation: Situation, screening: Screening): Promise<number | null> {
      return db.tx(async (q) => {
        const row = await requestRow(q, reference);
        if (!row || row.anonymizedAt !== null) return null;
        const version = row.version + 1;
        // Conditional on the version read: of two agents amending at once, the second finds it moved.
        const moved = await q
          .update(requests)
          .set({ version, updatedAt: now().toISOString() })
          .where(and(eq(requests.id, row.id), eq(requests.version, row.version)))
          .returning({ id: requests.id });
        if (moved.length === 0) return null;
        await q.insert(requestVersions).values({
          requestId: row.id,
          version,
          sealed: vault.seal({ situation, screening }, versionContext(row.id, version)),
          engineVersion: screening.engineVersion,
          packVersion: screening.packVersion,
          createdAt: now().toISOString(),
          staffId: by.id,
        });
        await q.delete(requestOutcomes).where(eq(requestOutcomes.requestId, row.id));
        const outcomes = [...bestOutcomes(screening)].map(([program, outcome]) => ({
          requestId: row.id,
          program,
          outcome,
        }));
        if (outcomes.length > 0) await q.insert(requestOutcomes).values(outcomes);
        await addEvent(q, row.id, "amended", actorOf(by), { version });
        return version;
      });
    },

    /** The whole record for staff, the phone left out (see revealPhone); the view is an event. */
    async view(reference: string, by: Actor): Promise<FullRecord | null> {
      const stored = await deps.requests.byReference(reference);
      if (!stored) return null;
      const { versionRows, staffRows, eventRows } = await db.tx(async (q) => {
        await addEvent(q, stored.id, "viewed", actorOf(by), null);
        const versionRows = await q
          .select({
            version: requestVersions.version,
            sealed: requestVersions.sealed,
            createdAt: requestVersions.createdAt,
            by: staff.name,
          })
          .from(requestVersions)
          .innerJoin(staff, eq(staff.id, requestVersions.staffId))
          .where(eq(requestVersions.requestId, stored.id))
          .orderBy(asc(requestVersions.version));
        const staffRows = await q.select({ id: staff.id, name: staff.name }).from(staff);
        const eventRows = await q
          .select()
          .from(requestEvents)
          .where(eq(requestEvents.requestId, stored.id))
          .orderBy(asc(requestEvents.id));
        return { versionRows, staffRows, eventRows };
      });
      const { contactPhone: _, applicant, ...rest } = stored;
      const versions = versionRows.flatMap((v) =>
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
      const names = new Map(staffRows.map((s) => [`staff:${s.id}`, s.name]));
      const events = eventRows.map((e) => ({
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
    async phonesOf(
      reference: string,
    ): Promise<{ contact: string; helper: string | null; person: string | null } | null> {
      const stored = await deps.requests.byReference(reference);
      return stored ? phones(stored) : null;
    },

    /** The call-back numbers, revealed on demand; the reveal is an event. */
    async revealPhone(
      reference: string,
      by: Actor,
    ): Promise<{ contact: string; helper: string | null; person: string | null } | null> {
      const stored = await deps.requests.byReference(reference);
      if (!stored) return null;
      await db.tx((q) => addEvent(q, stored.id, "phone_revealed", actorOf(by), null));
      return phones(stored);
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
