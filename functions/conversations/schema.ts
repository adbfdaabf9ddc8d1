// The body of POST /api/conversations/:id/notify: an address for staff replies by e-mail, with the visitor's consent.
import { z } from 'zod';
import { ContactSchema } from '../../agents/leads/facts.ts';

// Consent first: without it the address is not even looked at.
export const NotifySchema = z.object(
  {
    consent: z.object(
      {
        given: z.literal(true, { error: 'consent_required' }),
        version: z.string({ error: 'consent_required' }).trim().min(1, { error: 'consent_required' }).max(40, { error: 'consent_required' }),
      },
      { error: 'consent_required' },
    ),
    email: ContactSchema.shape.email,
  },
  { error: 'consent_required' },
);
