// Language detection: a message's own words, then franc-all over our four languages, and other languages when in doubt.
import { francAll } from 'franc-all';
import * as stopwords from 'stopword';
import { LB_STOPWORDS } from '../retrieval/stopwords-lb.ts';
import { FROM_ISO639_3, ISO639_3, LANGS, type Lang } from './languages.ts';
import { readWords, tallyWords, wordCount, type Reading, type WordTally } from './vote.ts';

export type Detection =
  | { kind: 'supported'; lang: Lang; margin: number }
  | { kind: 'other'; iso639_3: string }
  | { kind: 'unsure' };

// Up to this many words, trigrams only guess: a message's function words decide (see vote.ts).
export const SHORT_WORDS = 4;
// franc-all scores the best language 1 and the others relative to it; a gap this wide was right on our tables.
const MIN_MARGIN = 0.04;
// A message must look this much more like a foreign language than like any of ours to be called foreign.
const FOREIGN_MARGIN = 0.2;
const ONLY = LANGS.map((lang) => ISO639_3[lang]);
// Widely spoken languages a visitor may write in; close dialects (Low German, Swiss German…) are left out on
// purpose, since franc-all confuses them with German and Luxembourgish on short texts.
const OTHERS = ['por', 'ita', 'spa', 'nld', 'pol', 'ron', 'ces', 'slk', 'hun', 'swe', 'dan', 'nob', 'fin', 'ell', 'bul', 'hrv', 'slv', 'tur', 'rus', 'ukr', 'arb', 'cmn', 'jpn', 'kor', 'hin', 'vie', 'ind', 'lit', 'lvs', 'ekk', 'als'];

// Words and letters written only in Luxembourgish (not German or French), so that a German or English question
// that franc-all's trigrams pull toward Luxembourgish is not mislabelled.
const LB_MARKERS =
  /(^|[^\p{L}])(ech|hien|ass|sinn|gëtt|ginn|kënnen|wéi|wou|wéini|firwat|wat|fir|vun|mat|net|och|eis|iech|ären|äre|är|dëst|dës|dat|datt|ze|hutt|hunn|ënnert|ëm|eng|een|d['’]\p{L}+|z['’]\p{L}+|mécht|maachen|gouf|wëll|wëllt|elo|schonn|awer|bitt|kréien|kleng|iwwer|gutt|hues|huet|vu|vum|mam)(?=$|[^\p{L}])/giu;
const LB_STRONG =
  /(^|[^\p{L}])(ech|ass|gëtt|kënnen|wéi|firwat|wéini|dëst|dës|datt|hutt|hunn|huet|mécht|iech|äre|ären|och|vum|vun|engem|enger|dobäi|Lëtzebuerg\p{L}*|\p{L}*ë\p{L}*)(?=$|[^\p{L}])/iu;

/**
 * Reads a message for the language choice. Its words decide when they are confident, and alone when it is short;
 * otherwise trigrams do, counted only when some of the message's words vote for the language they find, so that a
 * string of names and loanwords ("MeluXina EuroHPC AI Factory GPU cloud") is read as nothing. A detection is
 * confident (may switch a conversation) when the words lean the same way.
 */
export function readMessage(text: string): Reading {
  const tally = tallyWords(text);
  const byWords = readWords(tally);
  if (tally.length <= SHORT_WORDS) return byWords;
  // Words only one of our languages writes, and no foreign one, settle it: trigrams can take a German question for
  // Luxembourgish and then, finding no Luxembourgish words, for a foreign language ("wie viele Kurse im Jahr?"). So do
  // more words of a foreign language than of any of ours: trigrams read Portuguese as French.
  if ((byWords.kind === 'supported' && byWords.confident) || byWords.kind === 'other') return byWords;
  const detection = detectLanguage(text, tally);
  if (detection.kind === 'other') return detection;
  if (detection.kind === 'supported' && tally.votes[detection.lang] > 0) {
    return { kind: 'supported', lang: detection.lang, confident: byWords.kind === 'supported' && byWords.lang === detection.lang };
  }
  return byWords;
}

/** Detects the language of a message; short or ambiguous messages are 'unsure' so callers fall back. */
export function detectLanguage(text: string, tally: WordTally = tallyWords(text)): Detection {
  if (wordCount(text) <= SHORT_WORDS) return { kind: 'unsure' };
  let ours = francAll(text, { only: ONLY, minLength: 1 });
  if (!ours[0] || ours[0][0] === 'und') return { kind: 'unsure' };

  const foreign = clearlyOurs(tally, FROM_ISO639_3[ours[0][0]]!) ? undefined : foreignLanguage(text);
  if (foreign) return { kind: 'other', iso639_3: foreign };

  // Luxembourgish counts only with Luxembourgish evidence: franc-all's trigrams pull German and English toward it.
  const evidence = LB_STRONG.test(text) || luxembourgishShare(text) >= 0.15;
  if (!evidence) ours = ours.filter(([code]) => code !== 'ltz');
  else if (ours[0]?.[0] !== 'ltz' && ltzScore(ours) >= (LB_STRONG.test(text) ? 0.75 : 0.85) && luxembourgishShare(text) >= 0.3) {
    return { kind: 'supported', lang: 'lb', margin: luxembourgishShare(text) };
  }
  const [best, next] = ours;
  if (!best) return { kind: 'unsure' };
  const margin = best[1] - (next?.[1] ?? 0);
  // A close call between English, French and German goes to the one whose function words the message uses most.
  if (next && margin < CLOSE_CALL && next[0] !== 'ltz' && best[0] !== 'ltz') {
    const counts = functionWordCounts(text);
    if (counts[next[0]]! > counts[best[0]]!) return { kind: 'supported', lang: FROM_ISO639_3[next[0]]!, margin };
  }
  const lang = FROM_ISO639_3[best[0]]!;
  return margin >= MIN_MARGIN ? { kind: 'supported', lang, margin } : { kind: 'unsure' };
}

const CLOSE_CALL = 0.2;

// Two function words only the leading language of ours writes, and none of a foreign language's: the wider (and
// three times slower) comparison with foreign languages would change nothing, so it is skipped.
function clearlyOurs(tally: WordTally, lang: Lang): boolean {
  return tally.only[lang] >= 2 && tally.foreign.size === 0 && tally.foreignLetters === 0;
}

/** The foreign language a message is confidently in, if any. */
function foreignLanguage(text: string): string | undefined {
  const wide = francAll(text, { only: [...ONLY, ...OTHERS], minLength: 1 });
  const foreign = wide[0];
  if (!foreign || ONLY.includes(foreign[0]) || foreign[0] === 'und') return undefined;
  const ourScore = wide.find(([code]) => ONLY.includes(code))?.[1] ?? 0;
  return 1 - ourScore >= FOREIGN_MARGIN && !LB_STRONG.test(text) && moreForeignThanOurs(text, foreign[0]) ? foreign[0] : undefined;
}

function functionWordCounts(text: string): Record<string, number> {
  const words = text.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
  const count = (list: string[]) => {
    const set = new Set(list);
    return words.filter((word) => set.has(word)).length;
  };
  return { eng: count(stopwords.eng), fra: count(stopwords.fra), deu: count(stopwords.deu) };
}

// Function words settle what trigrams cannot on short texts ("How do I fill in my tax return?" looks Slovenian
// to franc-all): a message is foreign only if it uses more of that language's function words than of ours.
// Built on the rare call that needs them, so the module keeps no state.
function moreForeignThanOurs(text: string, iso639_3: string): boolean {
  const list = (stopwords as unknown as Record<string, string[] | undefined>)[iso639_3];
  if (!list) return true; // no list (other scripts): the trigram margin decides alone
  const theirs = new Set(list.map((w) => w.toLowerCase()));
  const ours = new Set([...stopwords.eng, ...stopwords.fra, ...stopwords.deu, ...LB_STOPWORDS].map((w) => w.toLowerCase()));
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.filter((w) => theirs.has(w)).length > words.filter((w) => ours.has(w)).length;
}

const ltzScore = (scores: [string, number][]) => scores.find(([code]) => code === 'ltz')?.[1] ?? 0;

/** The share of words that are written this way only in Luxembourgish. */
export function luxembourgishShare(text: string): number {
  const words = wordCount(text);
  if (words === 0) return 0;
  return Math.min(1, (text.match(LB_MARKERS)?.length ?? 0) / words);
}
