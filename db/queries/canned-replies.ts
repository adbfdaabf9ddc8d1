// Canned replies (db first): each change lands with its audit row in one batch, and only if the reply exists.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cannedReplies } from '../schema/inbox.ts';
import { auditLog } from '../schema/leads.ts';
import type { AuditEntry } from './leads.ts';

export type CannedReply = typeof cannedReplies.$inferSelect;
export type CannedReplyFields = Pick<CannedReply, 'lang' | 'title' | 'text'>;

// The audit row follows the change only when the change touched a row.
const auditIfChanged = (db: Db, a: AuditEntry) =>
  db.run(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
    SELECT ${a.at}, ${a.actor}, ${a.action}, ${a.subjectType}, ${a.subjectId ?? null}, ${JSON.stringify(a.details)} WHERE changes() = 1`);

/** Every canned reply, or those of one language, by language then title. */
export async function listCannedReplies(db: Db, lang?: CannedReply['lang']): Promise<CannedReply[]> {
  return db
    .select()
    .from(cannedReplies)
    .where(lang ? eq(cannedReplies.lang, lang) : undefined)
    .orderBy(asc(cannedReplies.lang), asc(cannedReplies.title), asc(cannedReplies.id))
    .all();
}

export async function insertCannedReply(db: Db, reply: CannedReply, audit: AuditEntry): Promise<void> {
  await db.batch([db.insert(cannedReplies).values(reply), auditIfChanged(db, audit)]);
}

/** false when there is no reply with this id. */
export async function updateCannedReply(db: Db, id: string, fields: CannedReplyFields, at: number, audit: AuditEntry): Promise<boolean> {
  const [updated] = await db.batch([db.update(cannedReplies).set({ ...fields, updatedAt: at }).where(eq(cannedReplies.id, id)), auditIfChanged(db, audit)]);
  return updated.rowsAffected === 1;
}

/** false when there is no reply with this id. */
export async function deleteCannedReply(db: Db, id: string, audit: AuditEntry): Promise<boolean> {
  const [deleted] = await db.batch([db.delete(cannedReplies).where(eq(cannedReplies.id, id)), auditIfChanged(db, audit)]);
  return deleted.rowsAffected === 1;
}
