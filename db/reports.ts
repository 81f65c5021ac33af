// Counts for the supervisors' dashboard and work orders for the 12345 system. Counts read only the
// plain columns; work orders open the sealed contact details, so every export is audited by the caller.

import { and, asc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { RequestStore, StoredRequest } from "./requests.ts";
import type { Store } from "./store.ts";

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

const scoped = (scope: string, column: SQL = sql`jurisdiction`) =>
  scope === "all" ? sql`` : sql` AND ${column} = ${scope}`;

export interface Stats {
  perDay: { day: string; channel: string; n: number }[];
  outcomes: { program: string; outcome: string; n: number }[];
  statuses: { status: string; n: number }[];
  urgency: { urgent: boolean; open: number; total: number }[];
  sla: { met: number; missed: number; pending: number };
}

export async function stats(db: Store, scope: string, period: Period, now: Date): Promise<Stats> {
  const [start, end] = bounds(period);
  const inPeriod = sql`created_at >= ${start} AND created_at < ${end}${scoped(scope)}`;
  const at = now.toISOString();
  // Counts cast to integer: PostgreSQL's count() is a bigint, which its driver returns as text.
  const perDay = await db.rows<Stats["perDay"][number]>(
    sql`SELECT ${db.dialect.shanghaiDay(sql`created_at`)} AS "day", channel AS "channel",
               CAST(count(*) AS integer) AS "n"
          FROM requests WHERE ${inPeriod} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const outcomes = await db.rows<Stats["outcomes"][number]>(
    sql`SELECT o.program AS "program", o.outcome AS "outcome", CAST(count(*) AS integer) AS "n"
          FROM request_outcomes o JOIN requests r ON r.id = o.request_id
         WHERE r.created_at >= ${start} AND r.created_at < ${end}${scoped(scope, sql`r.jurisdiction`)}
         GROUP BY o.program, o.outcome ORDER BY o.program, o.outcome`,
  );
  const statuses = await db.rows<Stats["statuses"][number]>(
    sql`SELECT status AS "status", CAST(count(*) AS integer) AS "n" FROM requests WHERE ${inPeriod}
         GROUP BY status ORDER BY status`,
  );
  const urgency = (
    await db.rows<{ urgent: number; open: number; total: number }>(
      sql`SELECT CASE WHEN urgent THEN 1 ELSE 0 END AS "urgent",
                 CAST(sum(CASE WHEN status != 'closed' THEN 1 ELSE 0 END) AS integer) AS "open",
                 CAST(count(*) AS integer) AS "total"
            FROM requests WHERE ${inPeriod} GROUP BY 1 ORDER BY 1 DESC`,
    )
  ).map((r) => ({ urgent: r.urgent === 1, open: r.open, total: r.total }));
  // Met: the first call-back came by the due time. Missed: it came late, or has not come and the time
  // is past. Pending: not yet called back, still in time. Closed without a call-back counts in neither.
  const count = (condition: SQL) =>
    sql`CAST(coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0) AS integer)`;
  const [sla] = await db.rows<Stats["sla"]>(
    sql`SELECT
          ${count(sql`contacted_at IS NOT NULL AND contacted_at <= sla_due_at`)} AS "met",
          ${count(sql`(contacted_at IS NOT NULL AND contacted_at > sla_due_at)
                   OR (contacted_at IS NULL AND status != 'closed' AND sla_due_at < ${at})`)} AS "missed",
          ${count(sql`contacted_at IS NULL AND status != 'closed' AND sla_due_at >= ${at}`)} AS "pending"
        FROM requests WHERE ${inPeriod}`,
  );
  return { perDay, outcomes, statuses, urgency, sla: sla ?? { met: 0, missed: 0, pending: 0 } };
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

export async function workOrders(
  db: Store,
  requests: RequestStore,
  scope: string,
  period: Period,
  status: string | undefined,
): Promise<WorkOrder[]> {
  const [start, end] = bounds(period);
  const r = db.t.requests;
  const refs = await db.read((q) =>
    q
      .select({ reference: r.reference })
      .from(r)
      .where(
        and(
          gte(r.createdAt, start),
          lt(r.createdAt, end),
          scope === "all" ? undefined : eq(r.jurisdiction, scope),
          isNull(r.anonymizedAt),
          status ? eq(r.status, status as (typeof r.$inferSelect)["status"]) : undefined,
        ),
      )
      .orderBy(asc(r.id)),
  );
  const orders: WorkOrder[] = [];
  for (const { reference } of refs) {
    const stored = await requests.byReference(reference);
    if (stored) orders.push(workOrderOf(stored));
  }
  return orders;
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
