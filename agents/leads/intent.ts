// Support-intent detection for the offline mode: does an organisation ask for help with a project, funding, training,
// infrastructure, data access or a contact? Word patterns in EN/FR/DE/LB (agents/intent/words.ts), no model.
import { isPersonRequest } from '../intent/person-request.ts';
import { gap, oneOf, withEnglish, wordPattern, wordText } from '../intent/words.ts';
import { LANGS, type Lang } from '../language/languages.ts';
import { queryTerms } from '../retrieval/normalise.ts';

// Words any question here may carry that name nothing to begin: the AI Factory, AI itself, "with".
// "How do I start an AI project?" asks where to begin as plainly as "where do I start?": a project is what begins.
const DOMAIN_WORDS: readonly string[] = ['ai', 'ki', 'ia', 'factory', 'luxembourg', 'luxemburg', 'letzebuerg', 'artificial', 'intelligence', 'kunstliche', 'kenschtlech', 'intelligenz', 'project', 'projet', 'projekt'];

export const SUPPORT_TOPICS = ['funding', 'project', 'training', 'infrastructure', 'data_access', 'contact', 'support'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

/**
 * `organisation`: the message speaks of an organisation, the visitor's own or one named by its trade ("for a bakery");
 * `starting`: it asks where or how to begin ("where do we start?"), which on this site means with AI;
 * `startingOnly`: that is all it asks ("Par où commencer ?"), naming nothing else to begin.
 */
export type SupportIntent = { intent: boolean; topics: SupportTopic[]; request: boolean; organisation: boolean; starting: boolean; startingOnly: boolean };

// Each entry matches at the start of a word ("forder" matches "Förderung"); entries are word patterns.
const TOPICS: Record<SupportTopic, Record<Lang, string[]>> = {
  funding: {
    en: ['funding', 'grant', 'subsid', 'co fund', 'cofund', 'voucher', 'financial support', 'finance our', 'finance my', 'financing'],
    fr: ['financement', 'subvention', 'aide financ', 'financer', 'cofinanc', 'soutien financ'],
    de: ['forder', 'zuschuss', 'zuschusse', 'finanzierung', 'finanziell', 'subvention'],
    lb: ['ferder', 'finanzeierung', 'finanzeier', 'subventioun', 'zouschoss', 'finanziell'],
  },
  project: {
    en: ['project', 'pilot', 'proof of concept', 'poc', 'use case', 'prototype', 'automat', `(?:use|using|adopt|implement|introduce|deploy|integrate|leverage|build|want|need) ${gap(2)}(?:ai|artificial intelligence|machine learning|generative|genai|llm|chatbot)`],
    fr: ['projet', 'pilote', 'preuve de concept', 'cas usage', 'prototype', 'automatis', `(?:utiliser|integrer|deployer|adopter|introduire|implementer|mettre en place|mettre en oeuvre) ${gap(3)}(?:ia|intelligence artificielle|chatbot|modele)`],
    de: ['projekt', 'pilot', 'anwendungsfall', 'prototyp', 'vorhaben', 'automatisier', `(?:ki|kunstliche intelligenz|chatbot|sprachmodell) ${gap(3)}(?:nutzen|einsetzen|einfuhren|integrieren|verwenden|anwenden|implementieren)`, '(?:einsatz|einfuhrung|nutzung|integration) von (?:ki|kunstlicher intelligenz)'],
    lb: ['projet', 'pilot', 'prototyp', 'virhaben', 'automatiseier', `(?:ki|kenschtlech intelligenz|chatbot) ${gap(3)}(?:asetzen|anzesetzen|benotzen|notzen|afeieren|anzefeieren|integreieren)`],
  },
  training: {
    en: ['training', 'train our', 'train my', 'course', 'workshop', 'upskill', 'reskill', 'bootcamp'],
    fr: ['formation', 'former nos', 'former mes', 'former notre', 'cours', 'atelier'],
    de: ['schulung', 'schulen', 'weiterbildung', 'fortbildung', 'kurs', 'workshop', 'training'],
    lb: ['formatioun', 'weiderbild', 'schoulung', 'cours', 'workshop', 'training'],
  },
  infrastructure: {
    en: ['infrastructure', 'gpu', 'supercomput', 'compute', 'computing', 'hpc', 'meluxina'],
    fr: ['infrastructure', 'calcul', 'supercalcul', 'gpu', 'meluxina'],
    de: ['infrastruktur', 'rechenzeit', 'rechenleistung', 'rechenkapazitat', 'supercomput', 'hochleistungsrechn', 'gpu', 'meluxina'],
    lb: ['infrastruktur', 'rechenzait', 'rechenkapaziteit', 'supercomputer', 'gpu', 'meluxina'],
  },
  data_access: {
    en: ['data access', 'access to data', 'dataset', 'data set', 'open data', 'public data', '(?:our|my|customer|production|logistics|sensor) data'],
    fr: ['acces aux donnees', 'donnees', 'jeu de donnees', 'jeux de donnees'],
    de: ['datenzugang', 'zugang zu daten', 'daten', 'datensatz', 'datensatze', 'produktionsdaten', 'kundendaten'],
    lb: ['donneeen', 'daten', 'datenzougang', 'zougang zu daten'],
  },
  contact: {
    en: ['contact', 'get in touch', '(?:call|phone|ring|email|e mail) (?:me|us)', 'get back to (?:me|us)', 'appointment', 'meeting with', '(?:who|whom) (?:do|should|can) (?:i|we) (?:talk|speak) (?:to|with)'],
    // "Rappelez-moi", not "pour rappel" (a reminder).
    fr: ['contact', 'recontact', 'rendez vous', 'appeler', 'appelez', 'rappel(?:er|ez|le (?:moi|nous))', 'joindre'],
    // "Rufen Sie mich zurück", "Rufft mech w.e.g. zréck": the verb before the person, its particle at the end.
    de: ['kontakt', 'termin', 'anrufen', 'ruckruf', 'zuruckrufen', 'ruf(?:en|t|e)? (?:sie |du |ihr )?(?:mich|uns)', 'bei (?:euch|ihnen) melden', 'euch erreichen', 'sie erreichen'],
    lb: ['kontakt', 'rendez vous', 'uruffen', 'uruff', 'zreckruffen', 'ruff(?:t|en)? (?:dir |du )?(?:mech|eis)', 'ureed', 'bei iech mellen', 'iech areechen'],
  },
  support: {
    en: ['support', 'help', 'assist', 'advice', 'guidance', 'consult', 'accompan', 'coaching'],
    fr: ['accompagn', 'soutien', 'aide', 'aider', 'conseil', 'assistance'],
    de: ['unterstutz', 'hilfe', 'helfen', 'beratung', 'begleit', 'coaching'],
    lb: ['ennerstetz', 'hellef', 'berodung', 'begleed', 'coaching'],
  },
};

// Phrases of wanting or asking ("we would like…", "how can I…") that turn a topic into a request. "Can you help
// me?" is not one: with no subject it is small talk (agents/intent/small-talk.ts).
const REQUESTS: Record<Lang, string[]> = {
  en: ['we want', 'i want', 'would like', 'wed like', 'id like', 'can someone', 'could someone', 'we need', 'i need', 'we are looking', 'were looking', 'im looking', 'looking for', 'seeking', 'how can we', 'how can i', 'how do we', 'how do i', 'can we', 'can i', 'could we', 'could i', 'we plan', 'i plan', 'we are planning', 'were planning', 'im planning', 'interested in', 'apply', 'sign up', 'register', 'who can help', 'please contact', 'help us'],
  fr: ['nous voulons', 'voulons', 'nous souhaitons', 'je souhaite', 'nous aimerions', 'aimerais', 'je veux', 'je voudrais', 'on voudrait', 'nous avons besoin', 'ai besoin', 'besoin aide', 'je cherche', 'cherchons', 'comment pouvons nous', 'comment puis je', 'comment obtenir', 'comment acceder', 'nous prevoyons', 'interesse', 'postuler', 'candidater', 'inscrire', 'pouvez vous nous aider', 'merci de me contacter', 'merci de nous contacter', 'qui peut nous'],
  de: ['wir wollen', 'wir mochten', 'ich mochte', 'wurden gern[^ ]*', 'wurde gern[^ ]*', 'hatte gern[^ ]*', 'ich will', 'wir brauchen', 'brauche', 'brauchen hilfe', 'brauchen unterstutzung', 'wir suchen', 'ich suche', 'wie konnen wir', 'wie kann ich', 'wie bekommen wir', 'wie erhalten wir', 'wir planen', 'interessiert', 'bewerben', 'anmelden', 'konnen sie uns helfen', 'bitte kontaktieren'],
  lb: ['mir wellen', 'mir giffen', 'ech well', 'ech wellt', 'ech weilt', 'hatt gar', 'hatte gar', 'mir brauchen', 'ech brauch', 'mir sichen', 'ech sichen', 'wei kenne mir', 'wei kann ech', 'wei kreie mir', 'interesseiert', 'mir plangen', 'kennt dir eis hellefen', 'umellen', 'bewerben', 'kontakteiert mech'],
};

// Small businesses and trades, as their owners name them ("a bakery", "eng Schräinerei").
const TRADES: Record<Lang, string[]> = {
  en: ['bakery', 'restaurant', 'cafe', 'hotel', 'shop', 'store', 'garage', 'workshop', 'farm', 'pharmacy', 'salon', 'hairdresser[^ ]*', 'carpent[^ ]*', 'joiner[^ ]*', 'plumb[^ ]*', 'retail[^ ]*', 'craft[^ ]*', 'accounting[^ ]*', 'law firm', 'clinic', 'practice', 'transport[^ ]*', 'logistics', 'company', 'firm', 'startup', 'start up', 'business', 'sme'],
  fr: ['boulangerie', 'restaurant', 'cafe', 'hotel', 'boutique', 'magasin', 'garage', 'atelier', 'ferme', 'exploitation', 'pharmacie', 'salon', 'coiffeur', 'menuiserie', 'plomberie', 'commerce', 'fiduciaire', 'cabinet', 'clinique', 'artisan[^ ]*', 'transport[^ ]*', 'entreprise', 'societe', 'start up', 'startup', 'pme'],
  de: ['backerei', 'restaurant', 'cafe', 'hotel', 'laden', 'geschaft', 'werkstatt', 'bauernhof', 'apotheke', 'friseur[^ ]*', 'schreinerei', 'tischlerei', 'handwerks[^ ]*', 'steuerburo', 'kanzlei', 'praxis', 'klinik', 'einzelhand[^ ]*', 'transport[^ ]*', 'spedition', 'unternehmen', 'firma', 'start up', 'startup', 'kmu', 'betrieb'],
  lb: ['bakerei', 'bäckerei', 'restaurant', 'cafe', 'hotel', 'buttek', 'geschaft', 'garage', 'atelier', 'bauerenhaff', 'apdikt', 'coiffeur', 'schrainer[^ ]*', 'handwierks[^ ]*', 'fiduciaire', 'cabinet', 'klinik', 'transport[^ ]*', 'firma', 'entreprise', 'start up', 'startup', 'pme', 'kmu', 'betrib'],
};

// An organisation speaking of itself ("our SME", "we are a bakery", "eis Firma") or asking for one ("for a bakery"):
// with a support topic, a request.
const ORGANISATIONS: Record<Lang, string[]> = {
  en: [`(?:our|my) ${oneOf('company', 'startup', 'start up', 'business', 'firm', 'sme', 'organi[^ ]*', 'team', 'municipality', 'commune', 'ministry', 'administration', 'hospital', 'school', 'university', 'lab[^ ]*', 'research[^ ]*', 'institut[^ ]*', 'ngo', 'association', 'shop', 'store', 'bakery', 'agency', 'office', 'practice', 'department', 'employees', 'staff')}`, '(?:we are|were|we r|we re) (?:a|an)', '(?:i|we) (?:run|own|manage|have) (?:a|an)'],
  fr: [`(?:notre|nos|ma|mon|mes) ${oneOf('entreprise', 'societe', 'start up', 'startup', 'pme', 'organisation', 'equipe', 'commune', 'administration', 'ministere', 'hopital', 'ecole', 'universite', 'laboratoire', 'labo', 'institut', 'association', 'asbl', 'boutique', 'boite', 'cabinet', 'agence', 'collaborateurs', 'salaries', 'employes', 'personnel')}`, '(?:nous sommes|on est|je tiens|nous tenons) (?:un|une)', '(?:ai|je dirige|je gere) (?:un|une) (?:petite |petit )?(?:entreprise|societe|pme|start up|boutique|cabinet|commerce)'],
  de: [`(?:unser|unsere|unserem|unserer|unseren|mein|meine|meinem|meiner) ${oneOf('unternehmen', 'firma', 'start up', 'startup', 'kmu', 'organisation', 'team', 'gemeinde', 'verwaltung', 'ministerium', 'krankenhaus', 'schule', 'universitat', 'labor', 'institut', 'forschungs[^ ]*', 'verein', 'betrieb', 'buro', 'praxis', 'kanzlei', 'geschaft', 'mitarbeiter[^ ]*')}`, 'wir sind (?:ein|eine)', 'ich (?:habe|fuhre|leite) (?:ein|eine|einen)'],
  lb: [`(?:eis|eise|eiser|eisem|eisen|eist|mai|main|meng|menger|mengem) ${oneOf('firma', 'betrib', 'entreprise', 'start up', 'pme', 'kmu', 'organisatioun', 'equipe', 'ekipp', 'team', 'gemeng', 'verwaltung', 'ministere', 'spidol', 'schoul', 'universiteit', 'labo', 'institut', 'fuerschungs[^ ]*', 'associatioun', 'asbl', 'buro', 'mataarbechter')}`, 'mir sinn (?:eng|en|e)', 'ech hunn (?:eng|en|e)'],
};
const FOR_A: Record<Lang, string> = {
  en: '(?:for|in|at) (?:a|an|my|our) (?:small |little |local |family )?',
  fr: '(?:pour|dans|chez) (?:un|une|ma|mon|notre) (?:petite? |petits? )?',
  de: '(?:fur|in|bei) (?:ein|eine|einen|einem|einer|meine|meinen|meinem|meiner|unsere|unseren|unserem|unserer) (?:klein[^ ]* )?',
  lb: '(?:fir|an|bei) (?:eng|en|e|enger|engem|meng|mai|main|menger|mengem|eis|eise|eiser|eisem) (?:klen[^ ]* )?',
};
// Asking where or how to begin, or for the first steps.
const STARTING: Record<Lang, string[]> = {
  en: ['where (?:do|should|can|shall) (?:we|i) (?:start|begin)', 'where to (?:start|begin)', 'how (?:do|should|can|shall) (?:we|i) (?:start|begin|get started)', 'how to (?:start|begin|get started)', 'how (?:do|should|can) (?:we|i) go about', 'first steps?'],
  fr: ['par ou (?:commencer|debuter|demarrer)', 'par ou (?:est ce que )?(?:nous|je|on) (?:commence|commencons|devons|dois|doit|peut|pouvons)', 'comment (?:commencer|debuter|demarrer|nous lancer|se lancer)', 'premiers? pas', 'premieres? etapes?', 'se lancer', 'on fait comment', 'comment faire', 'comment (?:proceder|s y prendre)'],
  de: ['wo (?:fangen|beginnen|starten) wir', 'wo (?:fange|beginne|starte) ich', 'wo (?:anfangen|beginnen|starten)', 'wie (?:fangen|beginnen|starten) wir', 'wie (?:fange|beginne|starte) ich', 'womit (?:fangen|beginnen) wir', 'wie gehen wir vor', 'wie gehe ich vor', 'erste[nr]? schritte?'],
  lb: ['wou (?:fanke|ufanken|ufänken) (?:mir|ech)', 'wou (?:solle|sollen|soll) (?:mir|ech) ufanken', 'wei (?:fanke|fänken) (?:mir|ech)', 'wou ufanken', 'wei gi(?:nn)? mir vir', 'wei ginn ech vir', 'eischt(?:en|e)? schrett'],
};

const POSSESSIVES: Record<Lang, string> = { en: '(?:our|my)', fr: '(?:notre|mon|ma)', de: '(?:unser[^ ]*|mein[^ ]*)', lb: '(?:eis[^ ]*|meng[^ ]*|mai[^ ]*)' };
/** "for a bakery", "our bakery": a trade named as the visitor's own or as the one asked about. */
const tradePatterns = (lang: Lang) => [`${FOR_A[lang]}${oneOf(...TRADES[lang])}`, `${POSSESSIVES[lang]} ${oneOf(...TRADES[lang])}`];

const TRADE_WORD = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(oneOf(...withEnglish(lang, TRADES)), lang)])) as Record<Lang, RegExp>;

/** Whether a word names a trade or a kind of business ("bakery", "Schreinerei"). */
export const namesTrade = (word: string, lang: Lang): boolean => TRADE_WORD[lang].test(wordText(word, lang));

/** Topics that signal a support request on their own ("funding for…", "please call me"). */
const SELF_SUFFICIENT: readonly SupportTopic[] = ['funding', 'contact'];
/** Topics that say what the help is for; "support" alone ("can you help?") does not. */
const SUBSTANTIVE: readonly SupportTopic[] = ['funding', 'project', 'training', 'infrastructure', 'data_access'];

const compiled = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    {
      topics: SUPPORT_TOPICS.map((topic) => [topic, wordPattern(`${oneOf(...withEnglish(lang, TOPICS[topic]))}[^ ]*`, lang)] as const),
      request: wordPattern(oneOf(...withEnglish(lang, REQUESTS)), lang),
      organisation: wordPattern(oneOf(...withEnglish(lang, ORGANISATIONS), ...tradePatterns(lang)), lang),
      starting: wordPattern(oneOf(...withEnglish(lang, STARTING)), lang),
    },
  ]),
) as Record<Lang, { topics: (readonly [SupportTopic, RegExp])[]; request: RegExp; organisation: RegExp; starting: RegExp }>;

/** Whether a message asks for support, with the topics it names; asking for a person counts as the contact topic. */
export function detectSupportIntent(message: string, lang: Lang): SupportIntent {
  const text = wordText(message, lang);
  const { topics: patterns, request: requestPattern, organisation: organisationPattern, starting: startingPattern } = compiled[lang];
  const named = new Set(patterns.filter(([, pattern]) => pattern.test(text)).map(([topic]) => topic));
  if (isPersonRequest(message, lang)) named.add('contact');
  const topics = SUPPORT_TOPICS.filter((topic) => named.has(topic));
  const organisation = organisationPattern.test(text);
  const request = organisation || requestPattern.test(text);
  const intent =
    topics.some((topic) => SELF_SUFFICIENT.includes(topic)) ||
    (request && topics.some((topic) => SUBSTANTIVE.includes(topic))) ||
    (organisation && topics.includes('support'));
  const starting = startingPattern.test(text);
  // What is left once the asking is taken out: nothing but function words and the words every question here carries.
  const startingOnly = starting && queryTerms(text.replace(new RegExp(startingPattern.source, 'gu'), ' '), lang).every((term) => DOMAIN_WORDS.includes(term));
  return { intent, topics, request, organisation, starting, startingOnly };
}
