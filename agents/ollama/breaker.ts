// A host's circuit breaker as a pure state machine: the pool lets each call in, reports its outcome with the time,
// and asks whether the host may take a call. A host is shut out by a high error rate over its recent calls or a run
// of failures, never by one error among many; once shut out it gets one trial call after a backoff that grows while
// trials fail, and a trial that succeeds lets it back in.
//
// Calls are judged in the order they were made, not the order they end: a 500 comes back in milliseconds while an
// answer streams for seconds, so counting outcomes as they arrive would see a burst of failures on a busy host that
// fails one call in ten. A call still running counts as not failed.

export type BreakerPolicy = {
  /** Calls made this long ago or less make the error rate. */
  windowMs: number;
  /** Fewer calls than this in the window say nothing about the rate (a run of failures still counts). */
  minCalls: number;
  /** The share of the window's calls that failed which shuts the host out. */
  maxErrorRate: number;
  /** The host's latest calls this many all failed: shut out whatever came before (a host that just died). */
  maxConsecutive: number;
  /** The wait before the first trial call; it doubles after each failed trial, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A trial not reported back within this long is presumed lost, so another may go (an unreleased lease). */
  trialMs: number;
};

/**
 * A host failing 15 % of its calls stays in: each failure before the first token costs a failover, while shutting it
 * out would put its whole share on the others (by chance, half of 20 calls fail once in 4,000 stretches of 20, and
 * five in a row once in 13,000 calls). The first trial comes after 2 s, well before the next
 * 30-second probe, and trials never wait longer than that period. An answer is bounded at 2 minutes, so a trial out
 * for 2.5 minutes was never released.
 */
export const DEFAULT_BREAKER_POLICY: Readonly<BreakerPolicy> = Object.freeze({
  windowMs: 30_000,
  minCalls: 10,
  maxErrorRate: 0.5,
  maxConsecutive: 5,
  backoffMs: 2_000,
  maxBackoffMs: 30_000,
  trialMs: 150_000,
});

export type Outcome = 'ok' | 'failed';

/** One call let in while closed: its number, when it was made, and its outcome once known. */
export type Call = { seq: number; at: number; outcome: Outcome | null };

/** What a call was let in as: the number of an ordinary call, or the one trial of a shut-out host. */
export type Ticket = number | 'trial';

/** `next` numbers calls across openings, so a call from before the host was shut out is never taken for a new one. */
export type Breaker =
  | { state: 'closed'; next: number; calls: readonly Call[] }
  /** `trialSince`: when the trial call now out was let in; null when none is out. */
  | { state: 'open'; next: number; retryAt: number; backoffMs: number; trialSince: number | null };

export const CLOSED: Breaker = Object.freeze({ state: 'closed', next: 0, calls: Object.freeze([]) });

/** How a call may reach the host now: any call while closed, one trial once the backoff is over, else none (null). */
export function admission(breaker: Breaker, now: number, policy: BreakerPolicy): 'call' | 'trial' | null {
  if (breaker.state === 'closed') return 'call';
  const trialOut = breaker.trialSince !== null && now - breaker.trialSince < policy.trialMs;
  return now >= breaker.retryAt && !trialOut ? 'trial' : null;
}

/**
 * The calls still in the window. Calls are kept in the order they were made, so the ones that left it are at the
 * front: a busy host has thousands in its window, and filtering them all on every call cost more than the call.
 */
function recent(calls: readonly Call[], now: number, policy: BreakerPolicy): readonly Call[] {
  let first = 0;
  while (first < calls.length && calls[first]!.at <= now - policy.windowMs) first++;
  return first === 0 ? calls : calls.slice(first);
}

/** Lets a call in (after `admission` said it may come): a trial holds the host's one slot until its outcome is recorded. */
export function admit(breaker: Breaker, now: number, policy: BreakerPolicy): { breaker: Breaker; ticket: Ticket } {
  if (breaker.state === 'open') return { breaker: { ...breaker, trialSince: now }, ticket: 'trial' };
  const calls = recent(breaker.calls, now, policy).concat({ seq: breaker.next, at: now, outcome: null });
  return { breaker: { state: 'closed', next: breaker.next + 1, calls }, ticket: breaker.next };
}

const open = (next: number, now: number, backoffMs: number): Breaker => ({ state: 'open', next, retryAt: now + backoffMs, backoffMs, trialSince: null });

/**
 * The breaker after the outcome of the call let in with `ticket`. A call that ends after the host was shut out, or
 * after its time in the window, says nothing about the host now.
 */
export function record(breaker: Breaker, ticket: Ticket, outcome: Outcome, now: number, policy: BreakerPolicy): Breaker {
  if (breaker.state === 'open') {
    if (ticket !== 'trial') return breaker;
    return outcome === 'ok' ? { state: 'closed', next: breaker.next, calls: [] } : open(breaker.next, now, Math.min(policy.maxBackoffMs, breaker.backoffMs * 2));
  }
  const kept = recent(breaker.calls, now, policy);
  // Numbers are consecutive in the order kept, so a call's place follows from its number.
  const at = ticket !== 'trial' && kept.length ? ticket - kept[0]!.seq : -1;
  if (at < 0 || at >= kept.length || kept[at]!.seq !== ticket) return breaker;
  const calls = kept.slice();
  calls[at] = { ...kept[at]!, outcome };
  const latest = calls.slice(-policy.maxConsecutive);
  const run = latest.length === policy.maxConsecutive && latest.every((call) => call.outcome === 'failed');
  let failures = 0;
  for (const call of calls) if (call.outcome === 'failed') failures++;
  const rate = calls.length >= policy.minCalls && failures / calls.length >= policy.maxErrorRate;
  return run || rate ? open(breaker.next, now, policy.backoffMs) : { state: 'closed', next: breaker.next, calls };
}
