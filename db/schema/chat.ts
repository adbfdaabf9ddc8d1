// Conversations and their messages: every user message is stored before the assistant does anything with it.
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const conversations = sqliteTable('conversations', {
  id: text('id').primaryKey(),
  assistant: text('assistant', { enum: ['public', 'education'] }).notNull(),
  lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
  status: text('status', { enum: ['bot', 'escalated', 'staff', 'resolved'] }).notNull().default('bot'),
  // SHA-256 of the 128-bit bearer token: the token itself is shown once and never stored.
  tokenHash: text('token_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  retainUntil: integer('retain_until').notNull(),
});

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    role: text('role', { enum: ['user', 'assistant', 'staff', 'system'] }).notNull(),
    content: text('content').notNull(),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    sources: text('sources', { mode: 'json' }).$type<unknown[]>(),
    mode: text('mode', { enum: ['llm', 'offline'] }),
    model: text('model'),
    answered: integer('answered', { mode: 'boolean' }),
    timings: text('timings', { mode: 'json' }).$type<Record<string, number>>(),
    state: text('state', { enum: ['streaming', 'complete', 'incomplete'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq)],
);

/** What happened in a conversation (staff joined, staff message, status change): the events stream reads these rows. */
export const events = sqliteTable('events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  conversationId: text('conversation_id')
    .notNull()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  type: text('type').notNull(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: integer('created_at').notNull(),
});

export const feedback = sqliteTable('feedback', {
  id: text('id').primaryKey(),
  messageId: text('message_id')
    .notNull()
    .references(() => messages.id, { onDelete: 'cascade' }),
  rating: text('rating', { enum: ['up', 'down'] }).notNull(),
  comment: text('comment'),
  createdAt: integer('created_at').notNull(),
});
