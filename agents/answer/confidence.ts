// Does the knowledge support an answer? The best passage must hold enough of the question's words, and either
// several of them or one that is rare in the knowledge (a name, a programme), not a lone common word. Pure.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex, queryTerms, stemPrefix } from '../retrieval/normalise.ts';
import type { SearchResult } from '../retrieval/search.ts';

/** How many chunks hold each stem, and how many chunks there are (db/queries/knowledge.ts). */
export type TermStats = { total: number; byPrefix: Map<string, number> };

// Calibrated with eval/calibrate.ts on the in-scope eval questions and 25 out-of-scope questions per language.
export const MIN_COVERAGE = 0.5;
export const MIN_MATCHED = 2;
export const RARE_SHARE = 0.01;

export const questionStems = (question: string, lang: Lang) => [...new Set(queryTerms(question, lang).map(stemPrefix))];

/** The question's stems that a passage contains (as word prefixes). */
export function matchedStems(stems: string[], passage: SearchResult): string[] {
  const words = normaliseForIndex(`${passage.title} ${passage.headingPath.join(' ')} ${passage.text}`, passage.lang).split(' ');
  return stems.filter((stem) => words.some((word) => word.startsWith(stem)));
}

export function supportsAnswer(stems: string[], passage: SearchResult, stats: TermStats): boolean {
  if (stems.length === 0) return false;
  const matched = matchedStems(stems, passage);
  if (matched.length / stems.length < MIN_COVERAGE) return false;
  return matched.length >= MIN_MATCHED || matched.some((stem) => (stats.byPrefix.get(stem) ?? 0) <= RARE_SHARE * stats.total);
}
