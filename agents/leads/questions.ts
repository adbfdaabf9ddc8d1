// The qualification flow: which question comes next is a pure function of what has been gathered so far.
import type { Lang } from '../language/languages.ts';
import type { Maturity, OrgType } from './vocabulary.ts';

/** What a chat has gathered so far (the capture_lead tool's state), stored per conversation. */
export type LeadDraft = {
  organisation?: string;
  orgType?: OrgType;
  sector?: string;
  size?: string;
  maturity?: Maturity;
  need?: string;
  pillars?: string[];
  timeline?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  preferredLang?: Lang;
  /** Optional questions the person chose not to answer: never asked again. */
  skipped?: LeadQuestion[];
  /** The question asked last: consent only counts as an answer to the consent question. */
  asked?: LeadQuestion;
  consent?: { given: boolean; version: string; at: number };
};

/** The order of the questions (each key is `leads:questions.<key>` in the locales). */
export const LEAD_QUESTIONS = [
  'organisation',
  'orgType',
  'sector',
  'size',
  'maturity',
  'need',
  'pillars',
  'timeline',
  'contactName',
  'contactEmail',
  'contactPhone',
  'preferredLang',
  'consent',
] as const;
export type LeadQuestion = (typeof LEAD_QUESTIONS)[number];

/** Questions that may be skipped; the others must be answered before consent is asked. */
export const OPTIONAL_QUESTIONS: readonly LeadQuestion[] = ['size', 'pillars', 'timeline', 'contactPhone', 'preferredLang'];

function answered(state: LeadDraft, key: LeadQuestion): boolean {
  if (key === 'consent') return state.consent?.given === true;
  const value = state[key];
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' && value.trim().length > 0;
}

/** The next question to ask, or null when every required answer and the consent are there (ready to submit). */
export function nextLeadQuestion(state: LeadDraft): LeadQuestion | null {
  for (const key of LEAD_QUESTIONS) {
    if (answered(state, key)) continue;
    if (OPTIONAL_QUESTIONS.includes(key) && state.skipped?.includes(key)) continue;
    return key;
  }
  return null;
}

/** Required questions not answered yet (consent excluded). */
export function missingAnswers(state: LeadDraft): LeadQuestion[] {
  return LEAD_QUESTIONS.filter((key) => key !== 'consent' && !OPTIONAL_QUESTIONS.includes(key) && !answered(state, key));
}
