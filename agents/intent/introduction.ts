// A visitor who says who they are and asks nothing yet ("Moien, ech sinn Enseignant am Lycée", "je suis chercheuse au
// LIST"): the reply greets and says what the assistant can help with, instead of a refusal or quotes about whatever
// word of the introduction the knowledge holds. Pure.
import type { Lang } from '../language/languages.ts';
import { oneOf, wordPattern, wordText } from './words.ts';

// How a self-introduction opens: the visitor's role, name, work or business ("ech hunn e klengen Online-Buttek").
const OPENING: Record<Lang, string[]> = {
  en: ['i am', 'im', 'i m', 'my name is', 'i work', 'i teach', '(?:i|we) (?:have|run|own|manage) (?:a|an)', 'we are (?:a|an)'],
  // "j'ai une …" is read without its elided "j'" (words.ts).
  fr: ['je suis', 'moi est', 'je appelle', 'mon nom est', 'je travaille', 'enseigne', 'ai (?:un|une)', 'nous avons (?:un|une)', 'nous sommes (?:un|une)', '(?:je dirige|je gere) (?:un|une)'],
  de: ['ich bin', 'ich heisse', 'mein name ist', 'ich arbeite', 'ich unterrichte', '(?:ich|wir) (?:habe|haben|fuhre|fuhren|leite|leiten) (?:ein|eine|einen)', 'wir sind (?:ein|eine)'],
  lb: ['ech sinn', 'ech sin', 'ech heeschen', 'mai numm ass', 'ech schaffen', 'ech enseigneieren', 'ech leieren', '(?:ech|mir) (?:hunn|hun|feieren|leeden) (?:e|en|eng)', 'mir sinn (?:e|en|eng)'],
};

// Words that make the sentence a request after all ("I am looking for funding", "je souhaite …"), and the words that
// open a question asked without its question mark ("we are a municipality, can we use this").
const ASKING: Record<Lang, string[]> = {
  en: ['interest[^ ]*', 'looking', 'search[^ ]*', 'need[^ ]*', 'want[^ ]*', 'would like', 'wondering', 'question', 'help', 'know', 'can (?:we|i|you)', 'could (?:we|i|you)', 'do you', 'what', 'how', 'which', 'where', 'who'],
  fr: ['interess[^ ]*', '(?:je|on) cherche', 'nous cherchons', 'a la recherche', 'recherche (?:de|des|du|un|une)', 'besoin', 'voudrais', 'veux', 'souhaite[^ ]*', 'aimerais', 'question', 'aide', 'savoir', 'pouvez', 'peut on', 'pouvons nous', 'est ce', 'comment', 'quel[^ ]*', 'proposez'],
  de: ['interess[^ ]*', 'such[^ ]*', 'brauche[^ ]*', 'mochte[^ ]*', 'will', 'wurde gern', 'hatte gern', 'frage', 'hilfe', 'wissen', '(?:konnen|durfen) (?:wir|sie|ihr)', '(?:kann|darf) (?:ich|man)', 'was', 'wie', 'welche[^ ]*', 'bietet', 'gibt es'],
  lb: ['interess[^ ]*', 'sichen', 'sich', 'brauch[^ ]*', 'weilt', 'well[^ ]*', 'hatt gar', 'fro', 'hellef', 'wessen', '(?:kenne|kennen|dierfe|dierfen) (?:mir|dir|mer)', '(?:kann|daerf) (?:ech|een)', 'wat', 'wei', 'weieng[^ ]*', 'bitt', 'gett et'],
};

const compiled = Object.fromEntries(
  (Object.keys(OPENING) as Lang[]).map((lang) => [lang, { opening: wordPattern(oneOf(...OPENING[lang]), lang, true), asking: wordPattern(oneOf(...ASKING[lang]), lang) }]),
) as Record<Lang, { opening: RegExp; asking: RegExp }>;

/** Whether the message only introduces the visitor: it opens with who they are, asks nothing and requests nothing. */
export function introducesVisitor(message: string, lang: Lang): boolean {
  if (message.includes('?')) return false;
  const text = wordText(message, lang);
  return compiled[lang].opening.test(text.slice(1)) && !compiled[lang].asking.test(text);
}

/**
 * The message without the sentences that introduce the visitor before their question ("ich bin IT-Berater. Welche
 * Partner gehören zum Konsortium?" is searched as its question): the introduction's words are not what is asked, and
 * the search matched them ("Kooperativ" found a cooperation agreement). A message of introductions only stays whole.
 */
export function withoutIntroduction(message: string, lang: Lang): string {
  const sentences = message.trim().split(/(?<=[.!])\s+/);
  let first = 0;
  while (first < sentences.length - 1 && introducesVisitor(sentences[first]!, lang)) first++;
  if (first > 0) return sentences.slice(first).join(' ');
  // Said in one breath: "I run a logistics company, is that one of your sectors?"
  const clause = /^([^,;:?]+)[,;:]\s+(.+)$/su.exec(message.trim());
  return clause && introducesVisitor(clause[1]!, lang) ? clause[2]! : message;
}
