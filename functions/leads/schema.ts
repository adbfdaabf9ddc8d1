// The body of POST /api/leads (design.md): every failing field names a localized error code.
import { z } from 'zod';
import { LANGS } from '../../agents/language/languages.ts';
import { MATURITIES, ORG_TYPES } from '../../agents/leads/vocabulary.ts';

const required = (code: string, max: number) => z.string({ error: code }).trim().min(1, { error: code }).max(max, { error: 'field_too_long' });

export const LeadSchema = z.object({
  conversationId: z.string().max(100).nullish(),
  organisation: required('organisation_missing', 200),
  orgType: z.enum(ORG_TYPES, { error: 'org_type_invalid' }),
  sector: required('sector_missing', 120),
  size: z
    .union([z.string().trim().max(60, { error: 'field_too_long' }), z.number().int().nonnegative()], { error: 'size_invalid' })
    .transform((value) => (String(value).trim() === '' ? null : String(value)))
    .nullish(),
  maturity: z.enum(MATURITIES, { error: 'maturity_invalid' }),
  need: required('need_missing', 2000),
  pillars: z.array(z.string().trim().min(1, { error: 'pillars_invalid' }).max(60, { error: 'pillars_invalid' }), { error: 'pillars_invalid' }).max(12, { error: 'pillars_invalid' }).nullish(),
  timeline: z.string({ error: 'timeline_invalid' }).trim().max(100, { error: 'field_too_long' }).transform((value) => value || null).nullish(),
  contact: z.object(
    {
      name: required('contact_name_missing', 120),
      email: z.string({ error: 'email_invalid' }).trim().max(254, { error: 'email_invalid' }).pipe(z.email({ error: 'email_invalid' })),
      phone: z
        .string({ error: 'phone_invalid' })
        .trim()
        .regex(/^(\+?[\d\s().\/-]{6,25})?$/, { error: 'phone_invalid' })
        .transform((value) => value || null)
        .nullish(),
    },
    { error: 'contact_name_missing' },
  ),
  lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
  consent: z.object({ given: z.literal(true, { error: 'consent_required' }), version: z.string({ error: 'consent_required' }).trim().min(1, { error: 'consent_required' }).max(40, { error: 'consent_required' }) }, { error: 'consent_required' }),
});

export type LeadBody = z.infer<typeof LeadSchema>;

export const PromoteSchema = z.object({
  actor: required('actor_missing', 120),
  reason: required('reason_missing', 500),
});

export const RetrySchema = z.object({ leadId: z.string().max(100).optional(), actor: required('actor_missing', 120) });
