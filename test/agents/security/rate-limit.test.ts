import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_LIMITS, parseLimits, windowStart } from '../../../agents/security/rate-limit.ts';

const MINUTE = 60_000;
const limit = { limit: 10, windowMs: MINUTE };
const at = (msIntoWindow: number) => 7 * MINUTE + msIntoWindow;

describe('decide (sliding window over two fixed windows)', () => {
  it.each([
    ['under the limit', { current: 10, previous: 0 }, 0, true],
    ['over it in the current window alone', { current: 11, previous: 0 }, 30_000, false],
    ['the previous window weighs by its overlap: 20 × 0.75 + 1 > 10', { current: 1, previous: 20 }, 15_000, false],
    ['… and fades: 20 × 0.25 + 4 ≤ 10', { current: 4, previous: 20 }, 45_000, true],
  ])('%s', (_, counts, into, allowed) => {
    expect(decide(counts, limit, at(into)).allowed).toBe(allowed);
  });

  it('says when the estimate is back under the limit', () => {
    // 20 × (1 − t/60 s) + 1 ≤ 10 from t = 33 s on: 18 s after 15 s into the window.
    expect(decide({ current: 1, previous: 20 }, limit, at(15_000))).toEqual({ allowed: false, retryAfterSeconds: 18 });
    // 15 in this window, 30 s left: then 15 × (1 − t/60 s) ≤ 10 takes 20 s more.
    expect(decide({ current: 15, previous: 0 }, limit, at(30_000))).toEqual({ allowed: false, retryAfterSeconds: 50 });
  });

  it('starts windows on multiples of their length', () => {
    expect(windowStart(at(12_345), MINUTE)).toBe(7 * MINUTE);
  });
});

describe('parseLimits', () => {
  it('keeps the defaults and overrides bucket by bucket', () => {
    const limits = parseLimits('chat=5/30s, escalation.conversation=1/2h');
    expect(limits.chat.client).toEqual({ limit: 5, windowMs: 30_000 });
    expect(limits.chat.conversation).toEqual(DEFAULT_LIMITS.chat.conversation);
    expect(limits.escalation.conversation).toEqual({ limit: 1, windowMs: 2 * 60 * MINUTE });
    expect(parseLimits('')).toEqual(DEFAULT_LIMITS);
  });

  it.each(['chat=5', 'chats=5/1m', 'chat=5/1d', 'chat=-1/1m', 'chat.client=5/1m'])('refuses %s', (text) => {
    expect(() => parseLimits(text)).toThrow();
  });
});
