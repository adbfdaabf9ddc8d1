// The host circuit breaker on a fake clock: when a host is shut out, when its trial goes, what the trial decides.
import { describe, expect, it } from 'vitest';
import { admission, admit, type Breaker, CLOSED, DEFAULT_BREAKER_POLICY as policy, type Outcome, record, type Ticket } from '../../../agents/ollama/breaker.ts';

const T0 = 1_000_000;
const outcome = (mark: string): Outcome => (mark === 'x' ? 'failed' : 'ok');

/** Calls one after another, one millisecond apart from `at` ('x' fails, '.' succeeds); none once the host is shut out. */
function calls(outcomes: string, from: Breaker = CLOSED, at = T0): Breaker {
  let breaker = from;
  for (const [i, mark] of [...outcomes].entries()) {
    if (breaker.state === 'open') break;
    const admitted = admit(breaker, at + i, policy);
    breaker = record(admitted.breaker, admitted.ticket, outcome(mark), at + i, policy);
  }
  return breaker;
}

/** `n` calls let in at `at`, all still running. */
function inFlight(n: number, from: Breaker = CLOSED, at = T0): { breaker: Breaker; tickets: Ticket[] } {
  const tickets: Ticket[] = [];
  let breaker = from;
  for (let i = 0; i < n; i++) {
    const admitted = admit(breaker, at, policy);
    breaker = admitted.breaker;
    tickets.push(admitted.ticket);
  }
  return { breaker, tickets };
}

const fiveFailures = () => calls('xxxxx');
const SHUT_AT = T0 + 4;

describe('the breaker while closed', () => {
  it.each([
    ['1 error in 20 calls', 'closed', '.........x..........'],
    ['4 errors in a row', 'closed', '....xxxx'],
    ['5 errors in a row', 'open', 'xxxxx'],
    ['5 errors in a row after 50 good calls', 'open', `${'.'.repeat(50)}xxxxx`],
    ['4 errors in 9 calls (too few calls for a rate)', 'closed', 'x.x.x.x..'],
    ['9 errors in 20 calls', 'closed', `..${'x.'.repeat(9)}`],
    ['10 errors in 20 calls', 'open', `..${'x.'.repeat(8)}xx`],
    ['15 % errors spread over 105 calls', 'closed', '......x.....x......x.'.repeat(5)],
  ])('%s: %s', (_, state, outcomes) => {
    expect(calls(outcomes).state).toBe(state);
  });

  it('lets every call through', () => {
    expect(admission(calls('...x'), T0, policy)).toBe('call');
  });

  it('counts calls still running as not failed, so the failures that come back first on a busy host do not shut it out', () => {
    const { breaker, tickets } = inFlight(20);
    // Four 500s come back within milliseconds, while the 16 answers are still streaming.
    const after = [2, 7, 11, 16].reduce((b, i) => record(b, tickets[i]!, 'failed', T0 + 5, policy), breaker);
    expect(after.state).toBe('closed');
  });

  it('takes a run of failures in the order the calls were made, not the order they ended', () => {
    const { breaker, tickets } = inFlight(30);
    // The calls 20 to 24 fail while the five made after them are still running: no run yet (and 5 of 30 is no rate).
    const after = tickets.slice(20, 25).reduce<Breaker>((b, ticket) => record(b, ticket, 'failed', T0 + 5, policy), breaker);
    expect(after.state).toBe('closed');
    // The five latest fail too: a run, though 10 of 30 is still no rate.
    const rest = tickets.slice(25).reduce<Breaker>((b, ticket) => record(b, ticket, 'failed', T0 + 6, policy), after);
    expect(rest.state).toBe('open');
  });

  it('forgets calls made more than 30 s ago', () => {
    const before = calls('.x.x.x.x..');
    expect(calls('x.xx.x', before, T0 + 1_000).state).toBe('open');
    expect(calls('x.xx.x', before, T0 + 31_000).state).toBe('closed');
  });

  it('finds a call among thousands still running, and ignores one that has left the window', () => {
    // A busy host: 3,000 calls let in over 60 s, 20 ms apart, none back yet.
    let breaker: Breaker = CLOSED;
    const tickets: Ticket[] = [];
    for (let i = 0; i < 3_000; i++) {
      const admitted = admit(breaker, T0 + 20 * i, policy);
      breaker = admitted.breaker;
      tickets.push(admitted.ticket);
    }
    const now = T0 + 60_000;
    // Made 40 s ago: out of the window, its outcome says nothing now.
    expect(record(breaker, tickets[1_000]!, 'failed', now, policy)).toBe(breaker);
    // The last five made fail: a run, whatever the thousands before them are doing.
    let failing = breaker;
    for (const ticket of tickets.slice(-5)) failing = record(failing, ticket, 'failed', now, policy);
    expect(failing.state).toBe('open');
    // Four of them only: still closed, and each outcome lands on its own call.
    let four = breaker;
    for (const ticket of tickets.slice(-5, -1)) four = record(four, ticket, 'failed', now, policy);
    expect(four.state).toBe('closed');
    if (four.state !== 'closed') return;
    expect(four.calls.filter((call) => call.outcome === 'failed').map((call) => call.seq)).toEqual(tickets.slice(-5, -1));
    expect(four.calls[0]!.at).toBeGreaterThan(now - policy.windowMs);
  });
});

describe('the breaker once open', () => {
  it('lets nothing through until the backoff is over, then one trial, and no other call while it is out', () => {
    const open = fiveFailures();
    expect(admission(open, SHUT_AT + policy.backoffMs - 1, policy)).toBeNull();
    expect(admission(open, SHUT_AT + policy.backoffMs, policy)).toBe('trial');
    const { breaker: trialOut, ticket } = admit(open, SHUT_AT + policy.backoffMs, policy);
    expect(ticket).toBe('trial');
    expect(admission(trialOut, SHUT_AT + policy.backoffMs + 1, policy)).toBeNull();
    expect(admission(trialOut, SHUT_AT + 60_000, policy)).toBeNull();
  });

  it.each<[Outcome, string, number | null]>([
    ['ok', 'closed', null],
    ['failed', 'open', 2 * policy.backoffMs],
  ])('a trial that ends %s leaves it %s', (end, state, nextBackoff) => {
    const at = SHUT_AT + policy.backoffMs;
    const { breaker, ticket } = admit(fiveFailures(), at, policy);
    const after = record(breaker, ticket, end, at + 100, policy);
    expect(after.state).toBe(state);
    if (after.state === 'open') {
      expect(admission(after, at + 100 + nextBackoff! - 1, policy)).toBeNull();
      expect(admission(after, at + 100 + nextBackoff!, policy)).toBe('trial');
    } else {
      expect(admission(after, at + 101, policy)).toBe('call');
    }
  });

  it('doubles the backoff after each failed trial, up to its ceiling', () => {
    let breaker = fiveFailures();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      if (breaker.state !== 'open') throw new Error('closed too early');
      waits.push(breaker.backoffMs);
      const { breaker: trialOut, ticket } = admit(breaker, breaker.retryAt, policy);
      breaker = record(trialOut, ticket, 'failed', breaker.retryAt, policy);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('ignores calls that were let in before it opened, even once it is closed again', () => {
    const { breaker, tickets } = inFlight(3);
    const open = calls('xxxxx', breaker, T0 + 1);
    expect(open.state).toBe('open');
    expect(record(open, tickets[0]!, 'ok', T0 + 10, policy)).toBe(open);
    const at = T0 + 5 + policy.backoffMs;
    const trial = admit(open, at, policy);
    const closed = record(trial.breaker, trial.ticket, 'ok', at, policy);
    expect(record(closed, tickets[1]!, 'failed', at + 1, policy)).toBe(closed);
  });

  it('lets another trial go when the last one never reported back', () => {
    const at = SHUT_AT + policy.backoffMs;
    const { breaker: trialOut } = admit(fiveFailures(), at, policy);
    expect(admission(trialOut, at + policy.trialMs - 1, policy)).toBeNull();
    expect(admission(trialOut, at + policy.trialMs, policy)).toBe('trial');
  });

  it('starts counting afresh once closed again, so old errors do not shut it out at the next one', () => {
    const at = SHUT_AT + policy.backoffMs;
    const trial = admit(fiveFailures(), at, policy);
    const closed = record(trial.breaker, trial.ticket, 'ok', at, policy);
    expect(calls('x', closed, at + 1).state).toBe('closed');
  });

  it('retries at once, one trial at a time, with no backoff', () => {
    const noBackoff = { ...policy, backoffMs: 0 };
    const open = [...'xxxxx'].reduce<Breaker>((b, _, i) => {
      const admitted = admit(b, T0 + i, noBackoff);
      return record(admitted.breaker, admitted.ticket, 'failed', T0 + i, noBackoff);
    }, CLOSED);
    expect(admission(open, T0 + 4, noBackoff)).toBe('trial');
    const trial = admit(open, T0 + 4, noBackoff);
    expect(admission(trial.breaker, T0 + 4, noBackoff)).toBeNull();
    expect(admission(record(trial.breaker, trial.ticket, 'failed', T0 + 5, noBackoff), T0 + 5, noBackoff)).toBe('trial');
  });
});
