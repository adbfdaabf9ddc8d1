// The audit log's hash chain: each row's hash covers its own fields and the previous row's hash, so changing,
// removing or inserting a row anywhere breaks every hash after it. Pure.
import { sha256Hex } from '../security/tokens.ts';

export type AuditRow = { id: number; at: number; actor: string; action: string; subjectType: string; subjectId: string | null; details: unknown; prevHash: string | null; hash: string | null };

/** The hash before the first row. */
export const GENESIS = '0'.repeat(64);

export function auditHash(prev: string, row: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return sha256Hex(`${prev}\n${JSON.stringify([row.id, row.at, row.actor, row.action, row.subjectType, row.subjectId, row.details])}`);
}

/** The seals for unsealed rows that follow `last` (the newest sealed row's hash), in id order. */
export function seal(last: string, rows: readonly AuditRow[]): { id: number; prevHash: string; hash: string }[] {
  let prev = last;
  return rows.map((row) => {
    const hash = auditHash(prev, row);
    const sealed = { id: row.id, prevHash: prev, hash };
    prev = hash;
    return sealed;
  });
}

export type Verdict = { ok: true; sealed: number; unsealed: number } | { ok: false; sealed: number; firstBroken: number; reason: string };

/** Checks every row in id order: sealed rows must chain from GENESIS; unsealed ones may only come after them. */
export function verifyChain(rows: readonly AuditRow[]): Verdict {
  let prev = GENESIS;
  let sealed = 0;
  for (const [i, row] of rows.entries()) {
    if (row.hash === null) {
      const later = rows.slice(i).find((r) => r.hash !== null);
      if (later) return { ok: false, sealed, firstBroken: row.id, reason: `not sealed, but row ${later.id} after it is` };
      return { ok: true, sealed, unsealed: rows.length - i };
    }
    if (row.prevHash !== prev) return { ok: false, sealed, firstBroken: row.id, reason: 'its previous hash is not the hash of the row before it (a row was removed or inserted)' };
    if (auditHash(prev, row) !== row.hash) return { ok: false, sealed, firstBroken: row.id, reason: 'its fields do not match its hash (the row was changed)' };
    prev = row.hash;
    sealed++;
  }
  return { ok: true, sealed, unsealed: 0 };
}

export type RowSeal = 'pending' | 'intact' | 'altered';

/** One row against its own seal: `pending` until seal-audit reaches it, `altered` once its fields no longer match. */
export function rowSeal(row: AuditRow): RowSeal {
  if (row.hash === null) return 'pending';
  return row.prevHash !== null && auditHash(row.prevHash, row) === row.hash ? 'intact' : 'altered';
}
