// Lead use cases shared by POST /api/leads and the capture_lead tool: submit (create or update within 30 days),
// withdraw, promote. Each change and the webhook event announcing it are written in one batch.
import { dedupeKey, DEDUPE_WINDOW_MS, hashToken, newWithdrawToken, tokenMatchesAny } from '../../agents/leads/identity.ts';
import { scoreLead, type ScoredFacts } from '../../agents/leads/score.ts';
import { buildLeadPayload, type LeadEvent, type LeadSnapshot } from '../../agents/leads/webhook.ts';
import type { Lang } from '../../agents/language/languages.ts';
import type { Db } from '../../db/client.ts';
import { findLead, findLeadByDedupeKey, insertLead, updateLead, withdrawLead, type Lead, type QueuedEvent } from '../../db/queries/leads.ts';
import { AppError } from '../errors.ts';

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

export type SubmittedLead = { leadId: string; version: number; score: number; qualified: boolean; withdrawUrl: string; updated: boolean };

const DAY_MS = 24 * 60 * 60 * 1000;
const ATTEMPTS = 4;
/** Withdraw links that stay valid per lead (one per submission). */
const KEPT_TOKENS = 5;

export const withdrawUrlFor = (baseUrl: string, leadId: string, token: string) => `${baseUrl.replace(/\/$/, '')}/api/leads/${encodeURIComponent(leadId)}/withdraw?token=${token}`;

const isUniqueViolation = (error: unknown) => /UNIQUE constraint failed/i.test(String((error as { message?: string })?.message) + String((error as { cause?: { message?: string } })?.cause?.message));

function snapshot(lead: Omit<Lead, 'writeId' | 'dedupeKey' | 'withdrawTokenHashes' | 'announced' | 'promotedAt' | 'retainUntil' | 'conversationId'>): LeadSnapshot {
  return { ...lead, withdrawnAt: lead.withdrawnAt ?? null };
}

function queued(event: LeadEvent, lead: LeadSnapshot, withdrawUrl?: string): QueuedEvent {
  return { event, version: lead.version, payload: JSON.stringify(buildLeadPayload(event, lead, { withdrawUrl })) };
}

/**
 * Stores a consented lead. The same email + organisation touched within 30 days updates that lead (version + 1,
 * `lead.updated`, or `lead.created` if it only now qualifies). Qualified leads are queued for the webhook in the same
 * batch; unqualified ones are stored, not sent, and expire after the retention period.
 */
export async function submitLead(db: Db, input: LeadSubmission, settings: LeadSettings): Promise<SubmittedLead> {
  const { now } = settings;
  const key = dedupeKey(input.contact.email, input.organisation);
  const token = newWithdrawToken();
  const tokenHash = hashToken(token);
  const fields = {
    lang: input.lang,
    organisation: input.organisation,
    orgType: input.orgType,
    sector: input.sector,
    maturity: input.maturity,
    need: input.need,
    contactName: input.contact.name,
    contactEmail: input.contact.email,
    consentVersion: input.consent.version,
    consentAt: now,
    updatedAt: now,
  };
  for (let attempt = 1; ; attempt++) {
    const existing = await findLeadByDedupeKey(db, key);
    try {
      if (existing && existing.status !== 'withdrawn' && existing.updatedAt >= now - DEDUPE_WINDOW_MS) {
        // Answers left out this time keep their earlier value.
        const merged = {
          ...fields,
          size: input.size ?? existing.size,
          pillars: input.pillars?.length ? input.pillars : existing.pillars,
          timeline: input.timeline ?? existing.timeline,
          contactPhone: input.contact.phone ?? existing.contactPhone,
          conversationId: input.conversationId ?? existing.conversationId,
        };
        const scored = scoreLead(merged, { threshold: settings.threshold });
        // A lead staff promoted stays qualified.
        const qualified = scored.qualified || existing.promotedAt !== null;
        const version = existing.version + 1;
        const announce = qualified || existing.announced;
        const withdrawUrl = withdrawUrlFor(settings.baseUrl, existing.id, token);
        const next = { ...existing, ...merged, score: scored.score, reasons: scored.reasons, qualified, status: qualified ? ('qualified' as const) : ('unqualified' as const), version };
        const writeId = crypto.randomUUID();
        const event = announce ? queued(existing.announced ? 'lead.updated' : 'lead.created', snapshot(next), withdrawUrl) : null;
        const landed = await updateLead(
          db,
          existing.id,
          existing.version,
          {
            ...merged,
            score: scored.score,
            reasons: scored.reasons,
            qualified,
            status: next.status,
            version,
            writeId,
            announced: announce,
            withdrawTokenHashes: [...existing.withdrawTokenHashes, tokenHash].slice(-KEPT_TOKENS),
            retainUntil: announce ? null : now + settings.retentionDays * DAY_MS,
          },
          event,
          now,
        );
        if (landed) return { leadId: existing.id, version, score: scored.score, qualified, withdrawUrl, updated: true };
      } else {
        const id = crypto.randomUUID();
        const record = {
          ...fields,
          id,
          version: 1,
          source: input.source,
          conversationId: input.conversationId ?? null,
          size: input.size ?? null,
          pillars: input.pillars ?? [],
          timeline: input.timeline ?? null,
          contactPhone: input.contact.phone || null,
          createdAt: now,
          withdrawnAt: null,
        };
        const scored = scoreLead(record, { threshold: settings.threshold });
        const status = scored.qualified ? ('qualified' as const) : ('unqualified' as const);
        const withdrawUrl = withdrawUrlFor(settings.baseUrl, id, token);
        const lead = { ...record, score: scored.score, qualified: scored.qualified, reasons: scored.reasons, status };
        await insertLead(
          db,
          {
            ...lead,
            writeId: crypto.randomUUID(),
            dedupeKey: key,
            announced: scored.qualified,
            withdrawTokenHashes: [tokenHash],
            retainUntil: scored.qualified ? null : now + settings.retentionDays * DAY_MS,
          },
          scored.qualified ? queued('lead.created', snapshot(lead), withdrawUrl) : null,
          now,
          now - DEDUPE_WINDOW_MS,
        );
        return { leadId: id, version: 1, score: scored.score, qualified: scored.qualified, withdrawUrl, updated: false };
      }
    } catch (error) {
      // Someone stored the same lead at the same moment: go round again, now as an update.
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
      continue;
    }
    if (attempt >= ATTEMPTS) throw new AppError(503, 'unavailable');
  }
}

export type WithdrawOutcome = { leadId: string; status: 'withdrawn' | 'already_withdrawn' };

/** Erases the contact data of the lead the token belongs to and queues `lead.withdrawn` if it was ever sent. */
export async function withdraw(db: Db, leadId: string, token: string | null | undefined, now: number): Promise<WithdrawOutcome> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const lead = await findLead(db, leadId);
    // One answer for an unknown lead and a wrong token: the link is not valid.
    if (!lead || !tokenMatchesAny(lead.withdrawTokenHashes, token)) throw new AppError(404, 'withdraw_link_invalid');
    if (lead.status === 'withdrawn') return { leadId, status: 'already_withdrawn' };
    const version = lead.version + 1;
    const event = lead.announced ? queued('lead.withdrawn', snapshot({ ...lead, version, status: 'withdrawn', withdrawnAt: now })) : null;
    if (await withdrawLead(db, lead, crypto.randomUUID(), event, now)) return { leadId, status: 'withdrawn' };
  }
  throw new AppError(503, 'unavailable');
}

/** Staff promote an unqualified lead: it is queued for the webhook like a qualified one, and the act is audited. */
export async function promote(db: Db, leadId: string, { actor, reason, now, baseUrl }: { actor: string; reason: string; now: number; baseUrl: string }) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const lead = await findLead(db, leadId);
    if (!lead) throw new AppError(404, 'lead_not_found');
    if (lead.status !== 'unqualified') throw new AppError(409, 'lead_not_promotable', { status: lead.status });
    const version = lead.version + 1;
    const token = newWithdrawToken();
    const writeId = crypto.randomUUID();
    const next = { ...lead, version, status: 'qualified' as const, qualified: true, updatedAt: now };
    const event = queued(lead.announced ? 'lead.updated' : 'lead.created', snapshot(next), withdrawUrlFor(baseUrl, leadId, token));
    const landed = await updateLead(
      db,
      leadId,
      lead.version,
      { status: 'qualified', qualified: true, promotedAt: now, updatedAt: now, version, writeId, announced: true, retainUntil: null, withdrawTokenHashes: [...lead.withdrawTokenHashes, hashToken(token)].slice(-KEPT_TOKENS) },
      event,
      now,
      { at: now, actor, action: 'lead.promoted', subjectType: 'lead', subjectId: leadId, details: { reason, score: lead.score, fromVersion: lead.version, toVersion: version } },
    );
    if (landed) return { leadId, version, status: 'qualified' as const };
  }
  throw new AppError(503, 'unavailable');
}
