// Conversation and message queries (db first): creation with the first message in one batch, appends, history.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { conversations, messages } from '../schema/chat.ts';

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'seq'>;

// The next sequence number is computed inside the INSERT, so concurrent writers cannot take the same one.
const nextSeq = (conversationId: string) =>
  sql`(SELECT coalesce(max(${messages.seq}), 0) + 1 FROM ${messages} WHERE ${messages.conversationId} = ${conversationId})`;

export async function createConversationWithMessage(db: Db, conversation: typeof conversations.$inferInsert, first: NewMessage) {
  await db.batch([db.insert(conversations).values(conversation), db.insert(messages).values({ ...first, seq: nextSeq(first.conversationId) })]);
}

export async function findConversation(db: Db, id: string): Promise<Conversation | undefined> {
  return db.select().from(conversations).where(eq(conversations.id, id)).get();
}

export async function appendMessage(db: Db, message: NewMessage, conversationLang?: Conversation['lang']) {
  await db.batch([
    db.insert(messages).values({ ...message, seq: nextSeq(message.conversationId) }),
    db
      .update(conversations)
      .set({ updatedAt: message.createdAt, ...(conversationLang ? { lang: conversationLang } : {}) })
      .where(eq(conversations.id, message.conversationId)),
  ]);
}

export async function finishMessage(db: Db, id: string, patch: Partial<Pick<Message, 'content' | 'state' | 'sources' | 'answered' | 'timings' | 'mode' | 'model'>>) {
  await db.update(messages).set(patch).where(eq(messages.id, id));
}

export async function listMessages(db: Db, conversationId: string): Promise<Message[]> {
  return db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq)).all();
}

export async function countAssistantMessages(db: Db, conversationId: string): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.role, 'assistant')))
    .get();
  return Number(row?.n ?? 0);
}

/** At startup: answers that were streaming when the process died will never finish. */
export async function markStaleStreamingIncomplete(db: Db): Promise<number> {
  const result = await db.update(messages).set({ state: 'incomplete' }).where(eq(messages.state, 'streaming'));
  return result.rowsAffected;
}
