// The conversation events stream: the reusable SSE tail over the events table, the visitor's route, and a staff
// reply written through one instance reaching a visitor connected to another.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClient } from '../../db/open.node.ts';
import { conversationEventsAfter, insertEvent } from '../../db/queries/events.ts';
import type { Db } from '../../db/client.ts';
import { createApp } from '../../functions/app.ts';
import { conversationEventRoutes } from '../../functions/conversations/events.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { tailEvents, type TailTiming } from '../../functions/events/stream.ts';
import { createLogger } from '../../functions/logger.ts';
import { withDeps } from '../../functions/middleware/deps.ts';
import type { AppBindings } from '../../functions/types.ts';
import { knowledgeFile, makeApp } from '../support/app.ts';
import { openSse, readSse } from '../support/sse.ts';

const FILES = [knowledgeFile('meluxina', 'en', 'MeluXina', 'MeluXina is the national supercomputer, run by LuxProvide.')];
const POLL_MS = 500; // the route's default, used where the app is mounted as createApp mounts it
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ files: FILES });
});
afterAll(() => made.dispose());

type Conversation = { conversationId: string; conversationToken: string };

async function newConversation(request: (path: string, init: RequestInit) => Response | Promise<Response> = (path, init) => made.app.request(path, init)): Promise<Conversation> {
  const response = await request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Who runs MeluXina?' }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Conversation;
}

/** Appends one event as the domain code does and returns its id. */
async function append(db: Db, conversationId: string, type: string, data: Record<string, unknown>): Promise<number> {
  await insertEvent(db, { conversationId, type, data, createdAt: Date.now() });
  const [row] = (await conversationEventsAfter(db, conversationId, 0, [type], 1000)).slice(-1);
  return row!.id;
}

const bearer = (conversation: Conversation) => ({ authorization: `Bearer ${conversation.conversationToken}` });
const eventsPath = (conversation: Conversation, query = '') => `/api/conversations/${conversation.conversationId}/events${query}`;

describe('tailEvents', () => {
  const TYPES = ['status', 'staff_message'];
  /** A bare app around the tail that counts how often it asks the database. */
  function tailApp(conversationId: string, timing: Partial<TailTiming>, start: number | (() => Promise<number>) = 0) {
    const calls = { load: 0, start: 0 };
    const app = new Hono<AppBindings>().use(withDeps(made.deps)).get('/tail', (c) =>
      tailEvents(c, {
        load: (afterId) => {
          calls.load++;
          return conversationEventsAfter(made.deps.db, conversationId, afterId, TYPES);
        },
        start: typeof start === 'number' ? start : () => (calls.start++, start()),
        timing,
      }),
    );
    return { app, calls };
  }

  it('sends each row with its id, type and JSON data, oldest first, then rows written later, and keepalive comments while quiet', async () => {
    const { conversationId } = await newConversation();
    const first = await append(made.deps.db, conversationId, 'status', { status: 'escalated', position: 2 });
    const second = await append(made.deps.db, conversationId, 'staff_message', { messageId: 'm1', text: 'Hello', name: 'Anna' });
    const { app } = tailApp(conversationId, { pollMs: 20, keepaliveMs: 60 });
    const response = await app.request('/tail');
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const sse = readSse(response);
    expect(await sse.waitForEvents(2)).toEqual([
      { id: String(first), event: 'status', data: { status: 'escalated', position: 2 } },
      { id: String(second), event: 'staff_message', data: { messageId: 'm1', text: 'Hello', name: 'Anna' } },
    ]);
    const third = await append(made.deps.db, conversationId, 'status', { status: 'staff' });
    expect((await sse.waitForEvents(3))[2]).toEqual({ id: String(third), event: 'status', data: { status: 'staff' } });
    expect(await sse.waitForComments(2)).toEqual(['keepalive', 'keepalive']);
    await sse.close();
  });

  it('starts after Last-Event-ID, else after ?lastEventId=, else where the caller says, asking for that start only then', async () => {
    const { conversationId } = await newConversation();
    const ids: number[] = [];
    for (const n of [1, 2, 3]) ids.push(await append(made.deps.db, conversationId, 'status', { status: 'escalated', position: n }));
    const { app, calls } = tailApp(conversationId, { pollMs: 20 }, async () => ids[1]!);
    const idsOf = async (init: { path?: string; headers?: Record<string, string> }, count: number) => {
      const sse = readSse(await app.request(init.path ?? '/tail', { headers: init.headers }));
      const events = await sse.waitForEvents(count);
      await pause(100);
      await sse.close();
      expect(sse.events).toHaveLength(count);
      return events.map((e) => Number(e.id));
    };
    expect(await idsOf({ headers: { 'last-event-id': String(ids[0]) } }, 2)).toEqual([ids[1], ids[2]]);
    expect(await idsOf({ path: `/tail?lastEventId=${ids[1]}` }, 1)).toEqual([ids[2]]);
    expect(await idsOf({ headers: { 'last-event-id': String(ids[1]) }, path: `/tail?lastEventId=0` }, 1)).toEqual([ids[2]]);
    expect(calls.start).toBe(0);
    expect(await idsOf({}, 1)).toEqual([ids[2]]);
    // An id we never sent is no resume point: the caller's start applies.
    expect(await idsOf({ headers: { 'last-event-id': 'abc' } }, 1)).toEqual([ids[2]]);
    expect(calls.start).toBe(2);
  });

  it('stops asking the database once the client goes away', async () => {
    const { conversationId } = await newConversation();
    const { app, calls } = tailApp(conversationId, { pollMs: 10 });
    const sse = readSse(await app.request('/tail'));
    await expect.poll(() => calls.load).toBeGreaterThan(2);
    await sse.close();
    await pause(50);
    const after = calls.load;
    await pause(200);
    expect(calls.load).toBe(after);
  });

  it('ends the stream itself after its lifetime, so EventSource reconnects and nothing stays open', async () => {
    const { conversationId } = await newConversation();
    const { app, calls } = tailApp(conversationId, { pollMs: 10, maxLifetimeMs: 150 });
    const started = Date.now();
    const sse = readSse(await app.request('/tail'));
    await sse.waitForEnd(2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const after = calls.load;
    await pause(100);
    expect(calls.load).toBe(after);
  });
});

describe('GET /api/conversations/:id/events', () => {
  it('refuses an unknown conversation with 404 and a wrong or missing token with 403, in the header or in ?token=', async () => {
    const conversation = await newConversation();
    const unknown = await made.app.request('/api/conversations/nope/events', { headers: bearer(conversation) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'conversation_not_found' } });
    expect((await made.app.request('/api/conversations/nope/events?token=x')).status).toBe(404);
    const wrong = await made.app.request(eventsPath(conversation), { headers: { authorization: 'Bearer wrong' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: { code: 'token_invalid' } });
    expect((await made.app.request(eventsPath(conversation, '?token=wrong'))).status).toBe(403);
    expect((await made.app.request(eventsPath(conversation))).status).toBe(403);
    // A wrong header is not rescued by a right query token: the header is the usual way and is checked first.
    expect((await made.app.request(eventsPath(conversation, `?token=${conversation.conversationToken}`), { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
  });

  it("streams the visitor's events from the conversation's first, with ids, and never internal ones or another conversation's", async () => {
    const conversation = await newConversation();
    const other = await newConversation();
    const { db } = made.deps;
    const escalated = await append(db, conversation.conversationId, 'status', { status: 'escalated', position: 1 });
    await append(db, conversation.conversationId, 'visitor_message', { messageId: 'v1', text: 'Are you there?' });
    const joined = await append(db, conversation.conversationId, 'staff_joined', { name: 'Anna' });
    await append(db, other.conversationId, 'staff_message', { messageId: 'x', text: 'Not yours', name: 'Ben' });
    const replied = await append(db, conversation.conversationId, 'staff_message', { messageId: 's1', text: 'Yes, I am here.', name: 'Anna' });
    await append(db, conversation.conversationId, 'staff_note', { text: 'internal' });
    const left = await append(db, conversation.conversationId, 'staff_left', {});

    const response = await made.app.request(eventsPath(conversation), { headers: bearer(conversation) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const sse = readSse(response);
    await sse.waitForEvents(4);
    await pause(POLL_MS + 200);
    await sse.close();
    expect(sse.events).toEqual([
      { id: String(escalated), event: 'status', data: { status: 'escalated', position: 1 } },
      { id: String(joined), event: 'staff_joined', data: { name: 'Anna' } },
      { id: String(replied), event: 'staff_message', data: { messageId: 's1', text: 'Yes, I am here.', name: 'Anna' } },
      { id: String(left), event: 'staff_left', data: {} },
    ]);
  });

  it('accepts the token as ?token= for EventSource, and the request log leaves it out', async () => {
    const conversation = await newConversation();
    const id = await append(made.deps.db, conversation.conversationId, 'staff_joined', { name: 'Anna' });
    const sse = readSse(await made.app.request(eventsPath(conversation, `?token=${encodeURIComponent(conversation.conversationToken)}`)));
    expect(await sse.waitForEvents(1)).toEqual([{ id: String(id), event: 'staff_joined', data: { name: 'Anna' } }]);
    await sse.close();
    // The request is logged by its route pattern, never with the conversation id or the token.
    await expect.poll(() => made.logs.some((line) => line.includes('"path":"/api/conversations/:id/events"'))).toBe(true);
    expect(made.logs.filter((line) => line.includes(conversation.conversationToken))).toEqual([]);
  });

  it('resumes after Last-Event-ID (or ?lastEventId=) with exactly the later events', async () => {
    const conversation = await newConversation();
    const { db } = made.deps;
    const ids = [
      await append(db, conversation.conversationId, 'staff_joined', { name: 'Anna' }),
      await append(db, conversation.conversationId, 'staff_message', { messageId: 's1', text: 'One', name: 'Anna' }),
      await append(db, conversation.conversationId, 'staff_message', { messageId: 's2', text: 'Two', name: 'Anna' }),
      await append(db, conversation.conversationId, 'staff_left', {}),
    ];
    for (const request of [
      { path: eventsPath(conversation), headers: { ...bearer(conversation), 'last-event-id': String(ids[1]) } },
      { path: eventsPath(conversation, `?lastEventId=${ids[1]}`), headers: bearer(conversation) },
    ]) {
      const sse = readSse(await made.app.request(request.path, { headers: request.headers }));
      await sse.waitForEvents(2);
      await pause(POLL_MS + 200);
      await sse.close();
      expect(sse.events.map((e) => [Number(e.id), e.event])).toEqual([
        [ids[2], 'staff_message'],
        [ids[3], 'staff_left'],
      ]);
    }
  });

  it('sends keepalive comments on the interval the routes are given', async () => {
    const conversation = await newConversation();
    const app = new Hono<AppBindings>().use(withDeps(made.deps)).route('/', conversationEventRoutes({ pollMs: 20, keepaliveMs: 50 }));
    const sse = readSse(await app.request(eventsPath(conversation), { headers: bearer(conversation) }));
    expect(await sse.waitForComments(3, 2_000)).toEqual(['keepalive', 'keepalive', 'keepalive']);
    expect(sse.events).toEqual([]);
    await sse.close();
  });
});

describe('the events stream across instances', () => {
  type Instance = { url: string; db: Db; close: () => Promise<void> };
  const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
    new Promise<ServerType>((resolve) => {
      const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(server));
    });
  const urlOf = (server: ServerType) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closeServer = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    // Two apps, each with its own libSQL client on the one database file: two instances sharing a database.
    const serverA = await listen(made.app.fetch);
    a = { url: urlOf(serverA), db: made.deps.db, close: () => closeServer(serverA) };
    const clientB = await openClient(made.db.url);
    const depsB = createDeps(parseEnv({ LLM_MODE: 'offline', DATABASE_URL: made.db.url }), clientB, { log: createLogger('error', () => {}) });
    const serverB = await listen(createApp(depsB).fetch);
    b = {
      url: urlOf(serverB),
      db: depsB.db,
      close: async () => {
        await closeServer(serverB);
        clientB.close();
      },
    };
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('delivers an event written through instance B to a visitor streaming from A, and a reconnect to A gets exactly the ones missed', async () => {
    const conversation = await newConversation((path, init) => fetch(`${b.url}${path}`, init));
    const streamUrl = `${a.url}${eventsPath(conversation)}`;
    const first = await openSse(streamUrl, bearer(conversation));
    expect(first.response.status).toBe(200);

    const joined = await append(b.db, conversation.conversationId, 'staff_joined', { name: 'Anna' });
    const replied = await append(b.db, conversation.conversationId, 'staff_message', { messageId: 's1', text: 'Hello from B', name: 'Anna' });
    expect(await first.sse.waitForEvents(2)).toEqual([
      { id: String(joined), event: 'staff_joined', data: { name: 'Anna' } },
      { id: String(replied), event: 'staff_message', data: { messageId: 's1', text: 'Hello from B', name: 'Anna' } },
    ]);

    // The visitor's tab loses its connection; staff go on writing through B.
    await first.sse.close();
    const missed = [
      await append(b.db, conversation.conversationId, 'staff_message', { messageId: 's2', text: 'Still there?', name: 'Anna' }),
      await append(b.db, conversation.conversationId, 'staff_left', {}),
      await append(b.db, conversation.conversationId, 'status', { status: 'resolved' }),
    ];

    const again = await openSse(streamUrl, { ...bearer(conversation), 'last-event-id': first.sse.events.at(-1)!.id! });
    expect(again.response.status).toBe(200);
    await again.sse.waitForEvents(3);
    await pause(POLL_MS + 200);
    await again.sse.close();
    expect(again.sse.events.map((e) => [Number(e.id), e.event, e.data])).toEqual([
      [missed[0], 'staff_message', { messageId: 's2', text: 'Still there?', name: 'Anna' }],
      [missed[1], 'staff_left', {}],
      [missed[2], 'status', { status: 'resolved' }],
    ]);
  });
});
