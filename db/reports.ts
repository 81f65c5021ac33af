// Counts for the supervisors' dashboard and work orders for the 12345 system. Counts read only the
// plain columns; work orders open the sealed contact details, so every export is audited by the caller.

import type { Db } from "./connection.ts";
import type { RequestStore, StoredRequest } from "./requests.ts";

export interface Period {
  /** Shanghai calendar dates, inclusive. */
  from: string;
  to: string;
}

/** A created_at (UTC) between two Shanghai dates: [from 00:00 +08:00, to+1 00:00 +08:00). */
function bounds(period: Period): [string, string] {
  const start = new Date(`${period.from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${period.to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return [start, end];
}

function scoped(scope: string): [string, unknown[]] {
  return scope === "all" ? ["", []] : [" AND jurisdiction = ?", [scope]];
}

export interface Stats {
  perDay: { day: string; channel: string; n: number }[];
  outcomes: { program: string; outcome: string; n: number }[];
  statuses: { status: string; n: number }[];
  urgency: { urgent: boolean; open: number; total: number }[];
  sla: { met: number; missed: number; pending: number };
}

export function stats(db: Db, scope: string, period: Period, now: Date): Stats {
  const [start, end] = bounds(period);
  const [scopeSql, scopeParams] = scoped(scope);
  const inPeriod = `created_at >= ? AND created_at < ?${scopeSql}`;
  const params = [start, end, ...scopeParams];
  const all = <T>(query: string, ...extra: unknown[]) => db.sqlite.prepare(query).all(...extra) as T[];
  const perDay = all<{ day: string; channel: string; n: number }>(
    `SELECT date(created_at, '+8 hours') AS day, channel, count(*) AS n FROM requests
      WHERE ${inPeriod} GROUP BY day, channel ORDER BY day, channel`,
    ...params,
  );
  const outcomes = all<{ program: string; outcome: string; n: number }>(
    `SELECT o.program, o.outcome, count(*) AS n FROM request_outcomes o JOIN requests r ON r.id = o.request_id
      WHERE r.created_at >= ? AND r.created_at < ?${scopeSql.replace("jurisdiction", "r.jurisdiction")}
      GROUP BY o.program, o.outcome ORDER BY o.program, o.outcome`,
    ...params,
  );
  const statuses = all<{ status: string; n: number }>(
    `SELECT status, count(*) AS n FROM requests WHERE ${inPeriod} GROUP BY status ORDER BY status`,
    ...params,
  );
  const urgency = all<{ urgent: number; open: number; total: number }>(
    `SELECT urgent, sum(status != 'closed') AS open, count(*) AS total FROM requests
      WHERE ${inPeriod} GROUP BY urgent ORDER BY urgent DESC`,
    ...params,
  ).map((r) => ({ urgent: r.urgent === 1, open: r.open, total: r.total }));
  // Met: the first call-back came by the due time. Missed: it came late, or has not come and the time
  // is past. Pending: not yet called back, still in time. Closed without a call-back counts in neither.
  const sla = db.sqlite
    .prepare(
      `SELECT
         coalesce(sum(contacted_at IS NOT NULL AND contacted_at <= sla_due_at), 0) AS met,
         coalesce(sum((contacted_at IS NOT NULL AND contacted_at > sla_due_at)
                  OR (contacted_at IS NULL AND status != 'closed' AND sla_due_at < ?)), 0) AS missed,
         coalesce(sum(contacted_at IS NULL AND status != 'closed' AND sla_due_at >= ?), 0) AS pending
       FROM requests WHERE ${inPeriod}`,
    )
    .get(now.toISOString(), now.toISOString(), ...params) as Stats["sla"];
  return { perDay, outcomes, statuses, urgency, sla };
}

export const WORK_ORDER_COLUMNS = [
  "reference",
  "createdAt",
  "jurisdiction",
  "channel",
  "urgent",
  "status",
  "closeOutcome",
  "slaDueAt",
  "contactedAt",
  "likelyPrograms",
  "possiblePrograms",
  "appliedBy",
  "helperRelationship",
  "personName",
  "contactPhone",
] as const;
export type WorkOrder = Record<(typeof WORK_ORDER_COLUMNS)[number], string>;

export function workOrders(
  db: Db,
  requests: RequestStore,
  scope: string,
  period: Period,
  status: string | undefined,
): WorkOrder[] {
  const [start, end] = bounds(period);
  const [scopeSql, scopeParams] = scoped(scope);
  const refs = db.sqlite
    .prepare(
      `SELECT reference FROM requests WHERE created_at >= ? AND created_at < ?${scopeSql}
         AND anonymized_at IS NULL${status ? " AND status = ?" : ""} ORDER BY id`,
    )
    .all(start, end, ...scopeParams, ...(status ? [status] : [])) as { reference: string }[];
  return refs.flatMap(({ reference }) => {
    const r = requests.byReference(reference);
    return r ? [workOrderOf(r)] : [];
  });
}

/** A request as the 12345 system takes it: the case, its estimate in short, and whom to call back. */
export function workOrderOf(r: StoredRequest): WorkOrder {
  const programs = (outcome: string) =>
    [...new Set(r.screening.results.filter((x) => x.outcome === outcome).map((x) => x.program))].join(" ");
  return {
    reference: r.reference,
    createdAt: r.createdAt,
    jurisdiction: r.jurisdiction,
    channel: r.channel,
    urgent: r.urgent ? "yes" : "no",
    status: r.status,
    closeOutcome: r.closeOutcome ?? "",
    slaDueAt: r.slaDueAt,
    contactedAt: r.contactedAt ?? "",
    likelyPrograms: programs("likely"),
    possiblePrograms: programs("possible"),
    appliedBy: r.applicant.kind,
    helperRelationship: r.applicant.kind === "helper" ? r.applicant.relationship : "",
    personName: r.person?.name ?? (r.applicant.kind === "self" ? (r.applicant.name ?? "") : ""),
    contactPhone: r.contactPhone,
  };
}

/** RFC 4180 CSV; a cell that a spreadsheet would run as a formula is prefixed with a quote. */
export function toCsv(rows: WorkOrder[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [
    WORK_ORDER_COLUMNS.join(","),
    ...rows.map((r) => WORK_ORDER_COLUMNS.map((c) => cell(r[c])).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
