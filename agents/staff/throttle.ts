// Login throttling: failures are counted per e-mail address and per client address in the database, so the limit
// holds however many instances serve the console. Keys are hashes: the table holds no address of anyone.
import type { Db } from '../../db/client.ts';
import { clearLoginFailures, lockedUntil, purgeLoginFailures, recordLoginFailure, type FailurePolicy } from '../../db/queries/staff.ts';
import { sha256Hex } from '../security/tokens.ts';

const MINUTE_MS = 60_000;

/**
 * Five wrong passwords for one address lock it for 15 minutes (about 500 guesses a day at most against 12+
 * characters); a client address gets more, since a team behind one office NAT shares it.
 */
export const THROTTLE = {
  email: { limit: 5, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
  client: { limit: 20, windowMs: 15 * MINUTE_MS, lockMs: 15 * MINUTE_MS },
} satisfies Record<string, FailurePolicy>;

export type ThrottleKeys = { email: string; client: string };

export const throttleKeys = (email: string, client: string): ThrottleKeys => ({ email: `email:${sha256Hex(email)}`, client: `client:${sha256Hex(client)}` });

/** Seconds until a login for these keys may be tried again; 0 when it may be tried now. */
export async function retryAfterSeconds(db: Db, keys: ThrottleKeys, now: number): Promise<number> {
  const until = await lockedUntil(db, [keys.email, keys.client]);
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Counts a failure for both keys; says which of them it locked (a lock is audited once, not every refusal). */
export async function countFailure(db: Db, keys: ThrottleKeys, now: number): Promise<{ locked: ('email' | 'client')[]; until: number }> {
  const email = await recordLoginFailure(db, keys.email, THROTTLE.email, now);
  const client = await recordLoginFailure(db, keys.client, THROTTLE.client, now);
  await purgeLoginFailures(db, now - Math.max(THROTTLE.email.windowMs, THROTTLE.client.windowMs), now);
  // Only an unlocked key gets here (a locked one is refused before), so a lock in the future was set by this failure.
  const locked = [...(email > now ? (['email'] as const) : []), ...(client > now ? (['client'] as const) : [])];
  return { locked, until: Math.max(email, client) };
}

/** A successful login forgets the address's failures; the client's stay, or one valid account would reset them. */
export async function forgetFailures(db: Db, keys: ThrottleKeys): Promise<void> {
  await clearLoginFailures(db, keys.email);
}
