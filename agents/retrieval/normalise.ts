// Query and index normalisation: case, diacritics, ß, apostrophes, Luxembourgish spelling variants. Pure.
import { deu, eng, fra } from 'stopword';
import type { Lang } from '../language/languages.ts';
import { LB_STOPWORDS } from './stopwords-lb.ts';

const fold = (words: string[]) => new Set(words.map((word) => foldWord(word)));
// Question words and light verbs ("can", "get", "peut") that the stopword lists keep but that name no subject, and
// contractions as the tokenizer leaves them ("what's" → "whats", "ça" → "ca") or as visitors type them ("cest",
// "koi").
const QUESTION_WORDS: Record<Lang, string[]> = {
  en: ['how', 'what', 'which', 'wich', 'who', 'whom', 'when', 'where', 'why', 'can', 'could', 'get', 'tell', 'please', 'much', 'many', 'may', 'does', 'do', 'is', 'are', 'there', 'any', 'need', 'want', 'know', 'whats', 'hows', 'wheres', 'whos', 'theres', 'dont', 'doesnt', 'cant', 'im', 'ive', 'find', 'located'],
  fr: ['comment', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'qui', 'quand', 'ou', 'pourquoi', 'combien', 'peut', 'peuvent', 'puis', 'pouvez', 'peux', 'pouvons', 'pourriez', 'puisse', 'pouvoir', 'pourrais', 'faire', 'fait', 'existe', 'ya', 'obtenir', 'besoin', 'veux', 'voudrais', 'savoir', 'dire', 'ca', 'vont', 'elles', 'ceux', 'celles', 'veulent', 'voila', 'cest', 'quest', 'questce', 'koi', 'kesako', 'trouve', 'trouver', 'situe', 'situee'],
  de: ['wie', 'was', 'welche', 'welcher', 'welches', 'wer', 'wem', 'wann', 'wo', 'warum', 'wieso', 'kann', 'konnen', 'konnten', 'gibt', 'bitte', 'viele', 'viel', 'bekommen', 'brauche', 'mochte', 'wissen', 'sagen', 'gibts', 'finde', 'finden', 'befindet', 'macht', 'machen'],
  lb: ['kreie', 'kann', 'kanns', 'kenne', 'kennt', 'gett', 'wellt', 'well', 'weess', 'soen', 'brauch', 'wei', 'vill', 'wat', 'wien', 'weini', 'firwat', 'wou', 'fannen', 'fanne', 'fennt', 'mecht', 'maachen', 'maache'],
};
// Words of talk that name no subject either, which the lists lack: fillers ("actually"), indefinites ("something"),
// the conditional of wishes ("would", "voudrais", "géif"), and the question words built on a preposition ("wofür").
const TALK: Record<Lang, string[]> = {
  en: ['us', 'one', 'actually', 'really', 'exactly', 'basically', 'anything', 'something', 'someone', 'somebody', 'anyone', 'anybody', 'everything', 'nothing', 'lot', 'lots', 'kind', 'sort', 'thing', 'things', 'say', 'says', 'said', 'gets', 'got', 'going', 'like', 'would', 'roughly', 'guys', 'folks', 'yall'],
  fr: ['vraiment', 'exactement', 'reellement', 'quelque', 'chose', 'quelqu', 'rien', 'dois', 'doit', 'doivent', 'pourra', 'pourrait', 'pourrions', 'aimerais', 'aimerait', 'voudra', 'voudrait', 'lequel', 'laquelle', 'lesquels', 'lesquelles'],
  de: ['eigentlich', 'genau', 'uberhaupt', 'etwa', 'ungefahr', 'irgendwas', 'irgendwie', 'etwas', 'nichts', 'alles', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'wurde', 'wurden', 'wofur', 'woran', 'wozu', 'worauf', 'wodurch', 'womit', 'worum', 'weshalb', 'wieviel', 'bekomme', 'bekommt', 'sagt', 'gesagt'],
  lb: ['wierklech', 'genee', 'iwwerhaapt', 'ongefeier', 'guer', 'hinnen', 'him', 'hatt', 'mengem', 'menger', 'mengen', 'eisem', 'eisen', 'eiser', 'arem', 'arer', 'keen', 'keng', 'kee', 'geif', 'geifen', 'keint', 'keinten', 'misst', 'missten', 'wouzou', 'wourop', 'wouduerch', 'weivill', 'seet', 'gesot'],
};
const STOPWORDS: Record<Lang, Set<string>> = {
  en: fold([...eng, ...QUESTION_WORDS.en, ...TALK.en]),
  fr: fold([...fra, ...QUESTION_WORDS.fr, ...TALK.fr]),
  de: fold([...deu, ...QUESTION_WORDS.de, ...TALK.de]),
  lb: new Set([...LB_STOPWORDS, ...QUESTION_WORDS.lb, ...TALK.lb].map((word) => luxembourgishVariant(foldWord(word)))),
};
// "12-year-olds", "6 to 9 year olds": the texts say "ages 6 to 9"; "year" alone would count as a word they lack.
const AGE_IN_YEARS = /(\d+)[\s-]*years?[\s-]*olds?\b/giu;
// Words every question here may carry that say nothing about which document answers it.
const DOMAIN_NOISE = fold(['ai', 'ki', 'ia', 'factory', 'luxembourg', 'luxemburg', 'letzebuerg', 'lux']);

function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/**
 * Luxembourgish writes the same word with or without a final n (the n-rule: "kënnen"/"kënne", "hunn"/"hu"),
 * so both sides drop it; done after folding, so "ë" and "e" already agree. A long a written the German way
 * ("Raumfahrt") is doubled as Luxembourgish spells it ("Raumfaart"): visitors often write the German spelling.
 */
function luxembourgishVariant(word: string): string {
  const spelt = word.replace(/ah(?=[^aeiouyh])/g, 'aa');
  return spelt.length > 3 ? spelt.replace(/([aeiouy])n{1,2}$/, '$1') : spelt;
}

/** Splits text into folded word tokens (letters and digits, apostrophe elisions removed). */
export function tokenize(text: string): string[] {
  return foldWord(text)
    // "Start-ups" and "startups" are one word, as people type it either way (the knowledge writes the hyphen).
    .replace(/(?<![\p{L}\p{N}])start-(ups?)(?![\p{L}\p{N}])/gu, 'start$1')
    .replace(/[’‘`´]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((token) => token.replace(/^(?:[dlcjmnstz]|qu)'/, '').replace(/'/g, ''))
    .filter(Boolean);
}

/** The normalised form stored in the FTS index and used for queries. */
export function normaliseForIndex(text: string, lang: Lang): string {
  const tokens = tokenize(text);
  return (lang === 'lb' ? tokens.map(luxembourgishVariant) : tokens).join(' ');
}

/**
 * The content-bearing terms of a query: normalised, without stopwords, duplicates or one-letter tokens. The words
 * every question here carries ("AI", "factory") are dropped too, unless they are all the question has: "What is
 * the Luxembourg AI Factory?" is about exactly them.
 */
export function queryTerms(query: string, lang: Lang): string[] {
  const words = normaliseForIndex(lang === 'en' ? query.replace(AGE_IN_YEARS, '$1 ages') : query, lang)
    .split(' ')
    .filter((term) => term.length > 1 && !STOPWORDS[lang].has(term));
  const content = words.filter((term) => !DOMAIN_NOISE.has(term));
  return [...new Set(content.length ? content : words)];
}

/**
 * A light, language-neutral stem: long words match by prefix, so "financement" finds "financer" and
 * "Förderungen" finds "Förderung" without a stemmer per language (none exists for Luxembourgish).
 */
export function stemPrefix(term: string): string {
  if (term.length < 5 || /\d/.test(term)) return term;
  return term.slice(0, Math.min(7, Math.max(4, term.length - 2)));
}

/**
 * An FTS5 MATCH expression: any of the terms, long ones also as prefixes, so that a passage with the word itself
 * ("Wirtschaftsministère") outranks one with only its stem ("Wirtschaft"); null when nothing is left to search.
 */
export function toFtsQuery(terms: string[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((term) => {
      const stem = stemPrefix(term);
      return stem === term ? `"${term}"` : `"${term}" OR "${stem}"*`;
    })
    .join(' OR ');
}
