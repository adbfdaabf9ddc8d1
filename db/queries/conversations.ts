// Conversation and message queries (db first): a question stored with its conversation and its answer's placeholder in
// one batch, answers finished, history.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bind } from '../prepared.ts';
import { conversations, events, feedback, messages } from '../schema/chat.ts';
import { staffNotes } from '../schema/inbox.ts';
import { leadDrafts } from '../schema/leads.ts';
import { mailOutbox } from '../schema/mail.ts';

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'seq'>;

export async function findConversation(db: Db, id: string): Promise<Conversation | undefined> {
  return db.prepared.conversationById.get({ id });
}

/**
 * A visitor's question as it will be stored: with the conversation it opens, or touching the one it joins (its
 * language, and the event that shows the message to staff while they hold the conversation).
 */
export type QuestionWrite = {
  opens?: Pick<typeof conversations.$inferInsert, 'id' | 'assistant' | 'lang' | 'tokenHash' | 'createdAt' | 'updatedAt' | 'retainUntil'>;
  message: StoredMessage;
  conversationLang?: Conversation['lang'];
  event?: { type: string; data: Record<string, unknown> };
};

/** The columns a question's write stores (db/prepared.ts insertMessage). */
export type StoredMessage = Pick<NewMessage, 'id' | 'conversationId' | 'role' | 'content' | 'lang' | 'state' | 'mode' | 'createdAt'>;

export type AnswerPlaceholder = StoredMessage & { role: 'assistant'; state: 'streaming' };

/** Stores a question and, when given, the placeholder of its answer, in one batch. */
export async function storeQuestion(db: Db, { opens, message, conversationLang, event }: QuestionWrite, answer?: AnswerPlaceholder) {
  const { openConversation, touchConversation, insertMessage, insertEvent } = db.prepared;
  const insert = (m: StoredMessage) => bind(insertMessage, { ...m, mode: m.mode ?? null });
  await db.$client.batch([
    opens ? bind(openConversation, opens) : bind(touchConversation, { id: message.conversationId, updatedAt: message.createdAt, lang: conversationLang ?? null }),
    insert(message),
    ...(event ? [bind(insertEvent, { conversationId: message.conversationId, type: event.type, data: event.data, createdAt: message.createdAt })] : []),
    ...(answer ? [insert(answer)] : []),
  ]);
}

/** Every column of a complete answer. */
export type CompleteAnswer = Pick<Message, 'content' | 'mode' | 'model' | 'approvedAnswerId'> & { sources: unknown[]; answered: boolean; timings: Record<string, number> };

/**
 * An answer's last write, its SQL built once (db/prepared.ts): drizzle built an eight-column UPDATE again on every turn.
 * The JSON and boolean columns are encoded here as their columns store them.
 */
export async function completeAnswer(db: Db, id: string, answer: CompleteAnswer) {
  const encoded = { ...answer, sources: JSON.stringify(answer.sources), answered: answer.answered ? 1 : 0, timings: JSON.stringify(answer.timings), id };
  await db.$client.execute(bind(db.prepared.completeAnswer, encoded));
}

/** Any other ending of an answer (stopped, failed), with only what it has. */
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
