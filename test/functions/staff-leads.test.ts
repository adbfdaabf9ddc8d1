// Leads in the console through a real server on 127.0.0.1: the list with its filters (Luxembourg days) and pages,
// a lead with its consent record, its conversation and its deliveries, promotion and withdrawal audited with the
// signed-in admin's e-mail (and the chain still verifying with `npm run audit:verify`), and the audited CSV export.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs } from '../../agents/jobs/registry.ts';
import { submitLead, type LeadSubmission } from '../../agents/leads/submit.ts';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';
import { jobPorts } from '../../functions/deps.ts';
import { errorOf, serveMadeApp, signIn, staffRequest, type ServedApp, type StaffSession } from '../support/staff.ts';

const ADA = { email: 'ada@ai-factory.lu', name: 'Ada Admin', password: 'ada admin password' };
const LEX = { email: 'lex@ai-factory.lu', name: 'Lex Schmit', password: 'lex admin password' };
let served: ServedApp;
let ada: StaffSession;
let lex: StaffSession;

beforeAll(async () => {
  served = await serveMadeApp();
  await saveAccount(served.deps, { email: ADA.email, name: ADA.name, role: 'admin' }, ADA.password, 'test');
  await saveAccount(served.deps, { email: LEX.email, name: LEX.name, role: 'admin', lang: 'lb' }, LEX.password, 'test');
  [ada, lex] = await Promise.all([signIn(served.url, ADA.email, ADA.password), signIn(served.url, LEX.email, LEX.password)]);
});
afterAll(() => served.close());

const get = (path: string, session: StaffSession | null = ada) => staffRequest(served.url, session, 'GET', path);
const post = (path: string, body?: unknown, session: StaffSession | null = ada) => staffRequest(served.url, session, 'POST', path, body);
const rows = async (sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows.map((row) => ({ ...row }));

let seq = 0;
const strong = (extra: Partial<LeadSubmission> = {}): LeadSubmission => ({
  source: 'form',
  organisation: `Banque Verte ${++seq}`,
  orgType: 'sme',
  sector: 'finance',
  maturity: 'deploying',
  need: 'We want to detect fraud in card payments using machine learning on our own transaction data',
  pillars: ['build-test'],
  timeline: '3_months',
  contact: { name: 'Zoë Weiß', email: `zoe${seq}@example.lu`, phone: '+352 621 000 000' },
  lang: 'en',
  consent: { version: PRIVACY_VERSION },
  ...extra,
});
const weak = (extra: Partial<LeadSubmission> = {}) => strong({ orgType: 'large', sector: 'retail', maturity: 'exploring', need: 'AI', pillars: [], timeline: null, ...extra });
const store = (input: LeadSubmission, now = Date.now()) => submitLead(served.deps.db, input, { now, threshold: 50, retentionDays: 90, baseUrl: served.url });

type ListItem = { id: string; status: string; score: number; lang: string; organisation: string; contactName: string | null; delivery: string | null; createdAt: string };
type List = { leads: ListItem[]; page: number; perPage: number; total: number };
const list = async (query: string) => {
  const response = await get(`/api/staff/leads?${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as List;
};

describe('GET /api/staff/leads', () => {
  // Leads of 2025, so that what other tests store (now) stays out of these filters.
  const at = (iso: string) => Date.parse(iso);
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      early: (await store(strong({ lang: 'en' }), at('2025-03-02T10:00:00Z'))).leadId,
      middle: (await store(weak({ lang: 'fr' }), at('2025-03-15T10:00:00Z'))).leadId,
      // 23:30 UTC on 31 March is already 1 April in Luxembourg (UTC+2 in summer time).
      late: (await store(strong({ lang: 'lb' }), at('2025-03-31T23:30:00Z'))).leadId,
    };
  });

  it('lists newest first with the latest delivery state, filtered by Luxembourg days, status, score and language', async () => {
    const march = await list('from=2025-03-01&to=2025-03-31');
    expect(march.leads.map((l) => l.id)).toEqual([ids.middle, ids.early]);
    expect(march.total).toBe(2);
    expect(march.leads[0]).toMatchObject({ status: 'unqualified', lang: 'fr', contactName: 'Zoë Weiß', delivery: null, createdAt: '2025-03-15T10:00:00.000Z' });
    expect(march.leads[1]).toMatchObject({ status: 'qualified', delivery: 'pending' });
    expect((await list('from=2025-04-01&to=2025-04-01')).leads.map((l) => l.id)).toEqual([ids.late]);
    expect((await list('from=2025-03-01&to=2025-04-30&status=qualified')).leads.map((l) => l.id)).toEqual([ids.late, ids.early]);
    const high = await list('from=2025-03-01&to=2025-04-30&minScore=60');
    expect(high.leads.every((l) => l.score >= 60)).toBe(true);
    expect(high.leads.map((l) => l.id)).not.toContain(ids.middle);
    expect((await list('from=2025-03-01&to=2025-04-30&lang=lb')).leads.map((l) => l.id)).toEqual([ids.late]);
    // Fields a form leaves empty filter nothing.
    expect((await list('from=2025-03-01&to=2025-04-30&status=&lang=&minScore=&delivery=')).total).toBe(3);
  });

  it('pages through the list', async () => {
    const first = await list('from=2025-03-01&to=2025-04-30&perPage=2');
    const second = await list('from=2025-03-01&to=2025-04-30&perPage=2&page=2');
    expect([first.page, first.perPage, first.total, second.page, second.total]).toEqual([1, 2, 3, 2, 3]);
    expect([...first.leads, ...second.leads].map((l) => l.id)).toEqual([ids.late, ids.middle, ids.early]);
  });

  it('answers a bad filter with a 400 in the admin’s language', async () => {
    const cases: [string, string][] = [
      ['status=open', 'status_invalid'],
      ['minScore=101', 'score_invalid'],
      ['minScore=high', 'score_invalid'],
      ['lang=it', 'lang_unsupported'],
      ['from=2025-02-30', 'date_invalid'],
      ['to=31.03.2025', 'date_invalid'],
      ['page=0', 'page_invalid'],
      ['perPage=500', 'page_invalid'],
      ['delivery=lost', 'filter_invalid'],
    ];
    for (const [query, code] of cases) {
      const response = await get(`/api/staff/leads?${query}`);
      expect(response.status, query).toBe(400);
      expect((await errorOf(response)).code, query).toBe(code);
    }
    const lb = await errorOf(await get('/api/staff/leads?minScore=101', lex));
    expect(lb).toEqual({ code: 'score_invalid', message: served.deps.i18n.forLang('lb')('leads:errors.score_invalid') });
    expect((await errorOf(await get('/api/staff/leads?from=gëschter', lex))).message).toBe(served.deps.i18n.forLang('lb')('api:errors.date_invalid'));
  });
});

describe('GET /api/staff/leads/:id', () => {
  it('shows the lead, its consent record with the text agreed to, the conversation it came from and each webhook event', async () => {
    const chat = (await (await fetch(`${served.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: 'Ech hätt gär Ënnerstëtzung fir e KI-Projet', lang: 'lb' }) })).json()) as { conversationId: string; conversationToken: string };
    const body = { organisation: 'Späicher SARL', orgType: 'startup', sector: 'space', maturity: 'piloting', need: 'Mir wëllen Satellittebiller mat engem eegene Modell klasséieren an dat fir eis Clienten', contact: { name: 'Jang Muller', email: 'jang@spaicher.lu' }, lang: 'lb', consent: { given: true, version: PRIVACY_VERSION }, conversationId: chat.conversationId };
    const created = await fetch(`${served.url}/api/leads`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.conversationToken}` }, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { leadId } = (await created.json()) as { leadId: string };

    const response = await get(`/api/staff/leads/${leadId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const detail = (await response.json()) as Record<string, unknown>;
    expect(detail.lead).toMatchObject({ id: leadId, status: 'qualified', organisation: 'Späicher SARL', lang: 'lb', contact: { name: 'Jang Muller', email: 'jang@spaicher.lu', phone: null } });
    expect(detail.consent).toEqual({ version: PRIVACY_VERSION, at: expect.stringMatching(/^\d{4}-/), lang: 'lb', current: true, text: served.deps.i18n.forLang('lb')('leads:consent.text', { version: PRIVACY_VERSION }) });
    expect(detail.conversation).toEqual({ id: chat.conversationId, exists: true, status: 'bot' });
    expect(detail.deliveries).toEqual([{ id: expect.any(Number), version: 1, event: 'lead.created', status: 'pending', attempts: 0, lastError: null, nextAttemptAt: expect.any(String), createdAt: expect.any(String), deliveredAt: null, retryable: false }]);
    expect(detail.history).toEqual([]);

    // Once the person deletes the conversation, the lead still names it and says it is gone.
    await fetch(`${served.url}/api/conversations/${chat.conversationId}`, { method: 'DELETE', headers: { authorization: `Bearer ${chat.conversationToken}` } });
    expect(((await (await get(`/api/staff/leads/${leadId}`)).json()) as { conversation: unknown }).conversation).toEqual({ id: chat.conversationId, exists: false, status: null });
  });

  it('answers 404 for an unknown lead', async () => {
    const response = await get('/api/staff/leads/no-such-lead');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({ code: 'lead_not_found', message: 'There is no such lead.' });
  });
});

function auditVerify(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: served.db.url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('POST /api/staff/leads/:id/promote', () => {
  it('promotes a lead from the console: the audit log names the signed-in admin by e-mail, and the chain verifies', async () => {
    const { leadId } = await store(weak());
    expect((await errorOf(await post(`/api/staff/leads/${leadId}/promote`, {}))).code).toBe('reason_missing');
    expect((await post(`/api/staff/leads/${leadId}/promote`, { reason: ' ' })).status).toBe(400);
    // Whatever a body says about who acts is not believed: the session says it.
    const response = await post(`/api/staff/leads/${leadId}/promote`, { reason: 'Known partner, called us', actor: 'someone.else' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ leadId, version: 2, status: 'qualified' });
    expect(await rows('SELECT event, idempotency_key FROM outbox WHERE lead_id = ?', [leadId])).toEqual([{ event: 'lead.created', idempotency_key: `${leadId}:2` }]);

    const audit = await get(`/api/staff/audit?action=lead.promoted&subjectId=${leadId}`);
    expect(audit.status).toBe(200);
    const { rows: found } = (await audit.json()) as { rows: Record<string, unknown>[] };
    expect(found).toEqual([
      {
        id: expect.any(Number),
        at: expect.any(String),
        actor: ADA.email,
        staff: { email: ADA.email, name: ADA.name },
        action: 'lead.promoted',
        subjectType: 'lead',
        subjectId: leadId,
        details: { reason: 'Known partner, called us', score: expect.any(Number), fromVersion: 1, toVersion: 2 },
        seal: 'pending',
      },
    ]);

    // Sealed by the job, the row and the whole chain verify: in the console and with npm run audit:verify.
    await createJobs()['seal-audit'].run(jobPorts(served.deps));
    const sealed = (await (await get(`/api/staff/audit?action=lead.promoted&subjectId=${leadId}`)).json()) as { rows: { seal: string }[] };
    expect(sealed.rows[0]!.seal).toBe('intact');
    expect(await (await get('/api/staff/audit/verify')).json()).toEqual({ ok: true, sealed: expect.any(Number), unsealed: 0 });
    const verified = await auditVerify();
    expect(verified.out).toMatch(/^audit log intact: \d+ rows sealed, 0 awaiting the seal-audit job\n$/);
    expect(verified.code).toBe(0);
  });

  it('refuses a second promotion (409) and an unknown lead (404)', async () => {
    const { leadId } = await store(weak());
    expect((await post(`/api/staff/leads/${leadId}/promote`, { reason: 'Good fit' })).status).toBe(200);
    const again = await post(`/api/staff/leads/${leadId}/promote`, { reason: 'Again' }, lex);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toEqual({ code: 'lead_not_promotable', message: served.deps.i18n.forLang('lb')('leads:errors.lead_not_promotable_qualified') });
    expect((await post('/api/staff/leads/no-such-lead/promote', { reason: 'Good fit' })).status).toBe(404);
  });
});

describe('POST /api/staff/leads/:id/withdraw', () => {
  it('withdraws on the person’s request: contact erased, the receiver told, audited with the admin and the reason', async () => {
    const { leadId } = await store(strong());
    expect((await errorOf(await post(`/api/staff/leads/${leadId}/withdraw`, {}))).code).toBe('reason_missing');
    const response = await post(`/api/staff/leads/${leadId}/withdraw`, { reason: 'She called and asked us to delete her details' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ leadId, status: 'withdrawn' });
    expect(await rows('SELECT status, contact_name, contact_email, contact_phone FROM leads WHERE id = ?', [leadId])).toEqual([{ status: 'withdrawn', contact_name: null, contact_email: null, contact_phone: null }]);
    // The lead.created never sent is cancelled (its payload with the contact data gone); lead.withdrawn follows.
    expect(await rows('SELECT event, status, payload IS NULL AS dropped FROM outbox WHERE lead_id = ? ORDER BY version', [leadId])).toEqual([
      { event: 'lead.created', status: 'cancelled', dropped: 1 },
      { event: 'lead.withdrawn', status: 'pending', dropped: 0 },
    ]);
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'lead.withdrawn' AND subject_id = ?", [leadId])).toEqual([
      { actor: ADA.email, details: JSON.stringify({ reason: 'She called and asked us to delete her details', onRequest: true, fromStatus: 'qualified', fromVersion: 1, toVersion: 2 }) },
    ]);
    const again = await post(`/api/staff/leads/${leadId}/withdraw`, { reason: 'Twice' });
    expect(await again.json()).toEqual({ leadId, status: 'already_withdrawn' });
    expect(await rows("SELECT 1 FROM audit_log WHERE action = 'lead.withdrawn' AND subject_id = ?", [leadId])).toHaveLength(1);
    expect((await post('/api/staff/leads/no-such-lead/withdraw', { reason: 'x' })).status).toBe(404);
  });
});

describe('POST /api/staff/leads/:id/retry', () => {
  it('sends nothing and audits nothing when no delivery of the lead failed; 404 for an unknown lead', async () => {
    const { leadId } = await store(strong());
    const response = await post(`/api/staff/leads/${leadId}/retry`);
    expect(await response.json()).toEqual({ leadId, retried: 0 });
    expect(await rows("SELECT 1 FROM audit_log WHERE action = 'deliveries.retried' AND subject_id = ?", [leadId])).toEqual([]);
    expect((await post('/api/staff/leads/no-such-lead/retry')).status).toBe(404);
  });
});

describe('GET /api/staff/leads.csv', () => {
  it('exports the filtered leads as CSV (UTF-8 with BOM, quoted fields) and audits who took how many under which filters, never the data', async () => {
    const at = Date.parse('2024-06-12T09:00:00Z');
    await store(strong({ organisation: 'Müller, "Söhne" & Cie', need: 'Line one\nline two, with a comma', contact: { name: 'René Weiß', email: 'rene@muller.lu' } }), at);
    await store(weak({ organisation: '=HYPERLINK("http://x")' }), at);
    const response = await get('/api/staff/leads.csv?from=2024-06-12&to=2024-06-12&status=qualified');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFlead_id,version,status,qualified,score,reasons,created_at,updated_at,lang,organisation,org_type,sector,size,maturity,need,pillars,timeline,contact_name,contact_email,contact_phone,consent_version,consent_at,source,delivery,duplicate_of');
    expect(text).toContain(',"Müller, ""Söhne"" & Cie",sme,');
    expect(text).toContain(',"Line one\nline two, with a comma",');
    expect(text).toContain(`,René Weiß,rene@muller.lu,,${PRIVACY_VERSION},`);
    expect(text).not.toContain('HYPERLINK');

    const all = await get('/api/staff/leads.csv?from=2024-06-12&to=2024-06-12');
    expect(await all.text()).toContain(`"'=HYPERLINK(""http://x"")"`);

    const exports = await rows("SELECT actor, subject_type, subject_id, details FROM audit_log WHERE action = 'leads.exported' ORDER BY id");
    expect(exports.slice(-2)).toEqual([
      { actor: ADA.email, subject_type: 'lead', subject_id: null, details: JSON.stringify({ count: 1, filters: { status: 'qualified', from: '2024-06-12', to: '2024-06-12' } }) },
      { actor: ADA.email, subject_type: 'lead', subject_id: null, details: JSON.stringify({ count: 2, filters: { from: '2024-06-12', to: '2024-06-12' } }) },
    ]);
    expect(JSON.stringify(exports)).not.toMatch(/René|rene@|Müller/);
    expect((await get('/api/staff/leads.csv?status=bogus')).status).toBe(400);
  });
});
