// The facts of a lead, one schema for POST /api/leads and the capture_lead tool; each field names its error code.
import { z } from 'zod';
import { MATURITIES, ORG_TYPES, PILLARS } from './vocabulary.ts';

const required = (code: string, max: number) => z.string({ error: code }).trim().min(1, { error: code }).max(max, { error: 'field_too_long' });

/** Digits with the usual separators and an optional leading +, 6 to 25 characters. */
export const PHONE = /^\+?[\d\s().\/-]{6,25}$/;

export const LeadFactsSchema = z.object({
  organisation: required('organisation_missing', 200).describe('Name of the organisation'),
  orgType: z.enum(ORG_TYPES, { error: 'org_type_invalid' }).describe('Type of organisation'),
  sector: required('sector_missing', 120).describe('Sector the organisation works in, in the user’s words'),
  maturity: z.enum(MATURITIES, { error: 'maturity_invalid' }).describe('exploring ideas, piloting, or deploying AI in production'),
  need: required('need_missing', 2000).describe('What the user wants to achieve with AI, in their words'),
  // Free text is kept (a pillar named in other words scores nothing, but the person's words reach staff).
  pillars: z
    .array(z.string().trim().min(1, { error: 'pillars_invalid' }).max(60, { error: 'pillars_invalid' }), { error: 'pillars_invalid' })
    .max(12, { error: 'pillars_invalid' })
    .describe(`Service pillars that match the need: ${PILLARS.join(', ')}`),
  timeline: z.string({ error: 'timeline_invalid' }).trim().max(100, { error: 'field_too_long' }).describe('When the user wants to start: now, 3_months, 6_months, 12_months, later, or their words'),
});

export const ContactSchema = z.object(
  {
    name: required('contact_name_missing', 120).describe('Name of the person to contact'),
    email: z.string({ error: 'email_invalid' }).trim().max(254, { error: 'email_invalid' }).pipe(z.email({ error: 'email_invalid' })).describe('Email address of the person to contact'),
    phone: z.string({ error: 'phone_invalid' }).trim().regex(PHONE, { error: 'phone_invalid' }).describe('Phone number, only if the user gave one'),
  },
  { error: 'contact_name_missing' },
);
