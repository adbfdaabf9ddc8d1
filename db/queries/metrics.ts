// What the operator's monitoring reads (db first): queues that must not grow, and how long visitors wait for staff.
import { and, count, eq, inArray, isNotNull, min } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { conversations, mailOutbox, outbox } from '../schema/index.ts';

export type Backlogs = { leadOutbox: number; mailOutbox: number; escalationsWaiting: number; oldestWaitingSince: number | null };

export async function backlogs(db: Db): Promise<Backlogs> {
  const [leads, mail, waiting] = await db.batch([
    db.select({ n: count() }).from(outbox).where(inArray(outbox.status, ['pending', 'retrying'])),
    db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, 'pending')),
    db.select({ n: count(), oldest: min(conversations.waitingSince) }).from(conversations).where(and(eq(conversations.status, 'escalated'), isNotNull(conversations.waitingSince))),
  ]);
  return { leadOutbox: leads[0]?.n ?? 0, mailOutbox: mail[0]?.n ?? 0, escalationsWaiting: waiting[0]?.n ?? 0, oldestWaitingSince: waiting[0]?.oldest ?? null };
}
