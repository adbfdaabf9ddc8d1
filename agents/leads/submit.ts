// Submitting a consented lead (form or chat): always a new lead; a repeat of an active one is marked for staff.
import type { Db } from '../../db/client.ts';
import { findLeadByDedupeKey, insertLead } from '../../db/queries/leads.ts';
import { DomainError } from '../errors.ts';
import type { Lang } from '../language/languages.ts';
import { DAY_MS } from '../ports.ts';
import { randomToken, sha256Hex } from '../security/tokens.ts';
import { ATTEMPTS, queued, snapshot, withdrawUrlFor } from './events.ts';
import { dedupeKey, DEDUPE_WINDOW_MS } from './identity.ts';
import { scoreLead, type ScoredFacts } from './score.ts';

/** What a person submits: the facts the score reads, plus who they are and their consent. */
export type LeadSubmission = ScoredFacts & {
  source: 'form' | 'chat';
  conversationId?: string | null;
  organisation: string;
  contact: { name: string; email: string; phone?: string | null };
  lang: Lang;
  consent: { version: string };
};

export type LeadSettings = {
  now: number;
  /** LEAD_QUALIFY_THRESHOLD */
  threshold: number;
  /** LEAD_RETENTION_DAYS: how long an unqualified lead (never sent) is kept. */
  retentionDays: number;
  /** Origin of the public API, for the withdraw link. */
  baseUrl: string;
};

export type SubmittedLead = { leadId: string; score: number; qualified: boolean; withdrawUrl: string };

const isUniqueViolation = (error: unknown) => /UNIQUE constraint failed/i.test(String((error as { message?: string })?.message) + String((error as { cause?: { message?: string } })?.cause?.message));

/**
 * Stores a consented lead and, when it qualifies, its `lead.created` event in the same batch. A lead changes only
 * through a secret its owner holds (the withdraw link), never through a match on e-mail and organisation: anyone
 * can type those. So a repeat within 30 days is a new lead marked `duplicateOf` the active one, for staff (and the
 * receiver) to merge, and the answer is the same whether an earlier lead exists or not.
 */
export async function submitLead(db: Db, input: LeadSubmission, settings: LeadSettings): Promise<SubmittedLead> {
  const { now } = settings;
  const key = dedupeKey(input.contact.email, input.organisation);
  const token = randomToken(32);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const earlier = await findLeadByDedupeKey(db, key);
    const duplicateOf = earlier && earlier.status !== 'withdrawn' && earlier.updatedAt >= now - DEDUPE_WINDOW_MS ? earlier.id : null;
    const id = crypto.randomUUID();
    const record = {
      id,
      version: 1,
      source: input.source,
      conversationId: input.conversationId ?? null,
      lang: input.lang,
      organisation: input.organisation,
      orgType: input.orgType,
      sector: input.sector,
      size: input.size ?? null,
      maturity: input.maturity,
      need: input.need,
      pillars: input.pillars ?? [],
      timeline: input.timeline ?? null,
      contactName: input.contact.name,
      contactEmail: input.contact.email,
      contactPhone: input.contact.phone || null,
      consentVersion: input.consent.version,
      consentAt: now,
      createdAt: now,
      updatedAt: now,
      withdrawnAt: null,
      duplicateOf,
    };
    const scored = scoreLead(record, { threshold: settings.threshold });
    const lead = { ...record, score: scored.score, qualified: scored.qualified, reasons: scored.reasons, status: scored.qualified ? ('qualified' as const) : ('unqualified' as const) };
    const withdrawUrl = withdrawUrlFor(settings.baseUrl, id, token);
    try {
      await insertLead(
        db,
        {
          ...lead,
          writeId: crypto.randomUUID(),
          // The active lead keeps the key; a duplicate holds none, so a third submission is matched to the first.
          dedupeKey: duplicateOf ? null : key,
          announced: scored.qualified,
          withdrawTokenHashes: [sha256Hex(token)],
          retainUntil: scored.qualified ? null : now + settings.retentionDays * DAY_MS,
        },
        scored.qualified ? queued('lead.created', snapshot(lead), withdrawUrl) : null,
        now,
        now - DEDUPE_WINDOW_MS,
      );
      return { leadId: id, score: scored.score, qualified: scored.qualified, withdrawUrl };
    } catch (error) {
      // Someone stored a lead with the same key at the same moment: go round again, now as its duplicate.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new DomainError('unavailable');
}
