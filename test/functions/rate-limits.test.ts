// Rate limits over real HTTP: two app instances on one libSQL file share the counters, a client over the limit gets
// 429 with Retry-After and a localized message, X-Forwarded-For counts only from TRUSTED_PROXIES, and the counter
// table holds no address.
import { serve, type ServerType } from '@hono/node-server';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { createLogger } from '../../functions/logger.ts';
import { ingestKnowledge } from '../../agents/retrieval/ingest.ts';
import { daySalt, purgeRateLimits } from '../../db/queries/rate-limits.ts';
import { knowledgeFile, makeDb, type TestDb } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';

let db: TestDb;
let ollama: OllamaStandIn;
const clients: Client[] = [];
const servers: ServerType[] = [];

/** One more instance of the app on the shared database file, served on 127.0.0.1. */
async function instance(env: Record<string, string>): Promise<string> {
  const client = createClient({ url: db.url });
  clients.push(client);
  // Chat turns are limited when they spend a model call: these instances answer through the stand-in.
  const deps = createDeps(parseEnv({ LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', DATABASE_URL: db.url, ...env }), client, { log: createLogger('error', () => undefined) });
  await deps.llm.probe();
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: createApp(deps).fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const chat = (base: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

beforeAll(async () => {
  ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  ollama.script.setFallback({ content: 'MeluXina is run by LuxProvide [1].' });
  db = await makeDb();
  await ingestKnowledge(db.drizzle, [knowledgeFile('meluxina', 'en', 'MeluXina', 'MeluXina is the national supercomputer, run by LuxProvide.')]);
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  for (const client of clients) client.close();
  db.dispose();
  await ollama.close();
});

describe('rate limits', () => {
  it('hold across two instances: the fifth chat request of one client in a minute is refused by either, with Retry-After', async () => {
    const env = { RATE_LIMITS: 'chat=4/1m,chat.conversation=100/1m', TRUSTED_PROXIES: '' };
    const [a, b] = [await instance(env), await instance(env)];
    const statuses: number[] = [];
    for (const base of [a, b, a, b]) statuses.push((await chat(base, { message: 'Who runs MeluXina?' })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    for (const base of [a, b]) {
      const refused = await chat(base, { message: 'Who runs MeluXina?' }, { 'accept-language': 'fr' });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      // Refused requests count too (hammering does not shorten the wait): at most the rest of this window and the next.
      expect(retryAfter).toBeLessThanOrEqual(120);
      expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Trop de requêtes/) } });
    }
  });

  it('count a conversation apart from its client, and the client behind a trusted proxy by X-Forwarded-For', async () => {
    // The client's limit counts every request, the refused wrong-token one included: five here before the one that
    // must be refused by its own count, so at 5 a minute it is still under when the conversation's limit is reached.
    const base = await instance({ RATE_LIMITS: 'chat=5/1m,chat.conversation=3/1m' });
    // The loopback is a trusted proxy by default: each forwarded client has its own count.
    const first = await chat(base, { message: 'Who runs MeluXina?' }, { 'x-forwarded-for': '203.0.113.7' });
    const { conversationId, conversationToken } = (await first.json()) as { conversationId: string; conversationToken: string };
    const followUp = (token = conversationToken) => chat(base, { message: 'And where is it?', conversationId }, { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.7' });
    // A wrong token is refused before the conversation's turns are counted: guessing spends nothing of its limit.
    expect((await followUp('not-the-token')).status).toBe(403);
    expect((await followUp()).status).toBe(200);
    expect((await followUp()).status).toBe(200);
    // Three questions in a minute (the first and two follow-ups) is this conversation's limit, while its client (5 a
    // minute) is still under.
    const third = await followUp();
    expect(third.status).toBe(429);
    // Counted from the stored questions, an exact sliding window: the first question leaves it within the minute.
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(third.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The refused turn is not stored: the conversation holds the first question and two follow-ups.
    const stored = await db.client.execute({ sql: "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND role = 'user'", args: [conversationId] });
    expect(Number(stored.rows[0]!.n)).toBe(3);
    // Another forwarded client is not held back; a client writing its own X-Forwarded-For entry in front of the
    // proxy's one is still counted as the address the proxy saw.
    expect((await chat(base, { message: 'Who runs MeluXina?' }, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(200);
    expect((await chat(base, { message: 'Who runs MeluXina?' }, { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' })).status).toBe(429);
  });

  it('ignore X-Forwarded-For from a peer that is not a trusted proxy, and keep no address in the database', async () => {
    const base = await instance({ RATE_LIMITS: 'feedback=2/1m', TRUSTED_PROXIES: '10.0.0.0/8' });
    const feedback = (forwarded: string) =>
      fetch(`${base}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded }, body: '{}' });
    // Each request claims another address, but the peer (127.0.0.1) is not trusted: they are all one client.
    const statuses = [(await feedback('198.51.100.1')).status, (await feedback('198.51.100.2')).status, (await feedback('198.51.100.3')).status];
    expect(statuses.slice(0, 2).every((status) => status !== 429)).toBe(true);
    expect(statuses[2]).toBe(429);
    const keys = (await db.client.execute('SELECT key FROM rate_counters')).rows.map((row) => String(row.key));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/127\.0\.0\.1|203\.0\.113|198\.51\.100|::1/);
  });

  it('share one salt per day between instances, and the purge drops old counters and salts', async () => {
    // The requests of the tests above made a salt for the real day: this test's days are its own.
    await db.client.execute('DELETE FROM rate_salts');
    expect(await daySalt(db.drizzle, '2026-11-29', 'first')).toBe('first');
    expect(await daySalt(db.drizzle, '2026-11-29', 'second')).toBe('first');
    await daySalt(db.drizzle, '2026-11-30', 'today');
    await db.client.execute({ sql: 'INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, 3), (?, ?, 1)', args: ['old', 1_000, 'new', 9_000] });
    expect(await purgeRateLimits(db.drizzle, 5_000, '2026-11-30')).toBe(1);
    expect((await db.client.execute("SELECT key FROM rate_counters WHERE key IN ('old', 'new')")).rows.map((row) => row.key)).toEqual(['new']);
    expect((await db.client.execute('SELECT day FROM rate_salts')).rows.map((row) => row.day)).toEqual(['2026-11-30']);
  });

  it('leave chat alone when no model answers (offline): a turn then costs no GPU', async () => {
    const base = await instance({ RATE_LIMITS: 'chat=2/1m,chat.conversation=2/1m', OLLAMA_HOSTS: 'http://127.0.0.1:9' });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await chat(base, { message: 'Who runs MeluXina?' }, { 'x-forwarded-for': '203.0.113.99' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
