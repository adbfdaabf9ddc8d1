// The inbox additions over HTTP: private notes (in the staff transcript, never in anything the visitor reads),
// transfer to a colleague, the list of colleagues, canned replies (admins write, everyone reads), the metrics route's
// input checks, and the gate of every new route (401 without a session, 403 without CSRF or the admin role).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateAccount, saveAccount } from '../../agents/staff/accounts.ts';
import { makeApp } from '../support/app.ts';
import { readSse } from '../support/sse.ts';

// Tuesday 1 December 2026, 10:00 in Luxembourg: staff are in.
const TUESDAY_10 = Date.UTC(2026, 11, 1, 9, 0);
let clock = TUESDAY_10;
let made: Awaited<ReturnType<typeof makeApp>>;
const ids: Record<'anna' | 'marc' | 'ada' | 'gone', string> = { anna: '', marc: '', ada: '', gone: '' };

beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline', STAFF_HOURS: 'mon-fri 09:00-17:00' }, now: () => clock });
  ids.anna = (await saveAccount(made.deps, { email: 'anna@ai-factory.lu', name: 'Anna Weber', role: 'reviewer' }, 'correct horse battery', 'test')).account.id;
  ids.marc = (await saveAccount(made.deps, { email: 'marc@ai-factory.lu', name: 'Marc Thill', role: 'reviewer' }, 'another long password', 'test')).account.id;
  ids.ada = (await saveAccount(made.deps, { email: 'ada@ai-factory.lu', name: 'Ada Admin', role: 'admin' }, 'admin password 12', 'test')).account.id;
  ids.gone = (await saveAccount(made.deps, { email: 'gone@ai-factory.lu', name: 'Gone Person', role: 'reviewer' }, 'left the team 123', 'test')).account.id;
  await deactivateAccount(made.deps, 'gone@ai-factory.lu', 'test');
});
afterAll(() => made.dispose());

type Visitor = { conversationId: string; conversationToken: string };
type Staff = (path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }) => Response | Promise<Response>;

async function visitorSays(message: string, visitor?: Visitor): Promise<Visitor> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(visitor ? { authorization: `Bearer ${visitor.conversationToken}` } : {}) },
    body: JSON.stringify({ message, lang: 'en', ...(visitor ? { conversationId: visitor.conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Visitor;
}

async function escalated(): Promise<Visitor> {
  const visitor = await visitorSays('Which services does the AI Factory offer to SMEs?');
  expect((await made.app.request(`/api/conversations/${visitor.conversationId}/escalate`, { method: 'POST', headers: { authorization: `Bearer ${visitor.conversationToken}` } })).status).toBe(200);
  return visitor;
}

async function login(email: string, password: string): Promise<Staff> {
  const response = await made.app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (path, init = {}) =>
    made.app.request(`http://localhost${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
}
const anna = () => login('anna@ai-factory.lu', 'correct horse battery');
const marc = () => login('marc@ai-factory.lu', 'another long password');
const ada = () => login('ada@ai-factory.lu', 'admin password 12');

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const rows = async (sql: string, args: string[] = []) => (await made.db.client.execute({ sql, args })).rows.map((row) => ({ ...row }));
const visitorGet = (visitor: Visitor, path: string) => made.app.request(`/api/conversations/${visitor.conversationId}${path}`, { headers: { authorization: `Bearer ${visitor.conversationToken}` } });

describe('the gate of every new staff route', () => {
  const ID = '00000000-0000-4000-8000-000000000000';
  const ROUTES: { method: string; path: string; body?: unknown; admin?: boolean }[] = [
    { method: 'POST', path: `/api/staff/conversations/${ID}/notes`, body: { text: 'A note' } },
    { method: 'POST', path: `/api/staff/conversations/${ID}/transfer`, body: { staffId: ID } },
    { method: 'GET', path: '/api/staff/members' },
    { method: 'GET', path: '/api/staff/canned-replies' },
    { method: 'POST', path: '/api/staff/canned-replies', body: { lang: 'en', title: 'Hello', text: 'Hello!' }, admin: true },
    { method: 'PUT', path: `/api/staff/canned-replies/${ID}`, body: { lang: 'en', title: 'Hello', text: 'Hello!' }, admin: true },
    { method: 'DELETE', path: `/api/staff/canned-replies/${ID}`, admin: true },
    { method: 'GET', path: '/api/staff/metrics' },
  ];
  const send = (route: (typeof ROUTES)[number], headers: Record<string, string> = {}) =>
    made.app.request(`http://localhost${route.path}`, {
      method: route.method,
      headers: { ...(route.body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(route.body ? { body: JSON.stringify(route.body) } : {}),
    });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: 401 without a session', async (_, route) => {
    const response = await send(route);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthorized');
  });

  it.each(ROUTES.filter((r) => r.method !== 'GET').map((r) => [`${r.method} ${r.path}`, r] as const))('%s: 403 without the CSRF token, or with a wrong one', async (_, route) => {
    const login = await made.app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ada@ai-factory.lu', password: 'admin password 12' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'forged' }] as Record<string, string>[]) {
      const response = await send(route, headers);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('csrf_invalid');
    }
  });

  it.each(ROUTES.filter((r) => r.admin).map((r) => [`${r.method} ${r.path}`, r] as const))('%s: 403 for a reviewer', async (_, route) => {
    const staff = await anna();
    const response = await staff(route.path, { method: route.method, body: route.body });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden');
  });
});

describe('private notes', () => {
  it('are refused when empty, too long, not JSON or on an unknown conversation', async () => {
    const visitor = await escalated();
    const staff = await anna();
    const notes = `/api/staff/conversations/${visitor.conversationId}/notes`;
    for (const body of [{}, { text: '   ' }, { text: 42 }]) {
      const response = await staff(notes, { method: 'POST', body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('message_missing');
    }
    const long = await staff(notes, { method: 'POST', body: { text: 'x'.repeat(2001) } });
    expect(long.status).toBe(400);
    expect(await errorOf(long)).toEqual({ code: 'message_too_long', message: 'The message is too long (at most 2000 characters).' });
    expect((await staff(notes, { method: 'POST', body: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await staff(notes, { method: 'POST', body: '{"text":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const unknown = await staff('/api/staff/conversations/00000000-0000-4000-8000-000000000000/notes', { method: 'POST', body: { text: 'Hello' } });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('conversation_not_found');
    expect(await rows('SELECT count(*) AS n FROM staff_notes')).toEqual([{ n: 0 }]);
  });

  it('sit in the staff transcript in time order, marked as notes, with an audit row that keeps their words out', async () => {
    clock = TUESDAY_10 + 60_000;
    const visitor = await escalated();
    const staff = await marc();
    clock += 60_000;
    const posted = await staff(`/api/staff/conversations/${visitor.conversationId}/notes`, { method: 'POST', body: { text: '  Knows us from the Luxinnovation day.  ' } });
    expect(posted.status).toBe(201);
    const { note } = (await posted.json()) as { note: { id: string; role: string; content: string; author: string; authorId: string; createdAt: string } };
    expect(note).toMatchObject({ role: 'note', content: 'Knows us from the Luxinnovation day.', author: 'Marc Thill', authorId: ids.marc, createdAt: new Date(clock).toISOString() });
    clock += 60_000;
    await visitorSays('Are you still there?', visitor);

    const detail = (await (await staff(`/api/staff/conversations/${visitor.conversationId}`)).json()) as { messages: { id: string; role: string; content: string; author: string | null }[] };
    const roles = detail.messages.map((m) => m.role);
    expect(roles.at(-2)).toBe('note');
    expect(roles.at(-1)).toBe('user');
    expect(roles.slice(0, -2)).not.toContain('note');
    expect(detail.messages.at(-2)).toMatchObject({ id: note.id, content: 'Knows us from the Luxinnovation day.', author: 'Marc Thill' });
    expect(await rows("SELECT actor, action, subject_id, details FROM audit_log WHERE action = 'conversation.note_added' AND subject_id = ?", [visitor.conversationId])).toEqual([
      { actor: 'marc@ai-factory.lu', action: 'conversation.note_added', subject_id: visitor.conversationId, details: JSON.stringify({ noteId: note.id, characters: 36 }) },
    ]);
  });

  it("never reach the visitor: not in the messages, the export or the events stream, and go when the conversation is deleted", async () => {
    clock = TUESDAY_10 + 3_600_000;
    const visitor = await escalated();
    const staff = await anna();
    const SECRET = 'Visitor sounded upset: escalate to the director if needed.';
    const stream = readSse(await visitorGet(visitor, '/events'));
    await stream.waitForEvents(1);
    expect((await staff(`/api/staff/conversations/${visitor.conversationId}/notes`, { method: 'POST', body: { text: SECRET } })).status).toBe(201);
    // Then a claim and a reply: once they have arrived, anything written before them has been streamed too.
    expect((await staff(`/api/staff/conversations/${visitor.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    expect((await staff(`/api/staff/conversations/${visitor.conversationId}/notes`, { method: 'POST', body: { text: `${SECRET} (2)` } })).status).toBe(201);
    expect((await staff(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: 'Hello, I am Anna.' } })).status).toBe(201);
    const streamed = await stream.waitForEvents(4);
    await stream.close();
    expect(streamed.map((e) => e.event)).toEqual(['status', 'staff_joined', 'status', 'staff_message']);
    expect(JSON.stringify(streamed)).not.toContain('upset');

    for (const path of ['/messages', '/export']) {
      const response = await visitorGet(visitor, path);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('Hello, I am Anna.');
      expect(text).not.toContain('upset');
      expect(text).not.toContain('"note"');
    }
    // A resume from the very start replays everything the visitor may see, and still no note.
    const replay = readSse(await made.app.request(`/api/conversations/${visitor.conversationId}/events`, { headers: { authorization: `Bearer ${visitor.conversationToken}`, 'last-event-id': '0' } }));
    const all = await replay.waitForEvents(4);
    await replay.close();
    expect(JSON.stringify(all)).not.toContain('upset');
    // Colleagues' consoles learn of a note through a `staff_note` event: its id and author, never its words, and
    // never a type the visitor's stream sends.
    expect(await rows("SELECT data FROM events WHERE conversation_id = ? AND type = 'staff_note'", [visitor.conversationId])).toHaveLength(2);
    expect(all.map((e) => e.event)).not.toContain('staff_note');
    expect(await rows('SELECT count(*) AS n FROM events WHERE data LIKE ?', ['%upset%'])).toEqual([{ n: 0 }]);
    expect(await rows('SELECT count(*) AS n FROM messages WHERE content LIKE ?', ['%upset%'])).toEqual([{ n: 0 }]);

    expect(await rows('SELECT count(*) AS n FROM staff_notes WHERE conversation_id = ?', [visitor.conversationId])).toEqual([{ n: 2 }]);
    expect((await made.app.request(`/api/conversations/${visitor.conversationId}`, { method: 'DELETE', headers: { authorization: `Bearer ${visitor.conversationToken}` } })).status).toBe(204);
    expect(await rows('SELECT count(*) AS n FROM staff_notes WHERE conversation_id = ?', [visitor.conversationId])).toEqual([{ n: 0 }]);
  });
});

describe('transfer to a colleague', () => {
  it('moves the conversation from its holder to an active colleague, tells the visitor who joined, and audits it', async () => {
    clock = TUESDAY_10 + 2 * 3_600_000;
    const visitor = await escalated();
    const [a, m] = [await anna(), await marc()];
    const transfer = (staff: Staff, body: unknown) => staff(`/api/staff/conversations/${visitor.conversationId}/transfer`, { method: 'POST', body });

    // Only the holder transfers: nobody holds it yet, and the error says to take it over first.
    expect(await errorOf(await transfer(a, { staffId: ids.marc }))).toEqual({ code: 'conversation_not_claimed', message: 'Take over this conversation first.' });
    expect((await a(`/api/staff/conversations/${visitor.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    const notHolder = await transfer(m, { staffId: ids.marc });
    expect(notHolder.status).toBe(409);
    expect((await errorOf(notHolder)).code).toBe('conversation_not_held');
    for (const body of [{}, { staffId: '' }, { staffId: ids.anna }, { staffId: ids.gone }, { staffId: '00000000-0000-4000-8000-000000000000' }]) {
      const refused = await transfer(a, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(await errorOf(refused)).toEqual({ code: 'transfer_target_invalid', message: 'Choose an active colleague other than yourself to pass this conversation to.' });
    }

    const stream = readSse(await visitorGet(visitor, '/events'));
    await stream.waitForEvents(3);
    clock += 60_000;
    const moved = await transfer(a, { staffId: ids.marc });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({ status: 'staff', assignee: { id: ids.marc, name: 'Marc Thill' } });
    const [joined] = (await stream.waitForEvents(4)).slice(3);
    await stream.close();
    expect(joined).toMatchObject({ event: 'staff_joined', data: { name: 'Marc' } });

    expect(await rows('SELECT status, assignee_id, assignee_name FROM conversations WHERE id = ?', [visitor.conversationId])).toEqual([{ status: 'staff', assignee_id: ids.marc, assignee_name: 'Marc Thill' }]);
    expect((await a(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: 'Still me?' } })).status).toBe(409);
    expect((await m(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: 'Hello, Marc here.' } })).status).toBe(201);
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'conversation.transferred' AND subject_id = ?", [visitor.conversationId])).toEqual([
      { actor: 'anna@ai-factory.lu', details: JSON.stringify({ to: ids.marc }) },
    ]);
  });

  it('lists the active colleagues by name, without e-mail addresses or roles', async () => {
    const response = await (await anna())('/api/staff/members');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      members: [
        { id: ids.ada, name: 'Ada Admin' },
        { id: ids.anna, name: 'Anna Weber' },
        { id: ids.marc, name: 'Marc Thill' },
      ],
    });
  });
});

describe('the first-response timer', () => {
  it('is in the queue (first staff reply time) and in the transcript (each escalation and its wait)', async () => {
    clock = TUESDAY_10 + 3 * 3_600_000;
    const visitor = await escalated();
    const escalatedAt = clock;
    const staff = await anna();
    const queued = (await (await staff('/api/staff/conversations')).json()) as { conversations: { id: string; escalatedAt: string; firstStaffReplyAt: string | null }[] };
    expect(queued.conversations.find((c) => c.id === visitor.conversationId)).toMatchObject({ escalatedAt: new Date(escalatedAt).toISOString(), firstStaffReplyAt: null });
    clock += 4 * 60_000;
    await staff(`/api/staff/conversations/${visitor.conversationId}/claim`, { method: 'POST' });
    clock += 3 * 60_000 + 5_000;
    await staff(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: 'Sorry for the wait!' } });
    const repliedAt = clock;
    clock += 60_000;
    await staff(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: 'Here is the answer.' } });

    const detail = (await (await staff(`/api/staff/conversations/${visitor.conversationId}`)).json()) as { firstResponses: unknown[] };
    expect(detail.firstResponses).toEqual([{ escalatedAt: new Date(escalatedAt).toISOString(), repliedAt: new Date(repliedAt).toISOString(), waitedMs: 7 * 60_000 + 5_000 }]);
    const held = (await (await staff('/api/staff/conversations?status=staff')).json()) as { conversations: { id: string; firstStaffReplyAt: string | null }[] };
    expect(held.conversations.find((c) => c.id === visitor.conversationId)?.firstStaffReplyAt).toBe(new Date(repliedAt).toISOString());
  });
});

describe('canned replies', () => {
  it('admins create, change and delete them; every staff member lists them by language; each change is audited', async () => {
    const admin = await ada();
    const create = (body: unknown) => admin('/api/staff/canned-replies', { method: 'POST', body });
    const bad: [unknown, string][] = [
      [{ lang: 'it', title: 'Ciao', text: 'Ciao!' }, 'lang_unsupported'],
      [{ lang: 'en', title: ' ', text: 'Hello' }, 'canned_title_invalid'],
      [{ lang: 'en', title: 'x'.repeat(121), text: 'Hello' }, 'canned_title_invalid'],
      [{ lang: 'en', title: 'Hello' }, 'message_missing'],
      [{ lang: 'en', title: 'Hello', text: 'x'.repeat(4001) }, 'message_too_long'],
    ];
    for (const [body, code] of bad) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await errorOf(response)).code).toBe(code);
    }
    const created = await create({ lang: 'lb', title: 'Merci fir d’Gedold', text: 'Merci fir Är Gedold, ech kucken dat no.' });
    expect(created.status).toBe(201);
    const { reply } = (await created.json()) as { reply: { id: string } };
    expect((await create({ lang: 'en', title: 'Thanks for waiting', text: 'Thank you for your patience, I am looking into it.' })).status).toBe(201);

    const reviewer = await marc();
    const list = async (query = '') => ((await (await reviewer(`/api/staff/canned-replies${query}`)).json()) as { replies: { id: string; lang: string; title: string; text: string }[] }).replies;
    expect((await list('?lang=lb')).map((r) => [r.lang, r.title])).toEqual([['lb', 'Merci fir d’Gedold']]);
    expect((await list()).map((r) => r.lang)).toEqual(['en', 'lb']);
    expect((await errorOf(await reviewer('/api/staff/canned-replies?lang=xx'))).code).toBe('lang_unsupported');

    const changed = await admin(`/api/staff/canned-replies/${reply.id}`, { method: 'PUT', body: { lang: 'lb', title: 'Merci', text: 'Merci! Ech kucken dat direkt no.' } });
    expect(changed.status).toBe(200);
    expect((await list('?lang=lb'))[0]).toMatchObject({ id: reply.id, title: 'Merci', text: 'Merci! Ech kucken dat direkt no.' });
    const missing = await admin('/api/staff/canned-replies/nope', { method: 'PUT', body: { lang: 'lb', title: 'Merci', text: 'Merci!' } });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('canned_reply_not_found');

    expect((await admin(`/api/staff/canned-replies/${reply.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin(`/api/staff/canned-replies/${reply.id}`, { method: 'DELETE' })).status).toBe(404);
    expect(await list('?lang=lb')).toEqual([]);
    expect(await rows("SELECT actor, action, details FROM audit_log WHERE subject_type = 'canned_reply' AND subject_id = ? ORDER BY id", [reply.id])).toEqual([
      { actor: 'ada@ai-factory.lu', action: 'canned_reply.created', details: '{"lang":"lb"}' },
      { actor: 'ada@ai-factory.lu', action: 'canned_reply.updated', details: '{"lang":"lb"}' },
      { actor: 'ada@ai-factory.lu', action: 'canned_reply.deleted', details: '{}' },
    ]);
  });
});

describe('GET /api/staff/metrics', () => {
  it('refuses dates that are not YYYY-MM-DD, a range that ends before it starts or is too long, and unknown languages', async () => {
    const staff = await anna();
    const cases: [string, string][] = [
      ['?from=2026-13-01', 'date_invalid'],
      ['?to=yesterday', 'date_invalid'],
      ['?from=2026-02-30&to=2026-03-02', 'date_invalid'],
      ['?from=2026-12-01T00:00:00Z', 'date_invalid'],
      ['?from=2026-12-02&to=2026-12-01', 'range_invalid'],
      ['?from=2026-01-01&to=2026-12-01', 'range_invalid'],
      ['?lang=pt', 'lang_unsupported'],
    ];
    for (const [query, code] of cases) {
      const response = await staff(`/api/staff/metrics${query}`);
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).code, query).toBe(code);
    }
    expect((await errorOf(await staff('/api/staff/metrics?from=2026-01-01&to=2026-12-01'))).message).toBe('The period must end on or after its first day and last at most 92 days.');
  });

  it('answers the last 14 Luxembourg days by default, every day present, one series per language and one for all', async () => {
    const response = await (await anna())('/api/staff/metrics');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { from: string; to: string; timeZone: string; series: { lang: string; days: { day: string; conversations: number }[] }[] };
    expect(body).toMatchObject({ from: '2026-11-18', to: '2026-12-01', timeZone: 'Europe/Luxembourg' });
    expect(body.series.map((s) => s.lang)).toEqual(['all', 'en', 'fr', 'de', 'lb']);
    for (const series of body.series) expect(series.days.map((d) => d.day)).toHaveLength(14);
    // The conversations this file started today, all in English.
    const today = body.series[0]!.days.at(-1)!;
    expect(today.day).toBe('2026-12-01');
    expect(today.conversations).toBeGreaterThan(0);
    expect(body.series[1]!.days.at(-1)!.conversations).toBe(today.conversations);
    const one = (await (await (await anna())('/api/staff/metrics?lang=fr&from=2026-12-01&to=2026-12-01')).json()) as typeof body;
    expect(one.series.map((s) => [s.lang, s.days.map((d) => d.conversations)])).toEqual([['fr', [0]]]);
  });
});

describe('a conversation whose holder is no longer at work', () => {
  const holderOf = async (staff: Staff, conversationId: string) =>
    ((await (await staff(`/api/staff/conversations/${conversationId}`)).json()) as { conversation: { assignee: { id: string; present: boolean } | null } }).conversation.assignee;

  it('stays with a holder who is signed in, and is taken over once they sign out or go idle, with an audit row', async () => {
    clock = TUESDAY_10 + 4 * 3_600_000;
    const [first, second] = [await escalated(), await escalated()];
    const [a, m] = [await anna(), await marc()];
    for (const visitor of [first, second]) expect((await a(`/api/staff/conversations/${visitor.conversationId}/claim`, { method: 'POST' })).status).toBe(200);

    const held = await m(`/api/staff/conversations/${first.conversationId}/claim`, { method: 'POST' });
    expect(held.status).toBe(409);
    expect((await errorOf(held)).code).toBe('conversation_held');
    expect(await holderOf(m, first.conversationId)).toEqual({ id: ids.anna, name: 'Anna Weber', present: true });

    // Signed out: the conversation is not left with nobody able to answer it.
    expect((await a('/api/staff/logout', { method: 'POST' })).status).toBe(200);
    expect(await holderOf(m, first.conversationId)).toMatchObject({ id: ids.anna, present: false });
    expect((await m(`/api/staff/conversations/${first.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    expect((await m(`/api/staff/conversations/${first.conversationId}/messages`, { method: 'POST', body: { text: 'Marc here, taking over.' } })).status).toBe(201);
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'conversation.taken_over' AND subject_id = ?", [first.conversationId])).toEqual([
      { actor: 'marc@ai-factory.lu', details: JSON.stringify({ from: ids.anna }) },
    ]);

    // Idle past the session's limit (30 minutes) counts as gone too; Marc, who keeps working, is still at work.
    clock += 31 * 60_000;
    const m2 = await marc();
    expect((await m2(`/api/staff/conversations/${second.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    expect(await rows('SELECT assignee_id FROM conversations WHERE id = ?', [second.conversationId])).toEqual([{ assignee_id: ids.marc }]);
  });
});

describe('text with control characters', () => {
  it('is refused with a localized 400, from a visitor and from staff, instead of being stored cut at a NUL', async () => {
    clock = TUESDAY_10 + 6 * 3_600_000;
    const chat = await made.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': 'de' },
      body: JSON.stringify({ message: 'Hallo\u0000 Welt' }),
    });
    expect(chat.status).toBe(400);
    expect(await errorOf(chat)).toEqual({ code: 'control_characters', message: made.deps.i18n.forLang('de')('errors.control_characters') });

    const visitor = await escalated();
    const m = await marc();
    expect((await m(`/api/staff/conversations/${visitor.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    const refused = await m(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: '\u0000Hello, Marc here.' } });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe('control_characters');
    // Tabs and line breaks are text.
    expect((await m(`/api/staff/conversations/${visitor.conversationId}/messages`, { method: 'POST', body: { text: 'Hello,\n\tMarc here.' } })).status).toBe(201);
    expect(await rows("SELECT content FROM messages WHERE conversation_id = ? AND role = 'staff'", [visitor.conversationId])).toEqual([{ content: 'Hello,\n\tMarc here.' }]);
  });
});
