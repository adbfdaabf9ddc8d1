// Does the knowledge support an answer? A passage must hold a name the question asks about, or enough of the
// question's words, one of them specific to a topic; a question about AI gets the benefit of the doubt that an
// everyday one ("train for a marathon") does not. Pure.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex, queryTerms, stemPrefix } from '../retrieval/normalise.ts';
import { AS_SYNONYM, expandTerms } from '../retrieval/synonyms.ts';
import type { SearchResult } from '../retrieval/search.ts';
import { indexedText, type IndexedText } from '../../db/queries/knowledge.ts';
import { holdsPrefix } from '../retrieval/word-prefix.ts';
import { namesTrade } from '../leads/intent.ts';
import { EVERYWHERE, nameGroups } from './question-type.ts';

/** How many chunks of the question's language hold each stem, and how many chunks that language has. */
export type TermStats = { total: number; byPrefix: Map<string, number> };

// Calibrated with eval/calibrate.ts on the in-scope eval and keyword questions and the out-of-scope questions
// (everyday requests among them) of every language.
/** A word in at most this share of the language's chunks is specific to a topic; above it, general ("company"). */
export const SPECIFIC_SHARE = 0.2;
/** Without an AI word, the share of the question a passage must hold. */
export const MIN_COVERAGE = 0.5;
/** A word the knowledge never uses weighs this much against coverage: it is most likely what the question is about. */
export const UNKNOWN_WEIGHT = 2;
/** The same for a word German or Luxembourgish writes small (a verb, an adjective): less likely the topic. */
export const UNKNOWN_SMALL_WEIGHT = 1.5;
/** A name the knowledge mentions (in at least this many chunks, at most this share) settles the question. */
export const NAME_MIN_CHUNKS = 1;
export const NAME_SHARE = 0.5;

/**
 * A question's content words: each with its stem and the stems of its synonyms (agents/retrieval/synonyms.ts), and for a
 * long word its `whole` stem, uncut: a compound ("Servicekatalog") can be specific to a topic where its stem ("service") is not.
 */
/**
 * `synonyms`: the concept list's words for it, whole and normalised (`forms` holds their stems); `trade`: it names the
 * visitor's kind of business ("logistics", "bakery").
 */
export type QuestionTerm = { stem: string; forms: string[]; synonyms: string[]; whole?: string; small?: boolean; trade?: boolean };
/** `names`: the stems of the names the question holds; `nameGroups`: those of its names of several words ("Second World War"). */
export type AssessedQuestion = { terms: QuestionTerm[]; names: ReadonlySet<string>; nameGroups: string[][]; aboutAi: boolean };

/** A word less its last two letters (its ending), however long: what stemPrefix cuts to seven letters. */
const wholeStem = (term: string) => (term.length < 5 || /\d/.test(term) ? term : term.slice(0, Math.max(4, term.length - 2)));

export function questionTerms(question: string, lang: Lang): QuestionTerm[] {
  const terms = queryTerms(question, lang);
  const byStem = new Map<string, QuestionTerm>();
  for (const term of terms) {
    const stem = stemPrefix(term);
    const synonyms = expandTerms([term], lang);
    const forms = [stem, ...synonyms.map(stemPrefix)];
    const earlier = byStem.get(stem);
    const whole = earlier?.whole ?? (wholeStem(term) !== stem ? wholeStem(term) : undefined);
    const trade = earlier?.trade || namesTrade(term, lang);
    byStem.set(stem, { stem, forms: [...new Set([...(earlier?.forms ?? []), ...forms])], synonyms: [...new Set([...(earlier?.synonyms ?? []), ...synonyms])], ...(whole ? { whole } : {}), ...(trade ? { trade } : {}) });
  }
  return [...byStem.values()];
}

// General AI vocabulary (no name from the knowledge): a question that uses it is about the assistant's field.
const AI_WORDS = /\b(?:ai|ki|ia|llms?|gpus?|hpc|chatbots?|supercomput\w*|superordinateur\w*|supercalculateur\w*|superrechner\w*|algorithm\w*)\b/;
const AI_PHRASES = /\b(?:artificial intelligence|intelligence artificielle|kunstliche intelligenz|kenschtlech intelligenz|machine learning|deep learning|apprentissage automatique|maschinelles lernen|generative)\b/;

/** Whether the question is about AI; the French "j'ai" (I have) is not. */
export function mentionsAi(question: string, lang: Lang): boolean {
  const text = normaliseForIndex(question.replace(/\bj['’]\s*ai\b/gi, ' '), lang);
  return AI_WORDS.test(text) || AI_PHRASES.test(text);
}

/** The prefixes whose chunk counts `supportsAnswer` reads: each term's stem and the stems of its synonyms. */
export const statPrefixes = (question: AssessedQuestion): string[] => [...new Set(question.terms.flatMap((term) => (term.whole ? [...term.forms, term.whole] : term.forms)))];

// Words that ask for a number ("Anzahl der Säulen", "skills gap in numbers"): the knowledge gives the number itself,
// so they are the question's type, not its topic.
const COUNT_WORDS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['number', 'numbers', 'figures']),
  fr: new Set(['nombre', 'chiffre', 'chiffres']),
  de: new Set(['anzahl', 'zahl', 'zahlen']),
  lb: new Set(['zuel', 'zuele', 'unzuel']),
};

/**
 * German and Luxembourgish write every noun with a capital, so a word written small further in the question is a
 * verb, an adjective or an adverb ("gesprochen", "eigentlich"): never what the question is about. Their stems.
 */
function smallWords(question: string, lang: Lang): Set<string> {
  if (lang !== 'de' && lang !== 'lb') return new Set();
  const words = question.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean).slice(1);
  // An elided article ("d'Haaptstad") is not the word's first letter.
  return new Set(words.filter((word) => /^\p{Ll}/u.test(word.replace(/^\p{L}['’]/u, ''))).flatMap((word) => normaliseForIndex(word, lang).split(' ')).filter(Boolean).map(stemPrefix));
}

export function assessQuestion(question: string, lang: Lang): AssessedQuestion {
  const all = questionTerms(question, lang);
  const counting = all.filter((term) => COUNT_WORDS[lang].has(term.stem) || [...COUNT_WORDS[lang]].some((word) => stemPrefix(word) === term.stem));
  const terms = counting.length < all.length ? all.filter((term) => !counting.includes(term)) : all;
  const small = smallWords(question, lang);
  for (const term of terms) if (small.has(term.stem)) term.small = true;
  const stems = (words: string[]) => normaliseForIndex(words.join(' '), lang).split(' ').filter((word) => word && !EVERYWHERE.includes(word)).map(stemPrefix);
  const groups = nameGroups(question, lang);
  // Only a name of several words is taken whole (a single one may be a place or the visitor's own firm), and only where
  // capitals mark names alone: in German and Luxembourgish a noun beside a name ("Datendienst LNDS") looks the same.
  const marked = lang === 'en' || lang === 'fr';
  const multiWord = marked ? groups.filter((group) => group.length > 1).map(stems).filter((group) => group.length > 1) : [];
  return { terms, names: new Set(stems(groups.flat())), nameGroups: multiWord, aboutAi: mentionsAi(question, lang) };
}

/** The passage's title, headings and text as normalised words, as the index holds them when search read them. */
const indexedOf = (passage: SearchResult): IndexedText =>
  passage.indexed ?? indexedText(normaliseForIndex(`${passage.title} ${passage.headingPath.join(' ')}`, passage.lang), normaliseForIndex(passage.text, passage.lang));

/** Whether a word of the passage (heading or text) starts with `prefix`. */
const holds = (indexed: IndexedText, prefix: string) => holdsPrefix(indexed.headingWords, prefix) || holdsPrefix(indexed.bodyWords, prefix);

/** The question's terms that a passage contains, as itself or as a synonym (matched as word prefixes). */
function matchedTerms(terms: QuestionTerm[], indexed: IndexedText): QuestionTerm[] {
  return terms.filter((term) => term.forms.some((form) => holds(indexed, form)));
}

/**
 * Whether the passage holds a word of the question, as itself or as a synonym; a question with no words to look for
 * ("why?") is held by any passage.
 */
export function holdsQuestionWord(question: AssessedQuestion, passage: SearchResult): boolean {
  return question.terms.length === 0 || matchedTerms(question.terms, indexedOf(passage)).length > 0;
}

export function supportsAnswer(question: AssessedQuestion, passage: SearchResult, stats: TermStats): boolean {
  const { terms } = question;
  const indexed = indexedOf(passage);
  const matched = matchedTerms(terms, indexed);
  if (matched.length === 0) return false;
  const chunks = (term: QuestionTerm) => stats.byPrefix.get(term.stem) ?? 0;
  // A name of several words that the knowledge has not heard of in full ("the Second World War") is what the question
  // is about, and nothing here can answer it, whatever other words the passage shares.
  if (question.nameGroups.some((group) => group.some((stem) => stats.byPrefix.get(stem) === 0))) return false;
  // "What does LNDS do?": a name the knowledge knows, and not one that is everywhere in it.
  if (matched.some((term) => question.names.has(term.stem) && chunks(term) >= NAME_MIN_CHUNKS && chunks(term) <= NAME_SHARE * stats.total)) return true;
  // A word the passage's title or headings name is its topic, however often the knowledge uses it ("pillars").
  const titled = (term: QuestionTerm) => holdsPrefix(indexed.headingWords, term.stem);
  const rare = (prefix: string) => (stats.byPrefix.get(prefix) ?? 0) <= SPECIFIC_SHARE * stats.total;
  const wholeHeld = (term: QuestionTerm) => term.whole !== undefined && rare(term.whole) && holds(indexed, term.whole);
  const specific = matched.filter((term) => rare(term.stem) || titled(term) || wholeHeld(term)).length;
  // A question about AI that the passage holds specifically, or by two of its words, is the knowledge's to answer.
  if (question.aboutAi) return specific >= 1 || matched.length >= 2;
  // An everyday question needs more: half of it, its unknown words weighing double, and a specific word among them.
  // A word found only as a synonym covers half as much: "capital" is found as "financial", which is not the same.
  const covered = matched.reduce((sum, term) => sum + (holds(indexed, term.stem) ? 1 : AS_SYNONYM), 0);
  // A word is unknown only when neither it nor a synonym is in the knowledge: "Firmen" is known as "Unternehmen".
  // A word written small in German or Luxembourgish is less likely the topic, so it weighs less for being unknown; so
  // is the visitor's own trade ("I run a logistics company, is that one of your sectors?"), which says who asks.
  const weight = (term: QuestionTerm) => (term.trade || term.forms.some((form) => (stats.byPrefix.get(form) ?? 0) > 0) ? 1 : term.small ? UNKNOWN_SMALL_WEIGHT : UNKNOWN_WEIGHT);
  return specific >= 1 && covered / terms.reduce((sum, term) => sum + weight(term), 0) >= MIN_COVERAGE;
}
