// Conversation events (db first): appended with the change they announce, read back by id for the event streams.
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { events } from '../schema/chat.ts';

export type EventRow = typeof events.$inferSelect;
export type NewEvent = Omit<typeof events.$inferInsert, 'id'>;

/** The insert of one event, to batch with the write it announces. */
export const insertEvent = (db: Db, event: NewEvent) => db.insert(events).values(event);

/** Events of one conversation after `afterId`, oldest first, only of the given types. */
export async function conversationEventsAfter(db: Db, conversationId: string, afterId: number, types: readonly string[], limit = 100): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.conversationId, conversationId), gt(events.id, afterId), inArray(events.type, [...types])))
    .orderBy(asc(events.id))
    .limit(limit)
    .all();
}

/** Events of every conversation after `afterId` (the staff inbox stream), oldest first. */
export async function eventsAfter(db: Db, afterId: number, types: readonly string[], limit = 100): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(gt(events.id, afterId), inArray(events.type, [...types])))
    .orderBy(asc(events.id))
    .limit(limit)
    .all();
}

/** The id of the newest event, so a stream that starts now sends only what comes after. */
export async function lastEventId(db: Db): Promise<number> {
  const row = await db.select({ id: max(events.id) }).from(events).get();
  return row?.id ?? 0;
}
