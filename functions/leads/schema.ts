// The body of POST /api/leads (design.md): the shared lead facts plus contact, consent and language; every failing
// field names a localized error code.
import { z } from 'zod';
import { LANGS } from '../../agents/language/languages.ts';
import { ContactSchema, LeadFactsSchema } from '../../agents/leads/facts.ts';

// A form sends "" for a field left empty: that is an answer left out, not a bad value.
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value: z.input<T> | null | undefined) => (typeof value === 'string' && value.trim() === '' ? null : value), schema.nullish());

export const LeadSchema = LeadFactsSchema.extend({
  conversationId: z.string().max(100).nullish(),
  size: blankIsAbsent(z.union([z.string().trim().max(60, { error: 'field_too_long' }), z.number().int().nonnegative()], { error: 'size_invalid' }).transform(String)),
  pillars: LeadFactsSchema.shape.pillars.nullish(),
  timeline: blankIsAbsent(LeadFactsSchema.shape.timeline),
  contact: ContactSchema.extend({ phone: blankIsAbsent(ContactSchema.shape.phone) }),
  lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
  consent: z.object({ given: z.literal(true, { error: 'consent_required' }), version: z.string({ error: 'consent_required' }).trim().min(1, { error: 'consent_required' }).max(40, { error: 'consent_required' }) }, { error: 'consent_required' }),
});

export type LeadBody = z.infer<typeof LeadSchema>;

/** The body of POST /api/leads/:id/withdraw (JSON or the confirm page's form); without one, the link's ?token=. */
export const WithdrawSchema = z.object({ token: z.string().max(200).nullish() });
