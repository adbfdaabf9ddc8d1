import { describe, expect, it } from 'vitest';
import { decide, decideByTimes, DEFAULT_LIMITS, parseLimits, windowStart } from '../../../agents/security/rate-limit.ts';

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

describe('decideByTimes (exact sliding window over stored requests)', () => {
  const now = at(20_000);
  const times = (...agoMs: number[]) => agoMs.map((ago) => now - ago);

  it('counts only the requests of the last window, this one included', () => {
    expect(decideByTimes(times(1_000, 2_000, 59_000, 61_000, 300_000), { limit: 4, windowMs: MINUTE }, now)).toEqual({ allowed: true });
    expect(decideByTimes(times(1_000, 2_000, 59_000, 61_000), { limit: 3, windowMs: MINUTE }, now).allowed).toBe(false);
    expect(decideByTimes([], { limit: 1, windowMs: MINUTE }, now)).toEqual({ allowed: true });
  });

  it('says when enough of them have left the window, whatever their order', () => {
    // Limit 2 with three in the window: the two oldest (50 s and 30 s ago) must leave, the second after 30 s.
    expect(decideByTimes(times(10_000, 50_000, 30_000), { limit: 2, windowMs: MINUTE }, now)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    // A request that leaves within the second still waits one.
    expect(decideByTimes(times(59_999), { limit: 1, windowMs: MINUTE }, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(decideByTimes([], { limit: 0, windowMs: MINUTE }, now)).toEqual({ allowed: false, retryAfterSeconds: 60 });
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
