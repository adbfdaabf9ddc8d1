// Language guard: once an answer has its first 12 words, are they in the language the user was promised? The check
// is pure; the guard over a stream holds the text streamed so far.
import { detectLanguage } from '../language/detect.ts';
import type { Lang } from '../language/languages.ts';
import { readWords, tallyWords } from '../language/vote.ts';

export const GUARD_WORDS = 12;

export type LanguageVerdict = 'pending' | 'ok' | 'drift';

/** 'pending' until 12 words have streamed; 'drift' only when detection is confident about another language. */
export function checkAnswerLanguage(text: string, expected: Lang): LanguageVerdict {
  // Citation markers, numbers and names say nothing about the language.
  const words = text
    .replace(/\[\d+\]/g, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}{2,}/u.test(word));
  if (words.length < GUARD_WORDS) return 'pending';
  const opening = words.slice(0, GUARD_WORDS).join(' ');
  // Function words that confidently read as the promised language settle it, as they do for a visitor's message
  // (detect.ts readMessage): the trigram detection they spare took 0.11–0.29 ms of every answer (issue 15).
  const tally = tallyWords(opening);
  const read = readWords(tally);
  if (read.kind === 'supported' && read.confident && read.lang === expected) return 'ok';
  const detection = detectLanguage(opening, tally);
  if (detection.kind === 'supported' && detection.lang !== expected) return 'drift';
  if (detection.kind === 'other') return 'drift';
  return 'ok';
}

/**
 * The guard over a streamed answer: each token as it comes, the verdict once there is one. The text is read again only
 * once it has enough spaces to hold 12 words: looking at every token of the opening read it some fifteen times.
 */
export function createLanguageGuard(expected: Lang): { push(token: string): LanguageVerdict } {
  let text = '';
  let spaces = 0;
  let verdict: LanguageVerdict = 'pending';
  return {
    push(token) {
      if (verdict !== 'pending') return verdict;
      text += token;
      spaces += token.match(/\s/g)?.length ?? 0;
      // Twelve words are at least eleven spaces apart.
      if (spaces >= GUARD_WORDS - 1) verdict = checkAnswerLanguage(text, expected);
      return verdict;
    },
  };
}
