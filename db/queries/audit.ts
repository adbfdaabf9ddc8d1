// The audit log (db first): the rows to seal, their seals, every row for verification, and the filtered pages
// admins read in the console.
import { asc, count, eq, gte, isNotNull, isNull, and, desc, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, staffUsers } from '../schema/index.ts';
import type { AuditRow } from '../../agents/audit/chain.ts';

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actor: auditLog.actor,
  action: auditLog.action,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  details: auditLog.details,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

/** The newest sealed row's hash, or null before any seal. */
export async function lastSeal(db: Db): Promise<string | null> {
  const row = await db.select({ hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.hash)).orderBy(desc(auditLog.id)).limit(1).get();
  return row?.hash ?? null;
}

export async function unsealedRows(db: Db, limit: number): Promise<AuditRow[]> {
  return db.select(columns).from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id)).limit(limit).all();
}

/** Writes seals in one transaction; a row another sealer got to first keeps its seal (the update needs hash IS NULL). */
export async function writeSeals(db: Db, seals: { id: number; prevHash: string; hash: string }[]): Promise<void> {
  if (seals.length === 0) return;
  const [first, ...rest] = seals.map((s) => db.update(auditLog).set({ prevHash: s.prevHash, hash: s.hash }).where(and(eq(auditLog.id, s.id), isNull(auditLog.hash))));
  await db.batch([first!, ...rest]);
}

export async function allAuditRows(db: Db): Promise<AuditRow[]> {
  return db.select(columns).from(auditLog).orderBy(asc(auditLog.id)).all();
}

/** What admins filter the log by: `actor` is a part of the actor (an e-mail), `action` a prefix ("lead." for all). */
export type AuditFilter = { actor?: string; action?: string; subjectType?: string; subjectId?: string; from?: number; to?: number };

function auditWhere(filter: AuditFilter) {
  return and(
    filter.actor ? sql`instr(lower(${auditLog.actor}), ${filter.actor.toLowerCase()}) > 0` : undefined,
    filter.action ? sql`substr(${auditLog.action}, 1, ${filter.action.length}) = ${filter.action}` : undefined,
    filter.subjectType ? eq(auditLog.subjectType, filter.subjectType) : undefined,
    filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
    filter.from !== undefined ? gte(auditLog.at, filter.from) : undefined,
    filter.to !== undefined ? lt(auditLog.at, filter.to) : undefined,
  );
}

/** One page of the log, newest first, each row with the name of the staff account its actor's e-mail belongs to. */
export async function listAuditPage(db: Db, filter: AuditFilter, { limit, offset }: { limit: number; offset: number }): Promise<(AuditRow & { staffName: string | null })[]> {
  return db
    .select({ ...columns, staffName: staffUsers.name })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.email, auditLog.actor))
    .where(auditWhere(filter))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
}

export async function countAudit(db: Db, filter: AuditFilter): Promise<number> {
  const row = await db.select({ n: count() }).from(auditLog).where(auditWhere(filter)).get();
  return row?.n ?? 0;
}
