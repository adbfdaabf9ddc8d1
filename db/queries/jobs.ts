// Job leases and the retention purge (db first): one conditional upsert decides which instance runs a job.
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { conversations, events, feedback, messages } from '../schema/chat.ts';
import { staffNotes } from '../schema/inbox.ts';
import { jobLeases } from '../schema/jobs.ts';
import { mailOutbox } from '../schema/mail.ts';
import { leadDrafts } from '../schema/leads.ts';

export type JobLease = typeof jobLeases.$inferSelect;

/**
 * Takes the lease of job `name` for `holder` until `until`, only when nobody holds it (lease_until < now).
 * One statement, so two instances racing for it cannot both win: the loser's upsert changes no row.
 */
export async function takeLease(db: Db, name: string, holder: string, now: number, until: number): Promise<boolean> {
  const result = await db
    .insert(jobLeases)
    .values({ name, holder, leaseUntil: until })
    .onConflictDoUpdate({ target: jobLeases.name, set: { holder, leaseUntil: until }, setWhere: lt(jobLeases.leaseUntil, now) });
  return result.rowsAffected === 1;
}

/** Releases the lease (only if still ours) and records what the run did. */
export async function releaseLease(db: Db, name: string, holder: string, ranAt: number, result: Record<string, unknown>): Promise<void> {
  await db
    .update(jobLeases)
    .set({ leaseUntil: 0, holder: null, lastRunAt: ranAt, lastResult: result })
    .where(and(eq(jobLeases.name, name), eq(jobLeases.holder, holder)));
}

/** Records a run of a job that needs no lease (it only touches this instance's own state). */
export async function recordRun(db: Db, name: string, ranAt: number, result: Record<string, unknown>): Promise<void> {
  await db
    .insert(jobLeases)
    .values({ name, lastRunAt: ranAt, lastResult: result })
    .onConflictDoUpdate({ target: jobLeases.name, set: { lastRunAt: ranAt, lastResult: result } });
}

export async function findLease(db: Db, name: string): Promise<JobLease | undefined> {
  return db.select().from(jobLeases).where(eq(jobLeases.name, name)).get();
}

export type PurgeCounts = { conversations: number; messages: number; events: number; feedback: number };

/**
 * Deletes up to `limit` conversations whose retention deadline has passed, with their messages, events, feedback,
 * lead drafts, outbox mails and staff notes, in one transaction. Children are deleted explicitly rather than by ON DELETE
 * CASCADE, because a libSQL server connection may run with foreign keys off.
 */
export async function purgeExpiredConversations(db: Db, now: number, limit: number): Promise<PurgeCounts> {
  const expired = await db.select({ id: conversations.id }).from(conversations).where(lt(conversations.retainUntil, now)).limit(limit).all();
  const ids = expired.map((row) => row.id);
  if (ids.length === 0) return { conversations: 0, messages: 0, events: 0, feedback: 0 };
  // Re-checked inside the transaction: a conversation whose deadline moved since the select above is kept whole.
  const stillExpired = db.select({ id: conversations.id }).from(conversations).where(and(inArray(conversations.id, ids), lt(conversations.retainUntil, now)));
  const ofExpired = db.select({ id: messages.id }).from(messages).where(inArray(messages.conversationId, stillExpired));
  const [fb, , , , ev, msg, conv] = await db.batch([
    db.delete(feedback).where(inArray(feedback.messageId, ofExpired)),
    db.delete(leadDrafts).where(inArray(leadDrafts.conversationId, stillExpired)),
    db.delete(mailOutbox).where(inArray(mailOutbox.conversationId, stillExpired)),
    db.delete(staffNotes).where(inArray(staffNotes.conversationId, stillExpired)),
    db.delete(events).where(inArray(events.conversationId, stillExpired)),
    db.delete(messages).where(inArray(messages.conversationId, stillExpired)),
    db.delete(conversations).where(and(inArray(conversations.id, ids), lt(conversations.retainUntil, now))),
  ]);
  return { conversations: conv.rowsAffected, messages: msg.rowsAffected, events: ev.rowsAffected, feedback: fb.rowsAffected };
}

/**
 * Copies the write-ahead log into the database file and empties it, so the zeroed pages of purged rows replace the
 * old ones there too. A libSQL server manages its own log: there the statement fails and the server's settings rule.
 */
export async function checkpoint(db: Db): Promise<boolean> {
  try {
    await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    return true;
  } catch {
    return false;
  }
}
