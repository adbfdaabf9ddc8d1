// Questions about what the assistant does with the visitor's own data ("do you store my messages?"): the privacy
// notice answers them, not the knowledge. A question about data protection in AI projects ("does the AI Factory help
// with GDPR?") is the knowledge's: every pattern needs the visitor's data, this conversation or the assistant itself.
import { LANGS, type Lang } from '../language/languages.ts';
import { oneOf, withEnglish, wordPattern, wordText } from './words.ts';

const EN_MINE = oneOf('my', 'our', 'this');
const EN_DATA = oneOf('data', 'personal data', 'messages?', 'conversations?', 'chats?', 'information', 'questions', 'details', 'history');
const FR_MINE = oneOf('mes', 'nos', 'ma', 'mon', 'cette');
const FR_DATA = oneOf('donnees', 'donnees personnelles', 'messages?', 'conversations?', 'echanges?', 'questions', 'informations', 'historique');
const DE_MINE = oneOf('mein', 'meine', 'meinen', 'meiner', 'unsere', 'unseren', 'unserer', 'diese', 'dieser', 'dieses');
const DE_DATA = oneOf('daten', 'personlichen daten', 'nachrichten', 'fragen', 'angaben', 'unterhaltung', 'konversation', 'chat', 'verlauf');
const LB_MINE = oneOf('meng', 'menge', 'menger', 'mengem', 'eis', 'eise', 'eiser', 'eisem', 'dës', 'dëse', 'dëst');
const LB_DATA = oneOf('donneeen', 'daten', 'messagen', 'noriichten', 'froen', 'informatiounen', 'gesprech', 'conversatioun', 'chat');

const PATTERNS: Record<Lang, string[]> = {
  en: [
    `(?:do|does|will|would|can) (?:you|u|the assistant|this (?:chat|bot|chatbot|assistant)) (?:store|save|keep|record|log|remember|use|share|sell|read) ${EN_MINE} ${EN_DATA}`,
    `what (?:happens|do you do|will you do|is done) (?:to|with) ${EN_MINE} ${EN_DATA}`,
    `(?:is|are|will) ${EN_MINE} ${EN_DATA} (?:be )?(?:stored|saved|kept|recorded|logged|private|confidential|anonymous|safe|secure|shared|used|deleted)`,
    `(?:delete|erase|remove|forget) ${EN_MINE} ${EN_DATA}`,
    'how long (?:do|will) you (?:keep|store|retain|save)',
    'what (?:do|will|does) (?:you|u|the assistant|this (?:chat|bot|chatbot|assistant)) (?:store|save|keep|record|log|know|remember) (?:about|of|on) (?:me|us)',
    'who (?:can )?(?:read|see|reads|sees) (?:my|our|this) (?:messages|conversation|chat|questions)',
    '(?:your )?privacy (?:policy|notice)',
  ],
  fr: [
    `(?:vous )?(?:gardez|conservez|stockez|enregistrez|sauvegardez|utilisez|partagez|lisez)(?: vous)? ${FR_MINE} ${FR_DATA}`,
    `(?:que|qu est ce que) (?:faites vous|vous faites|devient|deviennent) (?:de |avec )?${FR_MINE} ${FR_DATA}`,
    `${FR_MINE} ${FR_DATA} (?:sont|est|seront|sera) (?:elles |ils |elle |il )?(?:stockee?s?|enregistree?s?|conservee?s?|gardee?s?|utilisee?s?|partagee?s?|protegee?s?|privee?s?|confidentielle?s?|anonymes?|supprimee?s?|en securite)`,
    `(?:supprimer|effacer|oublier) ${FR_MINE} ${FR_DATA}`,
    'combien de temps (?:gardez|conservez|stockez) vous',
    '(?:que|qu est ce que) (?:vous )?(?:gardez|conservez|stockez|enregistrez|savez)(?: vous)? (?:sur|de) (?:moi|nous)',
    'qui (?:peut )?(?:lire|voir|lit|voit) (?:mes|nos|cette|ma) (?:messages|conversation|questions)',
    'politique de (?:confidentialite|protection des donnees)',
  ],
  de: [
    `(?:speichert|speichern|behaltet|behalten|protokolliert|protokollieren|nutzt|nutzen|verwendet|verwenden|teilt|teilen|liest|lest|lesen) (?:ihr|sie|du) ${DE_MINE} ${DE_DATA}`,
    `was (?:passiert|geschieht) mit ${DE_MINE} ${DE_DATA}`,
    `(?:werden|wird) ${DE_MINE} ${DE_DATA} (?:gespeichert|aufgezeichnet|protokolliert|weitergegeben|verwendet|genutzt|geloscht|aufbewahrt|gelesen)`,
    `(?:ist|sind) ${DE_MINE} ${DE_DATA} (?:privat|vertraulich|anonym|sicher|gespeichert)`,
    `(?:losch|losche|loschen|vergiss|vergessen) ${DE_MINE} ${DE_DATA}`,
    'wie lange (?:speichert|speichern|behaltet|behalten|bewahrt|bewahren)',
    'was (?:speichert|speichern|behaltet|behalten|wisst|wissen|protokolliert|protokollieren) (?:ihr|sie|du) (?:von|uber) (?:mir|mich|uns)',
    'wer (?:kann |darf )?(?:meine|unsere|diese) (?:nachrichten|unterhaltung|fragen|konversation) (?:lesen|sehen)',
    'datenschutzerklarung', 'datenschutzhinweis[^ ]*',
  ],
  lb: [
    `(?:späichert|späicheren|behaalt|behaalen|notzt|notzen|deelt|deelen|liest|liesen) (?:dir|der|du|dier) ${LB_MINE} ${LB_DATA}`,
    `wat (?:geschitt|geschéit|passéiert|maacht dir|maache dir) mat ${LB_MINE} ${LB_DATA}`,
    `(?:gëtt|ginn|gi) ${LB_MINE} ${LB_DATA} (?:gespäichert|opgeholl|gedeelt|benotzt|geläscht|gelies)`,
    `(?:ass|sinn) ${LB_MINE} ${LB_DATA} (?:privat|vertraulech|anonym|sécher|gespäichert)`,
    `(?:läscht|läschen|vergiesst|vergiessen) ${LB_MINE} ${LB_DATA}`,
    'wéi laang (?:späichert|späichere|behaalt|behaalen)',
    'wat (?:späichert|späichere|behaalt|behaalen|wësst|wësse) (?:dir|der|du) (?:vun|iwwer) (?:mir|mer|mech|eis)',
    `wien (?:kann )?${LB_MINE} ${LB_DATA} (?:liesen|gesinn)`,
    'dateschutzerklärung',
  ],
};

// The data an organisation handles in its own work ("we handle customer financial data"): "is our data safe with
// you?" then asks about an AI project's data, which the knowledge answers (secure processing, MeluXina's security).
const BUSINESS_DATA: Record<Lang, string[]> = {
  en: ['(?:customer|client|financial|patient|health|medical|business|company|production|sensitive|banking) data', 'we (?:handle|process|hold|manage|work with)'],
  fr: ['donnees (?:des )?(?:clients?|financieres|bancaires|de sante|medicales|sensibles|d entreprise|de production)', 'nous (?:traitons|gerons|manipulons|detenons)'],
  de: ['kundendaten', 'finanzdaten', 'bankdaten', 'gesundheitsdaten', 'patientendaten', 'produktionsdaten', 'sensiblen? daten', 'wir (?:verarbeiten|verwalten|haben mit)'],
  lb: ['clientsdonneeen', 'clientendonneeen', 'finanzdonneeen', 'gesondheetsdonneeen', 'sensibel donneeen', 'mir (?:veraarbechten|verwalten|schaffe mat)'],
};

const compiled = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(oneOf(...withEnglish(lang, PATTERNS)), lang)])) as Record<Lang, RegExp>;
const business = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(oneOf(...withEnglish(lang, BUSINESS_DATA)), lang)])) as Record<Lang, RegExp>;

/** Whether the message asks what happens to the visitor's own data here, not to the data an organisation works with. */
export function asksAboutPrivacy(message: string, lang: Lang): boolean {
  const text = wordText(message, lang);
  return compiled[lang].test(text) && !business[lang].test(text);
}
