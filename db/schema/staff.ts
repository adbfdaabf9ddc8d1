// Staff accounts, their sessions (only hashes of the cookie tokens) and the login-failure counters that throttle
// password guessing across every instance sharing the database.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    // Stored lower-cased (the CHECK makes sure), so the unique index treats Alice@ and alice@ as one account.
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['reviewer', 'admin'] }).notNull(),
    // argon2id PHC string: algorithm, parameters, salt and hash in one value.
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    // The console's language, chosen by the staff member.
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull().default('en'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_users_email').on(t.email), check('staff_users_email_lower', sql`${t.email} = lower(${t.email})`)],
);

export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    // SHA-256 hex of the cookie's token: a copy of this table lets nobody in. The CSRF token is derived from the
    // cookie's token (agents/staff/sessions.ts), so it is bound to the session and needs no column.
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    // The absolute end (created + 12 h); the idle end is computed from last_seen_at.
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('staff_sessions_user').on(t.userId), index('staff_sessions_expires').on(t.expiresAt)],
);

/** Failed logins per key (a hash of the e-mail or of the client address, never the value itself). */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    // Start of the counting window; the count restarts once it is older than the window.
    firstAt: integer('first_at').notNull(),
    // Logins for this key are refused (429) until then; 0 when not locked.
    lockedUntil: integer('locked_until').notNull().default(0),
  },
  (t) => [index('login_failures_first_at').on(t.firstAt)],
);
