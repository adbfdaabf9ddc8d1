// The audit log in the console through a real server on 127.0.0.1: newest first, filtered by actor, action prefix,
// subject and Luxembourg days, in pages; each row with the acting staff member's e-mail and name and its seal; the
// whole chain verified, and a row altered behind the triggers' back shown as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs } from '../../agents/jobs/registry.ts';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { insertAudit } from '../../db/queries/leads.ts';
import { jobPorts } from '../../functions/deps.ts';
import { errorOf, serveMadeApp, signIn, staffRequest, type ServedApp, type StaffSession } from '../support/staff.ts';

let served: ServedApp;
let ada: StaffSession;

type Row = { id: number; at: string; actor: string; staff: { email: string; name: string } | null; action: string; subjectType: string; subjectId: string | null; details: unknown; seal: string };
type Page = { rows: Row[]; page: number; perPage: number; total: number };

const day = (iso: string) => Date.parse(iso);
beforeAll(async () => {
  served = await serveMadeApp({ files: [] });
  await saveAccount(served.deps, { email: 'ada@ai-factory.lu', name: 'Ada Admin', role: 'admin' }, 'ada admin password', 'test');
  await saveAccount(served.deps, { email: 'ben@ai-factory.lu', name: 'Ben Reviewer', role: 'reviewer' }, 'ben reviewer password', 'test');
  // A week of 2025 that nothing else in this file writes to.
  const entries = [
    { at: day('2025-05-05T08:00:00Z'), actor: 'ben@ai-factory.lu', action: 'conversation.claimed', subjectType: 'conversation', subjectId: 'c-1', details: { from: 'escalated' } },
    { at: day('2025-05-06T09:00:00Z'), actor: 'ada@ai-factory.lu', action: 'lead.promoted', subjectType: 'lead', subjectId: 'l-1', details: { reason: 'Known partner' } },
    { at: day('2025-05-06T21:30:00Z'), actor: 'ada@ai-factory.lu', action: 'leads.exported', subjectType: 'lead', subjectId: null, details: { count: 3, filters: {} } },
    { at: day('2025-05-07T10:00:00Z'), actor: 'cli:staff-add', action: 'staff.account_created', subjectType: 'staff_user', subjectId: 'u-9', details: { role: 'reviewer' } },
  ];
  for (const entry of entries) await insertAudit(served.deps.db, entry);
  ada = await signIn(served.url, 'ada@ai-factory.lu', 'ada admin password');
});
afterAll(() => served.close());

const page = async (query: string) => {
  const response = await staffRequest(served.url, ada, 'GET', `/api/staff/audit?${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as Page;
};
const week = 'from=2025-05-05&to=2025-05-11';

describe('GET /api/staff/audit', () => {
  it('lists the rows newest first, each with the acting staff member’s e-mail and name', async () => {
    const { rows, total } = await page(week);
    expect(total).toBe(4);
    expect(rows.map((r) => r.action)).toEqual(['staff.account_created', 'leads.exported', 'lead.promoted', 'conversation.claimed']);
    expect(rows[2]).toEqual({ id: expect.any(Number), at: '2025-05-06T09:00:00.000Z', actor: 'ada@ai-factory.lu', staff: { email: 'ada@ai-factory.lu', name: 'Ada Admin' }, action: 'lead.promoted', subjectType: 'lead', subjectId: 'l-1', details: { reason: 'Known partner' }, seal: 'pending' });
    expect(rows[3]!.staff).toEqual({ email: 'ben@ai-factory.lu', name: 'Ben Reviewer' });
    // An actor that is no staff account (the command line) is shown as it is, without a name.
    expect(rows[0]).toMatchObject({ actor: 'cli:staff-add', staff: null });
  });

  it('filters by a part of the actor, an action prefix, the subject and Luxembourg days, and pages', async () => {
    expect((await page(`${week}&actor=ADA@`)).rows.map((r) => r.action)).toEqual(['leads.exported', 'lead.promoted']);
    expect((await page(`${week}&action=lead`)).rows.map((r) => r.action)).toEqual(['leads.exported', 'lead.promoted']);
    expect((await page(`${week}&action=lead.`)).rows.map((r) => r.action)).toEqual(['lead.promoted']);
    expect((await page(`${week}&subjectType=staff_user`)).rows.map((r) => r.subjectId)).toEqual(['u-9']);
    expect((await page(`${week}&subjectId=c-1`)).rows.map((r) => r.action)).toEqual(['conversation.claimed']);
    // 21:30 UTC on 6 May is 23:30 in Luxembourg: still the 6th there.
    expect((await page('from=2025-05-06&to=2025-05-06')).rows.map((r) => r.action)).toEqual(['leads.exported', 'lead.promoted']);
    const second = await page(`${week}&perPage=3&page=2`);
    expect([second.total, second.page, second.perPage, second.rows.map((r) => r.action)]).toEqual([4, 2, 3, ['conversation.claimed']]);
    expect((await page(`${week}&actor=&action=&subjectType=`)).total).toBe(4);
  });

  it('answers bad filters with localized 400s', async () => {
    for (const [query, code] of [
      ['action=DROP TABLE', 'filter_invalid'],
      ['subjectType=lead;', 'filter_invalid'],
      [`actor=${'a'.repeat(255)}`, 'filter_invalid'],
      ['from=2025-5-6', 'date_invalid'],
      ['page=-1', 'page_invalid'],
    ] as const) {
      const response = await staffRequest(served.url, ada, 'GET', `/api/staff/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(await errorOf(response)).toEqual({ code, message: served.deps.i18n.forLang('en')(`errors.${code}`) });
    }
  });
});

describe('the chain in the console', () => {
  it('shows sealed rows intact and the chain verified; a row changed in the database file is shown altered and the chain broken there', async () => {
    await createJobs()['seal-audit'].run(jobPorts(served.deps));
    expect((await page(week)).rows.map((r) => r.seal)).toEqual(['intact', 'intact', 'intact', 'intact']);
    const verify = async () => (await staffRequest(served.url, ada, 'GET', '/api/staff/audit/verify')).json();
    expect(await verify()).toEqual({ ok: true, sealed: expect.any(Number), unsealed: 0 });

    const promoted = (await page(`${week}&action=lead.promoted`)).rows[0]!;
    const { client } = served.db;
    await client.execute('DROP TRIGGER audit_log_sealed');
    await client.execute({ sql: `UPDATE audit_log SET details = '{"reason":"Someone else"}' WHERE id = ?`, args: [promoted.id] });
    expect((await page(week)).rows.map((r) => r.seal)).toEqual(['intact', 'intact', 'altered', 'intact']);
    expect(await verify()).toEqual({ ok: false, sealed: expect.any(Number), firstBroken: promoted.id, reason: expect.stringContaining('do not match') });
  });
});
