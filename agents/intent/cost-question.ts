// Questions about what the AI Factory's services cost ("is it free for start-ups?", "Was kostet die Beratung?"). The
// knowledge may state no price: then the reply says so and offers an advisor, instead of a refusal or passages about
// something else. A price of anything else ("how much does a car cost?") names none of the services and is left alone.
import { LANGS, type Lang } from '../language/languages.ts';
import { oneOf, withEnglish, wordPattern, wordText } from './words.ts';

// Each entry matches at the start of a word.
const COST: Record<Lang, string[]> = {
  en: ['cost', 'costs', 'costing', 'price', 'prices', 'pricing', 'fee', 'fees', 'free of charge', 'for free', 'free for', '(?:is|are) (?:(?:it|they|this|that) |the (?:[^ ]+ ){1,3})free', 'how much do (?:we|i) pay', 'do (?:we|i) (?:have to )?pay'],
  fr: ['cout', 'couts', 'coute', 'coutent', 'prix', 'tarif', 'tarifs', 'gratuit', 'gratuite', 'gratuits', 'gratuites', 'payant', 'payante', 'payer', 'frais', 'combien ca coute'],
  de: ['kosten', 'kostet', 'kostenlos', 'kostenpflichtig', 'preis', 'preise', 'gebuhr', 'gebuhren', 'gratis', 'bezahlen', 'zahlen wir', 'zahle ich', 'umsonst'],
  lb: ['kascht', 'kaschten', 'kascht dat', 'prais', 'praisser', 'gratis', 'bezuelen', 'bezuele mir', 'bezuelen ech', 'fir naischt', 'kaschtelos'],
};

// What the question must name for its price to be the AI Factory's: the AI Factory, a service, a pillar, support.
const SUBJECT: Record<Lang, string[]> = {
  en: ['ai factory', 'service', 'services', 'catalogue', 'catalog', 'pillar', 'support', 'help', 'assessment', 'training', 'trainings', 'course', 'courses', 'workshop', 'advice', 'advisor', 'consult', 'consultation', 'first meeting', 'coaching', 'meluxina', 'supercomputer', 'computing time', 'luxinnovation', 'you', 'your'],
  fr: ['ai factory', 'service', 'services', 'catalogue', 'pilier', 'accompagnement', 'soutien', 'aide', 'evaluation', 'formation', 'formations', 'cours', 'atelier', 'conseil', 'conseiller', 'consultation', 'rendez vous', 'meluxina', 'supercalculateur', 'luxinnovation', 'vous', 'vos', 'votre'],
  de: ['ai factory', 'dienst', 'dienste', 'dienstleistung', 'dienstleistungen', 'angebot', 'katalog', 'saule', 'unterstutzung', 'hilfe', 'beratung', 'erstberatung', 'erstgesprach', 'bewertung', 'schulung', 'schulungen', 'kurs', 'kurse', 'workshop', 'meluxina', 'supercomputer', 'rechenzeit', 'luxinnovation', 'ihr', 'ihre', 'ihren', 'euer', 'eure'],
  lb: ['ai factory', 'service', 'servicer', 'katalog', 'servicekatalog', 'pilier', 'ennerstetzung', 'hellef', 'berodung', 'rendez vous', 'bewaertung', 'formatioun', 'formatiounen', 'cours', 'coursen', 'workshop', 'meluxina', 'supercomputer', 'luxinnovation', 'dir', 'ar', 'aer'],
};

// "it", "das", "dat": the service the conversation is about, when there was an earlier question to name it, and the
// AI Factory's, asked on its site as a first short question ("Was kostet das?"). French "c'est" is read without its
// elided "c'" (words.ts), so its "est" stands for it.
const PRONOUNS: Record<Lang, string[]> = { en: ['it', 'this', 'that', 'they'], fr: ['ca', 'cela', 'ce', 'il', 'elle', 'est'], de: ['das', 'es', 'dies'], lb: ['dat', 'et', 'dest'] };
// A question this short that points at something ("is it free?", "a wat kascht dat?") can only mean what the site
// offers, first or later in a conversation.
const SHORT_FIRST = 5;

// A price in a passage: an amount in euros, or the words for costs.
const AMOUNT = /(?:€\s?\d|\d[\d\s.,]*\s?(?:€|eur\b|euros?\b))/i;

const compiled = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    { cost: wordPattern(oneOf(...withEnglish(lang, COST)), lang), subject: wordPattern(oneOf(...withEnglish(lang, SUBJECT)), lang), pronoun: wordPattern(oneOf(...PRONOUNS[lang]), lang), costOnly: wordPattern(oneOf(...COST[lang]), lang) },
  ]),
) as Record<Lang, { cost: RegExp; subject: RegExp; pronoun: RegExp; costOnly: RegExp }>;

/** Whether the message asks what one of the AI Factory's services costs; `previous` may name the service ("and is it free?"). */
export function asksAboutCost(message: string, lang: Lang, previous: string | null = null): boolean {
  const text = wordText(message, lang);
  const { cost, subject, pronoun } = compiled[lang];
  if (!cost.test(text)) return false;
  // A price in a single word ("prix ?", "Preise?", "costs") can only ask about what the site offers.
  if (subject.test(text) || text.trim().split(' ').length === 1) return true;
  if (!pronoun.test(text)) return false;
  return text.trim().split(' ').length <= SHORT_FIRST || (previous !== null && subject.test(wordText(previous, lang)));
}

/** Whether a passage speaks of costs or prices at all, so that it may answer a question about them. */
export function speaksOfCost(text: string, lang: Lang): boolean {
  return AMOUNT.test(text) || compiled[lang].costOnly.test(wordText(text, lang));
}
