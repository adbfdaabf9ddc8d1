// Job leases: a job runs on one instance at a time, whichever runtime calls it (a conditional update takes the lease).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder'),
  leaseUntil: integer('lease_until').notNull().default(0),
  lastRunAt: integer('last_run_at'),
  lastResult: text('last_result', { mode: 'json' }).$type<Record<string, unknown>>(),
});
