// The handover end to end over HTTP: a visitor asks for a person, staff claim, reply, hand back and resolve; the
// visitor's messages reach staff while the assistant stays silent; office hours decide what the visitor is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { makeApp } from '../support/app.ts';
import { errorOf } from '../support/staff.ts';

// Tuesday 1 December 2026, 10:00 in Luxembourg (UTC+1): staff are in.
const TUESDAY_10 = Date.UTC(2026, 11, 1, 9, 0);
// Saturday 5 December 2026, 11:00 in Luxembourg: staff are back on Monday at 09:00.
const SATURDAY_11 = Date.UTC(2026, 11, 5, 10, 0);

let clock = TUESDAY_10;
let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline', STAFF_HOURS: 'mon-fri 09:00-17:00' }, now: () => clock });
  await saveAccount(made.deps, { email: 'anna@ai-factory.lu', name: 'Anna Weber', role: 'reviewer', lang: 'lb' }, 'correct horse battery', 'test');
  await saveAccount(made.deps, { email: 'marc@ai-factory.lu', name: 'Marc Thill', role: 'reviewer' }, 'another long password', 'test');
});
afterAll(() => made.dispose());

type Reply = { conversationId: string; conversationToken: string; lang: string; mode: string; answer: string; answered: boolean; actions: { type: string; position?: number; open?: boolean; backAt?: string | null }[] };

async function visitor(message: string, conversation?: Reply, lang = 'lb'): Promise<Reply> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang, ...(conversation ? { authorization: `Bearer ${conversation.conversationToken}` } : {}) },
    body: JSON.stringify({ message, ...(conversation ? { conversationId: conversation.conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Reply;
}

async function login(email: string, password: string) {
  const response = await made.app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    made.app.request(`http://localhost${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
}

const visitorEvents = async (conversation: Reply) => {
  const rows = await made.db.client.execute({ sql: 'SELECT type, data FROM events WHERE conversation_id = ? ORDER BY id', args: [conversation.conversationId] });
  return rows.rows.map((row) => ({ type: String(row.type), data: JSON.parse(String(row.data)) as Record<string, unknown> }));
};
const t = (lang: 'en' | 'lb', key: string, options?: Record<string, unknown>) => made.deps.i18n.forLang(lang)(key, options);

describe('a visitor asks for a person during office hours', () => {
  it('waits in the queue; staff claim, reply, hand back; the assistant is silent meanwhile and answers again after', async () => {
    clock = TUESDAY_10;
    const opened = await visitor('Wat ass MeluXina-AI?');
    const asked = await visitor('Ech wéilt mat engem Mënsch schwätzen', opened);
    expect(asked.answer).toContain(t('lb', 'chat:handover.queued', { position: 1 }));
    expect(asked.actions).toEqual([expect.objectContaining({ type: 'escalated', position: 1, open: true })]);

    // While waiting, the visitor's message is stored for staff and no answer comes.
    const waiting = await visitor('Ech hunn eng Fro zu de Käschte fir eng Firma', opened);
    expect(waiting).toMatchObject({ mode: 'staff', answered: false, answer: '' });

    const anna = await login('anna@ai-factory.lu', 'correct horse battery');
    const queue = (await (await anna('/api/staff/conversations')).json()) as { conversations: { id: string; status: string; lastMessage: string }[] };
    expect(queue.conversations[0]).toMatchObject({ id: opened.conversationId, status: 'escalated', lastMessage: 'Ech hunn eng Fro zu de Käschte fir eng Firma' });

    expect((await anna(`/api/staff/conversations/${opened.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    const marc = await login('marc@ai-factory.lu', 'another long password');
    const taken = await marc(`/api/staff/conversations/${opened.conversationId}/claim`, { method: 'POST' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('conversation_held');
    expect((await marc(`/api/staff/conversations/${opened.conversationId}/messages`, { method: 'POST', body: { text: 'Moien!' } })).status).toBe(409);

    const sent = await anna(`/api/staff/conversations/${opened.conversationId}/messages`, { method: 'POST', body: { text: 'Moien, ech sinn d’Anna. Wéi kann ech hëllefen?' } });
    expect(sent.status).toBe(201);
    const still = await visitor('Merci! Mir sinn eng kleng Firma.', opened);
    expect(still.mode).toBe('staff');

    expect((await anna(`/api/staff/conversations/${opened.conversationId}/release`, { method: 'POST' })).status).toBe(200);
    const back = await visitor('Wat ass MeluXina-AI?', opened);
    expect(back.mode).toBe('offline');
    expect(back.answered).toBe(true);

    const events = await visitorEvents(opened);
    expect(events.map((e) => e.type)).toEqual(['status', 'visitor_message', 'staff_joined', 'status', 'staff_message', 'visitor_message', 'staff_left', 'status']);
    expect(events[2]!.data).toEqual({ name: 'Anna' });
    expect(events[4]!.data).toMatchObject({ text: 'Moien, ech sinn d’Anna. Wéi kann ech hëllefen?', name: 'Anna' });
    expect(events[7]!.data).toMatchObject({ status: 'bot', notice: t('lb', 'chat:handover.released') });

    // The transcript names the staff member on their message; the audit log names who did what, not what was said.
    const detail = (await (await anna(`/api/staff/conversations/${opened.conversationId}`)).json()) as { messages: { role: string; author: string | null }[] };
    expect(detail.messages.filter((m) => m.role === 'staff')).toEqual([expect.objectContaining({ author: 'Anna' })]);
    const audit = await made.db.client.execute({ sql: 'SELECT actor, action, details FROM audit_log WHERE subject_id = ? ORDER BY id', args: [opened.conversationId] });
    expect(audit.rows.map((row) => [row.actor, row.action])).toEqual([
      ['anna@ai-factory.lu', 'conversation.claimed'],
      ['anna@ai-factory.lu', 'conversation.replied'],
      ['anna@ai-factory.lu', 'conversation.released'],
    ]);
    expect(audit.rows.map((row) => String(row.details)).join(' ')).not.toContain('Anna. Wéi');
  });

  it('is escalated by the widget button too, and resolved by staff with a note the visitor never sees', async () => {
    clock = TUESDAY_10;
    const opened = await visitor('How many training courses does the AI Factory coordinate every year?', undefined, 'en');
    const response = await made.app.request(`/api/conversations/${opened.conversationId}/escalate`, { method: 'POST', headers: { authorization: `Bearer ${opened.conversationToken}` } });
    expect(response.status).toBe(200);
    const state = (await response.json()) as { status: string; position: number; open: boolean; notice: string };
    expect(state).toMatchObject({ status: 'escalated', open: true });
    expect(state.notice).toContain(t('en', 'chat:handover.queued', { position: state.position }));
    // A second press changes nothing.
    const again = await made.app.request(`/api/conversations/${opened.conversationId}/escalate`, { method: 'POST', headers: { authorization: `Bearer ${opened.conversationToken}` } });
    expect(((await again.json()) as { status: string }).status).toBe('escalated');
    expect((await made.app.request(`/api/conversations/${opened.conversationId}/escalate`, { method: 'POST', headers: { authorization: 'Bearer wrong' } })).status).toBe(403);

    const marc = await login('marc@ai-factory.lu', 'another long password');
    const resolveWith = (body: unknown) => marc(`/api/staff/conversations/${opened.conversationId}/resolve`, { method: 'POST', body });
    expect(await errorOf(await resolveWith({ note: 42 }))).toEqual({ code: 'note_invalid', message: 'The note must be text.' });
    expect(await errorOf(await resolveWith({ note: 'x'.repeat(2001) }))).toEqual({ code: 'note_too_long', message: 'The note is too long (at most 2000 characters).' });
    expect((await resolveWith({ note: 'Answered by phone.' })).status).toBe(200);
    // Closed: nothing more is sent in it, and the error says so rather than "only the holder".
    const late = await marc(`/api/staff/conversations/${opened.conversationId}/messages`, { method: 'POST', body: { text: 'one more thing' } });
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toEqual({ code: 'conversation_resolved', message: 'This conversation is closed: nothing more can be sent in it.' });
    const events = await visitorEvents(opened);
    expect(events.at(-1)).toEqual({ type: 'status', data: { status: 'resolved', notice: t('en', 'chat:handover.resolved') } });
    const history = (await (await made.app.request(`/api/conversations/${opened.conversationId}/messages`, { headers: { authorization: `Bearer ${opened.conversationToken}` } })).json()) as { status: string; messages: { content: string }[] };
    expect(history.status).toBe('resolved');
    expect(JSON.stringify(history)).not.toContain('Answered by phone.');
  });
});

describe('the queue', () => {
  it("moves every visitor behind up a place, live, when one ahead is claimed or closed, without announcing a new escalation", async () => {
    const waiting: Reply[] = [];
    for (const [i, lang] of (['en', 'lb', 'en'] as const).entries()) {
      clock = TUESDAY_10 + i * 60_000;
      const opened = await visitor(lang === 'en' ? 'What is MeluXina?' : 'Wat ass MeluXina?', undefined, lang);
      const asked = await visitor(lang === 'en' ? 'I want to talk to a person' : 'Ech wéilt mat engem Mënsch schwätzen', opened, lang);
      expect(asked.actions).toEqual([expect.objectContaining({ type: 'escalated', position: i + 1 })]);
      waiting.push(opened);
    }
    const [first, second, third] = waiting as [Reply, Reply, Reply];
    const moves = async (conversation: Reply) => (await visitorEvents(conversation)).filter((e) => e.type === 'status' && e.data.moved === true).map((e) => e.data.position);
    const anna = await login('anna@ai-factory.lu', 'correct horse battery');
    clock = TUESDAY_10 + 5 * 60_000;
    expect((await anna(`/api/staff/conversations/${first.conversationId}/claim`, { method: 'POST' })).status).toBe(200);
    expect(await moves(first)).toEqual([]);
    expect(await moves(second)).toEqual([1]);
    expect(await moves(third)).toEqual([2]);
    expect((await anna(`/api/staff/conversations/${second.conversationId}/resolve`, { method: 'POST', body: {} })).status).toBe(200);
    expect(await moves(third)).toEqual([2, 1]);
    // The visitor's stream carries the new place in the contract's status event.
    expect((await visitorEvents(third)).at(-1)).toEqual({ type: 'status', data: { status: 'escalated', position: 1, moved: true } });
    for (const conversation of [first, third]) expect((await anna(`/api/staff/conversations/${conversation.conversationId}/resolve`, { method: 'POST', body: {} })).status).toBe(200);
  });
});

describe('a visitor asks for a person outside office hours', () => {
  it('is told when staff are back, in Luxembourg time, and still waits in the queue', async () => {
    clock = SATURDAY_11;
    const asked = await visitor('Ech wëll mat engem Mataarbechter schwätzen');
    const monday = t('lb', 'chat:staff.hours.on_weekday', { weekday: t('lb', 'chat:staff.hours.weekday.mon'), time: '09:00' });
    expect(asked.answer).toContain(monday);
    expect(asked.actions).toEqual([expect.objectContaining({ type: 'escalated', open: false, backAt: new Date(Date.UTC(2026, 11, 7, 8, 0)).toISOString() })]);
    expect((await visitor('Ech waarden', asked)).mode).toBe('staff');
  });
});
