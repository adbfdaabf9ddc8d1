// Leads for Luxinnovation, their webhook outbox, qualification drafts from chat, and the staff audit log.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { LeadReason } from '../../agents/leads/score.ts';

export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    // Bumped on every change that is announced (update, promotion, withdrawal): the webhook key is `<id>:<version>`.
    version: integer('version').notNull().default(1),
    // Random per write: statements batched with a lead change run only if that change is the one that landed.
    writeId: text('write_id').notNull(),
    status: text('status', { enum: ['qualified', 'unqualified', 'withdrawn'] }).notNull(),
    source: text('source', { enum: ['form', 'chat'] }).notNull(),
    conversationId: text('conversation_id'),
    lang: text('lang', { enum: ['en', 'fr', 'de', 'lb'] }).notNull(),
    organisation: text('organisation').notNull(),
    orgType: text('org_type', { enum: ['sme', 'startup', 'large', 'public', 'research', 'individual'] }).notNull(),
    sector: text('sector').notNull(),
    size: text('size'),
    maturity: text('maturity', { enum: ['exploring', 'piloting', 'deploying'] }).notNull(),
    need: text('need').notNull(),
    pillars: text('pillars', { mode: 'json' }).$type<string[]>().notNull(),
    timeline: text('timeline'),
    // Contact data: erased (null) when the person withdraws.
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    // SHA-256 of normalised email + organisation, held by the active lead of that pair for 30 days; null on a
    // duplicate, once withdrawn, or outside the window.
    dedupeKey: text('dedupe_key'),
    // The active lead this one repeats (same email + organisation within 30 days): staff merge, nothing is overwritten.
    duplicateOf: text('duplicate_of'),
    consentVersion: text('consent_version').notNull(),
    consentAt: integer('consent_at').notNull(),
    score: integer('score').notNull(),
    qualified: integer('qualified', { mode: 'boolean' }).notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<LeadReason[]>().notNull(),
    // True once an event about this lead has been queued for the webhook (later changes are `lead.updated`).
    announced: integer('announced', { mode: 'boolean' }).notNull().default(false),
    // SHA-256 of each withdraw token handed out (a promotion adds one; earlier links keep working).
    withdrawTokenHashes: text('withdraw_token_hashes', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    promotedAt: integer('promoted_at'),
    withdrawnAt: integer('withdrawn_at'),
    // Unqualified leads are deleted after LEAD_RETENTION_DAYS; null for leads that are kept.
    retainUntil: integer('retain_until'),
  },
  (t) => [uniqueIndex('leads_dedupe_key').on(t.dedupeKey), index('leads_status_retain').on(t.status, t.retainUntil)],
);

/** One webhook delivery per lead event; written in the same batch as the lead change it announces. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: text('lead_id').notNull(),
    version: integer('version').notNull(),
    event: text('event', { enum: ['lead.created', 'lead.updated', 'lead.withdrawn'] }).notNull(),
    // `<leadId>:<version>`, sent as Idempotency-Key on every attempt; unique, so one change is queued once.
    idempotencyKey: text('idempotency_key').notNull(),
    // The exact JSON body that is signed and sent; null once delivered or when the lead is withdrawn (no copies of contact data).
    payload: text('payload'),
    status: text('status', { enum: ['pending', 'retrying', 'delivered', 'failed', 'cancelled'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [uniqueIndex('outbox_idempotency_key').on(t.idempotencyKey), index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_lead').on(t.leadId, t.version)],
);

/** The partial qualification gathered in a chat by the capture_lead tool, one per conversation. */
export const leadDrafts = sqliteTable('lead_drafts', {
  conversationId: text('conversation_id').primaryKey(),
  state: text('state', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** What staff (or an operator's token) did to data about people: promotions, exports, delivery retries. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The hash chain (agents/audit/chain.ts), filled by the seal-audit job in id order: the previous row's hash and this row's. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [index('audit_log_subject').on(t.subjectType, t.subjectId)],
);
