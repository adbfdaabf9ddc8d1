// Withdrawing a lead with the secret link its owner holds: contact data erased, the receiver told if it ever heard.
import type { Db } from '../../db/client.ts';
import { findLead, withdrawLead } from '../../db/queries/leads.ts';
import { DomainError } from '../errors.ts';
import { tokenMatchesAny } from '../security/tokens.ts';
import { ATTEMPTS, queued, snapshot } from './events.ts';

export type WithdrawOutcome = { leadId: string; status: 'withdrawn' | 'already_withdrawn' };

export async function withdraw(db: Db, leadId: string, token: string | null | undefined, now: number): Promise<WithdrawOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const lead = await findLead(db, leadId);
    // One answer for an unknown lead and a wrong token: the link is not valid.
    if (!lead || !tokenMatchesAny(lead.withdrawTokenHashes, token)) throw new DomainError('withdraw_link_invalid');
    if (lead.status === 'withdrawn') return { leadId, status: 'already_withdrawn' };
    const version = lead.version + 1;
    const event = lead.announced ? queued('lead.withdrawn', snapshot({ ...lead, version, status: 'withdrawn', withdrawnAt: now })) : null;
    if (await withdrawLead(db, lead, crypto.randomUUID(), event, now)) return { leadId, status: 'withdrawn' };
  }
  throw new DomainError('unavailable');
}
