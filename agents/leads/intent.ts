// Support-intent detection for the offline mode: does a message ask for help with a project, funding, training,
// infrastructure, data access or a contact? Word beginnings in EN/FR/DE/LB on normalised text, no model.
import type { Lang } from '../language/languages.ts';
import { normaliseText } from './vocabulary.ts';

export const SUPPORT_TOPICS = ['funding', 'project', 'training', 'infrastructure', 'data_access', 'contact', 'support'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

export type SupportIntent = { intent: boolean; topics: SupportTopic[]; request: boolean };

// Stems are matched at the start of a word ("forder" matches "förderung"); written already normalised.
const TOPICS: Record<SupportTopic, Record<Lang, string[]>> = {
  funding: {
    en: ['funding', 'grant', 'subsid', 'co fund', 'cofund', 'voucher', 'financial support', 'finance our', 'finance my'],
    fr: ['financement', 'subvention', 'aide financ', 'financer', 'cofinanc', 'soutien financ'],
    de: ['forder', 'zuschuss', 'zuschusse', 'finanzierung', 'finanziell', 'subvention'],
    lb: ['ferder', 'finanzeierung', 'finanzeier', 'subventioun', 'zouschoss', 'finanziell'],
  },
  project: {
    en: ['project', 'pilot', 'proof of concept', 'poc', 'use case', 'prototype'],
    fr: ['projet', 'pilote', 'preuve de concept', 'cas d usage', 'prototype'],
    de: ['projekt', 'pilot', 'anwendungsfall', 'prototyp', 'vorhaben'],
    lb: ['projet', 'pilot', 'prototyp', 'virhaben'],
  },
  training: {
    en: ['training', 'course', 'workshop', 'upskill', 'reskill', 'bootcamp'],
    fr: ['formation', 'former nos', 'cours', 'atelier'],
    de: ['schulung', 'weiterbildung', 'fortbildung', 'kurs', 'workshop', 'training'],
    lb: ['formatioun', 'weiderbildung', 'schoulung', 'cours', 'workshop', 'training'],
  },
  infrastructure: {
    en: ['infrastructure', 'gpu', 'supercomput', 'compute', 'computing', 'hpc', 'meluxina'],
    fr: ['infrastructure', 'calcul', 'supercalcul', 'supercalculateur', 'gpu', 'meluxina'],
    de: ['infrastruktur', 'rechen', 'supercomput', 'hochleistungsrechn', 'gpu', 'meluxina'],
    lb: ['infrastruktur', 'rechen', 'supercomputer', 'gpu', 'meluxina'],
  },
  data_access: {
    en: ['data access', 'access to data', 'dataset', 'data set', 'open data', 'public data'],
    fr: ['acces aux donnees', 'donnees', 'jeu de donnees', 'jeux de donnees'],
    de: ['datenzugang', 'zugang zu daten', 'daten', 'datensatz', 'datensatze'],
    lb: ['donneeen', 'daten', 'datenzougang', 'zougang zu daten'],
  },
  contact: {
    en: ['contact', 'get in touch', 'talk to', 'speak to', 'speak with', 'call me', 'call us', 'appointment', 'meeting with', 'advisor', 'adviser'],
    fr: ['contact', 'contacter', 'parler a', 'parler avec', 'rendez vous', 'appeler', 'rappeler', 'joindre', 'conseiller'],
    de: ['kontakt', 'mit jemandem sprechen', 'sprechen mit', 'termin', 'anrufen', 'ruckruf', 'erreichen', 'ansprechpartner', 'berater'],
    lb: ['kontakt', 'schwatzen', 'rendez vous', 'uruffen', 'uruff', 'bereder', 'ureed'],
  },
  support: {
    en: ['support', 'help', 'assist', 'advice', 'guidance', 'consult', 'accompan', 'coaching'],
    fr: ['accompagn', 'soutien', 'aide', 'aider', 'conseil', 'assistance'],
    de: ['unterstutz', 'hilfe', 'helfen', 'beratung', 'begleit', 'coaching'],
    lb: ['ennerstetz', 'hellef', 'berodung', 'begleed', 'coaching'],
  },
};

// Phrases that turn a topic into a request ("we would like…", "how can I…", "our company…").
const REQUESTS: Record<Lang, string[]> = {
  en: ['we want', 'would like', 'we d like', 'i want', 'i d like', 'can someone', 'could someone', 'we need', 'i need', 'we are looking', 'i am looking', 'looking for', 'how can we', 'how can i', 'how do we', 'how do i', 'can you help', 'could you help', 'can we get', 'can i get', 'our company', 'our startup', 'our start up', 'our organisation', 'our organization', 'our team', 'my company', 'my startup', 'we plan', 'we are planning', 'interested in', 'apply', 'sign up', 'register', 'who can help'],
  fr: ['nous voulons', 'nous souhaitons', 'nous aimerions', 'je veux', 'je voudrais', 'je souhaite', 'j aimerais', 'nous avons besoin', 'j ai besoin', 'on cherche', 'on voudrait', 'nous cherchons', 'je cherche', 'comment pouvons nous', 'comment puis je', 'comment obtenir', 'comment acceder', 'notre entreprise', 'notre societe', 'notre start up', 'notre startup', 'notre organisation', 'notre equipe', 'ma societe', 'mon entreprise', 'ma start up', 'nous prevoyons', 'interesse', 'postuler', 'candidater', 's inscrire', 'pouvez vous nous aider', 'pouvez vous m aider'],
  de: ['wir wollen', 'wir mochten', 'wir wurden gern', 'ich mochte', 'ich will', 'ich wurde gern', 'wir brauchen', 'ich brauche', 'wir suchen', 'ich suche', 'wie konnen wir', 'wie kann ich', 'wie bekommen wir', 'wie erhalten wir', 'unser unternehmen', 'unsere firma', 'unser start up', 'unser startup', 'unsere organisation', 'unser team', 'meine firma', 'mein unternehmen', 'wir planen', 'interessiert', 'bewerben', 'anmelden', 'konnen sie uns helfen', 'konnen sie mir helfen'],
  lb: ['mir wellen', 'mir giffen', 'ech well', 'ech wellt', 'ech hatt gar', 'mir hatte gar', 'mir brauchen', 'ech brauch', 'mir sichen', 'ech sichen', 'wei kenne mir', 'wei kann ech', 'wei kreie mir', 'eis firma', 'eise betrib', 'eist betrib', 'eis entreprise', 'eis start up', 'eis organisatioun', 'mai betrib', 'meng firma', 'interesseiert', 'mir plangen', 'kennt dir eis hellefen', 'kennt dir mir hellefen', 'umellen', 'bewerben'],
};

/** Topics that signal a support request on their own ("funding for…", "can I talk to someone"). */
const SELF_SUFFICIENT: readonly SupportTopic[] = ['funding', 'contact'];

function has(text: string, stems: string[]): boolean {
  const padded = ` ${text}`;
  return stems.some((stem) => padded.includes(` ${stem}`));
}

/** Whether a message asks for support; English loanwords count in every language. */
export function detectSupportIntent(message: string, lang: Lang): SupportIntent {
  const text = normaliseText(message).replace(/[@.+]/g, ' ');
  const langs: Lang[] = lang === 'en' ? ['en'] : [lang, 'en'];
  const topics = SUPPORT_TOPICS.filter((topic) => langs.some((l) => has(text, TOPICS[topic][l])));
  const request = langs.some((l) => has(text, REQUESTS[l]));
  const intent = topics.length > 0 && (request || topics.some((topic) => SELF_SUFFICIENT.includes(topic)));
  return { intent, topics, request };
}
