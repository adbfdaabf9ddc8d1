// dispatchLeads: posts due outbox rows to LEAD_WEBHOOK_URL, signed, with a per-row lease, a timeout per POST,
// backoff with jitter between attempts, and `failed` after the last one. Delivery is at least once; the
// Idempotency-Key (`leadId:version`, the same on every retry) lets the receiver process each event once.
import type { Db } from '../../db/client.ts';
import { claimDueDeliveries, countDeliveries, finishDelivery, type OutboxRow } from '../../db/queries/leads.ts';
import type { Clock, Log } from '../ports.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { LEAD_SCHEMA, signWebhook } from './webhook.ts';

/**
 * What a dispatch run uses: the outbox, the receiver's address and key (LEAD_WEBHOOK_URL, _SECRET, and during a
 * rotation _SECRET_NEXT, which signs beside it), HTTP, time, log.
 */
export type DispatchPorts = { db: Db; webhook: WebhookTarget; fetch: typeof fetch; now: Clock; log: Log };
export type WebhookTarget = { url?: string; secret?: string; nextSecret?: string };

export type DispatchOptions = {
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  /** Who holds the leases this run takes (a process or run id). */
  instanceId?: string;
  /** Rows claimed and posted (concurrently) per round. */
  batchSize?: number;
  /** Rounds per run at most; a run stops earlier when nothing is due. */
  maxRounds?: number;
  /** No new round starts after this long, so a run stays well inside its job lease. */
  budgetMs?: number;
  timeoutMs?: number;
  /** How long a claimed row stays ours; must outlast the POST's timeout (default: twice it, plus 5 s). */
  leaseMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
};

export type DispatchReport =
  | { status: 'waiting'; reason: 'no_webhook_url' | 'no_webhook_secret'; queued: number }
  | { status: 'ran'; claimed: number; delivered: number; retrying: number; failed: number; leaseLost: number };

export const DISPATCH_DEFAULTS = { batchSize: 10, maxRounds: 10, budgetMs: 30_000, timeoutMs: 10_000, maxAttempts: 8 } as const;

/** Statuses a receiver may answer that no retry will fix (a wrong secret, a rejected body): failed at once, retry by hand. */
const PERMANENT: readonly number[] = [400, 401, 403, 404, 410, 413, 422];

type Outcome = { status: 'delivered' } | { status: 'rejected'; error: string } | { status: 'transient'; error: string };

async function post(fetcher: typeof fetch, url: string, secrets: readonly string[], row: OutboxRow, nowMs: number, timeoutMs: number): Promise<Outcome> {
  const body = row.payload!;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([
      fetcher(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature': signWebhook(secrets, Math.floor(nowMs / 1000), body),
          'idempotency-key': row.idempotencyKey,
          'x-lead-schema': LEAD_SCHEMA,
          'x-lead-event': row.event,
        },
        body,
        signal: controller.signal,
      }),
      timeout,
    ]);
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { status: 'delivered' };
    const error = `http_${response.status}`;
    return PERMANENT.includes(response.status) ? { status: 'rejected', error } : { status: 'transient', error };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'transient', error: message === 'timeout' || controller.signal.aborted ? 'timeout' : `network: ${message}`.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** Sends what is due; with no webhook configured the leads wait in the outbox (and can be exported as CSV). */
export async function dispatchLeads(deps: DispatchPorts, options: DispatchOptions = {}): Promise<DispatchReport> {
  const { db, log } = deps;
  const now = options.now ?? deps.now;
  const random = options.random ?? Math.random;
  const fetcher = options.fetch ?? deps.fetch;
  const instanceId = options.instanceId ?? crypto.randomUUID();
  const batchSize = options.batchSize ?? DISPATCH_DEFAULTS.batchSize;
  const maxRounds = options.maxRounds ?? DISPATCH_DEFAULTS.maxRounds;
  const budgetMs = options.budgetMs ?? DISPATCH_DEFAULTS.budgetMs;
  const timeoutMs = options.timeoutMs ?? DISPATCH_DEFAULTS.timeoutMs;
  const leaseMs = options.leaseMs ?? timeoutMs * 2 + 5_000;
  const maxAttempts = options.maxAttempts ?? DISPATCH_DEFAULTS.maxAttempts;

  const { url, secret, nextSecret } = deps.webhook;
  if (!url || !secret) {
    const counts = await countDeliveries(db);
    return { status: 'waiting', reason: url ? 'no_webhook_secret' : 'no_webhook_url', queued: counts.pending + counts.retrying };
  }

  const secrets = nextSecret ? [secret, nextSecret] : [secret];
  const report = { status: 'ran' as const, claimed: 0, delivered: 0, retrying: 0, failed: 0, leaseLost: 0 };
  const runStarted = now();
  for (let round = 0; round < maxRounds; round++) {
    const started = now();
    if (started - runStarted > budgetMs) break;
    const rows = await claimDueDeliveries(db, { owner: instanceId, now: started, leaseUntil: started + leaseMs, limit: batchSize });
    if (rows.length === 0) break;
    report.claimed += rows.length;
    await Promise.all(
      rows.map(async (row) => {
        // A row withdrawn after it was queued has no payload left: nothing to send.
        const outcome: Outcome = row.payload === null ? { status: 'rejected', error: 'no_payload' } : await post(fetcher, url, secrets, row, now(), timeoutMs);
        const at = now();
        let kept: boolean;
        if (outcome.status === 'delivered') {
          kept = await finishDelivery(db, row.id, instanceId, { status: 'delivered', at });
          report.delivered++;
        } else if (outcome.status === 'rejected' || row.attempts >= maxAttempts) {
          kept = await finishDelivery(db, row.id, instanceId, { status: 'failed', at, error: outcome.error });
          report.failed++;
          log.warn('lead delivery failed', { key: row.idempotencyKey, attempts: row.attempts, error: outcome.error });
        } else {
          const nextAttemptAt = at + backoffDelay(row.attempts, random, options.backoff);
          kept = await finishDelivery(db, row.id, instanceId, { status: 'retrying', at, nextAttemptAt, error: outcome.error });
          report.retrying++;
        }
        // Our lease ran out and another instance took the row: it will settle it; the receiver de-duplicates.
        if (!kept) report.leaseLost++;
      }),
    );
  }
  if (report.claimed) log.info('leads dispatched', { ...report });
  return report;
}
