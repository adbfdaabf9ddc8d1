// The mail outbox: staff replies waiting to go out by e-mail, written with the reply and sent by the send-mail job.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { conversations } from './chat.ts';

export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    // Recipient and body are personal data: both are cleared once the mail is sent or given up.
    recipient: text('recipient'),
    subject: text('subject').notNull(),
    body: text('body'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    // The SMTP reply code or error code of the last failure, never the server's text.
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('mail_outbox_due').on(t.status, t.nextAttemptAt), index('mail_outbox_conversation').on(t.conversationId)],
);
