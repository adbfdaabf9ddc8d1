// Counts a request against its bucket's limits, per client address and per conversation, and refuses it with
// `rate_limited` (params.retryAfter in seconds) when it goes over. The address is hashed with the day's salt.
import type { Db } from '../../db/client.ts';
import { countRequest } from '../../db/queries/rate-limits.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { decide, windowStart, type Bucket, type Limit, type Limits } from './rate-limit.ts';
import { sha256Hex } from './tokens.ts';

export type RatePorts = { db: Db; now: Clock; limits: Limits; salt: (day: string) => Promise<string> };
/** Who is counted: the client's address, the conversation, or both. */
export type Requester = { address?: string; conversationId?: string };

export async function checkRate(ports: RatePorts, bucket: Bucket, who: Requester): Promise<void> {
  const now = ports.now();
  const { client, conversation } = ports.limits[bucket];
  const checks: [string, Limit][] = [];
  if (who.address !== undefined) {
    const salt = await ports.salt(new Date(now).toISOString().slice(0, 10));
    checks.push([`${bucket}:client:${sha256Hex(`${salt}|${who.address}`)}`, client]);
  }
  if (conversation && who.conversationId) checks.push([`${bucket}:conversation:${who.conversationId}`, conversation]);
  for (const [key, limit] of checks) {
    const decision = decide(await countRequest(ports.db, key, windowStart(now, limit.windowMs), limit.windowMs), limit, now);
    if (!decision.allowed) throw new DomainError('rate_limited', { retryAfter: decision.retryAfterSeconds });
  }
}
