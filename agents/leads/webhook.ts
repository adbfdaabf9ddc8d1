// The lead webhook (schema lead.v1): payload building and HMAC-SHA256 signing with @noble/hashes (workerd and Node).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sameSecret } from '../security/tokens.ts';
import type { LeadReason } from './score.ts';

export const LEAD_SCHEMA = 'lead.v1';
export type LeadEvent = 'lead.created' | 'lead.updated' | 'lead.withdrawn';

/** The lead as the receiver sees it; contact is null after withdrawal. */
export type LeadSnapshot = {
  id: string;
  version: number;
  status: 'qualified' | 'unqualified' | 'withdrawn';
  source: 'form' | 'chat';
  lang: string;
  organisation: string;
  orgType: string;
  sector: string;
  size: string | null;
  maturity: string;
  need: string;
  pillars: string[];
  timeline: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  consentVersion: string;
  consentAt: number;
  score: number;
  qualified: boolean;
  reasons: LeadReason[];
  createdAt: number;
  updatedAt: number;
  withdrawnAt: number | null;
  /** An earlier, active lead from the same email and organisation: staff (or the receiver) may merge the two. */
  duplicateOf: string | null;
};

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What a lead says about the organisation, its need and the person to contact: the webhook and the console both show it. */
export const leadFields = (lead: LeadSnapshot) => ({
  id: lead.id,
  version: lead.version,
  status: lead.status,
  source: lead.source,
  lang: lead.lang,
  organisation: lead.organisation,
  orgType: lead.orgType,
  sector: lead.sector,
  size: lead.size,
  maturity: lead.maturity,
  need: lead.need,
  pillars: lead.pillars,
  timeline: lead.timeline,
  contact: { name: lead.contactName, email: lead.contactEmail, phone: lead.contactPhone },
});

/** The JSON body for one event; a withdrawal carries no contact or business data, only what identifies the lead. */
export function buildLeadPayload(event: LeadEvent, lead: LeadSnapshot, { withdrawUrl }: { withdrawUrl?: string } = {}) {
  if (event === 'lead.withdrawn') {
    return { schema: LEAD_SCHEMA, event, lead: { id: lead.id, version: lead.version, status: 'withdrawn', withdrawnAt: iso(lead.withdrawnAt) } };
  }
  return {
    schema: LEAD_SCHEMA,
    event,
    lead: {
      ...leadFields(lead),
      consent: { given: true, version: lead.consentVersion, at: iso(lead.consentAt) },
      score: lead.score,
      qualified: lead.qualified,
      reasons: lead.reasons,
      createdAt: iso(lead.createdAt),
      updatedAt: iso(lead.updatedAt),
      duplicateOf: lead.duplicateOf,
      ...(withdrawUrl ? { withdrawUrl } : {}),
    },
  };
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, with one `v1=` per secret: during a rotation
 * the current and the next secret both sign, so a receiver that knows either one accepts the delivery.
 */
export function signWebhook(secrets: string | readonly string[], timestampSeconds: number, rawBody: string): string {
  const signed = utf8ToBytes(`${timestampSeconds}.${rawBody}`);
  const macs = [secrets].flat().map((secret) => `v1=${bytesToHex(hmac(sha256, utf8ToBytes(secret), signed))}`);
  return [`t=${timestampSeconds}`, ...macs].join(',');
}

/**
 * What a receiver does: recompute the signature with its secret, compare it in constant time with each `v1=` of the
 * header (one matching is enough), and reject old timestamps (replays).
 */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, rawBody: string, { nowSeconds, toleranceSeconds = 300 }: { nowSeconds: number; toleranceSeconds?: number }): boolean {
  const parts = (header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  const given = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => value!.toLowerCase());
  if (!Number.isInteger(t) || given.length === 0 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signWebhook(secret, t, rawBody).split(',v1=')[1]!;
  // Every value is compared, so the time taken says nothing about which one matched.
  return given.reduce((found, mac) => sameSecret(expected, mac) || found, false);
}
