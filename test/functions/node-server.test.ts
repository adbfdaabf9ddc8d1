// The Node server's own limits, through raw sockets: requests Node refuses get the API's JSON error, slow requests
// and idle connections time out, streams that outlive the request timeout are not cut, and a GET sent with a body
// gets its whole answer.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorStatus, rawErrorResponse } from '../../functions/client-error.node.ts';
import { startNodeServer } from '../../functions/entry.node.ts';
import { parseEnv } from '../../functions/env.ts';
import { serveNode, type ServerTimeouts } from '../../functions/serve.node.ts';
import { makeApp } from '../support/app.ts';
import { freePort } from '../support/process.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
const servers: Server[] = [];
beforeAll(async () => {
  made = await makeApp({ files: [] });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  made.dispose();
});

/** The app (or another fetch handler) on 127.0.0.1 with these timeouts; returns its port. */
async function start(timeouts: Partial<ServerTimeouts> = {}, fetch = made.app.fetch): Promise<number> {
  const english = made.deps.i18n.forLang('en');
  const server = await serveNode(fetch, { port: 0, hostname: '127.0.0.1', timeouts, message: (code) => english(`errors.${code}`) });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

type Exchange = { status: number; headers: string; body: string; ms: number; error?: string };

/** Writes `request` (in parts, `gapMs` apart) on a raw socket and reads until the server closes it. */
function exchange(port: number, request: string | string[], gapMs = 0): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let error: string | undefined;
    socket.on('connect', async () => {
      for (const part of [request].flat()) {
        if (socket.destroyed) break;
        socket.write(part);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1] ?? 0), headers: head.toLowerCase(), body: Buffer.from(body, 'latin1').toString(), ms: Date.now() - started, error });
    });
  });
}

/** A request that declares 100 bytes of body and sends 11. */
const slowBody = (path: string) => `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"message":`;
const jsonError = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('requests Node refuses', () => {
  it.each([
    ['an overlong URL', `GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`, 414, 'uri_too_long', 'The address of the request is too long.'],
    ['an overlong header', `GET /api/search?q=a HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large', 'The request headers are too large.'],
    ['too many headers', `GET /livez HTTP/1.1\r\nHost: localhost\r\n${Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'c'.repeat(50)}\r\n`).join('')}\r\n`, 431, 'headers_too_large', 'The request headers are too large.'],
    ['a header line without a colon', 'GET /livez HTTP/1.1\r\nHost localhost\r\n\r\n', 400, 'request_malformed', 'The request could not be read.'],
    ['bytes that are not HTTP', '\x16\x03\x01\x02\x00 hello\r\n\r\n', 400, 'request_malformed', 'The request could not be read.'],
  ])('answers %s with a JSON %i', async (_, request, status, code, message) => {
    const port = await start();
    const answer = await exchange(port, request);
    expect(answer.status).toBe(status);
    expect(answer.headers).toContain('content-type: application/json');
    expect(answer.headers).toContain('connection: close');
    expect(jsonError(answer.body)).toEqual({ code, message });
    expect(answer.error).toBeUndefined();
  });

  it.each([
    ['a Host that is not a host name', 'GET /livez HTTP/1.1\r\nHost: a b\r\n\r\n'],
    ['a Host with a character a URL cannot hold', 'GET /livez HTTP/1.1\r\nHost: \xff.example\r\n\r\n'],
    ['a backslash in the path', 'GET /api/search\\x HTTP/1.1\r\nHost: localhost\r\n\r\n'],
  ])('answers %s, which never reaches the app, with a JSON 400', async (_, request) => {
    const port = await start();
    const answer = await exchange(port, request);
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain('content-type: application/json');
    expect(jsonError(answer.body)).toEqual({ code: 'request_malformed', message: 'The request could not be read.' });
  });

  it('answers CONNECT, which Node would close without a word, with the JSON 404 of any method without a route', async () => {
    const port = await start();
    const answer = await exchange(port, 'CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n');
    expect(answer.status).toBe(404);
    expect(jsonError(answer.body).code).toBe('not_found');
    expect(answer.error).toBeUndefined();
  });

  it('answers a handler that throws before it returns a response with a JSON 500', async () => {
    const port = await start({}, () => {
      throw new Error('thrown synchronously');
    });
    const answer = await exchange(port, 'GET /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(500);
    expect(jsonError(answer.body)).toEqual({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
  });

  it('answers a refused HEAD with the head alone: an answer to HEAD has no body', async () => {
    const port = await start();
    const answer = await exchange(port, 'HEAD /livez HTTP/1.1\r\nHost localhost\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain('content-type: application/json');
    expect(answer.body).toBe('');
  });

  it('answers an overlong query string to Node’s fetch with the JSON 414, 20 of 20', async () => {
    const port = await start();
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/search?q=${'a'.repeat(40_000)}`);
      expect(response.status).toBe(414);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('uri_too_long');
    }
  });
});

describe('clientErrorStatus', () => {
  const overflow = (head: string) => clientErrorStatus({ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from(head, 'latin1') });

  it('tells an overlong request line from overlong headers when the bytes start at the request line', () => {
    expect(overflow(`GET /?q=${'a'.repeat(9000)}`)).toEqual({ status: 414, code: 'uri_too_long' });
    expect(overflow(`GET /?q=${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\n`)).toEqual({ status: 414, code: 'uri_too_long' });
    expect(overflow(`GET / HTTP/1.1\r\nX-Big: ${'b'.repeat(9000)}`)).toEqual({ status: 431, code: 'headers_too_large' });
    // A later part of the head: nothing shows which line overflowed.
    expect(overflow(`${'a'.repeat(9000)} HTTP/1.1\r\n`)).toEqual({ status: 431, code: 'headers_too_large' });
  });

  it('maps timeouts, chunk extensions and everything else', () => {
    expect(clientErrorStatus({ code: 'ERR_HTTP_REQUEST_TIMEOUT' })).toEqual({ status: 408, code: 'request_timeout' });
    expect(clientErrorStatus({ code: 'HPE_CHUNK_EXTENSIONS_OVERFLOW' })).toEqual({ status: 413, code: 'payload_too_large' });
    expect(clientErrorStatus({ code: 'HPE_INVALID_METHOD' })).toEqual({ status: 400, code: 'request_malformed' });
    expect(clientErrorStatus({})).toEqual({ status: 400, code: 'request_malformed' });
  });

  it('writes a complete response whose length counts bytes, not characters', () => {
    const response = rawErrorResponse(431, 'headers_too_large', 'D’Header vun der Ufro sinn ze grouss.');
    const [head, body] = response.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toContain(`content-length: ${Buffer.byteLength(body!)}`);
    expect(JSON.parse(body!)).toEqual({ error: { code: 'headers_too_large', message: 'D’Header vun der Ufro sinn ze grouss.' } });
  });
});

describe('server timeouts', () => {
  it('answers a body that declares 100 bytes and sends 11 with a JSON 408 once the request timeout passes', async () => {
    const port = await start({ requestMs: 600, headersMs: 400 });
    const answer = await exchange(port, slowBody('/api/chat'));
    expect(answer.status).toBe(408);
    expect(jsonError(answer.body).code).toBe('request_timeout');
    expect(answer.ms).toBeGreaterThanOrEqual(550);
    expect(answer.ms).toBeLessThan(3_000);
    // The route, left waiting for a body that will not come, ends without an unhandled error.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(made.logs.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('closes a route that answers without reading the body, rather than waiting for the missing bytes', async () => {
    const port = await start({ requestMs: 600, headersMs: 400 });
    const answer = await exchange(port, slowBody('/api/conversations/nope/escalate'));
    expect(answer.status).toBe(404);
    expect(answer.ms).toBeLessThan(3_000);
  });

  it('answers headers that never finish, and a connection that never sends anything, with a JSON 408', async () => {
    const port = await start({ requestMs: 600, headersMs: 300 });
    for (const request of ['GET /livez HTTP/1.1\r\nHost: local', '']) {
      const answer = await exchange(port, request);
      expect(answer.status).toBe(408);
      expect(jsonError(answer.body).code).toBe('request_timeout');
      expect(answer.ms).toBeLessThan(2_000);
    }
  });

  it('closes a kept-alive connection that stays idle', async () => {
    const port = await start({ keepAliveMs: 200 });
    const answer = await exchange(port, 'GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(answer.status).toBe(200);
    // Node adds a second to the keep-alive timeout before it closes.
    expect(answer.ms).toBeLessThan(3_000);
  });

  it('keeps an idle connection open longer than a balancer or a browser waits to reuse it (the default timeouts)', { timeout: 15_000 }, async () => {
    // With Node's 5 s, a client reusing a connection at that moment had its next request reset, unanswered.
    const port = await start();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('close', () => (closed = true));
    const answers = () => received.split('HTTP/1.1 200').length - 1;
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((r) => setTimeout(r, 20));
    };
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write('GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await until(() => answers() === 1);
    await new Promise((r) => setTimeout(r, 7_000));
    expect(closed).toBe(false);
    socket.write('GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await until(() => answers() === 2 || closed);
    expect(answers()).toBe(2);
    socket.destroy();
  });

  it('lets a stream run well past the request timeout, on a POST as on a GET', async () => {
    const ticks = new Hono().on(['GET', 'POST'], '/ticks', (c) =>
      streamSSE(c, async (stream) => {
        for (let i = 1; i <= 8; i++) {
          await stream.sleep(150);
          await stream.writeSSE({ data: String(i) });
        }
      }),
    );
    const port = await start({ requestMs: 300, headersMs: 200, idleMs: 1_000 }, ticks.fetch);
    for (const init of [{}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":"hi"}' }]) {
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/ticks`, init);
      const text = await response.text();
      expect(Date.now() - started).toBeGreaterThan(900);
      expect(text.match(/^data: \d+$/gm)).toEqual(['data: 1', 'data: 2', 'data: 3', 'data: 4', 'data: 5', 'data: 6', 'data: 7', 'data: 8']);
    }
  });

  it('answers a GET sent with a large body in full, however long the answer', async () => {
    // An answer bigger than the socket buffers (the console's script is) was cut half-way when the connection closed
    // with the body still coming in.
    const big = 'x'.repeat(400 * 1024);
    const port = await start({}, new Hono().get('/big', (c) => c.text(big)).fetch);
    for (const size of [0, 64 * 1024, 3 * 1024 * 1024]) {
      const answer = await exchange(port, [`GET /big HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: ${size}\r\n\r\n`, 'a'.repeat(size)]);
      expect([answer.status, answer.body.length, answer.error], `${size} bytes`).toEqual([200, big.length, undefined]);
    }
  });

  it('answers a HEAD whose declared body never comes, once the wait for it is over, with a head and nothing after it', async () => {
    const port = await start({ requestMs: 400, headersMs: 300 });
    const answer = await exchange(port, 'HEAD /livez HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nshort');
    expect([answer.status, answer.body]).toEqual([200, '']);
  });

  it('closes a socket on which nothing moves for the idle time, while a response is pending', async () => {
    const stalled = new Hono().get('/stall', () => new Promise<Response>(() => {}));
    const port = await start({ idleMs: 300 }, stalled.fetch);
    const answer = await exchange(port, 'GET /stall HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(answer.status).toBe(0);
    expect(answer.ms).toBeLessThan(2_000);
  });
});

describe('serveNode', () => {
  it('rejects when it cannot listen', async () => {
    const port = await start();
    await expect(serveNode(made.app.fetch, { port, hostname: '127.0.0.1', message: String })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('startNodeServer', () => {
  it('serves with the timeouts it is given', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-node-server-'));
    const url = `file:${join(dir, 'assistant.db')}`;
    const port = await freePort();
    const running = await startNodeServer(parseEnv({ LLM_MODE: 'offline', DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'error' }), { timeouts: { requestMs: 500, headersMs: 300 } });
    try {
      const answer = await exchange(port, slowBody('/api/feedback'));
      expect(answer.status).toBe(408);
      expect(jsonError(answer.body)).toEqual({ code: 'request_timeout', message: 'The request took too long to arrive. Please try again.' });
      expect(answer.ms).toBeLessThan(3_000);
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stopping the Node server', () => {
  it('ends open event streams at once instead of waiting for them, and stops listening', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-node-stop-'));
    const port = await freePort();
    const running = await startNodeServer(parseEnv({ LLM_MODE: 'offline', DATABASE_URL: `file:${join(dir, 'assistant.db')}`, PORT: String(port), LOG_LEVEL: 'error' }), { shutdownGraceMs: 30_000 });
    try {
      const chat = await fetch(`http://127.0.0.1:${port}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: 'What is MeluXina?', lang: 'en' }) });
      const { conversationId, conversationToken } = (await chat.json()) as { conversationId: string; conversationToken: string };
      const events = await fetch(`http://127.0.0.1:${port}/api/conversations/${conversationId}/events`, { headers: { authorization: `Bearer ${conversationToken}` } });
      expect(events.status).toBe(200);
      const reader = events.body!.getReader();
      const started = Date.now();
      await running.close();
      // The stream ends (it would otherwise last its 5 minutes), well inside the grace period given to answers.
      while (!(await reader.read()).done);
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
