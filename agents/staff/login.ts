// Staff login: throttled per address and per client, the same answer in about the same time whether the account
// exists or not, every attempt audited (an unknown address only as a hash), and a new session on success.
import { findStaffByEmail, updateStaff } from '../../db/queries/staff.ts';
import { insertAudit } from '../../db/queries/leads.ts';
import { DomainError } from '../errors.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from '../security/passwords.ts';
import { sha256Hex } from '../security/tokens.ts';
import { memberOf, normaliseEmail, type StaffMember, type StaffPorts } from './accounts.ts';
import { openSession, type OpenedSession } from './sessions.ts';
import { countFailure, forgetFailures, retryAfterSeconds, throttleKeys } from './throttle.ts';

export type LoginAttempt = { email: string; password: string; client: string };

/**
 * Checks the credentials and opens a session. Throws `too_many_attempts` (params.retryAfter in seconds) while the
 * address or the client is locked, and `login_failed` for a wrong password, an unknown or a deactivated account alike.
 */
export async function login({ db, now }: StaffPorts, attempt: LoginAttempt): Promise<{ staff: StaffMember; session: OpenedSession }> {
  const email = normaliseEmail(attempt.email);
  const keys = throttleKeys(email, attempt.client);
  const user = await findStaffByEmail(db, email);
  // The audit names known staff; an address that is no account may be anyone's, so only its hash is kept.
  const actor = user ? user.email : `sha256:${sha256Hex(email)}`;
  const subject = { subjectType: 'staff_user', subjectId: user?.id ?? null };

  // A refusal while locked writes nothing: it costs no hash, so writing would let a locked client flood the audit log.
  const retryAfter = await retryAfterSeconds(db, keys, now());
  if (retryAfter > 0) throw new DomainError('too_many_attempts', { retryAfter, minutes: Math.ceil(retryAfter / 60) });

  // An unknown address still costs one argon2id verification, so the time does not tell which addresses exist.
  const matches = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, attempt.password);
  if (!user || !matches || !user.active) {
    const at = now();
    const { locked, until } = await countFailure(db, keys, at);
    await insertAudit(db, { at, actor, action: 'staff.login_failed', ...subject, details: { reason: !user ? 'unknown_account' : !matches ? 'password' : 'inactive' } });
    if (locked.length > 0) await insertAudit(db, { at, actor, action: 'staff.login_locked', ...subject, details: { by: locked, until: new Date(until).toISOString() } });
    throw new DomainError('login_failed');
  }

  const at = now();
  await forgetFailures(db, keys);
  // Parameters raised since this password was set: store a hash at today's parameters while the password is at hand.
  if (needsRehash(user.passwordHash)) await updateStaff(db, user.id, { passwordHash: await hashPassword(attempt.password) });
  const session = await openSession(db, user.id, at);
  await insertAudit(db, { at, actor, action: 'staff.login', ...subject, details: {} });
  return { staff: memberOf(user), session };
}
