// Exponential backoff with jitter for webhook retries: pure, the random source is passed in.

export type BackoffOptions = { baseMs?: number; maxMs?: number; factor?: number };

export const DEFAULT_BACKOFF = { baseMs: 30_000, maxMs: 60 * 60_000, factor: 2 } as const;

/**
 * Delay before retry number `attempt` (1 = after the first failure): base·factor^(attempt−1), capped, with
 * "equal jitter" — half of it fixed, half random — so retries spread out yet never come back immediately.
 */
export function backoffDelay(attempt: number, random: () => number, { baseMs = DEFAULT_BACKOFF.baseMs, maxMs = DEFAULT_BACKOFF.maxMs, factor = DEFAULT_BACKOFF.factor }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt - 1));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
