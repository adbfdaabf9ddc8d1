// Staff account, session and login-throttling queries (db first). Sessions are looked up by the SHA-256 of the
// cookie token; failure counters are updated by one upsert each, so instances sharing the database count together.
import { and, eq, getTableColumns, inArray, isNull, lt, lte, max, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/leads.ts';
import { loginFailures, staffSessions, staffUsers } from '../schema/staff.ts';
import type { AuditEntry } from './leads.ts';

export type StaffUser = typeof staffUsers.$inferSelect;
export type NewStaffUser = typeof staffUsers.$inferInsert;
export type StaffSession = typeof staffSessions.$inferSelect;
/** An account as it may be shown: everything but the password hash. */
export type StaffAccountRow = Omit<StaffUser, 'passwordHash'>;

export async function findStaffByEmail(db: Db, email: string): Promise<StaffUser | undefined> {
  return db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
}

export async function listStaff(db: Db): Promise<StaffAccountRow[]> {
  const { passwordHash: _omitted, ...columns } = getTableColumns(staffUsers);
  return db.select(columns).from(staffUsers).orderBy(staffUsers.email).all();
}

export async function findStaffById(db: Db, id: string): Promise<StaffUser | undefined> {
  return db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
}

/** Inserts an account; with `audit`, its audit row in the same batch. Throws on a taken e-mail address. */
export async function insertStaff(db: Db, user: NewStaffUser, audit?: AuditEntry): Promise<void> {
  if (!audit) {
    await db.insert(staffUsers).values(user);
    return;
  }
  await db.batch([db.insert(staffUsers).values(user), db.insert(auditLog).values(audit)]);
}

/** Lets a change through only if the account is not the last active admin, or another active admin remains. */
const keepsAnAdmin = sql`(NOT (${staffUsers.role} = 'admin' AND ${staffUsers.active} = 1)
  OR EXISTS (SELECT 1 FROM ${staffUsers} AS other WHERE other.role = 'admin' AND other.active = 1 AND other.id <> ${staffUsers.id}))`;

/**
 * An admin's change to an account, in one batch: the update (only where `guard` holds), then — only if it landed —
 * its audit row and, with `revokeSessionsAt`, the end of every open session of the account (`changes()` counts the
 * previous statement of the batch, so each step passes the signal on). The audit row's details get `sessionsRevoked`.
 * With `keepAnAdmin`, the update lands only if an active admin remains besides this account (or it is none).
 */
export async function changeStaff(
  db: Db,
  id: string,
  { patch, keepAnAdmin = false, revokeSessionsAt }: { patch: Partial<Omit<NewStaffUser, 'id'>>; keepAnAdmin?: boolean; revokeSessionsAt?: number },
  audit: AuditEntry,
): Promise<{ landed: boolean; sessionsRevoked: number }> {
  const update = db
    .update(staffUsers)
    .set(patch)
    .where(and(eq(staffUsers.id, id), keepAnAdmin ? keepsAnAdmin : undefined));
  const open = sql`${staffSessions.userId} = ${id} AND ${staffSessions.revokedAt} IS NULL`;
  const details = revokeSessionsAt === undefined ? sql`${JSON.stringify(audit.details)}` : sql`json_set(${JSON.stringify(audit.details)}, '$.sessionsRevoked', (SELECT count(*) FROM ${staffSessions} WHERE ${open}))`;
  const record = db.run(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
    SELECT ${audit.at}, ${audit.actor}, ${audit.action}, ${audit.subjectType}, ${audit.subjectId ?? null}, ${details} WHERE changes() = 1`);
  const revoke = db.run(sql`UPDATE ${staffSessions} SET revoked_at = ${revokeSessionsAt ?? null} WHERE ${open} AND changes() = 1`);
  const steps = revokeSessionsAt === undefined ? [update, record] : [update, record, revoke];
  const [updated, , revoked] = await db.batch(steps as [typeof update, typeof record, ...(typeof revoke)[]]);
  return { landed: updated.rowsAffected === 1, sessionsRevoked: revoked?.rowsAffected ?? 0 };
}

/**
 * Updates an account; with `revokeSessionsAt`, every open session of it is revoked in the same batch (a new password
 * or a deactivation must end the sessions started before it). Returns how many sessions were revoked.
 */
export async function updateStaff(db: Db, id: string, patch: Partial<Omit<NewStaffUser, 'id'>>, revokeSessionsAt?: number): Promise<number> {
  const update = db.update(staffUsers).set(patch).where(eq(staffUsers.id, id));
  if (revokeSessionsAt === undefined) {
    await update;
    return 0;
  }
  const [, revoked] = await db.batch([update, revokeAll(db, id, revokeSessionsAt)]);
  return revoked.rowsAffected;
}

const revokeAll = (db: Db, userId: string, now: number) =>
  db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt)));

/** Stores a new session and drops the user's sessions that can no longer be used (ended, revoked or idle). */
export async function insertSession(db: Db, session: StaffSession, idleCutoff: number): Promise<void> {
  const stale = or(lte(staffSessions.expiresAt, session.createdAt), sql`${staffSessions.revokedAt} IS NOT NULL`, lt(staffSessions.lastSeenAt, idleCutoff));
  await db.batch([db.delete(staffSessions).where(and(eq(staffSessions.userId, session.userId), stale)), db.insert(staffSessions).values(session)]);
}

export async function findSessionWithUser(db: Db, id: string): Promise<{ session: StaffSession; user: StaffUser } | undefined> {
  const row = await db.select().from(staffSessions).innerJoin(staffUsers, eq(staffSessions.userId, staffUsers.id)).where(eq(staffSessions.id, id)).get();
  return row && { session: row.staff_sessions, user: row.staff_users };
}

/** Records activity, only on a live session (a revocation that landed in between is not undone). */
export async function touchSession(db: Db, id: string, now: number): Promise<void> {
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.revokedAt), lt(staffSessions.lastSeenAt, now)));
}

export async function revokeSession(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.revokedAt)));
  return result.rowsAffected === 1;
}

/** Whether `userId` is an active account with a session neither revoked, nor ended by `now`, nor idle since `idleCutoff`. */
export async function hasLiveSession(db: Db, userId: string, now: number, idleCutoff: number): Promise<boolean> {
  const row = await db
    .select({ id: staffSessions.id })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffSessions.userId, staffUsers.id))
    .where(and(eq(staffSessions.userId, userId), eq(staffUsers.active, true), isNull(staffSessions.revokedAt), sql`${staffSessions.expiresAt} > ${now}`, sql`${staffSessions.lastSeenAt} >= ${idleCutoff}`))
    .limit(1)
    .get();
  return row !== undefined;
}

/** Deletes sessions that ended before `now` or went idle before `idleCutoff` (for a retention job). */
export async function purgeStaffSessions(db: Db, now: number, idleCutoff: number): Promise<number> {
  const result = await db.delete(staffSessions).where(or(lte(staffSessions.expiresAt, now), lt(staffSessions.lastSeenAt, idleCutoff), sql`${staffSessions.revokedAt} IS NOT NULL`));
  return result.rowsAffected;
}

/** The latest lock among `keys` (0 when none is locked). */
export async function lockedUntil(db: Db, keys: string[]): Promise<number> {
  const row = await db
    .select({ until: max(loginFailures.lockedUntil) })
    .from(loginFailures)
    .where(inArray(loginFailures.key, keys))
    .get();
  return row?.until ?? 0;
}

export type FailurePolicy = { limit: number; windowMs: number; lockMs: number };

/**
 * Counts one failure for `key` in one statement: the count restarts when its window is over, and reaching `limit`
 * locks the key for `lockMs`. Returns the key's lock end (0 when not locked).
 */
export async function recordLoginFailure(db: Db, key: string, { limit, windowMs, lockMs }: FailurePolicy, now: number): Promise<number> {
  const windowOver = sql`${loginFailures.firstAt} <= ${now - windowMs}`;
  const failures = sql`CASE WHEN ${windowOver} THEN 1 ELSE ${loginFailures.failures} + 1 END`;
  const row = await db
    .insert(loginFailures)
    .values({ key, failures: 1, firstAt: now, lockedUntil: limit <= 1 ? now + lockMs : 0 })
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: {
        failures,
        firstAt: sql`CASE WHEN ${windowOver} THEN ${now} ELSE ${loginFailures.firstAt} END`,
        lockedUntil: sql`CASE WHEN ${failures} >= ${limit} THEN ${now + lockMs} ELSE ${loginFailures.lockedUntil} END`,
      },
    })
    .returning({ lockedUntil: loginFailures.lockedUntil })
    .get();
  return row?.lockedUntil ?? 0;
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

/** Drops counters whose window and lock are both over: they would restart from 1 anyway. */
export async function purgeLoginFailures(db: Db, windowStart: number, now: number): Promise<number> {
  const result = await db.delete(loginFailures).where(and(lt(loginFailures.firstAt, windowStart), lte(loginFailures.lockedUntil, now)));
  return result.rowsAffected;
}
