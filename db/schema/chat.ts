// Conversations and their messages: every user message is stored before the assistant does anything with it.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { approvedAnswers } from './approved.ts';

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    assistant: text('assistant', { enum: ['public', 'education'] }).notNull(),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    status: text('status', { enum: ['bot', 'escalated', 'staff', 'resolved'] }).notNull().default('bot'),
    // When the visitor last asked for a person, and since when they wait (cleared once staff hold the conversation).
    escalatedAt: integer('escalated_at'),
    waitingSince: integer('waiting_since'),
    // The staff member who holds it (status staff), and when staff first answered after the last escalation.
    assigneeId: text('assignee_id'),
    assigneeName: text('assignee_name'),
    firstStaffReplyAt: integer('first_staff_reply_at'),
    resolvedAt: integer('resolved_at'),
    resolutionNote: text('resolution_note'),
    // An address the visitor left, with consent, for a staff answer by e-mail outside office hours.
    notifyEmail: text('notify_email'),
    notifyConsentVersion: text('notify_consent_version'),
    // SHA-256 of the 128-bit bearer token: the token itself is shown once and never stored.
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    retainUntil: integer('retain_until').notNull(),
  },
  (t) => [index('conversations_queue').on(t.status, t.waitingSince)],
);

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
    // The first name of the staff member who wrote a `staff` message, shown to the visitor with it.
    author: text('author'),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    sources: text('sources', { mode: 'json' }).$type<unknown[]>(),
    mode: text('mode', { enum: ['llm', 'offline'] }),
    model: text('model'),
    answered: integer('answered', { mode: 'boolean' }),
    // The approved answer given verbatim instead of a generated one (agents/approved/).
    approvedAnswerId: text('approved_answer_id').references(() => approvedAnswers.id),
    timings: text('timings', { mode: 'json' }).$type<Record<string, number>>(),
    state: text('state', { enum: ['streaming', 'complete', 'incomplete'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('messages_conversation_seq').on(t.conversationId, t.seq)],
);

/**
 * What happened in a conversation (status changes, staff joined or left, staff and visitor messages): the visitor's
 * and the staff's event streams read these rows by id, so every instance sees every event.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('events_conversation').on(t.conversationId, t.id)],
);

export const feedback = sqliteTable('feedback', {
  id: text('id').primaryKey(),
  messageId: text('message_id')
    .notNull()
    .references(() => messages.id, { onDelete: 'cascade' }),
  rating: text('rating', { enum: ['up', 'down'] }).notNull(),
  comment: text('comment'),
  createdAt: integer('created_at').notNull(),
});
