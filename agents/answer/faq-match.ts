// Questions the knowledge answers in so many words: a section headed by a question (the FAQ's "What services does the
// Luxembourg AI Factory offer?", a guide's "What to prepare before contacting …"). A visitor's question that is the same question in other words ("what services do you
// offer?") is answered from that section first; the search alone ranked a launch report's sentence above it. Pure.
import { answersQuestion, questionPrint, type QuestionPrint, type Weigh } from '../approved/similarity.ts';
import type { ChunkRow } from '../../db/queries/knowledge.ts';
import type { Lang } from '../language/languages.ts';
import type { KnowledgeSnapshot, ReadKnowledge } from '../retrieval/knowledge-snapshot.ts';
import { rememberLatest } from '../remember-latest.ts';

/** A section headed by a question: its first chunk, and the question read once, as an approved one is. */
export type KnowledgeQuestion = { rowId: number; docId: string; print: QuestionPrint; keys: ReadonlySet<string> };

// Two words the similarity reads as the same (equal, one extending the other, one's stem starting the other) begin
// with the same three letters: a question that shares no such beginning with the visitor's cannot match it.
const keyOf = (word: string) => word.slice(0, 3);

/**
 * How alike the visitor's question and a section's must be. Higher than an approved answer's (0.4): the search still
 * answers below it, and a near miss ("How many GPUs does MeluXina have?" to "What is MeluXina?", 0.5) must not win.
 */
export const SAME_QUESTION = 0.75;

// A heading that opens with a question word asks its question without the mark ("What to prepare before contacting
// the Luxembourg AI Factory", "Wie Organisationen MeluXina nutzen können").
const QUESTION_WORD: Record<Lang, RegExp> = {
  en: /^(?:what|how|who|which|why|when|where)\s/iu,
  fr: /^(?:que|quoi|comment|qui|quel|quelle|quels|quelles|pourquoi|quand|où|ce qu)[\s'’]/iu,
  de: /^(?:was|wie|wer|welche|welcher|welches|welchen|warum|wann|wo|wofür|womit)\s/iu,
  lb: /^(?:wat|wéi|wien|wéini|wou|firwat)\s/iu,
};
const asksQuestion = (heading: string, lang: string) => heading.endsWith('?') || (QUESTION_WORD[lang as Lang]?.test(heading) ?? false);

const askedPart = (heading: string) => (heading.endsWith('?') ? heading : heading.replace(/\s*:\s.*$/u, ''));

/** The sections of `rows` headed by a question, per language, each by its first chunk. */
export function knowledgeQuestions(rows: Iterable<ChunkRow>): Map<string, KnowledgeQuestion[]> {
  const first = new Map<string, ChunkRow>();
  for (const row of rows) {
    const heading = row.headingPath.at(-1)?.trim();
    if (!heading || !asksQuestion(heading, row.lang)) continue;
    const key = `${row.lang}\u0000${row.docId}\u0000${heading}`;
    const kept = first.get(key);
    if (!kept || row.id < kept.id) first.set(key, row);
  }
  const byLang = new Map<string, KnowledgeQuestion[]>();
  for (const row of first.values()) {
    const list = byLang.get(row.lang) ?? byLang.set(row.lang, []).get(row.lang)!;
    // "Who runs the Luxembourg AI Factory: the consortium" asks what stands before its colon; after it, a label.
    const print = questionPrint(askedPart(row.headingPath.at(-1)!), row.lang as Lang);
    list.push({ rowId: row.id, docId: row.docId, print, keys: new Set(print.terms.map((term) => keyOf(term.word))) });
  }
  return byLang;
}

/**
 * The questions that share a word's beginning with the visitor's: the only ones that can match it. Of about forty per
 * language, a few; the others' word weights are not asked for (matching them all cost 0.5 ms a turn, issue 15).
 */
export function mayMatch(questions: readonly KnowledgeQuestion[], asked: QuestionPrint): KnowledgeQuestion[] {
  const keys = asked.terms.map((term) => keyOf(term.word));
  return questions.filter((question) => keys.some((key) => question.keys.has(key)));
}

/** The knowledge's question that is the visitor's, if one is alike enough; the closest when several are. */
export function sameQuestion(questions: readonly KnowledgeQuestion[], asked: QuestionPrint, weigh: Weigh): KnowledgeQuestion | null {
  let best: { question: KnowledgeQuestion; score: number } | null = null;
  for (const question of questions) {
    const score = answersQuestion(question.print, asked, weigh, SAME_QUESTION);
    if (score !== null && score > (best?.score ?? 0)) best = { question, score };
  }
  return best?.question ?? null;
}

/** The knowledge's questions of the current snapshot, with it; read once per index generation. */
export type ReadKnowledgeQuestions = () => Promise<{ knowledge: KnowledgeSnapshot; questions: ReadonlyMap<string, KnowledgeQuestion[]> }>;

export function rememberKnowledgeQuestions(knowledge: ReadKnowledge): ReadKnowledgeQuestions {
  const forSnapshot = rememberLatest(async (snapshot: KnowledgeSnapshot) => ({ knowledge: snapshot, questions: knowledgeQuestions(snapshot.rows.values()) }));
  return async () => forSnapshot(await knowledge());
}
