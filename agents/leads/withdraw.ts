// Withdrawing a lead: by the person with the secret link they hold, or by staff when the person asks them (by phone,
// by e-mail). Either way the contact data is erased and the receiver is told if it ever heard of the lead.
import type { Db } from '../../db/client.ts';
import { findLead, withdrawLead, type AuditEntry, type Lead } from '../../db/queries/leads.ts';
import { DomainError } from '../errors.ts';
import { tokenMatchesAny } from '../security/tokens.ts';
import { ATTEMPTS, queued, snapshot } from './events.ts';

export type WithdrawOutcome = { leadId: string; status: 'withdrawn' | 'already_withdrawn' };

/** Re-reads and retries while another write overtakes this one; `allowed` throws when the lead may not be withdrawn. */
async function withdrawWith(db: Db, leadId: string, now: number, allowed: (lead: Lead | undefined) => asserts lead is Lead, audit?: (lead: Lead) => AuditEntry): Promise<WithdrawOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const lead = await findLead(db, leadId);
    allowed(lead);
    if (lead.status === 'withdrawn') return { leadId, status: 'already_withdrawn' };
    const version = lead.version + 1;
    const event = lead.announced ? queued('lead.withdrawn', snapshot({ ...lead, version, status: 'withdrawn', withdrawnAt: now })) : null;
    if (await withdrawLead(db, lead, crypto.randomUUID(), event, now, audit?.(lead))) return { leadId, status: 'withdrawn' };
  }
  throw new DomainError('unavailable');
}

export function withdraw(db: Db, leadId: string, token: string | null | undefined, now: number): Promise<WithdrawOutcome> {
  return withdrawWith(db, leadId, now, (lead) => {
    // One answer for an unknown lead and a wrong token: the link is not valid.
    if (!lead || !tokenMatchesAny(lead.withdrawTokenHashes, token)) throw new DomainError('withdraw_link_invalid');
  });
}

/** Staff withdraw a lead because its person asked them to; audited with who did it and why, in the same write. */
export function withdrawOnRequest(db: Db, leadId: string, { actor, reason, now }: { actor: string; reason: string; now: number }): Promise<WithdrawOutcome> {
  return withdrawWith(
    db,
    leadId,
    now,
    (lead) => {
      if (!lead) throw new DomainError('lead_not_found');
    },
    (lead) => ({ at: now, actor, action: 'lead.withdrawn', subjectType: 'lead', subjectId: leadId, details: { reason, onRequest: true, fromStatus: lead.status, fromVersion: lead.version, toVersion: lead.version + 1 } }),
  );
}
