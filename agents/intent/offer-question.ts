// Questions about what the AI Factory offers, and to whom ("What does the AI Factory offer to small businesses?",
// "Comment pouvez-vous aider mon entreprise ?", "Wat kann d'AI Factory fir mäi Betrib maachen?"): the service
// catalogue answers them. Said with a kind of visitor, they do not read as the knowledge's own question ("What
// services does … offer?"), and the search ranked a study on companies' skills above the catalogue. A question that
// names a topic besides ("What training do you offer?", "What does MeluXina offer?") is the search's. Pure.
import type { Lang } from '../language/languages.ts';
import { namesTrade } from '../leads/intent.ts';
import { normaliseForIndex, queryTerms } from '../retrieval/normalise.ts';
import { gap, oneOf, withEnglish, wordPattern, wordText } from './words.ts';

/** The knowledge's question for the catalogue, in each language: a question of this kind is matched against it. */
export const CATALOGUE_QUESTION: Record<Lang, string> = {
  en: 'What services does the AI Factory offer?',
  fr: 'Quels services l’AI Factory propose-t-elle ?',
  de: 'Welche Dienstleistungen bietet die AI Factory an?',
  lb: 'Wéi eng Servicer bitt d’AI Factory un?',
};

// Words of offering and helping, and the catalogue's own ("which pillars are there?" asks for the whole of it); each
// matches the start of a question word ("offer" → "offers", "hëllef" → "hëllefen").
const OFFERING: Record<Lang, string[]> = {
  en: ['offer', 'provid', 'propos', 'servic', 'support', 'help', 'assist', 'solution', 'programme', 'program', 'pillar', 'catalog'],
  fr: ['propos', 'offr', 'offre', 'servic', 'aide', 'aider', 'accompagn', 'soutien', 'souten', 'soutient', 'fourni', 'programme', 'pilier', 'catalogu'],
  de: ['biet', 'angebot', 'anbiet', 'dienst', 'leistung', 'servic', 'hilf', 'helf', 'unterstutz', 'programm', 'saule', 'pfeiler', 'katalog'],
  lb: ['bitt', 'bidd', 'bied', 'ubitt', 'ubidd', 'offr', 'servic', 'hellef', 'ennerstetz', 'ugebot', 'programm', 'pilier', 'saul', 'katalog'],
};

// "What can the AI Factory do for my start-up?": doing something for someone is offering it.
const DOING_FOR: Record<Lang, string> = {
  en: `(?:do|doing) for`,
  fr: `faire ${gap(4)}pour`,
  de: `fur ${gap(4)}(?:tun|machen)`,
  lb: `fir ${gap(4)}(?:maachen|man|maache)`,
};

// The visitors an offer is for, and the words that only frame the question ("available", "exactly"): a question
// with nothing else names no topic of its own.
const FOR_WHOM: Record<Lang, string[]> = {
  en: ['small', 'medium', 'mid', 'large', 'local', 'business', 'compan', 'firm', 'sme', 'start', 'entrepreneur', 'organi', 'public', 'sector', 'bod', 'administration', 'authorit', 'municipal', 'researcher', 'citizen', 'people', 'individual', 'freelanc', 'self', 'employ', 'luxembourg', 'available', 'exact', 'kind', 'type', 'general', 'overall', 'actual', 'usual'],
  fr: ['petit', 'moyen', 'grand', 'local', 'entrepris', 'societ', 'pme', 'tpe', 'start', 'startup', 'jeune', 'pouss', 'entrepreneur', 'organis', 'public', 'publiqu', 'secteur', 'administration', 'commune', 'chercheu', 'citoyen', 'particulier', 'independ', 'luxembourg', 'disponibl', 'exact', 'genre', 'type', 'general', 'principa', 'concret'],
  de: ['klein', 'mittel', 'gross', 'lokal', 'unternehm', 'firma', 'firmen', 'betrieb', 'kmu', 'start', 'grunder', 'organisation', 'offentlich', 'sektor', 'verwaltung', 'behord', 'gemeind', 'forscher', 'burger', 'selbststand', 'freiberuf', 'luxemburg', 'verfugbar', 'genau', 'art', 'allgemein', 'konkret', 'eigentlich', 'haupt'],
  lb: ['kleng', 'mettel', 'grouss', 'lokal', 'betrib', 'firma', 'firmen', 'entreprise', 'pme', 'kmu', 'start', 'organisatioun', 'offentlech', 'sekter', 'verwaltung', 'administratioun', 'gemeng', 'fuerscher', 'bierger', 'selbststänneg', 'letzebuerg', 'verfügbar', 'genee', 'zort', 'allgemeng', 'konkret', 'eigentlech'],
};

const prefixes = (lang: Lang, lists: Record<Lang, string[]>) => withEnglish(lang, lists).map((word) => normaliseForIndex(word, lang));
const startsOne = (term: string, list: string[]) => list.some((prefix) => prefix !== '' && term.startsWith(prefix));

/** Whether the message asks what the AI Factory offers, for a kind of visitor or in general, and nothing more specific. */
export function asksWhatIsOffered(message: string, lang: Lang): boolean {
  const offering = prefixes(lang, OFFERING);
  const forWhom = prefixes(lang, FOR_WHOM);
  // "We are a small bakery, can you help us with AI?": the visitor's trade says who the offer is for.
  const terms = queryTerms(message, lang).filter((term) => !namesTrade(term, lang));
  // A number only counts what is asked for ("the 6 pillars").
  if (!terms.every((term) => startsOne(term, offering) || startsOne(term, forWhom) || /^\d+$/.test(term))) return false;
  return terms.some((term) => startsOne(term, offering)) || wordPattern(oneOf(DOING_FOR[lang]), lang).test(wordText(message, lang));
}
