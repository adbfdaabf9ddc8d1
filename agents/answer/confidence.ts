// Does the knowledge support an answer? The best passage must hold enough of the question's words, and either
// several of them or one that is rare in the knowledge (a name, a programme), not a lone common word. Pure.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex, queryTerms, stemPrefix } from '../retrieval/normalise.ts';
import { expandTerms } from '../retrieval/synonyms.ts';
import type { SearchResult } from '../retrieval/search.ts';

/** How many chunks hold each stem, and how many chunks there are (db/queries/knowledge.ts). */
export type TermStats = { total: number; byPrefix: Map<string, number> };

// Calibrated with eval/calibrate.ts on the in-scope eval questions and 25 out-of-scope questions per language.
export const MIN_COVERAGE = 0.5;
export const MIN_MATCHED = 2;
export const RARE_SHARE = 0.01;

/** A question's content words: each with its stem and the stems of its synonyms (agents/retrieval/synonyms.ts). */
export type QuestionTerm = { stem: string; forms: string[] };

export function questionTerms(question: string, lang: Lang): QuestionTerm[] {
  const terms = queryTerms(question, lang);
  const byStem = new Map<string, QuestionTerm>();
  for (const term of terms) {
    const stem = stemPrefix(term);
    const forms = [stem, ...expandTerms([term], lang).map(stemPrefix)];
    byStem.set(stem, { stem, forms: [...new Set([...(byStem.get(stem)?.forms ?? []), ...forms])] });
  }
  return [...byStem.values()];
}

/** The question's terms that a passage contains, as itself or as a synonym (matched as word prefixes). */
export function matchedTerms(terms: QuestionTerm[], passage: SearchResult): QuestionTerm[] {
  const words = normaliseForIndex(`${passage.title} ${passage.headingPath.join(' ')} ${passage.text}`, passage.lang).split(' ');
  return terms.filter((term) => term.forms.some((form) => words.some((word) => word.startsWith(form))));
}

export function supportsAnswer(terms: QuestionTerm[], passage: SearchResult, stats: TermStats): boolean {
  if (terms.length === 0) return false;
  const matched = matchedTerms(terms, passage);
  if (matched.length / terms.length < MIN_COVERAGE) return false;
  // Every word found ("What is MeluXina?"), several found, or a rare one: not a lone common word.
  return matched.length === terms.length || matched.length >= MIN_MATCHED || matched.some((term) => (stats.byPrefix.get(term.stem) ?? 0) <= RARE_SHARE * stats.total);
}
