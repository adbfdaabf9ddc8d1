// Private staff notes on a conversation (db first): written with their audit row, only if the conversation exists.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { conversations, events } from '../schema/chat.ts';
import { staffNotes } from '../schema/inbox.ts';
import { auditLog } from '../schema/leads.ts';
import type { AuditEntry } from './leads.ts';

export type StaffNote = typeof staffNotes.$inferSelect;

/**
 * Stores the note, a `staff_note` event (its id and author, never its text: colleagues' consoles follow it live, the
 * visitor's stream never sends that type) and the audit row in one batch; false when the conversation does not exist.
 */
export async function insertNote(db: Db, note: StaffNote, audit: AuditEntry): Promise<boolean> {
  const [inserted] = await db.batch([
    db.run(sql`INSERT INTO ${staffNotes} (id, conversation_id, author_id, author_name, text, created_at)
      SELECT ${note.id}, ${note.conversationId}, ${note.authorId}, ${note.authorName}, ${note.text}, ${note.createdAt}
      WHERE EXISTS (SELECT 1 FROM ${conversations} WHERE ${conversations.id} = ${note.conversationId})`),
    db.run(sql`INSERT INTO ${events} (conversation_id, type, data, created_at)
      SELECT ${note.conversationId}, 'staff_note', ${JSON.stringify({ noteId: note.id, author: note.authorName })}, ${note.createdAt} WHERE changes() = 1`),
    db.run(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
      SELECT ${audit.at}, ${audit.actor}, ${audit.action}, ${audit.subjectType}, ${audit.subjectId ?? null}, ${JSON.stringify(audit.details)} WHERE changes() = 1`),
  ]);
  return inserted.rowsAffected === 1;
}

/** A conversation's notes, oldest first. */
export async function listNotes(db: Db, conversationId: string): Promise<StaffNote[]> {
  return db.select().from(staffNotes).where(eq(staffNotes.conversationId, conversationId)).orderBy(asc(staffNotes.createdAt), asc(staffNotes.id)).all();
}
