// Oversize bodies through a real Node server: every POST route answers its 413 JSON error to Node's fetch, 20 tries
// of 20, never a reset — the body is read to its end before the answer leaves.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discardRest } from '../../functions/middleware/body-limit.ts';
import { serveNode } from '../../functions/serve.node.ts';
import { makeApp } from '../support/app.ts';

const TRIES = 20;
const MB = 1024 * 1024;

let made: Awaited<ReturnType<typeof makeApp>>;
let server: Server;
let base: string;
beforeAll(async () => {
  made = await makeApp({ files: [] });
  const english = made.deps.i18n.forLang('en');
  server = await serveNode(made.app.fetch, { port: 0, hostname: '127.0.0.1', message: (code) => english(`errors.${code}`) });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  made.dispose();
});

/** Every POST route the app registers, its parameters filled in: a route added later is covered without a change here. */
const postRoutes = () => [...new Set(made.app.routes.filter((route) => route.method === 'POST' && !route.path.includes('*')).map((route) => route.path.replace(/:\w+/g, 'x')))];

/** The outcome of one try: `413 payload_too_large` when all went well, the status or socket error otherwise. */
async function attempt(path: string, body: Uint8Array | ReadableStream<Uint8Array>): Promise<string> {
  try {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json') ? (JSON.parse(text) as { error?: { code?: string; message?: string } }) : undefined;
    return json?.error?.message ? `${response.status} ${json.error.code}` : `${response.status} not JSON`;
  } catch (error) {
    return `socket error ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}`;
  }
}

async function tally(path: string, body: () => Uint8Array | ReadableStream<Uint8Array>) {
  const counts: Record<string, number> = {};
  for (let i = 0; i < TRIES; i++) {
    const outcome = await attempt(path, body());
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

const bytes = (size: number) => new Uint8Array(size).fill(0x61);
/** A body with no declared length (chunked), so the limit is found while reading. */
function streamed(size: number): ReadableStream<Uint8Array> {
  const chunk = bytes(64 * 1024);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe('oversize bodies on a real server', () => {
  it('lists the POST routes it covers', () => {
    expect(postRoutes()).toEqual(
      expect.arrayContaining(['/api/chat', '/api/feedback', '/api/leads', '/api/leads/x/withdraw', '/api/conversations/x/escalate', '/api/conversations/x/notify', '/api/staff/login', '/api/staff/conversations/x/resolve', '/api/staff/leads/x/promote', '/api/staff/accounts/x/password']),
    );
  });

  it.each([
    ['1 MB', 1 * MB],
    ['10 MB', 10 * MB],
  ])('answers 413 JSON to every POST route, 20 of 20 tries, with a %s body', { timeout: 180_000 }, async (_, size) => {
    const body = bytes(size);
    const results: Record<string, Record<string, number>> = {};
    for (const path of postRoutes()) results[path] = await tally(path, () => body);
    expect(results).toEqual(Object.fromEntries(postRoutes().map((path) => [path, { '413 payload_too_large': TRIES }])));
  });

  it('answers 413 JSON to a 10 MB body sent without a length', { timeout: 60_000 }, async () => {
    for (const path of ['/api/chat', '/api/leads']) expect(await tally(path, () => streamed(10 * MB))).toEqual({ '413 payload_too_large': TRIES });
  });

  it('still takes a body under the limit sent without a length', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ message: 'Who runs MeluXina?' }));
    const response = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ start: (controller) => (controller.enqueue(json), controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ conversationId: expect.any(String) });
  });
});

describe('discardRest', () => {
  const reader = (chunks: number, size = 1024) => streamed(chunks * size).getReader();

  it('reads a body to its end within the budget', async () => {
    expect(await discardRest(reader(8), 1 * MB, 1_000)).toBe(true);
  });

  it('gives up past its byte budget', async () => {
    expect(await discardRest(streamed(2 * MB).getReader(), 1 * MB, 5_000)).toBe(false);
  });

  it('gives up past its time budget on a body that never ends', async () => {
    const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) }).getReader();
    const started = Date.now();
    expect(await discardRest(never, 1 * MB, 100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
