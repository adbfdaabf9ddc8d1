// GET /api/staff/metrics over a known dataset written into a real database: the SQL groups by hour and language,
// the report pairs escalations with first replies and sums per Luxembourg day — every number checked by hand.
import { createClient as createWebClient } from '@libsql/client/web';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { metricsReport } from '../../agents/staff/metrics-report.ts';
import { createDb } from '../../db/client.ts';
import { startLibsqlServer } from '../support/libsql-server/server.ts';
import { conversations, events, feedback, leads, messages, outbox } from '../../db/schema/index.ts';
import { makeApp } from '../support/app.ts';

// Luxembourg is UTC+1 in winter: 30 November runs from 29 Nov 23:00 UTC to 30 Nov 23:00 UTC.
const NOV30 = Date.UTC(2026, 10, 29, 23, 0);
const DEC1 = Date.UTC(2026, 10, 30, 23, 0);
const at = (day: number, hours: number) => day + hours * 3_600_000;
const MIN = 60_000;

let made: Awaited<ReturnType<typeof makeApp>>;
let cookie = '';

type Lang = 'en' | 'fr' | 'de' | 'lb';
let n = 0;
const id = (prefix: string) => `${prefix}-${++n}`;

async function conversation(lang: Lang, createdAt: number) {
  const conversationId = id('c');
  await made.deps.db.insert(conversations).values({ id: conversationId, assistant: 'public', lang, status: 'bot', tokenHash: id('h'), createdAt, updatedAt: createdAt, retainUntil: createdAt + 30 * 86_400_000 });
  return conversationId;
}

async function answer(conversationId: string, lang: Lang, createdAt: number, { answered = true, firstTokenMs, drifts, state = 'complete' }: { answered?: boolean; firstTokenMs?: number; drifts?: number; state?: 'complete' | 'incomplete' } = {}) {
  const messageId = id('m');
  const timings = { retrievalMs: 3, ...(firstTokenMs === undefined ? {} : { firstTokenMs }), totalMs: 900, ...(drifts === undefined ? {} : { drifts }) };
  await made.deps.db.insert(messages).values({ id: messageId, conversationId, seq: n, role: 'assistant', content: 'An answer [1]', lang, state, answered, mode: 'llm', timings, createdAt });
  return messageId;
}

const event = (conversationId: string, type: string, data: Record<string, unknown>, createdAt: number) => made.deps.db.insert(events).values({ conversationId, type, data, createdAt });

async function lead(lang: Lang, createdAt: number, deliveredAt?: number) {
  const leadId = id('l');
  await made.deps.db.insert(leads).values({
    id: leadId,
    writeId: id('w'),
    status: 'qualified',
    source: 'form',
    lang,
    organisation: 'Org',
    orgType: 'sme',
    sector: 'finance',
    maturity: 'piloting',
    need: 'A need',
    pillars: [],
    consentVersion: '2026-11-22',
    consentAt: createdAt,
    score: 70,
    qualified: true,
    reasons: [],
    withdrawTokenHashes: [],
    createdAt,
    updatedAt: createdAt,
  });
  await made.deps.db.insert(outbox).values({
    leadId,
    version: 1,
    event: 'lead.created',
    idempotencyKey: `${leadId}:1`,
    payload: deliveredAt ? null : '{}',
    status: deliveredAt ? 'delivered' : 'pending',
    nextAttemptAt: createdAt,
    createdAt,
    deliveredAt: deliveredAt ?? null,
  });
}

beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' }, now: () => at(DEC1, 15) });
  await saveAccount(made.deps, { email: 'rita@ai-factory.lu', name: 'Rita Reviewer', role: 'reviewer' }, 'reviewer password 1', 'test');
  const login = await made.app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'rita@ai-factory.lu', password: 'reviewer password 1' }) });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  // 30 November, English: three conversations, one of them at 23:30 local time (already 1 December in UTC).
  const e1 = await conversation('en', at(NOV30, 9));
  const e2 = await conversation('en', at(NOV30, 10));
  const late = await conversation('en', at(NOV30, 23.5));
  const a1 = await answer(e1, 'en', at(NOV30, 9) + MIN, { firstTokenMs: 400 });
  const a2 = await answer(e1, 'en', at(NOV30, 9) + 2 * MIN, { firstTokenMs: 1200, drifts: 1 });
  await answer(e2, 'en', at(NOV30, 10) + MIN, { answered: false, firstTokenMs: 800 });
  await answer(late, 'en', at(NOV30, 23.5) + MIN, { firstTokenMs: 600 });
  // Still streaming or cut off: not an answer for the rates.
  await answer(e2, 'en', at(NOV30, 10) + 2 * MIN, { state: 'incomplete', firstTokenMs: 9999 });
  await made.deps.db.insert(feedback).values([
    { id: id('f'), messageId: a1, rating: 'up', createdAt: at(NOV30, 11) },
    { id: id('f'), messageId: a2, rating: 'down', createdAt: at(NOV30, 11) },
  ]);
  // e1 escalated at 12:00, claimed at 12:03, answered at 12:05; asked again at 16:00 and handed back unanswered.
  await event(e1, 'status', { status: 'escalated', position: 1, trigger: 'button' }, at(NOV30, 12));
  await event(e1, 'staff_joined', { name: 'Rita' }, at(NOV30, 12) + 3 * MIN);
  await event(e1, 'status', { status: 'staff' }, at(NOV30, 12) + 3 * MIN);
  await event(e1, 'staff_message', { messageId: 'x', text: 'Hello', name: 'Rita' }, at(NOV30, 12) + 5 * MIN);
  await event(e1, 'staff_message', { messageId: 'y', text: 'More', name: 'Rita' }, at(NOV30, 12) + 9 * MIN);
  await event(e1, 'status', { status: 'bot' }, at(NOV30, 13));
  await event(e1, 'status', { status: 'escalated', position: 1, trigger: 'message' }, at(NOV30, 16));
  await event(e1, 'status', { status: 'bot' }, at(NOV30, 16.5));
  // e2 escalated at 17:00 and first answered at 17:11.
  await event(e2, 'status', { status: 'escalated', position: 1, trigger: 'tool' }, at(NOV30, 17));
  await event(e2, 'staff_message', { messageId: 'z', text: 'Hi', name: 'Rita' }, at(NOV30, 17) + 11 * MIN);

  // 1 December, Luxembourgish: one conversation, escalated late in the day and answered after midnight.
  const l1 = await conversation('lb', at(DEC1, 8));
  const b1 = await answer(l1, 'lb', at(DEC1, 8) + MIN, { firstTokenMs: 700 });
  await made.deps.db.insert(feedback).values({ id: id('f'), messageId: b1, rating: 'up', createdAt: at(DEC1, 9) });
  await event(l1, 'status', { status: 'escalated', position: 1, trigger: 'button' }, at(DEC1, 23.75));
  await event(l1, 'staff_message', { messageId: 'w', text: 'Moien', name: 'Rita' }, at(DEC1, 24.25));

  // Leads: two French ones on 30 November, one delivered on 1 December; one German on 1 December, not sent yet.
  await lead('fr', at(NOV30, 14), at(DEC1, 0.5));
  await lead('fr', at(NOV30, 15));
  await lead('de', at(DEC1, 10));
  // A Luxembourgish answer on 30 November: the percentiles of `all` are taken over every language's values together.
  const l0 = await conversation('lb', at(NOV30, 15));
  await answer(l0, 'lb', at(NOV30, 15) + MIN, { firstTokenMs: 2000 });
  // Around the end of summer time (Sunday 25 October 2026, 03:00 CEST → 02:00 CET): local midnights at 22:00 and 23:00 UTC.
  const OCT24 = Date.UTC(2026, 9, 23, 22, 0);
  await conversation('de', OCT24 + 23.5 * 3_600_000); // 24 October, 23:30 CEST
  await conversation('de', OCT24 + 24.5 * 3_600_000); // 25 October, 00:30 CEST
  await conversation('de', OCT24 + 48.5 * 3_600_000); // 25 October, 23:30 CET (the day has 25 hours)
  await conversation('de', OCT24 + 49.5 * 3_600_000); // 26 October, 00:30 CET
  // Before the range: left out.
  const old = await conversation('en', at(NOV30, -2));
  await answer(old, 'en', at(NOV30, -2), { firstTokenMs: 5 });
});
afterAll(() => made.dispose());

type Day = Record<string, number | string | null>;
type Report = { from: string; to: string; timeZone: string; series: { lang: string; days: Day[] }[] };
const metrics = async (query: string) => {
  const response = await made.app.request(`http://localhost/api/staff/metrics${query}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as Report;
};

describe('GET /api/staff/metrics over a known dataset', () => {
  it('counts each instant on its Luxembourg day across the end of summer time', async () => {
    const de = (await metrics('?from=2026-10-24&to=2026-10-26&lang=de')).series[0]!.days;
    expect(de.map((d) => [d.day, d.conversations])).toEqual([
      ['2026-10-24', 1],
      ['2026-10-25', 2],
      ['2026-10-26', 1],
    ]);
  });

  it('sums English on 30 November, Luxembourg time', async () => {
    const report = await metrics('?from=2026-11-30&to=2026-12-01');
    expect(report).toMatchObject({ from: '2026-11-30', to: '2026-12-01', timeZone: 'Europe/Luxembourg' });
    const en = report.series.find((s) => s.lang === 'en')!;
    expect(en.days[0]).toEqual({
      day: '2026-11-30',
      conversations: 3,
      answers: 4,
      answered: 3,
      answeredRate: 0.75,
      // Two escalations of e1 (one handed back unanswered) and one of e2; waits of 5 and 11 minutes.
      escalations: 3,
      staffReplies: 2,
      firstStaffReplyMedianMs: 5 * MIN,
      feedbackUp: 1,
      feedbackDown: 1,
      feedbackUpRatio: 0.5,
      firstTokenP50Ms: 600,
      firstTokenP95Ms: 1200,
      languageDrifts: 1,
      leadsCreated: 0,
      leadsDelivered: 0,
    });
    expect(en.days[1]).toMatchObject({ day: '2026-12-01', conversations: 0, answers: 0, answeredRate: null, escalations: 0 });
  });

  it('counts an escalation on its own day even when staff answer it after midnight', async () => {
    const lb = (await metrics('?from=2026-11-30&to=2026-12-01&lang=lb')).series;
    expect(lb.map((s) => s.lang)).toEqual(['lb']);
    expect(lb[0]!.days[1]).toMatchObject({ day: '2026-12-01', conversations: 1, answers: 1, answeredRate: 1, escalations: 1, staffReplies: 1, firstStaffReplyMedianMs: 30 * MIN, feedbackUp: 1, feedbackUpRatio: 1, firstTokenP50Ms: 700 });
    // Ending the range on 1 December does not lose that reply, which came on the 2nd.
    const single = (await metrics('?from=2026-12-01&to=2026-12-01&lang=lb')).series[0]!.days;
    expect(single).toMatchObject([{ day: '2026-12-01', escalations: 1, firstStaffReplyMedianMs: 30 * MIN }]);
  });

  it('counts leads in their language when created and when delivered, and combines the languages in `all`', async () => {
    const report = await metrics('?from=2026-11-30&to=2026-12-01');
    const by = (lang: string) => report.series.find((s) => s.lang === lang)!.days.map((d) => [d.leadsCreated, d.leadsDelivered]);
    expect(by('fr')).toEqual([[2, 0], [0, 1]]);
    expect(by('de')).toEqual([[0, 0], [1, 0]]);
    const all = report.series.find((s) => s.lang === 'all')!.days;
    expect(all.map((d) => [d.conversations, d.answers, d.escalations, d.leadsCreated, d.leadsDelivered])).toEqual([
      [4, 5, 3, 2, 0],
      [1, 1, 1, 1, 1],
    ]);
    // 30 November: English 400, 600, 800, 1200 ms; Luxembourgish 2000 ms. Together the median is 800 ms, which is
    // neither language's median (600 and 2000) nor their mean.
    expect(all.map((d) => [d.firstTokenP50Ms, d.firstTokenP95Ms])).toEqual([
      [800, 2000],
      [700, 700],
    ]);
    expect(report.series.find((s) => s.lang === 'lb')!.days[0]).toMatchObject({ firstTokenP50Ms: 2000, firstTokenP95Ms: 2000 });
    expect(all[1]).toMatchObject({ feedbackUp: 1, feedbackDown: 0, feedbackUpRatio: 1 });
  });

  it('gives the same report over a libSQL server (Hrana over HTTP, the data path of workerd)', async () => {
    const libsql = await startLibsqlServer({ dbPath: join(made.db.dir, 'assistant.db'), authToken: 'token' });
    const client = createWebClient({ url: libsql.url, authToken: 'token' });
    try {
      const query = { from: '2026-10-24', to: '2026-12-01' };
      const remote = await metricsReport({ db: createDb(client), now: made.deps.now }, query);
      expect(remote).toEqual(await metricsReport(made.deps, query));
      expect(remote.series[0]!.days.at(-2)).toMatchObject({ day: '2026-11-30', firstTokenP50Ms: 800, escalations: 3 });
    } finally {
      client.close();
      await libsql.close();
    }
  });
});
