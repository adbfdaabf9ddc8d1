// Every /api/staff/* route behind its gate: 401 without a session, 403 without the CSRF token on unsafe requests,
// 403 for a role that may not use it — and a staff reply posted on one instance reaching a visitor on another.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { openClient } from '../../db/open.node.ts';
import { createApp } from '../../functions/app.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { createLogger } from '../../functions/logger.ts';
import { makeApp } from '../support/app.ts';
import { openSse } from '../support/sse.ts';

// Tuesday 1 December 2026, 10:00 in Luxembourg: staff are in.
const NOW = Date.UTC(2026, 11, 1, 9, 0);
let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' }, now: () => NOW });
  await saveAccount(made.deps, { email: 'rev@ai-factory.lu', name: 'Rita Reviewer', role: 'reviewer' }, 'reviewer password 1', 'test');
});
afterAll(() => made.dispose());

type Route = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown; role?: 'admin' };
const ID = '00000000-0000-4000-8000-000000000000';
const ROUTES: Route[] = [
  { method: 'GET', path: '/api/staff/me' },
  { method: 'POST', path: '/api/staff/logout' },
  { method: 'GET', path: '/api/staff/accounts', role: 'admin' },
  { method: 'GET', path: '/api/staff/conversations' },
  { method: 'GET', path: `/api/staff/conversations/${ID}` },
  { method: 'POST', path: `/api/staff/conversations/${ID}/claim` },
  { method: 'POST', path: `/api/staff/conversations/${ID}/messages`, body: { text: 'Hello' } },
  { method: 'POST', path: `/api/staff/conversations/${ID}/release` },
  { method: 'POST', path: `/api/staff/conversations/${ID}/resolve`, body: { note: 'done' } },
  { method: 'GET', path: '/api/staff/events' },
  { method: 'POST', path: `/api/staff/conversations/${ID}/notes`, body: { text: 'Called back' } },
  { method: 'POST', path: `/api/staff/conversations/${ID}/transfer`, body: { staffId: ID } },
  { method: 'GET', path: '/api/staff/members' },
  { method: 'GET', path: '/api/staff/canned-replies' },
  { method: 'POST', path: '/api/staff/canned-replies', body: { lang: 'en', title: 'Thanks', text: 'Thank you for waiting.' }, role: 'admin' },
  { method: 'PUT', path: `/api/staff/canned-replies/${ID}`, body: { lang: 'en', title: 'Thanks', text: 'Thank you for waiting.' }, role: 'admin' },
  { method: 'DELETE', path: `/api/staff/canned-replies/${ID}`, role: 'admin' },
  { method: 'GET', path: '/api/staff/metrics' },
  { method: 'GET', path: '/api/staff/gaps' },
  { method: 'GET', path: '/api/staff/documents' },
  { method: 'GET', path: '/api/staff/approved-answers', role: 'admin' },
  { method: 'POST', path: '/api/staff/approved-answers', body: { lang: 'en', question: 'Is there a newsletter?', answer: 'Yes [1].', docIds: ['faq'] }, role: 'admin' },
  { method: 'POST', path: `/api/staff/approved-answers/${ID}/retire`, role: 'admin' },
  { method: 'GET', path: '/api/staff/leads', role: 'admin' },
  { method: 'GET', path: '/api/staff/leads.csv', role: 'admin' },
  { method: 'GET', path: `/api/staff/leads/${ID}`, role: 'admin' },
  { method: 'POST', path: `/api/staff/leads/${ID}/promote`, body: { reason: 'Good fit' }, role: 'admin' },
  { method: 'POST', path: `/api/staff/leads/${ID}/withdraw`, body: { reason: 'Asked by phone' }, role: 'admin' },
  { method: 'POST', path: `/api/staff/leads/${ID}/retry`, role: 'admin' },
  { method: 'POST', path: '/api/staff/accounts', body: { email: 'x@ai-factory.lu', name: 'X', role: 'reviewer', password: 'a long password' }, role: 'admin' },
  { method: 'POST', path: `/api/staff/accounts/${ID}/deactivate`, role: 'admin' },
  { method: 'POST', path: `/api/staff/accounts/${ID}/reactivate`, role: 'admin' },
  { method: 'POST', path: `/api/staff/accounts/${ID}/password`, body: { password: 'a long password' }, role: 'admin' },
  { method: 'POST', path: `/api/staff/accounts/${ID}/role`, body: { role: 'admin' }, role: 'admin' },
  { method: 'GET', path: '/api/staff/audit', role: 'admin' },
  { method: 'GET', path: '/api/staff/audit/verify', role: 'admin' },
];

const request = (route: Route, headers: Record<string, string> = {}) =>
  made.app.request(`http://localhost${route.path}`, {
    method: route.method,
    headers: { ...(route.body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(route.body ? { body: JSON.stringify(route.body) } : {}),
  });

async function session(email: string, password: string) {
  const response = await made.app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('the staff API gate', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 401 without a session', async (_, route) => {
    const response = await request(route);
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe('unauthorized');
  });

  it.each(ROUTES.filter((route) => route.method !== 'GET').map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 403 without the CSRF token', async (_, route) => {
    const { cookie } = await session('rev@ai-factory.lu', 'reviewer password 1');
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': 'not-the-token' }];
    for (const headers of attempts) {
      const response = await request(route, headers);
      expect(response.status).toBe(403);
      expect(await codeOf(response)).toBe('csrf_invalid');
    }
  });

  it.each(ROUTES.filter((route) => route.role === 'admin').map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 403 to a reviewer', async (_, route) => {
    const { cookie, csrf } = await session('rev@ai-factory.lu', 'reviewer password 1');
    const response = await request(route, { cookie, 'x-csrf-token': csrf });
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe('forbidden');
  });

  it('covers every /api/staff route the app registers', () => {
    const registered = new Set(made.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/staff/') && r.path !== '/api/staff/login').map((r) => `${r.method} ${r.path.replace(/:\w+/g, ID)}`));
    expect([...registered].filter((key) => !ROUTES.some((route) => `${route.method} ${route.path}` === key))).toEqual([]);
  });

  it('lets a reviewer through to the inbox routes with session and token (404 for an unknown conversation)', async () => {
    const { cookie, csrf } = await session('rev@ai-factory.lu', 'reviewer password 1');
    expect((await request(ROUTES[3]!, { cookie })).status).toBe(200);
    expect((await request(ROUTES[5]!, { cookie, 'x-csrf-token': csrf })).status).toBe(404);
  });
});

describe('a staff reply across instances', () => {
  const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
    new Promise<ServerType>((resolve) => {
      const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
    });
  const urlOf = (server: ServerType) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

  it('posted through instance B reaches the visitor streaming from A; a reconnect gets exactly what it missed', async () => {
    const a = await listen(made.app.fetch);
    const clientB = await openClient(made.db.url);
    const b = await listen(createApp(createDeps(parseEnv({ LLM_MODE: 'offline', DATABASE_URL: made.db.url }), clientB, { log: createLogger('error', () => {}), now: () => NOW })).fetch);
    try {
      const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const visitor = (await (await post(urlOf(a), '/api/chat', { message: 'Ech wéilt mat engem Mënsch schwätzen', lang: 'lb' }, { accept: 'application/json' })).json()) as { conversationId: string; conversationToken: string };
      const stream = await openSse(`${urlOf(a)}/api/conversations/${visitor.conversationId}/events`, { authorization: `Bearer ${visitor.conversationToken}` });
      await stream.sse.waitForEvents(1);

      const login = await post(urlOf(b), '/api/staff/login', { email: 'rev@ai-factory.lu', password: 'reviewer password 1' });
      const staff = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
      expect((await post(urlOf(b), `/api/staff/conversations/${visitor.conversationId}/claim`, {}, staff)).status).toBe(200);
      expect((await post(urlOf(b), `/api/staff/conversations/${visitor.conversationId}/messages`, { text: 'Moien! Wéi kann ech hëllefen?' }, staff)).status).toBe(201);
      const live = await stream.sse.waitForEvents(4);
      expect(live.map((e) => e.event)).toEqual(['status', 'staff_joined', 'status', 'staff_message']);
      expect(live[3]!.data).toMatchObject({ text: 'Moien! Wéi kann ech hëllefen?', name: 'Rita' });
      await stream.sse.close();

      expect((await post(urlOf(b), `/api/staff/conversations/${visitor.conversationId}/messages`, { text: 'Sidd Dir nach do?' }, staff)).status).toBe(201);
      expect((await post(urlOf(b), `/api/staff/conversations/${visitor.conversationId}/resolve`, {}, staff)).status).toBe(200);
      const resumed = await openSse(`${urlOf(a)}/api/conversations/${visitor.conversationId}/events`, { authorization: `Bearer ${visitor.conversationToken}`, 'last-event-id': live[3]!.id! });
      const missed = await resumed.sse.waitForEvents(3);
      await resumed.sse.close();
      expect(missed.map((e) => e.event)).toEqual(['staff_message', 'staff_left', 'status']);
      expect(missed.map((e) => Number(e.id))).toEqual([...missed.map((e) => Number(e.id))].sort((x, y) => x - y));
      expect(Number(missed[0]!.id)).toBeGreaterThan(Number(live[3]!.id));
    } finally {
      await Promise.all([close(a), close(b)]);
      clientB.close();
    }
  });
});
