// Approved answers: written by an admin for a knowledge gap, in one language, citing knowledge documents; a visitor's
// question that matches one closely gets it verbatim. Retired, not deleted, so transcripts keep saying what they were.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staffUsers } from './staff.ts';

export const approvedAnswers = sqliteTable(
  'approved_answers',
  {
    id: text('id').primaryKey(),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    // The cited documents' ids, in citation order: [1] is the first.
    docIds: text('doc_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: integer('created_at').notNull(),
    retiredAt: integer('retired_at'),
    retiredBy: text('retired_by').references(() => staffUsers.id),
  },
  (t) => [index('approved_answers_lang').on(t.lang, t.retiredAt)],
);
