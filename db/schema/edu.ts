// Access codes of the teachers' assistant (EDU_ACCESS=codes): a class or school code, never a person's account.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const eduAccessCodes = sqliteTable('edu_access_codes', {
  id: text('id').primaryKey(),
  // SHA-256 of the code: the code itself is shown once, to the admin who makes it.
  codeHash: text('code_hash').notNull().unique(),
  // Who it is for, in the admin's words ("Lycée Michel-Rodange, 3e"): no name of a person is needed.
  label: text('label').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  revokedAt: integer('revoked_at'),
});
