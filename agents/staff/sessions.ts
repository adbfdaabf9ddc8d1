// Staff sessions in the database: opened at login, resumed on each request (idle 30 min, absolute 12 h), revoked at
// logout. The cookie carries a random token; the database holds only its SHA-256, and the CSRF token is derived
// from the cookie's token, so it is bound to that session and a reload recovers it only with the cookie.
import { sha256 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Db } from '../../db/client.ts';
import { insertAudit } from '../../db/queries/leads.ts';
import { findSessionWithUser, hasLiveSession, insertSession, revokeSession, touchSession } from '../../db/queries/staff.ts';
import { DomainError } from '../errors.ts';
import { randomToken, sameSecret, sha256Hex } from '../security/tokens.ts';
import { memberOf, type StaffMember } from './accounts.ts';

const MINUTE_MS = 60_000;

export const SESSION = {
  idleMs: 30 * MINUTE_MS,
  absoluteMs: 12 * 60 * MINUTE_MS,
  // Activity is written at most once a minute: a console polling every few seconds must not write on every poll.
  // The idle timeout is then enforced to within that minute.
  touchEveryMs: MINUTE_MS,
} as const;

export type OpenedSession = { token: string; csrfToken: string; expiresAt: number };
export type ResumedSession = { staff: StaffMember; csrfToken: string; expiresAt: number };

/** The CSRF token of the session whose cookie token is `token`: an HMAC, so the stored session id does not reveal it. */
export const csrfTokenFor = (token: string) => bytesToHex(hmac(sha256, utf8ToBytes(token), utf8ToBytes('aif-staff-csrf-v1')));

export const csrfMatches = (token: string, presented: string | undefined) => !!presented && sameSecret(csrfTokenFor(token), presented);

export async function openSession(db: Db, userId: string, now: number): Promise<OpenedSession> {
  const token = randomToken(32);
  const expiresAt = now + SESSION.absoluteMs;
  await insertSession(db, { id: sha256Hex(token), userId, createdAt: now, lastSeenAt: now, expiresAt, revokedAt: null }, now - SESSION.idleMs);
  return { token, csrfToken: csrfTokenFor(token), expiresAt };
}

/**
 * The signed-in staff member of a cookie token, after recording the activity. Throws `unauthorized` for an
 * unknown or revoked session or a deactivated account, `session_expired` past the idle or absolute limit.
 */
export async function resumeSession(db: Db, token: string, now: number): Promise<ResumedSession> {
  const id = sha256Hex(token);
  const found = await findSessionWithUser(db, id);
  if (!found || found.session.revokedAt !== null || !found.user.active) throw new DomainError('unauthorized');
  const { session } = found;
  if (now >= session.expiresAt || now - session.lastSeenAt >= SESSION.idleMs) throw new DomainError('session_expired');
  if (now - session.lastSeenAt >= SESSION.touchEveryMs) await touchSession(db, id, now);
  return { staff: memberOf(found.user), csrfToken: csrfTokenFor(token), expiresAt: session.expiresAt };
}

/**
 * Whether the session of `token` can still be used, without recording activity: an open event stream is not the
 * staff member at work, and must not keep an idle session alive.
 */
export async function sessionIsLive(db: Db, token: string, now: number): Promise<boolean> {
  const found = await findSessionWithUser(db, sha256Hex(token));
  return !!found && found.session.revokedAt === null && found.user.active && now < found.session.expiresAt && now - found.session.lastSeenAt < SESSION.idleMs;
}

/**
 * Whether a staff member is at work: an active account with a session in use (signed in, not idle past the session's
 * limit). A conversation held by someone who is not can be taken over by a colleague (handover.ts).
 */
export const atWork = (db: Db, userId: string, now: number): Promise<boolean> => hasLiveSession(db, userId, now, now - SESSION.idleMs);

/** Revokes the session of `token` (logout) and audits it; true when a live session was ended. */
export async function endSession(db: Db, token: string, now: number): Promise<boolean> {
  const id = sha256Hex(token);
  const found = await findSessionWithUser(db, id);
  if (!found || !(await revokeSession(db, id, now))) return false;
  await insertAudit(db, { at: now, actor: found.user.email, action: 'staff.logout', subjectType: 'staff_user', subjectId: found.user.id, details: {} });
  return true;
}
