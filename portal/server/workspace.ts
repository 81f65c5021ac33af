// The workspace's pages read through these services, never the store: one guard for every /staff page
// (signed in, password settled, the page's role) with the API's own checks (staff-auth.ts), then what
// the page shows — the queue for the agent's jurisdictions, a request's view (scope checked, the view
// audited, as the API's GET does), the dashboard's figures for a period checked by the API's schema.

import { JURISDICTIONS, OUTCOMES, PROGRAMS } from "../../core/schema/enums.ts";
import { CHANNELS, type Channel, STATUSES } from "../../core/workflow.ts";
import { decodeCursor, type FullRecord, type QueueCase, type QueueItem } from "../../db/queue.ts";
import { type Stats, stats } from "../../db/reports.ts";
import type { Session } from "../../db/staff.ts";
import type { AppDeps } from "./deps.ts";
import { hasRole, inScope } from "./staff-auth.ts";
import { periodSchema } from "./staff-schemas.ts";

/** The queue's filters as the page's form gives them (unknown values are ignored, not refused). */
export interface QueueFilters {
  status?: (typeof STATUSES)[number] | undefined;
  program?: (typeof PROGRAMS)[number] | undefined;
  outcome?: (typeof OUTCOMES)[number] | undefined;
  channel?: Channel | undefined;
  jurisdiction?: (typeof JURISDICTIONS)[number] | undefined;
}

export type WorkspaceView =
  | {
      page: "queue";
      status: 200;
      filters: QueueFilters;
      items: (QueueItem & { case: QueueCase | null })[];
      next: string | null;
      now: number;
    }
  | {
      page: "request";
      status: 200;
      record: FullRecord;
      /** Shown for this visit once revealed (phone-visits.ts). */
      phones: Phones | null;
      /** The next request to call: the top of the queue that nobody holds. */
      next: string | null;
    }
  | { page: "request"; status: 403 | 404 | 410; record: null }
  | { page: "dashboard"; status: 200; from: string; to: string; stats: Stats; error: null }
  | {
      page: "dashboard";
      status: 400;
      from: string;
      to: string;
      stats: null;
      error: { field: string; code: string };
    }
  | { page: "dashboard"; status: 403; from: string; to: string; stats: null; error: null }
  | { page: "other"; status: 200 };

type Phones = { contact: string; helper: string | null; person: string | null };

/** What the guard decided: go on and render, or redirect (sign in first, change the password first). */
export type Guarded = { redirect: string } | { view: WorkspaceView; session: Session };

const pick = <T extends string>(value: string | null, allowed: readonly T[]) =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function createWorkspace(deps: AppDeps) {
  const actor = (s: Session) => ({ id: s.staff.id, name: s.staff.name });

  /** The queue with what decides the order of calls; names are shown, so the list view is audited. */
  async function queue(session: Session, q: URLSearchParams): Promise<WorkspaceView> {
    const scope = session.staff.jurisdiction;
    const filters: QueueFilters = {
      status: pick(q.get("status"), STATUSES),
      program: pick(q.get("program"), PROGRAMS),
      outcome: pick(q.get("outcome"), OUTCOMES),
      channel: pick(q.get("channel"), CHANNELS),
      jurisdiction: scope === "all" ? pick(q.get("jurisdiction"), JURISDICTIONS) : undefined,
    };
    const after = q.get("after") ? decodeCursor(q.get("after") as string) : null;
    const page = await deps.queue.list(
      { scope, ...filters, statuses: filters.status ? [filters.status] : undefined },
      after,
      50,
    );
    const cases = await deps.queue.cases(page.items.map((i) => i.id));
    if (page.items.length > 0)
      await deps.staff.audit({
        kind: "queue_viewed",
        staffId: session.staff.id,
        data: { shown: page.items.map((i) => i.reference), filters: { ...filters }, after: q.get("after") },
      });
    const items = page.items.map((i) => ({ ...i, case: cases.get(i.id) ?? null }));
    return { page: "queue", status: 200, filters, items, next: page.next, now: deps.now().getTime() };
  }

  async function request(session: Session, sessionId: string, reference: string): Promise<WorkspaceView> {
    const jurisdiction = await deps.queue.jurisdictionOf(reference);
    if (jurisdiction === null) return { page: "request", status: 404, record: null };
    if (!inScope(session, jurisdiction)) return { page: "request", status: 403, record: null };
    const record = await deps.queue.view(reference, actor(session));
    // Within scope but nothing to show: its personal details were removed under the retention period.
    if (!record) return { page: "request", status: 410, record: null };
    const phones = (await deps.visits.shown(sessionId, reference))
      ? await deps.queue.phonesOf(reference)
      : null;
    const waiting = await deps.queue.list({ scope: session.staff.jurisdiction, statuses: ["new"] }, null, 2);
    const next = waiting.items.find((i) => i.reference !== reference)?.reference ?? null;
    return { page: "request", status: 200, record, phones, next };
  }

  async function dashboard(session: Session, q: URLSearchParams): Promise<WorkspaceView> {
    const to = q.get("to") || beijingDay(deps.now());
    // Thirty days back from `to` when no start is given — only from a real `to` (else the schema says).
    const end = Date.parse(`${to}T00:00:00Z`);
    const from = q.get("from") || (Number.isNaN(end) ? to : beijingDay(new Date(end - 29 * 86_400_000)));
    if (!hasRole(session, "supervisor"))
      return { page: "dashboard", status: 403, from, to, stats: null, error: null };
    const period = periodSchema.safeParse({ from, to });
    if (!period.success) {
      const issue = period.error.issues[0];
      const custom = (issue as { params?: { code?: string } } | undefined)?.params?.code;
      const code = custom ?? (issue?.code === "invalid_format" ? "date_format" : "invalid");
      return {
        page: "dashboard",
        status: 400,
        from,
        to,
        stats: null,
        error: { field: String(issue?.path[0] ?? "from"), code },
      };
    }
    const figures = await stats(deps.db, session.staff.jurisdiction, period.data, deps.now());
    return { page: "dashboard", status: 200, from, to, stats: figures, error: null };
  }

  /** The guard for every /staff page but the sign-in page, and the page's view. */
  async function guard(
    path: string,
    query: URLSearchParams,
    session: Session | null,
    sessionId: string,
  ): Promise<Guarded> {
    const back = `${path}${query.size > 0 ? `?${query}` : ""}`;
    if (!session) return { redirect: `/staff/login?return=${encodeURIComponent(back)}` };
    if (session.staff.mustChangePassword && path !== "/staff/password")
      return { redirect: "/staff/password" };
    // The path comes decoded already: no second decode (a stray "%" must not throw).
    const reference = /^\/staff\/requests\/([^/]+)$/.exec(path)?.[1] ?? null;
    // Any other page of the workspace ends the visit to a request (and its phone).
    await deps.visits.leave(sessionId, reference);
    if (path === "/staff" || path === "/staff/") return { session, view: await queue(session, query) };
    if (path === "/staff/dashboard") return { session, view: await dashboard(session, query) };
    if (reference) return { session, view: await request(session, sessionId, reference) };
    return { session, view: { page: "other", status: 200 } };
  }

  return { guard, queue, request, dashboard };
}

export type Workspace = ReturnType<typeof createWorkspace>;
