// Person requests: does the visitor ask to talk to a human (staff, an advisor, someone) rather than to the assistant?
import { LANGS, type Lang } from '../language/languages.ts';
import { gap, oneOf, wordPattern, wordText } from './words.ts';

// Each language: who may be asked for, and the ways of asking. A person named in a question ("how many people
// work at LIST?", "who leads the AI Factory?") asks for nobody: every pattern needs a verb or a frame of asking.
// Asking whether the assistant is a human ("am I talking to a person?") is small talk, so verbs are infinitives.

const EN_DET = '(?:a |an |the |one of your |one of the |some |your |a member of |a member of your )?';
const EN_ADJ = '(?:real |actual |live |human |proper |qualified )?';
const EN_HUMAN = oneOf('humans?', 'human being', 'person', 'people', 'someone', 'somebody', 'anyone', 'anybody', 'advis[^ ]*', 'staff', 'team', 'employee[^ ]*', 'agent', 'operator', 'representative', 'rep', 'expert[^ ]*', 'consultant[^ ]*', 'colleague[^ ]*', 'member of staff', 'customer service', 'support team');
const EN_CORE = oneOf('human', 'human being', 'real person', 'person', 'live agent', 'human agent', 'agent', 'operator', 'staff member', 'staff', 'advisor', 'adviser', 'representative', 'real human', 'someone real');

const FR_DET = '(?:un de vos |une de vos |un |une |le |la |les |des |votre |vos |ton |ta |tes )?';
const FR_ADJ = '(?:vrai |vraie |veritable )?';
const FR_HUMAN = oneOf('humain', 'etre humain', 'personne', 'personnes', 'quelquun', 'quelqu un', 'qqn', 'conseill[^ ]*', 'agent', 'operat[^ ]*', 'collaborat[^ ]*', 'employe[^ ]*', 'salarie[^ ]*', 'membre', 'equipe', 'expert[^ ]*', 'interlocut[^ ]*', 'responsable');
const FR_CORE = oneOf('humain', 'etre humain', 'personne', 'conseill[^ ]*', 'interlocut[^ ]*', 'agent', 'operat[^ ]*');

const DE_DET = '(?:einem |einer |einen |eine |ein |dem |der |den |die |ihrem |ihrer |ihren |eurem |eurer |euren |irgendeinem |irgendeiner )?';
const DE_ADJ = '(?:echt[^ ]* |richtig[^ ]* |menschlich[^ ]* |real[^ ]* |lebendig[^ ]* )?';
const DE_HUMAN = oneOf('mensch', 'menschen', 'person', 'personen', 'mitarbeit[^ ]*', 'berater[^ ]*', 'ansprechpartner[^ ]*', 'expert[^ ]*', 'jemand', 'jemandem', 'jemanden', 'kolleg[^ ]*', 'teammitglied', 'team', 'agent', 'operator', 'sachbearbeiter[^ ]*');
const DE_CORE = oneOf('mensch', 'menschen', 'person', 'berater', 'beraterin', 'ansprechpartner[^ ]*', 'agent', 'operator');
const DE_TALK = oneOf('sprechen', 'reden', 'chatten', 'schreiben', 'telefonieren', 'unterhalten', 'austauschen', 'kommunizieren', 'verbunden werden');

const LB_DET = '(?:engem |enger |eem |dem |der |arem |arer |iergendengem |iergendenger )?';
const LB_ADJ = '(?:richteg[^ ]* |echt[^ ]* |menschlech[^ ]* )?';
const LB_HUMAN = oneOf('mensch', 'menschen', 'persoun', 'persounen', 'leit', 'personal', 'mataarbechter[^ ]*', 'beroder[^ ]*', 'conseiller[^ ]*', 'expert[^ ]*', 'member', 'team', 'equipe', 'ekipp', 'agent');
const LB_CORE = oneOf('mensch', 'menschen', 'persoun', 'beroder', 'conseiller', 'agent');
const LB_TALK = oneOf('schwatzen', 'rieden', 'chatten', 'telefoneieren', 'kommunizeieren', 'schreiwen');
// "mat engem vun Ärem Team", "mat engem aus der Equipe": someone, then where they come from.
const LB_FROM = `(?:(?:vun|vum|vu|aus|an) [^ ]+(?: [^ ]+)? )?`;
const LB_NOW = '(?:w e g |wann ech gelift |elo |direkt |kuerz |eng keier )?';

const PATTERNS: Record<Lang, string[]> = {
  en: [
    `(?<! (?:am|do|did|was) (?:i|we) )(?:speak|talk|chat|communicate) (?:to|with) ${EN_DET}${EN_ADJ}${EN_HUMAN}`,
    `(?:connect|transfer|put|pass|forward|redirect|escalate|hand) (?:me |us |this |my question )?(?:over |through |on )?(?:to|with) ${EN_DET}${EN_ADJ}${EN_HUMAN}`,
    `(?:get|be|put|puts) (?:me |us )?in touch with ${EN_DET}${EN_ADJ}${oneOf('humans?', 'human being', 'real person', 'person', 'member of staff', 'staff member', 'someone', 'somebody')}`,
    `(?:i|we|id|wed) (?:would |really |just )?(?:want|need|like|prefer|request)(?: to (?:get|have|see))? (?:a |an |the |some |to a |one of your )${EN_ADJ}${EN_CORE}`,
    `(?:get|give|find) (?:me|us) (?:a |an |the |some )?${EN_ADJ}${EN_CORE}`,
    `(?:can|could|may) (?:i|we) (?:have|get|see) (?:a |an |the |some )${EN_ADJ}${EN_CORE}`,
    `(?:can|could|may|would|will|have|let) (?:a |an |the |one of your |some )?${EN_ADJ}${EN_HUMAN} ${gap(3)}(?:call|contact|phone|ring|email|help|reach|get back to)(?: me| us)`,
    `(?:is|are) there ${EN_DET}${EN_ADJ}${EN_HUMAN} (?:available|${gap(2)}(?:i|we) can (?:talk|speak|chat))`,
    `(?:is|are) (?:a |an |the |any |some )?${EN_ADJ}${EN_CORE} available`,
    `(?:call|callback|call back|appointment|meeting) (?:from|with) ${EN_DET}${EN_ADJ}${EN_HUMAN}`,
    `(?<=^ )${EN_DET}${EN_ADJ}${EN_CORE}(?: please| pls| plz| now| asap)*(?= $)`,
  ],
  fr: [
    `(?:parler|discuter|echanger|causer|communiquer|chatter|tchatter|entretenir) (?:a|avec|au|aux) ${FR_DET}${FR_ADJ}${FR_HUMAN}`,
    `(?:me|moi|nous) (?:mettre |mettez |mets )?en (?:relation|contact) (?:direct[^ ]* )?avec ${FR_DET}${FR_ADJ}${FR_HUMAN}`,
    `(?:etre|sois|soit|soyons) (?:mis|mise|mises|remis|remise) en (?:relation|contact) (?:direct[^ ]* )?avec ${FR_DET}${FR_ADJ}${FR_HUMAN}`,
    `(?:passez|passer|transferez|transferer|transmettez|redirigez|rediriger|orientez|orienter)(?: moi| me| nous)? (?:a |vers |avec )?${FR_DET}${FR_ADJ}${FR_HUMAN}`,
    `(?:veux|voudrais|voudrions|souhaite|souhaiterais|souhaitons|aimerais|aimerions|prefere|prefererais|ai besoin|avons besoin|peux avoir|puis je avoir|pourrais avoir|demande) (?:un |une |le |la |des |votre |vos )${FR_ADJ}${FR_CORE}`,
    `(?:rendez vous|rdv|entretien|appel|rappel) (?:avec|par|d) ${FR_DET}${FR_ADJ}${FR_HUMAN}`,
    `(?:rappele|rappelee|recontacte|recontactee|contacte|contactee|appele|appelee) par ${FR_DET}${FR_ADJ}${FR_HUMAN}`,
    `${FR_HUMAN} ${gap(2)}(?:peut|pourrait|peuvent|pourraient) ${gap(1)}(?:me |nous )?(?:rappeler|recontacter|contacter|appeler|joindre)`,
    `(?:y a il|il y a|avez vous) ${FR_DET}${FR_ADJ}${FR_HUMAN} (?:disponible|dispo|avec qui|a qui)`,
    `(?<=^ )${FR_DET}${FR_ADJ}${FR_CORE}(?: humain| reel[^ ]*)?(?: svp| stp| il vous plait| vite| maintenant)*(?= $)`,
  ],
  de: [
    `mit ${DE_DET}${DE_ADJ}${DE_HUMAN} ${gap(4)}${DE_TALK}`,
    `(?:verbinden|verbindet|verbinde|leiten|leitet|stellen|stellt|geben|gebt|gib) (?:sie |du |ihr )?(?:mich|uns) (?:bitte )?(?:weiter )?(?:mit|an|zu) ${DE_DET}${DE_ADJ}${DE_HUMAN}`,
    `(?:mich|uns) (?:bitte )?(?:an|mit|zu) ${DE_DET}${DE_ADJ}${DE_HUMAN} ${gap(2)}(?:weiterleiten|weitergeben|verbinden|durchstellen|vermitteln|weiterverbinden)`,
    `(?:mochte|mochten|will|wollen|wurde gern[^ ]*|wurden gern[^ ]*|hatte gern[^ ]*|hatten gern[^ ]*|brauche|brauchen|wunsche|verlange) ${gap(2)}(?:einen |eine |ein |den |die )${DE_ADJ}${DE_CORE}`,
    `(?:kann|konnte|konnen|soll|sollte) (?:mich|uns) (?:bitte )?${DE_DET}${DE_ADJ}${DE_HUMAN} ${gap(2)}(?:anrufen|zuruckrufen|kontaktieren|melden)`,
    `(?:kann|konnte|soll) ${DE_DET}${DE_ADJ}${DE_HUMAN} (?:mich|uns) ${gap(2)}(?:anrufen|zuruckrufen|kontaktieren)`,
    `(?:ruckruf|anruf|termin|gesprach|kontakt) (?:von|mit) ${DE_DET}${DE_ADJ}${DE_HUMAN}`,
    `gibt es ${DE_DET}${DE_ADJ}${DE_HUMAN} (?:mit (?:dem|der|wem)|der|die|den) (?:ich|wir|man) ${gap(1)}${DE_TALK}`,
    `(?:ist|sind) (?:hier )?${DE_DET}${DE_ADJ}${DE_HUMAN} (?:da|erreichbar|verfugbar|online)`,
    `(?:gibt es|ist) (?:hier |da )?(?:einen |ein )?${DE_ADJ}(?:mensch|menschen)(?: hier| da)?(?= $)`,
    // "jemanden sprechen", "einen Mitarbeiter sprechen": the accusative with "sprechen" asks to see someone.
    `(?:jemanden|(?:einen |eine |den |die )${DE_ADJ}${oneOf(DE_CORE, 'mitarbeiter[^ ]*')}) ${gap(1)}sprechen`,
    `(?<=^ )(?:bitte )?(?:einen |ein |eine )?${DE_ADJ}${oneOf(DE_CORE, 'mitarbeiter', 'mitarbeiterin')}(?: bitte| sofort| jetzt)*(?= $)`,
  ],
  lb: [
    `(?:mat|mam) (?:${LB_DET}${LB_ADJ}${LB_HUMAN} ${LB_FROM}|(?:engem|enger|eem|iergendengem) ${LB_FROM})${LB_NOW}${LB_TALK}`,
    `(?:hatt|hatte|hatten) gar mat (?:${LB_DET}${LB_ADJ}${LB_HUMAN} ${LB_FROM}|(?:engem|enger|eem) ${LB_FROM})geschwat`,
    `(?:verbannt|verbann|verbannen|weiderleeden|weiderleet|stellt|gitt) (?:mech|eis) (?:w e g |wann ech gelift |direkt )?(?:weider )?(?:mat|un) ${LB_DET}${LB_ADJ}${LB_HUMAN}`,
    `(?:hatt gar|hatte gar|wellt|well|weilt|weilten|brauch|brauche|gitt mir|gitt mer) (?:e |en |eng |een )${LB_ADJ}${LB_CORE}`,
    `(?:kann|keint|kennt|soll) (?:mech |eis )?(?:ee|een|e|en|eng|engem) ${LB_ADJ}(?:${LB_HUMAN} )?(?:mech |eis )?(?:w e g )?(?:uruffen|zreckruffen|zereckruffen|kontakteieren|mellen)`,
    `(?<=^ )(?:e |en |eng )?${LB_ADJ}${LB_CORE}(?: w e g| wann ech gelift| elo| direkt)*(?= $)`,
    `(?:rendez vous|rdv|termin|ureed|gespreich|uruff|zreckruff) (?:mat|vun) ${LB_DET}${LB_ADJ}${LB_HUMAN}`,
  ],
};

const compiled = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(oneOf(...PATTERNS[lang]), lang)])) as Record<Lang, RegExp>;

/** Whether a message asks to talk to a person (staff, an advisor, a human) in the given language. */
export function isPersonRequest(message: string, lang: Lang): boolean {
  return compiled[lang].test(wordText(message, lang));
}

// Being called, written to or met later rather than talking now: an appointment, a meeting, a call back, being
// contacted ("je voudrais être contacté par un conseiller" wants an advisor to get in touch, not a chat).
const LATER: Record<Lang, string[]> = {
  en: ['appointment', 'meeting', 'call (?:me |us )?back', 'callback', 'call from', 'book (?:a )?(?:call|slot|session)', '(?:contact|call|phone|ring|email|e mail) (?:me|us)', 'be contacted', 'get back to (?:me|us)'],
  fr: ['rendez vous', 'rdv', 'entretien', 'rappel', 'rappeler', 'rappelle', 'rappeliez', 'contacte', 'contactee', 'recontacte', 'recontactee', '(?:me|nous) (?:contacter|recontacter|appeler|ecrire)'],
  de: ['termin', 'termine', 'ruckruf', 'zuruckruf', 'zuruckrufen', 'treffen', 'kontaktiert', 'kontaktieren', 'anrufen', 'angerufen', 'bei (?:mir|uns) melden'],
  lb: ['rendez vous', 'rdv', 'termin', 'ureed', 'zreckruff', 'zreckruffen', 'treffen', 'kontaktéiert', 'kontaktéieren', 'uruffen', 'ugeruff'],
};
const later = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(oneOf(...LATER[lang]), lang)])) as Record<Lang, RegExp>;

/** Whether a message asks for an appointment or a call back ("un rendez-vous avec un expert"), not a chat now. */
export function asksForAppointment(message: string, lang: Lang): boolean {
  return later[lang].test(wordText(message, lang));
}
