// The signs of knowledge gaps in the public assistant's conversations (db first): questions answered `answered: false`,
// questions whose answer was rated down, and the last questions before a visitor asked for a person.
import type { Db } from '../client.ts';
import type { GapKind, GapSignal } from '../../agents/approved/gaps.ts';
import type { Lang } from '../../agents/language/languages.ts';

// How many of the questions just before an escalation are read: the last may be the request for a person itself.
const BEFORE_ESCALATION = 3;

/**
 * Signals since `since`, newest first, at most `limit` of each kind. The question of an answer is the user message
 * right before it in its conversation.
 */
export async function gapSignals(db: Db, filter: { since: number; lang?: Lang; limit: number }): Promise<GapSignal[]> {
  const lang = filter.lang ? ' AND q.lang = ?' : '';
  const args = (extra: (string | number)[] = []) => [filter.since, ...(filter.lang ? [filter.lang] : []), ...extra, filter.limit];
  const [unanswered, rated, escalated] = await db.$client.batch(
    [
      {
        sql: `SELECT q.id, q.content, q.lang, a.created_at AS at FROM messages a
              JOIN conversations c ON c.id = a.conversation_id AND c.assistant = 'public'
              JOIN messages q ON q.conversation_id = a.conversation_id AND q.seq = a.seq - 1 AND q.role = 'user'
              WHERE a.role = 'assistant' AND a.state = 'complete' AND a.answered = 0 AND a.created_at >= ?${lang}
              ORDER BY a.created_at DESC LIMIT ?`,
        args: args(),
      },
      {
        sql: `SELECT q.id, q.content, q.lang, f.created_at AS at FROM feedback f
              JOIN messages a ON a.id = f.message_id
              JOIN conversations c ON c.id = a.conversation_id AND c.assistant = 'public'
              JOIN messages q ON q.conversation_id = a.conversation_id AND q.seq = a.seq - 1 AND q.role = 'user'
              WHERE f.rating = 'down' AND f.created_at >= ?${lang}
              ORDER BY f.created_at DESC LIMIT ?`,
        args: args(),
      },
      {
        // The last few questions before each escalation; the agent keeps the last one that is not the request itself.
        sql: `SELECT id, content, lang, at, escalation, nth FROM (
                SELECT q.id, q.content, q.lang, e.created_at AS at, e.id AS escalation,
                       row_number() OVER (PARTITION BY e.id ORDER BY q.seq DESC) AS nth
                FROM events e
                JOIN conversations c ON c.id = e.conversation_id AND c.assistant = 'public'
                JOIN messages q ON q.conversation_id = e.conversation_id AND q.role = 'user' AND q.created_at <= e.created_at
                WHERE e.type = 'status' AND json_extract(e.data, '$.status') = 'escalated' AND e.created_at >= ?${lang})
              WHERE nth <= ? ORDER BY at DESC, escalation DESC, nth LIMIT ?`,
        args: args([BEFORE_ESCALATION]),
      },
    ],
    'read',
  );
  const signal = (kind: GapKind) => (row: Record<string, unknown>): GapSignal => ({ questionId: String(row.id), question: String(row.content), lang: String(row.lang) as Lang, kind, at: Number(row.at) });
  return [
    ...unanswered!.rows.map(signal('unanswered')),
    ...rated!.rows.map(signal('thumbs_down')),
    ...escalated!.rows.map((row) => ({ ...signal('escalated')(row), before: { escalation: Number(row.escalation), nth: Number(row.nth) } })),
  ];
}
