// The statements every turn or follow-up turn runs, built once per database handle: drizzle builds a query's SQL on every
// call, which cost more than libSQL running it (conversation read 277 → 136 µs, history 254 → 129 µs).
import { asc, eq, sql } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { conversations, messages } from './schema/chat.ts';
import { rateCounters } from './schema/limits.ts';
import type * as schema from './schema/index.ts';

export function prepareQueries(db: LibSQLDatabase<typeof schema>) {
  return {
    conversationById: db.select().from(conversations).where(eq(conversations.id, sql.placeholder('id'))).prepare(),
    messagesOf: db.select().from(messages).where(eq(messages.conversationId, sql.placeholder('conversationId'))).orderBy(asc(messages.seq)).prepare(),
    countRequest: db
      .insert(rateCounters)
      .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('start'), count: 1 })
      .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { count: sql`${rateCounters.count} + 1` } })
      .returning({
        count: rateCounters.count,
        previous: sql<number | null>`(SELECT earlier.count FROM ${rateCounters} AS earlier WHERE earlier.key = ${sql.placeholder('key')} AND earlier.window_start = ${sql.placeholder('previousStart')})`,
      })
      .prepare(),
  };
}
