// The knowledge's own words per language, for messages whose words say nothing to the detectors ("financement ?",
// "Finanzéierung?"): a word only one language's documents write tells which language it is. Pure.
import { normaliseForIndex } from '../retrieval/normalise.ts';
import { LANGS, isLang, type Lang } from './languages.ts';

export type Vocabulary = ReadonlyMap<Lang, ReadonlySet<string>>;

/** The words (as the index normalises them) of each language's chunks. */
export function vocabularyOf(rows: Iterable<{ lang: string; indexed: { headingWords: readonly string[]; bodyWords: readonly string[] } }>): Vocabulary {
  const words = new Map<Lang, Set<string>>(LANGS.map((lang) => [lang, new Set<string>()]));
  for (const row of rows) {
    if (!isLang(row.lang)) continue;
    const set = words.get(row.lang)!;
    for (const word of row.indexed.headingWords) set.add(word);
    for (const word of row.indexed.bodyWords) set.add(word);
  }
  return words;
}

// Shorter words ("de", "an", "les") are written by several languages or stand for nothing.
const MIN_LENGTH = 4;

/**
 * The language whose documents alone write more of the message's words than any other language's do; null when
 * none leads. Each language reads the message as its index does (Luxembourgish drops a final n), word by word.
 */
export function vocabularyLeaning(message: string, vocabulary: Vocabulary): Lang | null {
  const read = LANGS.map((lang) => normaliseForIndex(message, lang).split(' '));
  const votes = new Map<Lang, number>();
  read[0]!.forEach((_, i) => {
    const holders = LANGS.filter((lang, l) => (read[l]![i]?.length ?? 0) >= MIN_LENGTH && !/\d/.test(read[l]![i]!) && vocabulary.get(lang)?.has(read[l]![i]!));
    if (holders.length === 1) votes.set(holders[0]!, (votes.get(holders[0]!) ?? 0) + 1);
  });
  const [best, next] = [...votes].sort((a, b) => b[1] - a[1]);
  return best && (!next || best[1] > next[1]) ? best[0] : null;
}
