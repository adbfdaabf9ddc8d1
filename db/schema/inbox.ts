// The staff inbox's own tables: private notes on a conversation (never shown to the visitor) and the canned
// replies admins keep per language for staff to insert into a reply.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { conversations } from './chat.ts';

/**
 * Notes staff leave on a conversation for each other. A table of their own, not rows of `messages` or `events`:
 * every visitor-facing read (history, export, the events stream) reads those two, so a note cannot reach one.
 */
export const staffNotes = sqliteTable(
  'staff_notes',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    // Who wrote it, as staff see it in the transcript (the account may later be renamed or deactivated).
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('staff_notes_conversation').on(t.conversationId, t.createdAt)],
);

/** A reply text admins prepare once, in one language, for staff to insert into the reply box and adapt. */
export const cannedReplies = sqliteTable(
  'canned_replies',
  {
    id: text('id').primaryKey(),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('canned_replies_lang').on(t.lang, t.title)],
);
