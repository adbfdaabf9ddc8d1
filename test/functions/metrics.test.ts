// GET /metrics over real HTTP: off without METRICS_TOKEN, 401 without the right token, and with it the gauges in
// Prometheus text, their values read from the database and the host pool.
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';

const TOKEN = 'metrics-token-0123456789';
const NOW = Date.parse('2026-11-30T10:00:00Z');
let made: Awaited<ReturnType<typeof makeApp>>;
let server: ServerType;
let base: string;

beforeAll(async () => {
  made = await makeApp({ env: { METRICS_TOKEN: TOKEN, OLLAMA_HOSTS: 'http://127.0.0.1:9' }, now: () => NOW });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: made.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const { client } = made.db;
  for (const [id, waitingSince] of [['c-1', NOW - 90_000], ['c-2', NOW - 30_000]] as const) {
    await client.execute({ sql: "INSERT INTO conversations (id, assistant, lang, status, token_hash, created_at, updated_at, retain_until, escalated_at, waiting_since) VALUES (?, 'public', 'fr', 'escalated', 'x', ?, ?, ?, ?, ?)", args: [id, NOW, NOW, NOW + 1e9, waitingSince, waitingSince] });
  }
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  made.dispose();
});

describe('GET /metrics', () => {
  it('refuses a missing or wrong token', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
  });

  it('gives the gauges in Prometheus text', async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE aif_ollama_host_up gauge\n');
    expect(text).toContain('aif_ollama_host_up{host="http://127.0.0.1:9"} 0\n');
    expect(text).toContain('aif_lead_outbox_backlog 0\n');
    expect(text).toContain('aif_escalations_waiting 2\n');
    expect(text).toContain('aif_escalation_oldest_wait_seconds 90\n');
    // Every sample line is a name, optional labels and a number.
    for (const line of text.trim().split('\n').filter((l) => !l.startsWith('#'))) expect(line).toMatch(/^aif_[a-z_]+(\{[^}]*\})? \d+$/);
  });

  it('is off (503, localized) without METRICS_TOKEN', async () => {
    const off = await makeApp();
    try {
      const response = await off.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}`, 'accept-language': 'de' } });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: { code: 'metrics_disabled', message: expect.stringMatching(/METRICS_TOKEN ist nicht gesetzt/) } });
    } finally {
      off.dispose();
    }
  });
});
