// The host pool against two and three Ollama stand-ins: probes, least-busy routing, failover, first-byte and
// first-token timeouts, the circuit breaker on a fake clock, headers.
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHostFetch } from '../../../agents/ollama/http-fetch.node.ts';
import { createHostPool, type HostPool } from '../../../agents/ollama/pool.ts';
import { DEFAULT_TIMEOUTS, streamAgentAnswer, type AgentEvent, type LlmTimeouts } from '../../../agents/public/agent.ts';
import { startOllamaStandIn, type OllamaStandIn, type StandInOptions } from '../../support/ollama/server.ts';

let hosts: OllamaStandIn[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

async function standIns(n: number, models = ['qwen3:8b', 'bge-m3'], options: StandInOptions = {}) {
  hosts = await Promise.all(Array.from({ length: n }, () => startOllamaStandIn({ models, ...options })));
  return hosts;
}
const chatCalls = (host: OllamaStandIn) => host.requests.filter((r) => r.path === '/api/chat').length;

async function collect(events: AsyncGenerator<AgentEvent>): Promise<{ text: string; hosts: string[] }> {
  let text = '';
  const used: string[] = [];
  for await (const event of events) {
    if (event.type === 'token') text += event.text;
    if (event.type === 'host') used.push(event.host);
  }
  return { text, hosts: used };
}
const run = (pool: HostPool, timeouts: LlmTimeouts = { firstTokenMs: 1000, idleMs: 1000, totalMs: 5000 }, tools: StructuredToolInterface[] = []) =>
  streamAgentAnswer({ pool, model: 'qwen3:8b', systemPrompt: 'Answer.', tools: () => tools, history: [], question: 'Hello?', timeouts });
const breakerOf = (pool: HostPool, host: OllamaStandIn) => pool.statuses().find((s) => s.host === host.url)!.breaker;
/** Five calls in a row on `host` that fail: what shuts a host out. */
function failFiveTimes(pool: HostPool, host: OllamaStandIn) {
  for (let i = 0; i < 5; i++) {
    const lease = pool.acquire('qwen3:8b', new Set(hosts.filter((h) => h !== host).map((h) => h.url)))!;
    expect(lease.host).toBe(host.url);
    lease.release('failed');
  }
}

// Both fetches the pool is given: Node's own (tests, and workerd's alike) and the Node entry's (http-fetch.node.ts).
describe.each([
  ['Node\'s fetch', undefined],
  ['the Node entry\'s host fetch', createHostFetch()],
])('createHostPool with %s', (_name, hostFetch) => {
  it('probes every host with version, list and ps, and reports missing models', async () => {
    const [a, b] = await standIns(2, ['qwen3:8b']);
    const pool = createHostPool({ hosts: [a!.url, b!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    const statuses = await pool.probe();
    expect(statuses.every((s) => s.ok && s.models.includes('qwen3:8b'))).toBe(true);
    for (const host of [a!, b!]) expect(host.requests.map((r) => r.path).sort()).toEqual(['/api/ps', '/api/tags', '/api/version']);
    expect(pool.mode()).toBe('ollama');
    expect(pool.missingModels()).toEqual(['bge-m3']);
    expect(pool.embedder()).toBeNull();
  });

  it('gives the host back when the caller stops reading the answer early (a drift, a leaked secret)', async () => {
    const [a] = await standIns(1);
    a!.script.push({ tokens: ['One ', 'two ', 'three ', 'four.'] });
    const pool = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    const stream = run(pool);
    for await (const event of stream) if (event.type === 'token') break;
    expect(pool.statuses()[0]!.inFlight).toBe(0);
  });

  it('waits for each token from the latest one, and ends an answer whose model stops sending', async () => {
    const [a] = await standIns(1);
    const pool = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    const timeouts = { firstTokenMs: 2000, idleMs: 400, totalMs: 10_000 };
    // Tokens 250 ms apart for more than twice the idle wait: each one restarts it.
    a!.script.push({ tokens: ['One ', 'two ', 'three ', 'four ', 'five.'] });
    a!.setFault({ path: '/api/chat', tokenDelayMs: 250, times: 1 });
    expect((await collect(run(pool, timeouts))).text).toBe('One two three four five.');
    // Silent after its first token: the answer ends after the idle wait, not the total one.
    a!.script.push({ tokens: ['One ', 'two.'] });
    a!.setFault({ path: '/api/chat', stallAfterTokens: 1, times: 1 });
    const started = Date.now();
    await expect(collect(run(pool, timeouts))).rejects.toMatchObject({ kind: 'dropped', message: 'the model stopped sending' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('routes to the least busy healthy host', async () => {
    const [a, b, c] = await standIns(3);
    const pool = createHostPool({ hosts: [a!.url, b!.url, c!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    const first = pool.acquire('qwen3:8b')!;
    const second = pool.acquire('qwen3:8b')!;
    const third = pool.acquire('qwen3:8b')!;
    expect(new Set([first.host, second.host, third.host]).size).toBe(3);
    second.release('ok');
    expect(pool.acquire('qwen3:8b')!.host).toBe(second.host);
  });

  it('fails over to the next host on a connection error, a 500, a host that sends nothing, or no first token', async () => {
    const cases: [object, LlmTimeouts][] = [
      [{ refuse: true }, { firstByteMs: 300, firstTokenMs: 5000, idleMs: 1000, totalMs: 5000 }],
      [{ status500: true }, { firstByteMs: 300, firstTokenMs: 5000, idleMs: 1000, totalMs: 5000 }],
      // Ollama sends its response head with the first line, so a stuck model and a stuck host look alike: nothing.
      [{ firstTokenDelayMs: 3000 }, { firstByteMs: 300, firstTokenMs: 5000, idleMs: 1000, totalMs: 5000 }],
      [{ firstTokenDelayMs: 3000 }, { firstByteMs: 5000, firstTokenMs: 300, idleMs: 1000, totalMs: 5000 }],
    ];
    for (const [fault, timeouts] of cases) {
      const [bad, good] = await standIns(2);
      bad!.setFault({ path: '/api/chat', ...fault });
      good!.script.push({ content: 'Answer from the good host [1].' });
      const pool = createHostPool({ hosts: [bad!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
      await pool.probe();
      const started = performance.now();
      const result = await collect(run(pool, timeouts));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(result.text).toBe('Answer from the good host [1].');
      expect(result.hosts).toEqual([bad!.url, good!.url]);
      expect(chatCalls(bad!)).toBe(1);
      expect(chatCalls(good!)).toBe(1);
      await Promise.all(hosts.map((h) => h.close()));
    }
  });

  it('waits past the first-byte time for a model that calls a slow tool before its first text token', async () => {
    const [a, b] = await standIns(2);
    a!.script.push({ toolCalls: [{ name: 'lookup', arguments: { topic: 'GPU hours' } }] }, { content: 'Answer after the tool [1].' });
    const lookup = tool(async () => new Promise<string>((resolve) => setTimeout(() => resolve('[1] 1,000 GPU hours'), 800)), {
      name: 'lookup',
      description: 'Looks a topic up.',
      schema: z.object({ topic: z.string() }),
    });
    const pool = createHostPool({ hosts: [a!.url, b!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    const result = await collect(run(pool, { firstByteMs: 300, firstTokenMs: 5000, idleMs: 1000, totalMs: 5000 }, [lookup]));
    expect(result).toEqual({ text: 'Answer after the tool [1].', hosts: [a!.url] });
    expect(chatCalls(a!)).toBe(2);
    expect(chatCalls(b!)).toBe(0);
  });

  it('gives a host without the model in memory the first-token time to load it, and the first-byte time once it answered', async () => {
    const [cold, other] = await standIns(2, ['qwen3:8b', 'bge-m3'], { loadedModels: [] });
    cold!.setFault({ path: '/api/chat', firstTokenDelayMs: 600 });
    const pool = createHostPool({ hosts: [cold!.url, other!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    const timeouts = { firstByteMs: 300, firstTokenMs: 5000, idleMs: 1000, totalMs: 5000 };
    expect((await collect(run(pool, timeouts))).hosts).toEqual([cold!.url]);
    // Warm now: 600 ms of silence is a stuck host again.
    expect((await collect(run(pool, timeouts))).hosts).toEqual([cold!.url, other!.url]);
  });

  it('with the default timeouts, a host that sends nothing costs about 5 s, not 30', async () => {
    const [stuck, good] = await standIns(2);
    stuck!.setFault({ path: '/api/chat', stallAfterTokens: 0 });
    good!.script.push({ content: 'Answer from the good host [1].' });
    const pool = createHostPool({ hosts: [stuck!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    const started = performance.now();
    expect(await collect(run(pool, DEFAULT_TIMEOUTS))).toEqual({ text: 'Answer from the good host [1].', hosts: [stuck!.url, good!.url] });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_TIMEOUTS.firstByteMs - 50);
    expect(elapsed).toBeLessThan(DEFAULT_TIMEOUTS.firstByteMs + 3000);
  });
  it('does not fail over once tokens have been relayed', async () => {
    const [a, b] = await standIns(2);
    a!.script.push({ tokens: ['one ', 'two ', 'three ', 'four'] });
    a!.setFault({ path: '/api/chat', dropAfterTokens: 2 });
    b!.setFault({ path: '/api/chat', dropAfterTokens: 2 });
    b!.script.push({ tokens: ['one ', 'two ', 'three ', 'four'] });
    const pool = createHostPool({ hosts: [a!.url, b!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    await expect(collect(run(pool))).rejects.toMatchObject({ name: 'LlmError', kind: 'dropped' });
    expect(chatCalls(a!) + chatCalls(b!)).toBe(1);
  });

  it('sends per-host headers for an authenticating proxy on probes and model calls', async () => {
    const [a] = await standIns(1);
    const pool = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch, headers: { [a!.url]: { authorization: 'Bearer proxy-secret' } } });
    await pool.probe();
    await collect(run(pool));
    const paths = new Set(a!.requests.map((r) => r.path));
    expect(paths).toEqual(new Set(['/api/version', '/api/tags', '/api/ps', '/api/chat']));
    expect(a!.requests.every((r) => r.headers.authorization === 'Bearer proxy-secret')).toBe(true);
  });

  it('gives up on an embedding host that never answers at the deadline, once for every call through those embeddings', async () => {
    const [a] = await standIns(1);
    const pool = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await pool.probe();
    expect((await pool.embedder(300)!.embeddings.embedQuery('MeluXina')).length).toBeGreaterThan(0);
    a!.setFault({ path: '/api/embed', stallAfterTokens: 0 });
    const embeddings = pool.embedder(300)!.embeddings;
    const started = performance.now();
    await expect(embeddings.embedQuery('MeluXina')).rejects.toThrow();
    // The retry shares the deadline: one wait in all, not one per attempt.
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(embeddings.embedQuery('LuxProvide')).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reports offline when no host answers, and when LLM_MODE=offline without calling any host', async () => {
    const [a] = await standIns(1);
    a!.setFault({ refuse: true });
    const down = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch });
    await down.probe();
    expect(down.mode()).toBe('offline');
    const forced = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', fetch: hostFetch, forceOffline: true });
    const before = a!.requests.length;
    await forced.probe();
    expect(forced.mode()).toBe('offline');
    expect(a!.requests.length).toBe(before);
  });
});

describe('the circuit breaker in the pool', () => {
  it('keeps a host that fails one call in ten: it goes on taking its calls', async () => {
    const [flaky, good] = await standIns(2);
    const pool = createHostPool({ hosts: [flaky!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3' });
    await pool.probe();
    let answeredByFlaky = 0;
    for (let i = 0; i < 30; i++) {
      if (i % 10 === 3) flaky!.setFault({ path: '/api/chat', times: 1, status500: true });
      const { hosts: used } = await collect(run(pool));
      if (used.length === 1 && used[0] === flaky!.url) answeredByFlaky++;
    }
    expect(chatCalls(flaky!)).toBe(30);
    expect(answeredByFlaky).toBe(27);
    expect(chatCalls(good!)).toBe(3);
    expect(breakerOf(pool, flaky!).state).toBe('closed');
  });

  it('shuts a host out after five failures in a row, tries it again after a growing backoff, and takes it back when a trial succeeds', async () => {
    let clock = 1_000_000;
    const [bad, good] = await standIns(2);
    const pool = createHostPool({ hosts: [bad!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', now: () => clock });
    await pool.probe();
    bad!.setFault({ path: '/api/chat', status500: true });
    for (let i = 0; i < 5; i++) expect((await collect(run(pool))).hosts).toEqual([bad!.url, good!.url]);
    expect(breakerOf(pool, bad!)).toMatchObject({ state: 'open', retryAt: clock + 2000 });

    // Shut out: the answers go straight to the good host.
    for (let i = 0; i < 3; i++) expect((await collect(run(pool))).hosts).toEqual([good!.url]);
    clock += 2000;
    expect((await collect(run(pool))).hosts).toEqual([bad!.url, good!.url]);
    expect(breakerOf(pool, bad!)).toMatchObject({ state: 'open', backoffMs: 4000 });
    clock += 2000;
    expect((await collect(run(pool))).hosts).toEqual([good!.url]);
    clock += 2000;
    bad!.setFault(null);
    expect((await collect(run(pool))).hosts).toEqual([bad!.url]);
    expect(breakerOf(pool, bad!).state).toBe('closed');
    expect(chatCalls(bad!)).toBe(7);
  });

  it('lets one trial call through at a time; the others go to the hosts that are in', async () => {
    let clock = 1_000_000;
    const [bad, good] = await standIns(2);
    const pool = createHostPool({ hosts: [bad!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', now: () => clock });
    await pool.probe();
    failFiveTimes(pool, bad!);
    clock += 2000;
    const trial = pool.acquire('qwen3:8b')!;
    expect(trial.host).toBe(bad!.url);
    const others = [pool.acquire('qwen3:8b')!, pool.acquire('qwen3:8b')!];
    expect(others.map((lease) => lease.host)).toEqual([good!.url, good!.url]);
    trial.release('ok');
    expect(pool.acquire('qwen3:8b')!.host).toBe(bad!.url);
  });

  it('reports offline while every host is shut out and waiting, and llm again once a trial is due', async () => {
    let clock = 1_000_000;
    const [only] = await standIns(1);
    const pool = createHostPool({ hosts: [only!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', now: () => clock });
    await pool.probe();
    expect(pool.embedder()).not.toBeNull();
    failFiveTimes(pool, only!);
    expect(pool.mode()).toBe('offline');
    expect(pool.acquire('qwen3:8b')).toBeNull();
    // Embedding calls report no outcome: a shut-out host gets none, trial due or not.
    expect(pool.embedder()).toBeNull();
    clock += 2000;
    expect(pool.mode()).toBe('ollama');
    expect(pool.embedder()).toBeNull();
    const trial = pool.acquire('qwen3:8b')!;
    expect(pool.mode()).toBe('offline');
    trial.release('ok');
    expect(pool.mode()).toBe('ollama');
    expect(pool.embedder()).not.toBeNull();
  });

  it('leaves the breaker to calls: a probe neither shuts a host out nor lets it back, but an unreachable host is skipped', async () => {
    const clock = 1_000_000;
    const [a, b] = await standIns(2);
    const pool = createHostPool({ hosts: [a!.url, b!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', now: () => clock });
    await pool.probe();
    failFiveTimes(pool, a!);
    await pool.probe();
    expect(pool.statuses().find((s) => s.host === a!.url)).toMatchObject({ ok: true, breaker: { state: 'open' } });
    expect(pool.acquire('qwen3:8b')!.host).toBe(b!.url);

    b!.setFault({ refuse: true });
    await pool.probe();
    expect(pool.statuses().find((s) => s.host === b!.url)).toMatchObject({ ok: false, breaker: { state: 'closed' } });
    expect(pool.acquire('qwen3:8b')).toBeNull();
    b!.setFault(null);
    await pool.probe();
    expect(pool.acquire('qwen3:8b')!.host).toBe(b!.url);
  });
});
