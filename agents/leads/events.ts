// A lead change as the webhook receiver will see it: the snapshot and the outbox row queued with the change.
import type { Lead, QueuedEvent } from '../../db/queries/leads.ts';
import { buildLeadPayload, type LeadEvent, type LeadSnapshot } from './webhook.ts';

/** The lead without what only this database needs (write ids, token hashes, retention). */
export function snapshot(lead: Omit<Lead, 'writeId' | 'dedupeKey' | 'withdrawTokenHashes' | 'announced' | 'promotedAt' | 'retainUntil' | 'conversationId'>): LeadSnapshot {
  return { ...lead, withdrawnAt: lead.withdrawnAt ?? null, duplicateOf: lead.duplicateOf ?? null };
}

export function queued(event: LeadEvent, lead: LeadSnapshot, withdrawUrl?: string): QueuedEvent {
  return { event, version: lead.version, payload: JSON.stringify(buildLeadPayload(event, lead, { withdrawUrl })) };
}

export const withdrawUrlFor = (baseUrl: string, leadId: string, token: string) => `${baseUrl.replace(/\/$/, '')}/api/leads/${encodeURIComponent(leadId)}/withdraw?token=${token}`;

/** Withdraw links that stay valid per lead (a promotion hands out a new one). */
export const KEPT_TOKENS = 5;
/** Optimistic writes retried this often before the use case gives up as unavailable. */
export const ATTEMPTS = 4;
