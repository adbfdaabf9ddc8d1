// How alike two questions of one language are, read lexically with the retrieval's own normalisation, stopwords,
// prefix stems and concept list: no embeddings, so it works offline. A word the knowledge never uses is what a
// question is about and weighs most; a word in many chunks says little. Calibrated on test/fixtures/approved and
// test/fixtures/gap-questions.json (test/agents/approved/similarity.test.ts). Pure.
import { SPECIFIC_SHARE, UNKNOWN_WEIGHT, type TermStats } from '../answer/confidence.ts';
import { EVERYWHERE, namesIn, questionType, spelledAsName, type QuestionType } from '../answer/question-type.ts';
import type { Lang } from '../language/languages.ts';
import { queryTerms, stemPrefix } from '../retrieval/normalise.ts';
import { AS_SYNONYM, expandTerms } from '../retrieval/synonyms.ts';

/** A normalised word and the prefix the retrieval searches it by. */
export type Word = { word: string; stem: string };
export type PrintTerm = Word & { synonyms: Word[] };
/** A question read once: its content words, the names it spells as names (MeluXina, DHBW), the kind of answer it asks for. */
export type QuestionPrint = { terms: PrintTerm[]; names: Word[]; type: QuestionType };
/** How much a word says about what a question is about. */
export type Weigh = (word: string) => number;

/** An approved question answers a visitor's question from this similarity on (calibrated range 0.30–0.45; the upper part, as a wrong answer costs more than a missed one). */
export const MATCH_THRESHOLD = 0.4;
/** Two unanswered questions are one knowledge gap from this similarity on (calibrated: topics stay apart above 0.125, each topic's wordings join up to 0.258). */
export const GROUP_THRESHOLD = 0.2;
/** A word in more than SPECIFIC_SHARE of the chunks ("company", "services") weighs this much. */
export const GENERAL_WEIGHT = 0.5;

const word = (text: string): Word => ({ word: text, stem: stemPrefix(text) });

export function questionPrint(question: string, lang: Lang): QuestionPrint {
  const terms = queryTerms(question, lang).map((text) => ({ ...word(text), synonyms: expandTerms([text], lang).map(word) }));
  const names = queryTerms(namesIn(question, lang).filter(spelledAsName).join(' '), lang).filter((name) => !EVERYWHERE.includes(name));
  return { terms, names: names.map(word), type: questionType(question, lang) };
}

/** The words whose chunk counts `weigher` needs for these prints. */
export const wordsOf = (prints: readonly QuestionPrint[]): string[] => [...new Set(prints.flatMap((print) => print.terms.map((term) => term.word)))];

/** Weights from the knowledge's chunk counts of each word: unknown words weigh most, general ones least. */
export function weigher(stats: TermStats): Weigh {
  return (text) => {
    const chunks = stats.byPrefix.get(text) ?? 0;
    if (chunks === 0) return UNKNOWN_WEIGHT;
    return chunks <= SPECIFIC_SHARE * stats.total ? 1 : GENERAL_WEIGHT;
  };
}

/** One word as the other's prefix, when the shorter is at least half of it ("park", "parking"; not "news", "newsletter"). */
function extendsWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && 2 * short.length >= long.length && long.startsWith(short);
}

/** The same word: equal, one extending the other, or found by the other's stem as the retrieval finds it. */
function sameWord(a: Word, b: Word): boolean {
  return a.word === b.word || extendsWord(a.word, b.word) || (a.stem !== a.word && b.word.startsWith(a.stem)) || (b.stem !== b.word && a.word.startsWith(b.stem));
}

/** How well `term` is found among `others`: 1 as itself, AS_SYNONYM as a word of the same concept, else 0. */
function found(term: PrintTerm, others: readonly PrintTerm[]): number {
  if (others.some((other) => sameWord(term, other))) return 1;
  const related = others.some((other) => term.synonyms.some((synonym) => sameWord(synonym, other)) || other.synonyms.some((synonym) => sameWord(synonym, term)));
  return related ? AS_SYNONYM : 0;
}

/** The share of `a`'s weight that `b` holds. */
function coverage(a: QuestionPrint, b: QuestionPrint, weigh: Weigh): number {
  let total = 0;
  let held = 0;
  for (const term of a.terms) {
    total += weigh(term.word);
    held += weigh(term.word) * found(term, b.terms);
  }
  return total > 0 ? held / total : 0;
}

/**
 * How alike two questions are, 0 to 1: the harmonic mean of the share of each one's weight the other holds.
 * Questions that ask for different kinds of answer ("who" and "when") are not alike, however many words they share.
 */
export function similarity(a: QuestionPrint, b: QuestionPrint, weigh: Weigh): number {
  if (a.type !== 'other' && b.type !== 'other' && a.type !== b.type) return 0;
  const ab = coverage(a, b, weigh);
  const ba = coverage(b, a, weigh);
  return ab + ba > 0 ? (2 * ab * ba) / (ab + ba) : 0;
}

/**
 * Whether an approved question answers the visitor's, and how closely (null when it does not): the visitor's
 * question must hold one of the approved question's weightiest words as itself (its subject: "newsletter", not only
 * "subscribe"), every name it spells as a name ("MeluXina"), and be similar enough.
 */
export function answersQuestion(approved: QuestionPrint, asked: QuestionPrint, weigh: Weigh, threshold = MATCH_THRESHOLD): number | null {
  if (approved.terms.length === 0 || asked.terms.length === 0) return null;
  const heaviest = Math.max(...approved.terms.map((term) => weigh(term.word)));
  const subject = approved.terms.filter((term) => weigh(term.word) === heaviest);
  if (!subject.some((term) => found(term, asked.terms) === 1)) return null;
  if (!approved.names.every((name) => asked.terms.some((term) => sameWord(name, term)))) return null;
  const score = similarity(approved, asked, weigh);
  return score >= threshold ? score : null;
}
