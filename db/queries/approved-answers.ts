// Approved answers (db first): written with their audit row in one batch, retired only once, listed with their
// author, read per language for matching; and the knowledge documents they may cite.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { approvedAnswers } from '../schema/approved.ts';
import { messages } from '../schema/chat.ts';
import { auditLog } from '../schema/leads.ts';
import { staffUsers } from '../schema/staff.ts';
import type { AuditEntry } from './leads.ts';

export type ApprovedAnswerRow = typeof approvedAnswers.$inferSelect;
export type NewApprovedAnswer = typeof approvedAnswers.$inferInsert;
/** A document a citation may point at, in one language, with its opening passage for the source's snippet. */
export type CitableDocument = { docId: string; title: string; url: string | null; opening: string };

export async function insertApprovedAnswer(db: Db, row: NewApprovedAnswer, audit: AuditEntry): Promise<void> {
  await db.batch([db.insert(approvedAnswers).values(row), db.insert(auditLog).values(audit)]);
}

/** Retires a live answer; the audit row is written only when this call retired it. False when it was not live. */
export async function retireApprovedAnswer(db: Db, id: string, by: string, at: number, audit: AuditEntry): Promise<boolean> {
  const update = db
    .update(approvedAnswers)
    .set({ retiredAt: at, retiredBy: by })
    .where(and(eq(approvedAnswers.id, id), isNull(approvedAnswers.retiredAt)));
  const logged = db.run(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
    SELECT ${audit.at}, ${audit.actor}, ${audit.action}, ${audit.subjectType}, ${audit.subjectId ?? null}, ${JSON.stringify(audit.details)} WHERE changes() = 1`);
  const [result] = await db.batch([update, logged]);
  return result.rowsAffected === 1;
}

export async function findApprovedAnswer(db: Db, id: string): Promise<ApprovedAnswerRow | undefined> {
  return db.select().from(approvedAnswers).where(eq(approvedAnswers.id, id)).get();
}

/** The live answers of a language: what a visitor's question is matched against. */
export async function liveApprovedAnswers(db: Db, lang: string) {
  return db
    .select({ id: approvedAnswers.id, lang: approvedAnswers.lang, question: approvedAnswers.question, answer: approvedAnswers.answer, docIds: approvedAnswers.docIds })
    .from(approvedAnswers)
    .where(and(eq(approvedAnswers.lang, lang as ApprovedAnswerRow['lang']), isNull(approvedAnswers.retiredAt)))
    .all();
}

/** For the console: newest first, with the author's name; retired ones only when asked for. */
export async function listApprovedAnswers(db: Db, filter: { lang?: ApprovedAnswerRow['lang']; retired: boolean }) {
  return db
    .select({
      id: approvedAnswers.id,
      lang: approvedAnswers.lang,
      question: approvedAnswers.question,
      answer: approvedAnswers.answer,
      docIds: approvedAnswers.docIds,
      createdAt: approvedAnswers.createdAt,
      retiredAt: approvedAnswers.retiredAt,
      author: staffUsers.name,
      // How many answers it has given (in the conversations still kept).
      uses: sql<number>`(SELECT count(*) FROM ${messages} m WHERE m.approved_answer_id = "approved_answers"."id")`,
    })
    .from(approvedAnswers)
    .innerJoin(staffUsers, eq(staffUsers.id, approvedAnswers.createdBy))
    .where(and(filter.lang ? eq(approvedAnswers.lang, filter.lang) : undefined, filter.retired ? undefined : isNull(approvedAnswers.retiredAt)))
    .orderBy(desc(approvedAnswers.createdAt))
    .all();
}

/** The documents of a language (with `docIds`, only those), each with its first passage; ordered by title. */
export async function citableDocuments(db: Db, lang: string, docIds?: readonly string[]): Promise<CitableDocument[]> {
  if (docIds && docIds.length === 0) return [];
  const only = docIds ? ` AND d.doc_id IN (${docIds.map(() => '?').join(',')})` : '';
  const rows = await db.$client.execute({
    sql: `SELECT d.doc_id, d.title, d.url, (SELECT c.text FROM chunks c WHERE c.doc_id = d.doc_id AND c.lang = d.lang ORDER BY c.position LIMIT 1) AS opening
          FROM documents d WHERE d.lang = ?${only} ORDER BY d.title`,
    args: [lang, ...(docIds ?? [])],
  });
  return rows.rows.map((row) => ({ docId: String(row.doc_id), title: String(row.title), url: row.url ? String(row.url) : null, opening: String(row.opening ?? '') }));
}
