// Staff promote an unqualified lead: it is queued for the webhook like a qualified one, and the act is audited.
import type { Db } from '../../db/client.ts';
import { findLead, updateLead } from '../../db/queries/leads.ts';
import { DomainError } from '../errors.ts';
import { randomToken, sha256Hex } from '../security/tokens.ts';
import { ATTEMPTS, KEPT_TOKENS, queued, snapshot, withdrawUrlFor } from './events.ts';

export async function promote(db: Db, leadId: string, { actor, reason, now, baseUrl }: { actor: string; reason: string; now: number; baseUrl: string }) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const lead = await findLead(db, leadId);
    if (!lead) throw new DomainError('lead_not_found');
    // i18next picks the message for its status (lead_not_promotable_qualified, _withdrawn).
    if (lead.status !== 'unqualified') throw new DomainError('lead_not_promotable', { context: lead.status });
    const version = lead.version + 1;
    const token = randomToken(32);
    const writeId = crypto.randomUUID();
    const next = { ...lead, version, status: 'qualified' as const, qualified: true, updatedAt: now };
    const event = queued(lead.announced ? 'lead.updated' : 'lead.created', snapshot(next), withdrawUrlFor(baseUrl, leadId, token));
    const landed = await updateLead(
      db,
      leadId,
      lead.version,
      { status: 'qualified', qualified: true, promotedAt: now, updatedAt: now, version, writeId, announced: true, retainUntil: null, withdrawTokenHashes: [...lead.withdrawTokenHashes, sha256Hex(token)].slice(-KEPT_TOKENS) },
      event,
      now,
      { at: now, actor, action: 'lead.promoted', subjectType: 'lead', subjectId: leadId, details: { reason, score: lead.score, fromVersion: lead.version, toVersion: version } },
    );
    if (landed) return { leadId, version, status: 'qualified' as const };
  }
  throw new DomainError('unavailable');
}
