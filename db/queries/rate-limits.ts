// The rate limits' counters and the day's salt (db first): one round trip counts a request and reads the window
// before; the purge deletes what no window still needs.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateCounters, rateSalts } from '../schema/index.ts';
import type { WindowCounts } from '../../agents/security/rate-limit.ts';

/** Adds one to `key`'s window at `start` and returns it with the previous window's count. */
export async function countRequest(db: Db, key: string, start: number, windowMs: number): Promise<WindowCounts> {
  const [current, previous] = await db.batch([
    db
      .insert(rateCounters)
      .values({ key, windowStart: start, count: 1 })
      .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { count: sql`${rateCounters.count} + 1` } })
      .returning({ count: rateCounters.count }),
    db.select({ count: rateCounters.count }).from(rateCounters).where(and(eq(rateCounters.key, key), eq(rateCounters.windowStart, start - windowMs))),
  ]);
  return { current: current[0]?.count ?? 1, previous: previous[0]?.count ?? 0 };
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
