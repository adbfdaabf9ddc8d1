// Conversation and message queries (db first): creation with the first message in one batch, appends, history.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { conversations, events, feedback, messages } from '../schema/chat.ts';
import { staffNotes } from '../schema/inbox.ts';
import { leadDrafts } from '../schema/leads.ts';
import { mailOutbox } from '../schema/mail.ts';

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'seq'>;

// The next sequence number is computed inside the INSERT, so concurrent writers cannot take the same one.
export const nextSeq = (conversationId: string) =>
  sql`(SELECT coalesce(max(${messages.seq}), 0) + 1 FROM ${messages} WHERE ${messages.conversationId} = ${conversationId})`;

const insertMessage = (db: Db, message: NewMessage) => db.insert(messages).values({ ...message, seq: nextSeq(message.conversationId) });

export async function createConversationWithMessage(db: Db, conversation: typeof conversations.$inferInsert, first: NewMessage) {
  await db.batch([db.insert(conversations).values(conversation), insertMessage(db, first)]);
}

export async function findConversation(db: Db, id: string): Promise<Conversation | undefined> {
  return db.prepared.conversationById.get({ id });
}

/** Stores a message (and the event that announces it to staff, if any) and touches the conversation, in one batch. */
export async function appendMessage(db: Db, message: NewMessage, conversationLang?: Conversation['lang'], event?: { type: string; data: Record<string, unknown> }) {
  await db.batch([
    insertMessage(db, message),
    db
      .update(conversations)
      .set({ updatedAt: message.createdAt, ...(conversationLang ? { lang: conversationLang } : {}) })
      .where(eq(conversations.id, message.conversationId)),
    ...(event ? [db.insert(events).values({ conversationId: message.conversationId, type: event.type, data: event.data, createdAt: message.createdAt })] : []),
  ]);
}

/**
 * Stores the placeholder of an answer, in one statement: the visitor's message it answers touched the conversation a
 * moment before, and a transaction of three statements more would say nothing new.
 */
export async function startAnswer(db: Db, message: NewMessage & { role: 'assistant'; state: 'streaming' }) {
  await insertMessage(db, message);
}

export async function finishMessage(db: Db, id: string, patch: Partial<Pick<Message, 'content' | 'state' | 'sources' | 'answered' | 'timings' | 'mode' | 'model' | 'approvedAnswerId'>>) {
  await db.update(messages).set(patch).where(eq(messages.id, id));
}

export async function listMessages(db: Db, conversationId: string): Promise<Message[]> {
  return db.prepared.messagesOf.all({ conversationId });
}

/** At startup: answers that were streaming when the process died will never finish. */
export async function markStaleStreamingIncomplete(db: Db): Promise<number> {
  const result = await db.update(messages).set({ state: 'incomplete' }).where(eq(messages.state, 'streaming'));
  return result.rowsAffected;
}

export async function findMessage(db: Db, id: string): Promise<Message | undefined> {
  return db.select().from(messages).where(eq(messages.id, id)).get();
}

/** One rating per answer: a new one replaces the previous. */
export async function saveFeedback(db: Db, entry: typeof feedback.$inferInsert) {
  await db.batch([db.delete(feedback).where(eq(feedback.messageId, entry.messageId)), db.insert(feedback).values(entry)]);
}

export async function listFeedback(db: Db, conversationId: string) {
  return db
    .select({ id: feedback.id, messageId: feedback.messageId, rating: feedback.rating, comment: feedback.comment, createdAt: feedback.createdAt })
    .from(feedback)
    .innerJoin(messages, eq(messages.id, feedback.messageId))
    .where(eq(messages.conversationId, conversationId))
    .all();
}

/** Deletes a conversation and everything hanging off it, children first (SQLite does not enforce the cascade by default). */
export async function deleteConversation(db: Db, conversationId: string) {
  const ofConversation = db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, conversationId));
  await db.batch([
    db.delete(feedback).where(inArray(feedback.messageId, ofConversation)),
    db.delete(leadDrafts).where(eq(leadDrafts.conversationId, conversationId)),
    db.delete(mailOutbox).where(eq(mailOutbox.conversationId, conversationId)),
    db.delete(staffNotes).where(eq(staffNotes.conversationId, conversationId)),
    db.delete(events).where(eq(events.conversationId, conversationId)),
    db.delete(messages).where(eq(messages.conversationId, conversationId)),
    db.delete(conversations).where(eq(conversations.id, conversationId)),
  ]);
}
