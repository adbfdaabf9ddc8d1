// Which of our languages a message's own words point to: settles short messages, where trigrams only guess. Pure.
import { LANGS, type Lang } from './languages.ts';
import { COURTESY_WORDS, FOREIGN_WORDS, FUNCTION_WORDS } from './words.ts';

/** `confident` readings may switch a conversation's language; the others only settle a new one. */
export type Reading =
  | { kind: 'supported'; lang: Lang; confident: boolean }
  | { kind: 'other'; iso639_3: string }
  | { kind: 'unsure' };

type Tally = Record<Lang, number>;

// Word → the languages whose list holds it; built once, when the module loads, and never changed.
const byWord = <K extends string>(lists: Record<K, readonly string[]>) => {
  const index = new Map<string, K[]>();
  for (const [key, list] of Object.entries(lists) as [K, readonly string[]][]) for (const word of list) index.set(word, [...(index.get(word) ?? []), key]);
  return index;
};
const FUNCTION = byWord(FUNCTION_WORDS);
const COURTESY = byWord(COURTESY_WORDS);
const FOREIGN = byWord(FOREIGN_WORDS);

// Letters that only some of our languages write: they let content words vote ("Förderung", "Ënnerstëtzung").
const LETTERS: [RegExp, Lang[]][] = [
  [/ë/u, ['lb']],
  [/[üöß]/u, ['de']],
  [/[çèêàâîôûœùï]/u, ['fr']],
  [/é/u, ['fr', 'lb']],
  [/ä/u, ['de', 'lb']],
];
// Letters none of ours write: not enough to name a language, enough to doubt that the message is ours.
const FOREIGN_LETTERS = /[ãõñáíóúìòåøæ¿¡şğıłśżźąęćńčřšžěůőűțș]/u;

// An inner capital marks a name or an acronym (AI, LIST, MeluXina, EuroHPC): names do not vote.
const isName = (word: string) => /\p{Lu}/u.test(word.slice(1));

// French and Luxembourgish elisions vote on their own ("c'est" → "c'", "est"; "d'AI" → "d'"); English and German
// endings are dropped ("that's" → "that", "gibt's" → "gibt").
const splitElision = (part: string) => {
  const apostrophe = part.indexOf("'");
  if (apostrophe > 0 && apostrophe <= 2 && apostrophe < part.length - 1) return [part.slice(0, apostrophe + 1), part.slice(apostrophe + 1)];
  return [part.replace(/'\p{L}{1,2}$/u, '')];
};

/** The message's words, lower-cased, with elisions split off and names left out. */
function words(text: string): string[] {
  const shouting = !/\p{Ll}/u.test(text);
  return text
    .replace(/[’‘`´]/g, "'")
    .split(/[^\p{L}'-]+/u)
    .map((token) => token.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean)
    .flatMap((token) => {
      const whole = token.toLowerCase();
      if (FUNCTION.has(whole) || COURTESY.has(whole)) return [whole];
      return token
        .split('-')
        .flatMap(splitElision)
        .filter((part) => part && (shouting || !isName(part)))
        .map((part) => part.toLowerCase());
    });
}

export const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

const zero = (): Tally => ({ en: 0, fr: 0, de: 0, lb: 0 });

/**
 * Counts, per language, the words that vote for it: `core` leaves out greetings and thanks; `only` counts the listed
 * words no other language of ours writes, `marked` the other words only its letters claim ("Förderung").
 */
export function tallyWords(text: string) {
  const votes = zero();
  const core = zero();
  const only = zero();
  const marked = zero();
  const foreign = new Map<string, number>();
  let foreignLetters = 0;
  for (const word of words(text)) {
    const named = FUNCTION.get(word) ?? [];
    const courtesy = COURTESY.get(word) ?? [];
    const other = FOREIGN.get(word);
    const letters = named.length || courtesy.length || other ? [] : (LETTERS.find(([pattern]) => pattern.test(word))?.[1] ?? []);
    const langs = new Set([...named, ...courtesy, ...letters]);
    for (const lang of langs) votes[lang] += 1;
    for (const lang of [...named, ...letters]) core[lang] += 1;
    if (langs.size === 1 && named.length === 1) only[named[0]!] += 1;
    if (langs.size === 1 && letters.length === 1) marked[letters[0]!] += 1;
    for (const code of other ?? []) foreign.set(code, (foreign.get(code) ?? 0) + 1);
    if (!langs.size && !other && FOREIGN_LETTERS.test(word)) foreignLetters += 1;
  }
  return { length: wordCount(text), votes, core, only, marked, foreign, foreignLetters };
}

// A language is confident with a word no other of ours writes, at least twice as many such words as any other
// language, and two words voting for it ("was ist MeluXina", "c'est gratuit ?") or three words in all ("Qui dirige
// Luxinnovation ?"). A lone word ("wien", "moien") and greetings or thanks ("merci villmools") only lean.
const isConfident = (tally: WordTally, lang: Lang) => {
  const own = (other: Lang) => tally.only[other] + tally.marked[other];
  return own(lang) >= 1 && LANGS.every((other) => other === lang || own(lang) >= 2 * own(other)) && (tally.core[lang] >= 2 || tally.length >= 3);
};

export type WordTally = ReturnType<typeof tallyWords>;

const FOREIGN_MAJORITY = 3;

/** Reads a message by its words alone: a language when one leads, 'other' when only a foreign language's show. */
export function readWords(tally: WordTally): Reading {
  const [best, second] = LANGS.map((lang) => [lang, tally.votes[lang]] as const).sort((a, b) => b[1] - a[1]);
  const [foreign, foreignVotes] = [...tally.foreign].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (!best || best[1] === 0) return foreignVotes >= 2 ? { kind: 'other', iso639_3: foreign } : { kind: 'unsure' };
  // A sentence in a language close to ours shares some of its words with ours ("a", "preparar", "que"), but more of
  // its own: Portuguese is not French.
  if (foreignVotes >= FOREIGN_MAJORITY && foreignVotes > best[1]) return { kind: 'other', iso639_3: foreign };
  if (best[1] === second?.[1] || foreignVotes + tally.foreignLetters >= best[1]) return { kind: 'unsure' };
  return { kind: 'supported', lang: best[0], confident: isConfident(tally, best[0]) };
}
