// Staff accounts, their sessions and the staff audit log. A session's cookie value is a secret; the
// table keeps its hash. Sessions end after 30 idle minutes or 12 hours, whichever comes first.

import { randomBytes } from "node:crypto";
import { and, desc, eq, isNotNull, lt, ne, notInArray } from "drizzle-orm";
import type { Vault } from "./crypto.ts";
import type { Store, Tables } from "./store.ts";

export const ROLES = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

export interface StaffMember {
  id: number;
  name: string;
  role: Role;
  /** A jurisdiction id, or "all". */
  jurisdiction: string;
  mustChangePassword: boolean;
  disabled: boolean;
}

export interface Session {
  staff: StaffMember;
  csrfToken: string;
  createdAt: string;
}

export class StaffExists extends Error {}

export interface StaffStore {
  add(input: { name: string; role: Role; jurisdiction: string; passwordHash: string }): Promise<StaffMember>;
  byName(name: string): Promise<(StaffMember & { passwordHash: string }) | null>;
  byId(id: number): Promise<StaffMember | null>;
  list(): Promise<StaffMember[]>;
  setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void>;
  setDisabled(id: number, disabled: boolean): Promise<void>;
  openSession(staffId: number): Promise<{ id: string; csrfToken: string }>;
  /** The session behind a cookie value, touched; null when unknown, idle too long or too old. */
  session(id: string): Promise<Session | null>;
  closeSession(id: string): Promise<void>;
  /** The request whose phone this session revealed, while its visit lasts (null: none). */
  visit(id: string): Promise<string | null>;
  /** The phone of `reference` was revealed in this session: shown until `until`. */
  startVisit(id: string, reference: string, until: Date): Promise<void>;
  /** The session went to another page than `reference`'s: its visit ends. */
  endVisit(id: string, unless: string | null): Promise<void>;
  closeAllSessions(staffId: number): Promise<number>;
  audit(entry: {
    kind: string;
    staffId?: number | null;
    name?: string | null;
    client?: string | null;
    data?: Record<string, unknown>;
  }): Promise<void>;
  auditLog(
    limit?: number,
  ): Promise<{ at: string; kind: string; staffId: number | null; name: string | null; data: unknown }[]>;
}

const member = (row: Tables["staff"]["$inferSelect"]): StaffMember => ({
  id: row.id,
  name: row.name,
  role: row.role,
  jurisdiction: row.jurisdiction,
  mustChangePassword: row.mustChangePassword,
  disabled: row.disabled,
});

/** Sessions one account may hold at once: a new sign-in past it ends the oldest. */
export const SESSIONS_PER_ACCOUNT = 3;

export function createStaffStore(deps: {
  db: Store;
  vault: Vault;
  now: () => Date;
  sessionsPerAccount?: number | undefined;
}): StaffStore {
  const { db, vault, now } = deps;
  const cap = deps.sessionsPerAccount ?? SESSIONS_PER_ACCOUNT;
  const { staff, staffAudit, staffSessions } = db.t;
  const hashOf = (id: string) => vault.hash("session", id);

  return {
    async add(input) {
      const [row] = await db.tx((q) =>
        q
          .insert(staff)
          .values({ ...input, mustChangePassword: true, createdAt: now().toISOString() })
          .onConflictDoNothing({ target: staff.name })
          .returning(),
      );
      if (!row) throw new StaffExists(`a staff account named ${input.name} exists already`);
      return member(row);
    },
    async byName(name) {
      const [row] = await db.read((q) => q.select().from(staff).where(eq(staff.name, name)));
      return row ? { ...member(row), passwordHash: row.passwordHash } : null;
    },
    async byId(id) {
      const [row] = await db.read((q) => q.select().from(staff).where(eq(staff.id, id)));
      return row ? member(row) : null;
    },
    list: async () => (await db.read((q) => q.select().from(staff).orderBy(staff.name))).map(member),
    async setPassword(id, passwordHash, mustChange) {
      await db.tx((q) =>
        q.update(staff).set({ passwordHash, mustChangePassword: mustChange }).where(eq(staff.id, id)),
      );
    },
    async setDisabled(id, disabled) {
      await db.tx((q) => q.update(staff).set({ disabled }).where(eq(staff.id, id)));
    },
    async openSession(staffId) {
      const id = randomBytes(32).toString("base64url");
      const csrfToken = randomBytes(24).toString("base64url");
      const at = now().toISOString();
      await db.tx(async (q) => {
        // One sign-in of an account at a time: two at once must not both keep `cap` others.
        await db.lock([`sessions:${staffId}`]);
        const [last] = await q
          .select({ seq: staffSessions.seq })
          .from(staffSessions)
          .where(eq(staffSessions.staffId, staffId))
          .orderBy(desc(staffSessions.seq))
          .limit(1);
        await q.insert(staffSessions).values({
          idHash: hashOf(id),
          staffId,
          csrfToken,
          createdAt: at,
          lastSeenAt: at,
          seq: (last?.seq ?? 0) + 1,
        });
        // At most `cap` at once: the oldest beyond it end (a forgotten desk, a stolen cookie).
        const kept = await q
          .select({ idHash: staffSessions.idHash })
          .from(staffSessions)
          .where(eq(staffSessions.staffId, staffId))
          .orderBy(desc(staffSessions.createdAt), desc(staffSessions.seq))
          .limit(cap);
        const newest = kept.map((k) => k.idHash);
        await q
          .delete(staffSessions)
          .where(and(eq(staffSessions.staffId, staffId), notInArray(staffSessions.idHash, newest)));
      });
      return { id, csrfToken };
    },
    async session(id) {
      const t = now();
      const [row] = await db.read((q) =>
        q
          .select()
          .from(staffSessions)
          .innerJoin(staff, eq(staff.id, staffSessions.staffId))
          .where(eq(staffSessions.idHash, hashOf(id))),
      );
      if (!row) return null;
      const idle = t.getTime() - Date.parse(row.staff_sessions.lastSeenAt) > SESSION_IDLE_MINUTES * 60_000;
      const old = t.getTime() - Date.parse(row.staff_sessions.createdAt) > SESSION_ABSOLUTE_HOURS * 3600_000;
      if (idle || old || row.staff.disabled) {
        await db.tx((q) =>
          q.delete(staffSessions).where(eq(staffSessions.idHash, row.staff_sessions.idHash)),
        );
        return null;
      }
      // Touched at most once a minute: a write (and its fsync) on every read would cost more than the read.
      if (t.getTime() - Date.parse(row.staff_sessions.lastSeenAt) >= 60_000) {
        await db.tx((q) =>
          q
            .update(staffSessions)
            .set({ lastSeenAt: t.toISOString() })
            .where(eq(staffSessions.idHash, row.staff_sessions.idHash)),
        );
      }
      return {
        staff: member(row.staff),
        csrfToken: row.staff_sessions.csrfToken,
        createdAt: row.staff_sessions.createdAt,
      };
    },
    async closeSession(id) {
      await db.tx((q) => q.delete(staffSessions).where(eq(staffSessions.idHash, hashOf(id))));
    },
    async visit(id) {
      const [row] = await db.read((q) =>
        q
          .select({ reference: staffSessions.visitReference, until: staffSessions.visitUntil })
          .from(staffSessions)
          .where(eq(staffSessions.idHash, hashOf(id))),
      );
      return row?.reference && row.until && row.until > now().toISOString() ? row.reference : null;
    },
    async startVisit(id, reference, until) {
      await db.tx((q) =>
        q
          .update(staffSessions)
          .set({ visitReference: reference, visitUntil: until.toISOString() })
          .where(eq(staffSessions.idHash, hashOf(id))),
      );
    },
    async endVisit(id, unless) {
      // Written only when a visit is to end: most pages change nothing.
      await db.tx((q) =>
        q
          .update(staffSessions)
          .set({ visitReference: null, visitUntil: null })
          .where(
            and(
              eq(staffSessions.idHash, hashOf(id)),
              isNotNull(staffSessions.visitReference),
              unless === null ? undefined : ne(staffSessions.visitReference, unless),
            ),
          ),
      );
    },
    async closeAllSessions(staffId) {
      const closed = await db.tx((q) =>
        q
          .delete(staffSessions)
          .where(eq(staffSessions.staffId, staffId))
          .returning({ idHash: staffSessions.idHash }),
      );
      return closed.length;
    },
    async audit(entry) {
      await db.tx((q) =>
        q.insert(staffAudit).values({
          at: now().toISOString(),
          kind: entry.kind,
          staffId: entry.staffId ?? null,
          name: entry.name ?? null,
          client: entry.client ?? null,
          data: entry.data ?? null,
        }),
      );
    },
    auditLog(limit = 100) {
      return db.read((q) =>
        q
          .select({
            at: staffAudit.at,
            kind: staffAudit.kind,
            staffId: staffAudit.staffId,
            name: staffAudit.name,
            data: staffAudit.data,
          })
          .from(staffAudit)
          .orderBy(staffAudit.id)
          .limit(limit),
      );
    },
  };
}

/** Drops sessions that can no longer be used (kept tidy by the service's housekeeping). */
export async function sweepSessions(db: Store, now: Date): Promise<number> {
  const { staffSessions } = db.t;
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000).toISOString();
  const swept = await db.tx((q) =>
    q
      .delete(staffSessions)
      .where(lt(staffSessions.lastSeenAt, idleBefore))
      .returning({ idHash: staffSessions.idHash }),
  );
  return swept.length;
}
