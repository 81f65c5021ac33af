// Staff accounts, their sessions and the staff audit log. A session's cookie value is a secret; the
// table keeps its hash. Sessions end after 30 idle minutes or 12 hours, whichever comes first.

import { randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "./connection.ts";
import type { Vault } from "./crypto.ts";
import { staff, staffAudit, staffSessions } from "./schema.ts";

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
  add(input: { name: string; role: Role; jurisdiction: string; passwordHash: string }): StaffMember;
  byName(name: string): (StaffMember & { passwordHash: string }) | null;
  byId(id: number): StaffMember | null;
  list(): StaffMember[];
  setPassword(id: number, passwordHash: string, mustChange: boolean): void;
  setDisabled(id: number, disabled: boolean): void;
  openSession(staffId: number): { id: string; csrfToken: string };
  /** The session behind a cookie value, touched; null when unknown, idle too long or too old. */
  session(id: string): Session | null;
  closeSession(id: string): void;
  closeAllSessions(staffId: number): number;
  audit(entry: {
    kind: string;
    staffId?: number | null;
    name?: string | null;
    client?: string | null;
    data?: Record<string, unknown>;
  }): void;
  auditLog(
    limit?: number,
  ): { at: string; kind: string; staffId: number | null; name: string | null; data: unknown }[];
}

const member = (row: typeof staff.$inferSelect): StaffMember => ({
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
  db: Db;
  vault: Vault;
  now: () => Date;
  sessionsPerAccount?: number | undefined;
}): StaffStore {
  const { db, vault, now } = deps;
  const cap = deps.sessionsPerAccount ?? SESSIONS_PER_ACCOUNT;
  const orm = db.orm;
  const hashOf = (id: string) => vault.hash("session", id);

  return {
    add(input) {
      const row = orm
        .insert(staff)
        .values({ ...input, mustChangePassword: true, createdAt: now().toISOString() })
        .onConflictDoNothing({ target: staff.name })
        .returning()
        .get();
      if (!row) throw new StaffExists(`a staff account named ${input.name} exists already`);
      return member(row);
    },
    byName(name) {
      const row = orm.select().from(staff).where(eq(staff.name, name)).get();
      return row ? { ...member(row), passwordHash: row.passwordHash } : null;
    },
    byId(id) {
      const row = orm.select().from(staff).where(eq(staff.id, id)).get();
      return row ? member(row) : null;
    },
    list: () => orm.select().from(staff).orderBy(staff.name).all().map(member),
    setPassword(id, passwordHash, mustChange) {
      orm.update(staff).set({ passwordHash, mustChangePassword: mustChange }).where(eq(staff.id, id)).run();
    },
    setDisabled(id, disabled) {
      orm.update(staff).set({ disabled }).where(eq(staff.id, id)).run();
    },
    openSession(staffId) {
      const id = randomBytes(32).toString("base64url");
      const csrfToken = randomBytes(24).toString("base64url");
      const at = now().toISOString();
      orm
        .insert(staffSessions)
        .values({ idHash: hashOf(id), staffId, csrfToken, createdAt: at, lastSeenAt: at })
        .run();
      // At most `cap` at once: the oldest beyond it end (a forgotten desk, a stolen cookie).
      db.sqlite
        .prepare(
          `DELETE FROM staff_sessions WHERE staff_id = ? AND id_hash NOT IN (
             SELECT id_hash FROM staff_sessions WHERE staff_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)`,
        )
        .run(staffId, staffId, cap);
      return { id, csrfToken };
    },
    session(id) {
      const t = now();
      const row = orm
        .select()
        .from(staffSessions)
        .innerJoin(staff, eq(staff.id, staffSessions.staffId))
        .where(eq(staffSessions.idHash, hashOf(id)))
        .get();
      if (!row) return null;
      const idle = t.getTime() - Date.parse(row.staff_sessions.lastSeenAt) > SESSION_IDLE_MINUTES * 60_000;
      const old = t.getTime() - Date.parse(row.staff_sessions.createdAt) > SESSION_ABSOLUTE_HOURS * 3600_000;
      if (idle || old || row.staff.disabled) {
        orm.delete(staffSessions).where(eq(staffSessions.idHash, row.staff_sessions.idHash)).run();
        return null;
      }
      // Touched at most once a minute: a write (and its fsync) on every read would cost more than the read.
      if (t.getTime() - Date.parse(row.staff_sessions.lastSeenAt) >= 60_000) {
        orm
          .update(staffSessions)
          .set({ lastSeenAt: t.toISOString() })
          .where(eq(staffSessions.idHash, row.staff_sessions.idHash))
          .run();
      }
      return {
        staff: member(row.staff),
        csrfToken: row.staff_sessions.csrfToken,
        createdAt: row.staff_sessions.createdAt,
      };
    },
    closeSession(id) {
      orm
        .delete(staffSessions)
        .where(eq(staffSessions.idHash, hashOf(id)))
        .run();
    },
    closeAllSessions(staffId) {
      return orm.delete(staffSessions).where(eq(staffSessions.staffId, staffId)).run().changes;
    },
    audit(entry) {
      orm
        .insert(staffAudit)
        .values({
          at: now().toISOString(),
          kind: entry.kind,
          staffId: entry.staffId ?? null,
          name: entry.name ?? null,
          client: entry.client ?? null,
          data: entry.data ?? null,
        })
        .run();
    },
    auditLog(limit = 100) {
      return orm
        .select({
          at: staffAudit.at,
          kind: staffAudit.kind,
          staffId: staffAudit.staffId,
          name: staffAudit.name,
          data: staffAudit.data,
        })
        .from(staffAudit)
        .orderBy(staffAudit.id)
        .limit(limit)
        .all();
    },
  };
}

/** Drops sessions that can no longer be used (kept tidy by the service's housekeeping). */
export function sweepSessions(db: Db, now: Date): number {
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000).toISOString();
  return db.orm
    .delete(staffSessions)
    .where(and(lt(staffSessions.lastSeenAt, idleBefore)))
    .run().changes;
}
