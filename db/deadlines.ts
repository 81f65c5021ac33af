// Stored call-back deadlines follow the rule in force. When the rule (core/sla.ts) or the end of the
// working day differs from the one the store was last brought in line with, every open, non-urgent
// request's deadline is recomputed from when it was filed — once, in one transaction, at start. Urgent
// deadlines (24 clock hours) never depend on the rule's working days and are left as they are.

import { and, eq, isNull, ne } from "drizzle-orm";
import { CALLBACK, callbackDue, OUTREACH_WORKING_DAYS, type WorkCalendar } from "../core/sla.ts";
import type { Store } from "./store.ts";

/** The rule's name: bump it when callbackDue changes how it counts. */
export const DEADLINE_RULE = "end-of-third-working-day";

const KEY = "deadline_rule";

/**
 * Brings open requests' deadlines in line with the rule; returns how many were recomputed. Outreach
 * requests count their own working days (OUTREACH_WORKING_DAYS).
 */
export function followDeadlineRule(
  db: Store,
  calendar: WorkCalendar,
  now: Date,
  outreachWorkingDays: number = OUTREACH_WORKING_DAYS,
): Promise<number> {
  const end = calendar.endOfDay ?? CALLBACK.endOfWorkingDay;
  const wanted = `${DEADLINE_RULE}@${end};outreach=${outreachWorkingDays}`;
  const { requests, storeSettings } = db.t;
  return db.tx(async (q) => {
    const [current] = await q.select().from(storeSettings).where(eq(storeSettings.key, KEY));
    if (current?.value === wanted) return 0;
    const open = await q
      .select({
        id: requests.id,
        channel: requests.channel,
        createdAt: requests.createdAt,
        slaDueAt: requests.slaDueAt,
      })
      .from(requests)
      .where(and(ne(requests.status, "closed"), eq(requests.urgent, false), isNull(requests.anonymizedAt)));
    let changed = 0;
    for (const row of open) {
      const days = row.channel === "outreach" ? outreachWorkingDays : CALLBACK.workingDays;
      const due = callbackDue(new Date(row.createdAt), false, calendar, days).toISOString();
      if (due === row.slaDueAt) continue;
      await q.update(requests).set({ slaDueAt: due }).where(eq(requests.id, row.id));
      changed++;
    }
    const at = now.toISOString();
    await q
      .insert(storeSettings)
      .values({ key: KEY, value: wanted, updatedAt: at })
      .onConflictDoUpdate({ target: storeSettings.key, set: { value: wanted, updatedAt: at } });
    return changed;
  });
}
