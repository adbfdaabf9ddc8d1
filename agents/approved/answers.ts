// Approved answers as use cases: an admin writes one for a gap (its citations checked against the knowledge) or
// retires it, each with an audit row naming them; a visitor's question is matched against the live ones of its
// language, which a process keeps for a minute (they change rarely, and every public turn asks).
import type { Db } from '../../db/client.ts';
import { citableDocuments, findApprovedAnswer, insertApprovedAnswer, liveApprovedAnswers, retireApprovedAnswer } from '../../db/queries/approved-answers.ts';
import { snippetOf, type Source } from '../answer/sources.ts';
import { inScope, scopeOf } from '../chat/scope.ts';
import { DomainError } from '../errors.ts';
import type { Lang } from '../language/languages.ts';
import type { Clock } from '../ports.ts';
import type { ReadTermStats } from '../retrieval/term-stats-cache.ts';
import type { StaffActor } from '../staff/handover.ts';
import type { ApprovedMatch } from './match.ts';
import { answersQuestion, questionPrint, weigher, wordsOf, type QuestionPrint, type Weigh } from './similarity.ts';

export type ApprovedInput = { lang: Lang; question: string; answer: string; docIds: string[] };
/** A live approved answer, its question read once. */
export type LiveAnswer = { id: string; lang: Lang; question: string; answer: string; docIds: string[]; print: QuestionPrint };

/** Live answers are read again after this long, so another instance's change shows within a minute. */
export const LIVE_TTL_MS = 60_000;

export type ApprovedPorts = { db: Db; now: Clock; termStats: ReadTermStats };

/** The citation markers of an answer: [n] must point at one of its documents. */
const markers = (answer: string) => [...answer.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1]));

export function createApprovedAnswers(ports: ApprovedPorts) {
  const cache = new Map<Lang, { at: number; answers: Promise<LiveAnswer[]> }>();

  function live(lang: Lang): Promise<LiveAnswer[]> {
    const kept = cache.get(lang);
    if (kept && ports.now() - kept.at <= LIVE_TTL_MS) return kept.answers;
    const answers = liveApprovedAnswers(ports.db, lang).then((rows) => rows.map((row) => ({ ...row, print: questionPrint(row.question, row.lang) })));
    cache.set(lang, { at: ports.now(), answers });
    // A failed read is not kept: the next question tries again.
    answers.catch(() => cache.delete(lang));
    return answers;
  }

  /** Word weights for these questions from the public assistant's chunks of the language. */
  async function weights(prints: QuestionPrint[], lang: Lang): Promise<Weigh> {
    return weigher(await ports.termStats(wordsOf(prints), lang, scopeOf('public')));
  }

  /** The live answer of `candidates` that answers `asked` most closely, if any. */
  function best(candidates: LiveAnswer[], asked: QuestionPrint, weigh: Weigh): { answer: LiveAnswer; score: number } | null {
    let found: { answer: LiveAnswer; score: number } | null = null;
    for (const answer of candidates) {
      const score = answersQuestion(answer.print, asked, weigh);
      if (score !== null && score > (found?.score ?? 0)) found = { answer, score };
    }
    return found;
  }

  return {
    live,
    weights,
    best,
    /** Forgets what this process keeps of a language, after a change made here. */
    forget(lang: Lang) {
      cache.delete(lang);
    },

    /** The approved answer for a visitor's question, with its sources; null when none matches or none of its documents remains. */
    async match(question: string, lang: Lang): Promise<ApprovedMatch | null> {
      const candidates = await live(lang);
      if (candidates.length === 0) return null;
      const asked = questionPrint(question, lang);
      if (asked.terms.length === 0) return null;
      const found = best(candidates, asked, await weights([asked, ...candidates.map((c) => c.print)], lang));
      if (!found) return null;
      const documents = new Map((await citableDocuments(ports.db, lang, found.answer.docIds)).map((doc) => [doc.docId, doc]));
      // Numbered as written ([1] is the first document chosen), so the answer's markers keep pointing at theirs.
      const sources = found.answer.docIds.flatMap((docId, i): Source[] => {
        const doc = documents.get(docId);
        return doc ? [{ n: i + 1, docId, title: doc.title, lang, ...(doc.url ? { url: doc.url } : {}), snippet: snippetOf(doc.opening) }] : [];
      });
      return sources.length ? { id: found.answer.id, answer: found.answer.answer, sources, score: found.score } : null;
    },

    /** Throws `question_too_vague`, `document_unknown`, `citation_marker_missing` or `citation_invalid`; returns the new answer's id. */
    async create(input: ApprovedInput, actor: StaffActor): Promise<{ id: string }> {
      if (questionPrint(input.question, input.lang).terms.length === 0) throw new DomainError('question_too_vague');
      const known = new Set((await citableDocuments(ports.db, input.lang, input.docIds)).map((doc) => doc.docId));
      const unknown = input.docIds.find((docId) => !known.has(docId) || !inScope('public', docId));
      if (unknown) throw new DomainError('document_unknown', { docId: unknown });
      // An answer is answered only with a citation (the model's too): the text must say which document it rests on.
      if (markers(input.answer).length === 0) throw new DomainError('citation_marker_missing');
      const wrong = markers(input.answer).find((n) => n < 1 || n > input.docIds.length);
      if (wrong !== undefined) throw new DomainError('citation_invalid', { n: wrong, chosen: input.docIds.length });
      const id = crypto.randomUUID();
      const at = ports.now();
      await insertApprovedAnswer(
        ports.db,
        { id, lang: input.lang, question: input.question, answer: input.answer, docIds: input.docIds, createdBy: actor.id, createdAt: at },
        // The log says who did what and when, never what was written.
        { at, actor: actor.email, action: 'approved_answer.created', subjectType: 'approved_answer', subjectId: id, details: { lang: input.lang, docIds: input.docIds } },
      );
      cache.delete(input.lang);
      return { id };
    },

    /** Throws `approved_answer_not_found`; retiring a retired answer changes nothing. */
    async retire(id: string, actor: StaffActor): Promise<void> {
      const row = await findApprovedAnswer(ports.db, id);
      if (!row) throw new DomainError('approved_answer_not_found');
      if (row.retiredAt !== null) return;
      const at = ports.now();
      await retireApprovedAnswer(ports.db, id, actor.id, at, { at, actor: actor.email, action: 'approved_answer.retired', subjectType: 'approved_answer', subjectId: id, details: { lang: row.lang } });
      cache.delete(row.lang);
    },
  };
}

export type ApprovedAnswers = ReturnType<typeof createApprovedAnswers>;
