// For supervisors: counts for the dashboard, and work orders for the 12345 system (CSV or JSON). An
// export opens contact details, so each one is in the staff audit with its filter and size.

import { Hono } from "hono";
import { stats, toCsv, workOrders } from "../../../../db/reports.ts";
import { valueInBeijingTime } from "../../beijing-json.ts";
import type { AppDeps, AppEnv } from "../../deps.ts";
import { requireRole } from "../../staff-auth.ts";
import { periodQuerySchema } from "../../staff-schemas.ts";
import { validate } from "../../validate.ts";

export function reportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use("/stats", requireRole("supervisor"))
    .use("/export", requireRole("supervisor"))
    .get("/stats", validate("query", periodQuerySchema, 400), async (c) => {
      const { from, to } = c.req.valid("query");
      return c.json(await stats(deps.db, c.var.session.staff.jurisdiction, { from, to }, deps.now()));
    })
    .get("/export", validate("query", periodQuerySchema, 400), async (c) => {
      const { from, to, status, format } = c.req.valid("query");
      const me = c.var.session.staff;
      const rows = await workOrders(deps.db, deps.requests, me.jurisdiction, { from, to }, status);
      await deps.staff.audit({
        kind: "export",
        staffId: me.id,
        data: { from, to, status: status ?? null, format, rows: rows.length },
      });
      const file = `work-orders-${from}-${to}.${format}`;
      c.header("Content-Disposition", `attachment; filename="${file}"`);
      if (format === "csv") {
        c.header("Content-Type", "text/csv; charset=utf-8");
        const local = rows.map(
          (row) =>
            Object.fromEntries(
              // Instant columns only (`createdAt`, `slaDueAt` …): a name is never rewritten.
              Object.entries(row).map(([k, v]) => [k, /At$/.test(k) ? valueInBeijingTime(v) : v]),
            ) as typeof row,
        );
        return c.body(`\ufeff${toCsv(local)}`);
      }
      return c.json({ from, to, status: status ?? null, workOrders: rows });
    });
}
