// Access to the teachers' assistant with EDU_ACCESS=codes: class or school codes made by an admin, with an expiry,
// revocable; a teacher gives a code, never a name or an e-mail address.
import type { Db } from '../../db/client.ts';
import { findAccessCode, insertAccessCode, listAccessCodes, revokeAccessCode } from '../../db/queries/edu.ts';
import { DomainError } from '../errors.ts';
import { DAY_MS, type Clock } from '../ports.ts';
import { sha256Hex } from '../security/tokens.ts';

export type EduAccess = 'open' | 'codes';
export type AccessPorts = { db: Db; now: Clock };

// Letters and digits a person reads and types without mistakes (no 0/O, 1/I/L): 16 of them are 80 bits.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 16;

/** A new code, grouped by four for reading aloud ("ABCD-EFGH-JKMN-PQRS"). */
export function newAccessCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  const chars = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]);
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

/** Case, spaces and dashes as typed do not matter. */
export const normaliseAccessCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export async function createAccessCode(ports: AccessPorts, label: string, days: number): Promise<{ id: string; code: string; expiresAt: number }> {
  const code = newAccessCode();
  const at = ports.now();
  const record = { id: crypto.randomUUID(), codeHash: sha256Hex(normaliseAccessCode(code)), label, createdAt: at, expiresAt: at + days * DAY_MS, revokedAt: null };
  await insertAccessCode(ports.db, record);
  return { id: record.id, code, expiresAt: record.expiresAt };
}

/** Throws `access_code_required` unless access is open or the code is known, unexpired and not revoked. */
export async function checkAccess(ports: AccessPorts, mode: EduAccess, code: string | undefined): Promise<void> {
  if (mode === 'open') return;
  const found = code ? await findAccessCode(ports.db, sha256Hex(normaliseAccessCode(code))) : undefined;
  if (!found || found.revokedAt !== null || found.expiresAt <= ports.now()) throw new DomainError('access_code_required');
}

/** The codes for an admin's list: everything but the hash. */
export async function accessCodes(ports: Pick<AccessPorts, 'db'>) {
  return (await listAccessCodes(ports.db)).map((code) => ({ id: code.id, label: code.label, createdAt: code.createdAt, expiresAt: code.expiresAt, revokedAt: code.revokedAt }));
}

export async function revokeCode(ports: AccessPorts, id: string): Promise<void> {
  if (!(await revokeAccessCode(ports.db, id, ports.now()))) throw new DomainError('access_code_not_found');
}
