// Request counters of the rate limits, shared by every instance: one row per key and fixed window. Keys are
// hashes (a client's address with the day's salt, or a conversation id), never an address in clear.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const rateCounters = sqliteTable(
  'rate_counters',
  {
    key: text('key').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

/** The day's salt for hashing client addresses: random, one per UTC day, deleted with the day's counters. */
export const rateSalts = sqliteTable('rate_salts', {
  day: text('day').primaryKey(),
  salt: text('salt').notNull(),
});
