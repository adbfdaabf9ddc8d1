// The audit log's chain (db first): the rows to seal, their seals, and every row for verification.
import { asc, eq, isNotNull, isNull, and, desc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';
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
