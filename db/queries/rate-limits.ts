// The rate limits' counters and the day's salt (db first): one statement counts a request and reads the window
// before; the purge deletes what no window still needs.
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateCounters, rateSalts } from '../schema/index.ts';
import type { WindowCounts } from '../../agents/security/rate-limit.ts';

/**
 * Adds one to `key`'s window at `start` and returns it with the previous window's count, in one statement: a
 * transaction of an upsert and a read was four statements, twice on a follow-up turn (address and conversation).
 * Prepared once per database handle (db/prepared.ts): every chat turn counts once or twice (0.15 → 0.09 ms).
 */
export async function countRequest(db: Db, key: string, start: number, windowMs: number): Promise<WindowCounts> {
  const row = await db.prepared.countRequest.get({ key, start, previousStart: start - windowMs });
  return { current: row?.count ?? 1, previous: row?.previous ?? 0 };
}

/** The salt of `day` (YYYY-MM-DD): the first instance to ask stores `fresh`, every instance reads the stored one. */
export async function daySalt(db: Db, day: string, fresh: string): Promise<string> {
  const [, rows] = await db.batch([
    db.insert(rateSalts).values({ day, salt: fresh }).onConflictDoNothing(),
    db.select({ salt: rateSalts.salt }).from(rateSalts).where(eq(rateSalts.day, day)),
  ]);
  return rows[0]!.salt;
}

/** Deletes counters whose window started before `before`, and salts of days before `beforeDay`. */
export async function purgeRateLimits(db: Db, before: number, beforeDay: string): Promise<number> {
  const [counters] = await db.batch([db.delete(rateCounters).where(lt(rateCounters.windowStart, before)), db.delete(rateSalts).where(lt(rateSalts.day, beforeDay))]);
  return counters.rowsAffected;
}
