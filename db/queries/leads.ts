// Lead, outbox, draft and audit queries (db first). A lead change and the outbox row announcing it go in one batch;
// the outbox is leased row by row with one conditional UPDATE, so two instances never send the same row at once.
import { and, asc, count, desc, eq, exists, gte, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.ts';
import { auditLog, leadDrafts, leads, outbox } from '../schema/leads.ts';

export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxEvent = OutboxRow['event'];
export type QueuedEvent = { event: OutboxEvent; version: number; payload: string };
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

const SENDABLE = ['pending', 'retrying'] as const;

/** Inserts the outbox row only when the lead write `writeId` is the one stored (it landed, and nothing overtook it). */
function queueIf(db: Db, leadId: string, writeId: string, queued: QueuedEvent, now: number) {
  return db.run(sql`INSERT INTO ${outbox} (lead_id, version, event, idempotency_key, payload, status, attempts, next_attempt_at, created_at)
    SELECT ${leadId}, ${queued.version}, ${queued.event}, ${`${leadId}:${queued.version}`}, ${queued.payload}, 'pending', 0, ${now}, ${now}
    WHERE EXISTS (SELECT 1 FROM ${leads} WHERE ${leads.id} = ${leadId} AND ${leads.writeId} = ${writeId})`);
}

function auditIf(db: Db, leadId: string, writeId: string, entry: AuditEntry) {
  return db.run(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
    SELECT ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId ?? null}, ${JSON.stringify(entry.details)}
    WHERE EXISTS (SELECT 1 FROM ${leads} WHERE ${leads.id} = ${leadId} AND ${leads.writeId} = ${writeId})`);
}

export async function findLead(db: Db, id: string): Promise<Lead | undefined> {
  return db.select().from(leads).where(eq(leads.id, id)).get();
}

/** A lead with this email + organisation key that is not withdrawn (the key is cleared on withdrawal). */
export async function findLeadByDedupeKey(db: Db, key: string): Promise<Lead | undefined> {
  return db.select().from(leads).where(eq(leads.dedupeKey, key)).get();
}

/**
 * Inserts a lead and, when it is to be sent, its outbox row, in one batch. An older lead holding the same
 * de-duplication key but last touched before `dedupeCutoff` gives the key up in the same batch. Throws on a
 * unique-key conflict (someone created the same lead at the same moment): the caller retries as an update.
 */
export async function insertLead(db: Db, lead: NewLead & { writeId: string }, queued: QueuedEvent | null, now: number, dedupeCutoff: number) {
  const retire = lead.dedupeKey
    ? db.update(leads).set({ dedupeKey: null }).where(and(eq(leads.dedupeKey, lead.dedupeKey), lt(leads.updatedAt, dedupeCutoff)))
    : db.update(leads).set({ dedupeKey: null }).where(sql`0`);
  const insert = db.insert(leads).values(lead);
  if (queued) await db.batch([retire, insert, queueIf(db, lead.id, lead.writeId, queued, now)]);
  else await db.batch([retire, insert]);
}

/**
 * Updates a lead if it is still at `expectedVersion`, queueing `queued` and writing `audit` in the same batch only
 * when the update landed. Returns false when another write got there first (the caller re-reads and retries).
 */
export async function updateLead(db: Db, id: string, expectedVersion: number, patch: Partial<NewLead> & { writeId: string }, queued: QueuedEvent | null, now: number, audit?: AuditEntry): Promise<boolean> {
  const update = db
    .update(leads)
    .set(patch)
    .where(and(eq(leads.id, id), eq(leads.version, expectedVersion)));
  const extra = [...(queued ? [queueIf(db, id, patch.writeId, queued, now)] : []), ...(audit ? [auditIf(db, id, patch.writeId, audit)] : [])];
  const [result] = await db.batch([update, ...extra] as [typeof update, ...(typeof extra)[number][]]);
  return result.rowsAffected === 1;
}

/**
 * Withdrawal: the lead's contact data and de-duplication key erased, status withdrawn, earlier undelivered events
 * cancelled and every stored payload of it dropped (they hold contact data), and `lead.withdrawn` queued when the
 * receiver ever heard of the lead — all in one batch.
 */
export async function withdrawLead(db: Db, lead: Lead, writeId: string, queued: QueuedEvent | null, now: number, audit?: AuditEntry): Promise<boolean> {
  const update = db
    .update(leads)
    .set({ status: 'withdrawn', contactName: null, contactEmail: null, contactPhone: null, dedupeKey: null, withdrawnAt: now, updatedAt: now, version: lead.version + 1, writeId, retainUntil: null })
    .where(and(eq(leads.id, lead.id), eq(leads.version, lead.version)));
  const landed = sql`EXISTS (SELECT 1 FROM ${leads} WHERE ${leads.id} = ${lead.id} AND ${leads.writeId} = ${writeId})`;
  const cancel = db
    .update(outbox)
    .set({ status: 'cancelled', payload: null })
    .where(and(eq(outbox.leadId, lead.id), inArray(outbox.status, ['pending', 'retrying', 'failed']), lt(outbox.version, lead.version + 1), landed));
  const scrub = db
    .update(outbox)
    .set({ payload: null })
    .where(and(eq(outbox.leadId, lead.id), lt(outbox.version, lead.version + 1), landed));
  const steps = [update, cancel, scrub, ...(queued ? [queueIf(db, lead.id, writeId, queued, now)] : []), ...(audit ? [auditIf(db, lead.id, writeId, audit)] : [])];
  const [result] = await db.batch(steps as [typeof update, ...(typeof steps)[number][]]);
  return result.rowsAffected === 1;
}

/**
 * Takes up to `limit` due deliveries for `owner` until `leaseUntil`, in one statement: due (next attempt ≤ now),
 * pending or retrying, not leased by anyone (or the lease ran out), and no earlier event of the same lead still
 * waiting or in flight (events of one lead go out in version order). Counts the attempt at once, so a crash mid-POST
 * still counts.
 */
export async function claimDueDeliveries(db: Db, { owner, now, leaseUntil, limit }: { owner: string; now: number; leaseUntil: number; limit: number }): Promise<OutboxRow[]> {
  const earlier = alias(outbox, 'earlier');
  const free = or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now));
  const blocked = db
    .select({ one: sql`1` })
    .from(earlier)
    .where(
      and(
        eq(earlier.leadId, outbox.leadId),
        lt(earlier.version, outbox.version),
        or(inArray(earlier.status, [...SENDABLE]), and(sql`${earlier.leaseUntil} IS NOT NULL`, sql`${earlier.leaseUntil} > ${now}`)),
      ),
    );
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.status, [...SENDABLE]), lte(outbox.nextAttemptAt, now), free, notExists(blocked)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit);
  return db
    .update(outbox)
    .set({ leaseOwner: owner, leaseUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, due), inArray(outbox.status, [...SENDABLE]), free))
    .returning()
    .all();
}

/** Ends a lease held by `owner`: delivered, retry at `nextAttemptAt`, or failed. A cancelled row stays cancelled. */
export async function finishDelivery(db: Db, id: number, owner: string, outcome: { status: 'delivered' | 'retrying' | 'failed'; at: number; nextAttemptAt?: number; error?: string }): Promise<boolean> {
  const result = await db
    .update(outbox)
    .set({
      status: sql`CASE WHEN ${outbox.status} = 'cancelled' THEN 'cancelled' ELSE ${outcome.status} END`,
      leaseOwner: null,
      leaseUntil: null,
      ...(outcome.status === 'delivered' ? { deliveredAt: outcome.at, payload: null, lastError: null } : { lastError: outcome.error ?? null }),
      ...(outcome.nextAttemptAt !== undefined ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)));
  return result.rowsAffected === 1;
}

/**
 * A lead's failed deliveries go back to the queue for a fresh series of attempts (in version order, as ever), and
 * only if there were any, the audit row with how many, in the same batch. Returns how many went back.
 */
export async function retryFailedDeliveries(db: Db, leadId: string, now: number, audit: AuditEntry): Promise<number> {
  const update = db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null })
    .where(and(eq(outbox.leadId, leadId), eq(outbox.status, 'failed'), sql`${outbox.payload} IS NOT NULL`));
  const record = db.run(sql`INSERT INTO ${auditLog} (at, actor, action, subject_type, subject_id, details)
    SELECT ${audit.at}, ${audit.actor}, ${audit.action}, ${audit.subjectType}, ${audit.subjectId ?? null}, json_set(${JSON.stringify(audit.details)}, '$.retried', changes()) WHERE changes() > 0`);
  const [result] = await db.batch([update, record]);
  return result.rowsAffected;
}

export async function countDeliveries(db: Db): Promise<Record<OutboxRow['status'], number>> {
  const rows = await db.select({ status: outbox.status, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status).all();
  const counts = { pending: 0, retrying: 0, delivered: 0, failed: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export async function listDeliveries(db: Db, leadId: string): Promise<OutboxRow[]> {
  return db.select().from(outbox).where(eq(outbox.leadId, leadId)).orderBy(asc(outbox.version)).all();
}

/** What staff filter leads by; dates are instants (ms), `from` inclusive and `to` exclusive. */
export type LeadFilter = { status?: Lead['status']; minScore?: number; lang?: Lead['lang']; from?: number; to?: number; delivery?: 'failed' };
export type LeadRow = { lead: Lead; delivery: OutboxRow['status'] | null };

function leadsWhere(db: Db, filter: LeadFilter) {
  const failed = db.select({ one: sql`1` }).from(outbox).where(and(eq(outbox.leadId, leads.id), eq(outbox.status, 'failed')));
  return and(
    filter.status ? eq(leads.status, filter.status) : undefined,
    filter.minScore !== undefined ? gte(leads.score, filter.minScore) : undefined,
    filter.lang ? eq(leads.lang, filter.lang) : undefined,
    filter.from !== undefined ? gte(leads.createdAt, filter.from) : undefined,
    filter.to !== undefined ? lt(leads.createdAt, filter.to) : undefined,
    filter.delivery === 'failed' ? exists(failed) : undefined,
  );
}

/**
 * The state of a lead's latest webhook event (null when nothing was ever queued). The outer lead's id is named with
 * its table: in a select list drizzle writes a column bare, and a bare "id" would be the outbox row's own.
 */
const latestDelivery = sql<OutboxRow['status'] | null>`(SELECT o.status FROM ${outbox} o WHERE o.lead_id = ${sql.identifier('leads')}.${sql.identifier('id')} ORDER BY o.version DESC LIMIT 1)`;

/** Leads matching `filter`, newest first, with the state of their latest delivery; `page` leaves out the rest. */
export async function listLeads(db: Db, filter: LeadFilter, page?: { limit: number; offset: number }): Promise<LeadRow[]> {
  const query = db.select({ lead: leads, delivery: latestDelivery }).from(leads).where(leadsWhere(db, filter)).orderBy(desc(leads.createdAt), desc(leads.id));
  return page ? query.limit(page.limit).offset(page.offset).all() : query.all();
}

export async function countLeads(db: Db, filter: LeadFilter): Promise<number> {
  const row = await db.select({ n: count() }).from(leads).where(leadsWhere(db, filter)).get();
  return row?.n ?? 0;
}

export async function insertAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values(entry);
}

export async function listAudit(db: Db, subjectId: string) {
  return db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(asc(auditLog.id)).all();
}

/** Deletes unqualified leads past their retention deadline, and chat drafts untouched since `draftCutoff`. */
export async function purgeExpiredLeads(db: Db, now: number, draftCutoff: number): Promise<{ leads: number; drafts: number }> {
  const [gone, drafts] = await db.batch([
    db.delete(leads).where(and(eq(leads.status, 'unqualified'), lt(leads.retainUntil, now))),
    db.delete(leadDrafts).where(lt(leadDrafts.updatedAt, draftCutoff)),
  ]);
  return { leads: gone.rowsAffected, drafts: drafts.rowsAffected };
}

export async function loadDraft(db: Db, conversationId: string): Promise<Record<string, unknown> | undefined> {
  return (await db.select().from(leadDrafts).where(eq(leadDrafts.conversationId, conversationId)).get())?.state;
}

export async function saveDraft(db: Db, conversationId: string, state: Record<string, unknown>, now: number) {
  await db
    .insert(leadDrafts)
    .values({ conversationId, state, updatedAt: now })
    .onConflictDoUpdate({ target: leadDrafts.conversationId, set: { state, updatedAt: now } });
}

export async function deleteDraft(db: Db, conversationId: string) {
  await db.delete(leadDrafts).where(eq(leadDrafts.conversationId, conversationId));
}
