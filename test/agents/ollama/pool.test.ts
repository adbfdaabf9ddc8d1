// The host pool against two and three Ollama stand-ins: probes, least-busy routing, failover, circuit breaker, headers.
import { afterEach, describe, expect, it } from 'vitest';
import { createHostPool } from '../../../agents/ollama/pool.ts';
import { streamAgentAnswer, type AgentEvent } from '../../../agents/public/agent.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../../support/ollama/server.ts';

let hosts: OllamaStandIn[] = [];
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

async function standIns(n: number, models = ['qwen3:8b', 'bge-m3']) {
  hosts = await Promise.all(Array.from({ length: n }, () => startOllamaStandIn({ models })));
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
const run = (pool: ReturnType<typeof createHostPool>, timeouts = { firstTokenMs: 1000, idleMs: 1000, totalMs: 5000 }) =>
  streamAgentAnswer({ pool, model: 'qwen3:8b', systemPrompt: 'Answer.', tools: () => [], history: [], question: 'Hello?', timeouts });

describe('createHostPool', () => {
  it('probes every host with version, list and ps, and reports missing models', async () => {
    const [a, b] = await standIns(2, ['qwen3:8b']);
    const pool = createHostPool({ hosts: [a!.url, b!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3' });
    const statuses = await pool.probe();
    expect(statuses.every((s) => s.ok && s.models.includes('qwen3:8b'))).toBe(true);
    for (const host of [a!, b!]) expect(host.requests.map((r) => r.path).sort()).toEqual(['/api/ps', '/api/tags', '/api/version']);
    expect(pool.mode()).toBe('ollama');
    expect(pool.missingModels()).toEqual(['bge-m3']);
    expect(pool.embedder()).toBeNull();
  });

  it('routes to the least busy healthy host', async () => {
    const [a, b, c] = await standIns(3);
    const pool = createHostPool({ hosts: [a!.url, b!.url, c!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3' });
    await pool.probe();
    const first = pool.acquire('qwen3:8b')!;
    const second = pool.acquire('qwen3:8b')!;
    const third = pool.acquire('qwen3:8b')!;
    expect(new Set([first.host, second.host, third.host]).size).toBe(3);
    second.release('ok');
    expect(pool.acquire('qwen3:8b')!.host).toBe(second.host);
  });

  it('fails over to the next host on a connection error, a 500 or a first-token timeout, and answers from it', async () => {
    for (const fault of [{ refuse: true }, { status500: true }, { firstTokenDelayMs: 3000 }]) {
      const [bad, good] = await standIns(2);
      bad!.setFault({ path: '/api/chat', ...fault });
      good!.script.push({ content: 'Answer from the good host [1].' });
      const pool = createHostPool({ hosts: [bad!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3' });
      await pool.probe();
      const result = await collect(run(pool, { firstTokenMs: 300, idleMs: 1000, totalMs: 5000 }));
      expect(result.text).toBe('Answer from the good host [1].');
      expect(result.hosts).toEqual([bad!.url, good!.url]);
      expect(chatCalls(bad!)).toBe(1);
      expect(chatCalls(good!)).toBe(1);
      await Promise.all(hosts.map((h) => h.close()));
    }
  });

  it('cools a failing host off and lets it back only after one successful probe', async () => {
    let clock = 1_000_000;
    const [bad, good] = await standIns(2);
    const pool = createHostPool({ hosts: [bad!.url, good!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', cooldownMs: 30_000, now: () => clock });
    await pool.probe();
    bad!.setFault({ path: '/api/chat', status500: true });
    await collect(run(pool));
    bad!.setFault(null);
    const probesBefore = bad!.requests.filter((r) => r.path === '/api/version').length;

    // Cooling: every answer goes to the good host, and the bad one is not even probed.
    for (let i = 0; i < 3; i++) await collect(run(pool));
    await pool.probe();
    expect(chatCalls(bad!)).toBe(1);
    expect(bad!.requests.filter((r) => r.path === '/api/version').length).toBe(probesBefore);
    expect(pool.statuses().find((s) => s.host === bad!.url)).toMatchObject({ ok: false, failures: 1 });

    clock += 30_001;
    await pool.probe();
    expect(bad!.requests.filter((r) => r.path === '/api/version').length).toBe(probesBefore + 1);
    expect(pool.statuses().find((s) => s.host === bad!.url)).toMatchObject({ ok: true, failures: 0 });
    const held = pool.acquire('qwen3:8b')!;
    expect(pool.acquire('qwen3:8b')!.host).not.toBe(held.host);
  });

  it('does not fail over once tokens have been relayed', async () => {
    const [a, b] = await standIns(2);
    a!.script.push({ tokens: ['one ', 'two ', 'three ', 'four'] });
    a!.setFault({ path: '/api/chat', dropAfterTokens: 2 });
    b!.setFault({ path: '/api/chat', dropAfterTokens: 2 });
    b!.script.push({ tokens: ['one ', 'two ', 'three ', 'four'] });
    const pool = createHostPool({ hosts: [a!.url, b!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3' });
    await pool.probe();
    await expect(collect(run(pool))).rejects.toMatchObject({ name: 'LlmError', kind: 'dropped' });
    expect(chatCalls(a!) + chatCalls(b!)).toBe(1);
  });

  it('sends per-host headers for an authenticating proxy on probes and model calls', async () => {
    const [a] = await standIns(1);
    const pool = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', headers: { [a!.url]: { authorization: 'Bearer proxy-secret' } } });
    await pool.probe();
    await collect(run(pool));
    const paths = new Set(a!.requests.map((r) => r.path));
    expect(paths).toEqual(new Set(['/api/version', '/api/tags', '/api/ps', '/api/chat']));
    expect(a!.requests.every((r) => r.headers.authorization === 'Bearer proxy-secret')).toBe(true);
  });

  it('reports offline when no host answers, and when LLM_MODE=offline without calling any host', async () => {
    const [a] = await standIns(1);
    a!.setFault({ refuse: true });
    const down = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3' });
    await down.probe();
    expect(down.mode()).toBe('offline');
    const forced = createHostPool({ hosts: [a!.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', forceOffline: true });
    const before = a!.requests.length;
    await forced.probe();
    expect(forced.mode()).toBe('offline');
    expect(a!.requests.length).toBe(before);
  });
});
