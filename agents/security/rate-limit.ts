// Rate limits as a sliding window over two fixed windows: the current window's count plus the previous one's,
// weighted by how much of it still overlaps the last `windowMs`. Counters live in the database, so the limit
// holds across instances; this file only decides. Where the requests are stored anyway (a conversation's
// questions), their times give an exact sliding window and no counter is written. Pure.
import { z } from 'zod';

export type Limit = { limit: number; windowMs: number };

/** What is limited: each route's requests per client address and, where there is one, per conversation. */
export const BUCKETS = ['chat', 'leads', 'feedback', 'escalation', 'login'] as const;
export type Bucket = (typeof BUCKETS)[number];
export type Limits = Record<Bucket, { client: Limit; conversation?: Limit }>;

const MINUTE = 60_000;

/**
 * A visitor types a question every few seconds at most, so 20 chat turns a minute per address leaves room for an
 * office behind one NAT while keeping one client from monopolising the GPUs; a conversation gets 10.
 */
export const DEFAULT_LIMITS: Limits = {
  chat: { client: { limit: 20, windowMs: MINUTE }, conversation: { limit: 10, windowMs: MINUTE } },
  leads: { client: { limit: 5, windowMs: 10 * MINUTE } },
  feedback: { client: { limit: 30, windowMs: MINUTE } },
  escalation: { client: { limit: 5, windowMs: 10 * MINUTE }, conversation: { limit: 3, windowMs: 10 * MINUTE } },
  login: { client: { limit: 30, windowMs: 15 * MINUTE } },
};

/** Counts of the window that holds `now` and of the one before it. */
export type WindowCounts = { current: number; previous: number };

export const windowStart = (now: number, windowMs: number): number => now - (now % windowMs);

/**
 * Whether a request counted in `counts` (itself included) stays within the limit, and if not, after how many
 * seconds the estimate falls back under it.
 */
export function decide(counts: WindowCounts, limit: Limit, now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const elapsed = now - windowStart(now, limit.windowMs);
  const overlap = 1 - elapsed / limit.windowMs;
  const estimate = counts.current + counts.previous * overlap;
  if (estimate <= limit.limit) return { allowed: true };
  // Without new requests the previous window's share shrinks until the estimate is back under the limit; a current
  // count already over it must wait for the next window, where it becomes the shrinking previous one.
  const waitMs =
    counts.current <= limit.limit
      ? ((estimate - limit.limit) / counts.previous) * limit.windowMs
      : limit.windowMs - elapsed + limit.windowMs * (1 - limit.limit / counts.current);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * Whether one more request stays within `limit` when earlier ones were made at `times` (any order, old ones
 * included): an exact sliding window over the last `windowMs`, and if not, when enough of them have left it.
 */
export function decideByTimes(times: readonly number[], limit: Limit, now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const inWindow = times.filter((time) => time > now - limit.windowMs).sort((a, b) => a - b);
  const over = inWindow.length + 1 - limit.limit;
  if (over <= 0) return { allowed: true };
  // The `over` oldest must leave the window; with a limit of 0 nothing ever gets in, and the answer is a window.
  const waitMs = (inWindow[over - 1] ?? now) + limit.windowMs - now;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

// RATE_LIMITS: "chat=20/1m,chat.conversation=10/1m,leads=5/10m" overrides the defaults bucket by bucket.
const Entry = z
  .string()
  .regex(/^(chat|leads|feedback|escalation|login)(\.conversation)?=\d{1,6}\/\d{1,4}[smh]$/, 'each entry is <bucket>[.conversation]=<count>/<n>s|m|h, e.g. chat=20/1m');
const UNIT_MS = { s: 1000, m: MINUTE, h: 60 * MINUTE } as const;

/** The limits in force: the defaults with RATE_LIMITS' entries over them. */
export function parseLimits(text: string): Limits {
  const limits: Limits = structuredClone(DEFAULT_LIMITS);
  for (const raw of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const entry = Entry.parse(raw);
    const [name, value] = entry.split('=') as [string, string];
    const [bucket, scope] = name.split('.') as [Bucket, 'conversation' | undefined];
    const [, count, amount, unit] = /^(\d+)\/(\d+)([smh])$/.exec(value)!;
    const limit = { limit: Number(count), windowMs: Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS] };
    if (scope) limits[bucket].conversation = limit;
    else limits[bucket].client = limit;
  }
  return limits;
}
