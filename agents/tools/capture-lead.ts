// Tool capture_lead: the model passes the values it heard; the tool keeps the conversation's qualification draft,
// decides the next question with nextLeadQuestion, and submits the lead once the person has said yes to consent.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { deleteDraft, loadDraft, saveDraft } from '../../db/queries/leads.ts';
import type { Translate } from '../../locales/index.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';
import { LANGS, type Lang } from '../language/languages.ts';
import { ContactSchema, LeadFactsSchema } from '../leads/facts.ts';
import { LEAD_QUESTIONS, OPTIONAL_QUESTIONS, nextLeadQuestion, type LeadDraft, type LeadQuestion } from '../leads/questions.ts';
import type { LeadSubmission, SubmittedLead } from '../leads/submit.ts';
import type { ToolContext } from './context.ts';

/**
 * The lead facts of POST /api/leads, each optional (the model passes what it heard so far), with the contact as flat
 * fields. Values are checked when merged into the draft, so one bad value does not lose the others.
 */
export const CaptureLeadInput = LeadFactsSchema.partial().extend({
  size: z.string().trim().min(1).max(60).optional().describe('Number of employees, or a range'),
  contactName: z.string().trim().min(1).max(120).optional().describe(ContactSchema.shape.name.description ?? ''),
  contactEmail: z.string().trim().min(1).max(254).optional().describe(ContactSchema.shape.email.description ?? ''),
  contactPhone: z.string().trim().min(1).max(30).optional().describe(ContactSchema.shape.phone.description ?? ''),
  preferredLang: z.enum(LANGS).optional().describe('Language the user wants to be contacted in'),
  skipped: z.array(z.enum(OPTIONAL_QUESTIONS as [LeadQuestion, ...LeadQuestion[]])).optional().describe('Optional questions the user declined to answer'),
  consent: z.enum(['yes', 'no']).optional().describe('Only the user’s explicit answer to the consent question'),
});
export type CaptureLeadValues = z.infer<typeof CaptureLeadInput>;

export type CaptureLeadOptions = {
  conversationId: string;
  now: () => number;
  /** The conversation's language: the questions' language, and the contact language unless the user names another. */
  lang: Lang;
  t: Translate;
  /** The version of the privacy notice the consent refers to (legal/<lang>/privacy.md). */
  consentVersion: string;
  /** Stores the finished lead: submitLead (leads/submit.ts), bound to the app's db and settings. */
  submit: (lead: LeadSubmission) => Promise<SubmittedLead>;
};

export type CaptureLeadResult =
  | { status: 'collecting'; next: LeadQuestion; question: string; rejected: string[] }
  | { status: 'declined'; message: string }
  | { status: 'submitted'; leadId: string; qualified: boolean; withdrawUrl: string; message: string };


/** Merges what the model extracted into the draft; values that fail a check are left out and reported. */
export function mergeDraft(draft: LeadDraft, values: CaptureLeadValues): { draft: LeadDraft; rejected: string[] } {
  const rejected: string[] = [];
  const next: LeadDraft = { ...draft };
  for (const key of LEAD_QUESTIONS) {
    if (key === 'consent') continue;
    const value = values[key as keyof CaptureLeadValues];
    if (value === undefined) continue;
    if (key === 'contactEmail' && !ContactSchema.shape.email.safeParse(value).success) rejected.push(key);
    else if (key === 'contactPhone' && !ContactSchema.shape.phone.safeParse(value).success) rejected.push(key);
    else (next as Record<string, unknown>)[key] = value;
  }
  if (values.skipped?.length) next.skipped = [...new Set([...(draft.skipped ?? []), ...values.skipped])];
  return { draft: next, rejected };
}

/** The answer of one call, from the draft after merging; consent counts only as the answer to the consent question. */
export async function captureLead(db: Db, options: CaptureLeadOptions, values: CaptureLeadValues): Promise<CaptureLeadResult> {
  const now = options.now();
  const stored = ((await loadDraft(db, options.conversationId)) ?? {}) as LeadDraft;
  const { draft, rejected } = mergeDraft(stored, values);
  const askedConsent = stored.asked === 'consent' && nextLeadQuestion({ ...draft, consent: undefined }) === 'consent';
  if (values.consent && askedConsent) {
    if (values.consent === 'no') {
      await deleteDraft(db, options.conversationId);
      return { status: 'declined', message: 'The user declined: nothing was stored or sent. Thank them and go on helping.' };
    }
    draft.consent = { given: true, version: options.consentVersion, at: now };
  }
  const next = nextLeadQuestion(draft);
  if (next === null) {
    const lead = await options.submit({
      source: 'chat',
      conversationId: options.conversationId,
      organisation: draft.organisation!,
      orgType: draft.orgType!,
      sector: draft.sector!,
      size: draft.size ?? null,
      maturity: draft.maturity!,
      need: draft.need!,
      pillars: draft.pillars ?? null,
      timeline: draft.timeline ?? null,
      contact: { name: draft.contactName!, email: draft.contactEmail!, phone: draft.contactPhone ?? null },
      lang: draft.preferredLang ?? options.lang,
      consent: { version: draft.consent!.version },
    });
    await deleteDraft(db, options.conversationId);
    return {
      status: 'submitted',
      leadId: lead.leadId,
      qualified: lead.qualified,
      withdrawUrl: lead.withdrawUrl,
      message: options.t(lead.qualified ? 'leads:form.sent' : 'leads:form.stored'),
    };
  }
  await saveDraft(db, options.conversationId, { ...draft, asked: next } as Record<string, unknown>, now);
  return { status: 'collecting', next, question: options.t(`leads:questions.${next}`), rejected };
}

/**
 * The factory for a turn's registry, e.g.
 * `publicTools().register(captureLeadTool({ conversationId, now: deps.now, i18n: deps.i18n, submit }))`.
 */
export function captureLeadTool(options: Pick<CaptureLeadOptions, 'conversationId' | 'now' | 'submit'> & { i18n: { forLang(lang: Lang): Translate } }) {
  return (context: ToolContext) => {
    const { db } = context;
    const bound: CaptureLeadOptions = {
      ...options,
      lang: context.lang,
      t: options.i18n.forLang(context.lang),
      consentVersion: PRIVACY_VERSION,
    };
    return tool(async (values: CaptureLeadValues) => JSON.stringify(await captureLead(db, bound, values)), {
      name: 'capture_lead',
      description:
        'Record what the user said about their organisation and project when they want support from the AI Factory (a project, funding, training, infrastructure, data access). Pass only values the user stated; never guess. The result names the next question: ask it in the user’s language, one question at a time. Ask for consent only when the result says so, and pass consent "yes" or "no" only as the user’s own answer to it.',
      schema: CaptureLeadInput,
    });
  };
}
