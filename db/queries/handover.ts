// The handover between bot and staff (db first): a status change, its events, a message and the audit row land in
// one batch, and only if the conversation was in the expected state — two staff members cannot both claim it.
import { and, asc, count, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/leads.ts';
import { conversations, events, messages } from '../schema/chat.ts';
import { mailOutbox } from '../schema/mail.ts';
import { nextSeq } from '../prepared.ts';
import type { Conversation, NewMessage } from './conversations.ts';
import type { AuditEntry } from './leads.ts';
import type { NewOutboxMail } from './mail.ts';

export type ConversationStatus = Conversation['status'];
export type ConversationPatch = Partial<typeof conversations.$inferInsert>;

export type Handover = {
  from: readonly ConversationStatus[];
  /** Only the staff member who holds the conversation may make this change. */
  heldBy?: string;
  set: ConversationPatch;
  message?: NewMessage;
  events: { type: string; data: Record<string, unknown> }[];
  audit?: AuditEntry;
  /** A mail for the send-mail job (a staff reply for a visitor who left an address). */
  mail?: NewOutboxMail;
  /** The conversation leaves the queue, where it waited since then: everyone behind it moves up a place. */
  leavesQueue?: number;
  at: number;
};

/**
 * Applies a handover step. The UPDATE comes first in the batch; every later statement runs only when it changed the
 * row (`changes()` counts the previous statement of the same batch, so each insert passes the signal on).
 */
export async function applyHandover(db: Db, conversationId: string, step: Handover): Promise<boolean> {
  const where = [eq(conversations.id, conversationId), inArray(conversations.status, [...step.from]), ...(step.heldBy ? [eq(conversations.assigneeId, step.heldBy)] : [])];
  const update = db
    .update(conversations)
    .set({ ...step.set, updatedAt: step.at })
    .where(and(...where));
  const followers: SQL[] = [];
  if (step.message) {
    const m = step.message;
    followers.push(sql`INSERT INTO ${messages} (id, conversation_id, seq, role, content, author, lang, state, created_at)
      SELECT ${m.id}, ${m.conversationId}, ${nextSeq(m.conversationId)}, ${m.role}, ${m.content}, ${m.author ?? null}, ${m.lang}, ${m.state}, ${m.createdAt} WHERE changes() = 1`);
  }
  for (const event of step.events) {
    followers.push(sql`INSERT INTO ${events} (conversation_id, type, data, created_at) SELECT ${conversationId}, ${event.type}, ${JSON.stringify(event.data)}, ${step.at} WHERE changes() = 1`);
  }
  if (step.mail) {
    const m = step.mail;
    followers.push(sql`INSERT INTO ${mailOutbox} (id, conversation_id, recipient, subject, body, status, attempts, next_attempt_at, created_at)
      SELECT ${m.id}, ${m.conversationId}, ${m.recipient}, ${m.subject}, ${m.body}, 'pending', 0, ${m.createdAt}, ${m.createdAt} WHERE changes() = 1`);
  }
  if (step.audit) {
    const a = step.audit;
    followers.push(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
      SELECT ${a.at}, ${a.actor}, ${a.action}, ${a.subjectType}, ${a.subjectId ?? null}, ${JSON.stringify(a.details)} WHERE changes() = 1`);
  }
  // Last, as it inserts a row for each visitor behind (changes() is then no longer 1): their new place, counted after
  // the UPDATE above took this conversation out of the queue. `moved` tells the console it is not a new escalation.
  if (step.leavesQueue !== undefined) {
    followers.push(sql`INSERT INTO ${events} (conversation_id, type, data, created_at)
      SELECT c.id, 'status', json_object('status', 'escalated', 'position', (SELECT count(*) FROM ${conversations} w WHERE w.status = 'escalated' AND w.waiting_since <= c.waiting_since), 'moved', json('true')), ${step.at}
      FROM ${conversations} c WHERE c.status = 'escalated' AND c.waiting_since > ${step.leavesQueue} AND changes() = 1`);
  }
  const [result] = await db.batch([update, ...followers.map((statement) => db.run(statement))] as [typeof update, ...ReturnType<typeof db.run>[]]);
  return result.rowsAffected === 1;
}

/** How many visitors wait longer than someone who started waiting at `since`. */
export async function waitingBefore(db: Db, since: number): Promise<number> {
  const row = await db
    .select({ n: count() })
    .from(conversations)
    .where(and(eq(conversations.status, 'escalated'), lte(conversations.waitingSince, since)))
    .get();
  return row?.n ?? 0;
}

/** Time from escalation to the first staff reply, for the most recent answered escalations. */
export async function recentFirstResponses(db: Db, limit = 20): Promise<number[]> {
  const rows = await db
    .select({ escalatedAt: conversations.escalatedAt, repliedAt: conversations.firstStaffReplyAt })
    .from(conversations)
    .where(sql`${conversations.firstStaffReplyAt} IS NOT NULL AND ${conversations.escalatedAt} IS NOT NULL`)
    .orderBy(desc(conversations.firstStaffReplyAt))
    .limit(limit)
    .all();
  return rows.map((row) => row.repliedAt! - row.escalatedAt!);
}

export type QueueFilter = { status?: readonly ConversationStatus[]; lang?: Conversation['lang']; assistant?: Conversation['assistant'] };

/** Conversations for the staff inbox, longest waiting first, with their last message. */
export async function listQueue(db: Db, filter: QueueFilter, limit = 200) {
  // The outer row's id, written out: inside a subquery drizzle would name the column without its table.
  const last = sql<string | null>`(SELECT m.content FROM ${messages} m WHERE m.conversation_id = "conversations"."id" AND m.role IN ('user', 'staff') ORDER BY m.seq DESC LIMIT 1)`;
  return db
    .select({
      id: conversations.id,
      status: conversations.status,
      lang: conversations.lang,
      assistant: conversations.assistant,
      waitingSince: conversations.waitingSince,
      escalatedAt: conversations.escalatedAt,
      firstStaffReplyAt: conversations.firstStaffReplyAt,
      updatedAt: conversations.updatedAt,
      assigneeId: conversations.assigneeId,
      assigneeName: conversations.assigneeName,
      lastMessage: last,
    })
    .from(conversations)
    .where(
      and(
        inArray(conversations.status, [...(filter.status ?? ['escalated', 'staff'])]),
        filter.lang ? eq(conversations.lang, filter.lang) : undefined,
        filter.assistant ? eq(conversations.assistant, filter.assistant) : undefined,
      ),
    )
    // Waiting visitors first, the longest waiting at the top; then the rest by their last activity.
    .orderBy(sql`${conversations.waitingSince} IS NULL`, asc(conversations.waitingSince), desc(conversations.updatedAt))
    .limit(limit)
    .all();
}

/** The events of a conversation for the staff transcript, oldest first. */
export async function listConversationEvents(db: Db, conversationId: string) {
  return db.select().from(events).where(eq(events.conversationId, conversationId)).orderBy(asc(events.id)).all();
}
