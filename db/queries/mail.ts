// The mail outbox (db first): due mails, a per-row claim so two runs never send one twice, and the outcome of a send.
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { mailOutbox } from '../schema/mail.ts';

export type OutboxMail = typeof mailOutbox.$inferSelect;
export type NewOutboxMail = { id: string; conversationId: string; recipient: string; subject: string; body: string; createdAt: number };

/** Mails due for a (first or next) attempt, oldest first. */
export async function dueMail(db: Db, now: number, limit: number): Promise<OutboxMail[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .all();
}

/** Claims a due mail until `until` by moving its next attempt: only one caller's update changes the row. */
export async function claimMail(db: Db, mail: OutboxMail, now: number, until: number): Promise<boolean> {
  const result = await db
    .update(mailOutbox)
    .set({ nextAttemptAt: until })
    .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, 'pending'), eq(mailOutbox.nextAttemptAt, mail.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now)));
  return result.rowsAffected === 1;
}

/** Sent: recipient and body are erased, only the fact remains. */
export async function markMailSent(db: Db, id: string, at: number): Promise<void> {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: at, recipient: null, body: null, lastError: null }).where(eq(mailOutbox.id, id));
}

/** A failed attempt: try again at `retryAt`, or give up (null), erasing recipient and body then too. */
export async function markMailFailed(db: Db, id: string, attempts: number, retryAt: number | null, error: string): Promise<void> {
  await db
    .update(mailOutbox)
    .set(retryAt === null ? { status: 'failed', attempts, lastError: error, recipient: null, body: null } : { attempts, nextAttemptAt: retryAt, lastError: error })
    .where(eq(mailOutbox.id, id));
}
