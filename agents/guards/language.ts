// Language guard: once an answer has its first 12 words, are they in the language the user was promised? Pure.
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
