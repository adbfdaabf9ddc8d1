// Word patterns for the intent classifiers: a message and the patterns written for it are normalised alike. Pure.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex } from '../retrieval/normalise.ts';

// A French elision typed with a space ("j aimerais", "l equipe") leaves a lone letter that says nothing.
const ELIDED: readonly string[] = ['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu'];

// Visitors stretch words ("hiii", "merciii", "thaaanks") and double letters at random; squeezing every run of a
// letter on both sides makes the stretched, the misspelt and the plain spelling agree.
const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');

function normaliseWords(text: string, lang: Lang): string[] {
  return normaliseForIndex(text, lang)
    .split(' ')
    .filter((word) => word && !(lang === 'fr' && ELIDED.includes(word)))
    .map(squeeze);
}

/** A message as the patterns read it: its normalised words, with one space between and around them. */
export function wordText(message: string, lang: Lang): string {
  return ` ${normaliseWords(message, lang).join(' ')} `;
}

/**
 * A regular expression over wordText, written in plain spelling: every run of letters in the source is normalised
 * like a message's words, so the source must not use letter escapes (\S, \d, \b); "[^ ]" stands for any letter of
 * a word, a space separates words. It matches whole words anywhere, or with `atStart` only at the start of the text
 * it is given (a slice of wordText after one of its spaces).
 */
export function wordPattern(source: string, lang: Lang, atStart = false): RegExp {
  const normalised = source.replace(/\p{L}+/gu, (run) => normaliseWords(run, lang).join(' ')).replace(/ {2,}/g, ' ');
  return atStart ? new RegExp(`^(?:${normalised})(?= )`, 'u') : new RegExp(`(?<= )(?:${normalised})(?= )`, 'u');
}

/** One of the alternatives, as a pattern source. */
export const oneOf = (...alternatives: string[]): string => `(?:${alternatives.join('|')})`;

/** Any number of words up to `max`, each followed by its space: the gap a pattern may skip. */
export const gap = (max: number): string => `(?:[^ ]+ ){0,${max}}`;

/** A language's entries and, for the other languages, the English ones too: visitors mix in English words. */
export const withEnglish = (lang: Lang, lists: Record<Lang, string[]>): string[] => (lang === 'en' ? lists.en : [...lists[lang], ...lists.en]);
