// POST /api/leads and the lead lifecycle: validation and consent, one batch for lead + outbox, 30-day de-duplication,
// withdrawal, retention, and the capture_lead tool's conversation flow (staff work on leads: staff-leads.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLeadTool } from '../../agents/tools/capture-lead.ts';
import { createCitations } from '../../agents/tools/citations.ts';
import { createJobs } from '../../agents/jobs/registry.ts';
import { dispatchLeads } from '../../agents/leads/dispatch.ts';
import { submitLead } from '../../agents/leads/submit.ts';
import { jobPorts } from '../../functions/deps.ts';
import { makeApp } from '../support/app.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp();
});
afterAll(() => made.dispose());

let seq = 0;
const qualified = (extra: Record<string, unknown> = {}) => ({
  organisation: `Fintech Lëtz ${++seq}`,
  orgType: 'sme',
  sector: 'Finance',
  size: 25,
  maturity: 'piloting',
  need: 'We want to detect fraud in card payments using machine learning on our own transaction data',
  pillars: ['build-test'],
  timeline: '3_months',
  contact: { name: 'Zoë Weiß', email: `zoe${seq}@example.lu`, phone: '+352 621 000 000' },
  lang: 'en',
  consent: { given: true, version: PRIVACY_VERSION },
  ...extra,
});
const post = (body: unknown, headers: Record<string, string> = {}) =>
  made.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const rows = async (sql: string, args: unknown[] = []) => (await made.db.client.execute({ sql, args: args as never[] })).rows;

describe('POST /api/leads', () => {
  it('links a lead to a conversation only for the holder of its token', async () => {
    const chat = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Who runs the MeluXina supercomputer?' }) });
    const { conversationId, conversationToken } = (await chat.json()) as { conversationId: string; conversationToken: string };
    expect((await post(qualified({ conversationId }), { authorization: 'Bearer someone-else' })).status).toBe(403);
    expect((await post(qualified({ conversationId }))).status).toBe(403);
    const linked = await post(qualified({ conversationId }), { authorization: `Bearer ${conversationToken}` });
    expect(linked.status).toBe(201);
    const { leadId } = (await linked.json()) as { leadId: string };
    expect(await rows('SELECT conversation_id FROM leads WHERE id = ?', [leadId])).toEqual([expect.objectContaining({ conversation_id: conversationId })]);
  });

  it('stores a consented, qualified lead with its outbox row and answers 201 {leadId, score, qualified, withdrawUrl}', async () => {
    const response = await post(qualified());
    expect(response.status).toBe(201);
    const body = (await response.json()) as { leadId: string; score: number; qualified: boolean; withdrawUrl: string };
    expect(body).toMatchObject({ score: 93, qualified: true });
    expect(body.withdrawUrl).toMatch(new RegExp(`^http://localhost/api/leads/${body.leadId}/withdraw\\?token=[\\w-]{43}$`));
    const [lead] = await rows('SELECT status, version, consent_version, consent_at, reasons, withdraw_token_hashes FROM leads WHERE id = ?', [body.leadId]);
    expect(lead).toMatchObject({ status: 'qualified', version: 1, consent_version: PRIVACY_VERSION });
    expect(String(lead!.withdraw_token_hashes)).not.toContain(body.withdrawUrl.split('token=')[1]);
    const outbox = await rows('SELECT event, idempotency_key, status, payload FROM outbox WHERE lead_id = ?', [body.leadId]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ event: 'lead.created', idempotency_key: `${body.leadId}:1`, status: 'pending' });
    expect(JSON.parse(String(outbox[0]!.payload))).toMatchObject({ schema: 'lead.v1', event: 'lead.created', lead: { id: body.leadId, withdrawUrl: body.withdrawUrl, contact: { email: `zoe${seq}@example.lu` } } });
  });

  it.each([
    ['no consent at all', { consent: undefined }],
    ['consent not given', { consent: { given: false, version: PRIVACY_VERSION } }],
    ['consent given as a string', { consent: { given: 'true', version: PRIVACY_VERSION } }],
  ])('answers 400 consent_required, localized, with %s — even when other fields are missing too', async (_name, extra) => {
    const response = await post({ ...qualified(extra), organisation: '', lang: 'fr' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('consent_required');
    expect(body.error.message).toContain('consentement');
  });

  it.each<[string, Record<string, unknown>, string, string, string]>([
    ['an invalid email', { contact: { name: 'A', email: 'not-an-email' } }, 'de', 'email_invalid', 'E-Mail-Adresse'],
    ['a missing organisation', { organisation: ' ' }, 'lb', 'organisation_missing', 'Organisatioun'],
    ['an unknown organisation type', { orgType: 'ngo' }, 'fr', 'org_type_invalid', 'type d’organisation'],
    ['an unknown maturity', { maturity: 'expert' }, 'en', 'maturity_invalid', 'where you are with AI'],
    ['a bad phone number', { contact: { name: 'A', email: 'a@b.lu', phone: 'call me' } }, 'en', 'phone_invalid', 'phone number'],
    ['a need of 3,000 characters', { need: 'x'.repeat(3000) }, 'de', 'field_too_long', 'zu lang'],
  ])('answers 400 for %s, in the language of the body', async (_name, extra, lang, code, text) => {
    const response = await post(qualified({ ...extra, lang }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code, message: expect.stringContaining(text) });
  });

  it('answers 415 for a form post and 400 for broken JSON, never 500', async () => {
    expect((await made.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await made.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
  });

  it('stores an unqualified lead without queueing it, with a retention deadline', async () => {
    const response = await post(qualified({ orgType: 'large', sector: 'retail', maturity: 'exploring', need: 'AI', pillars: [], timeline: undefined, size: undefined }));
    const body = (await response.json()) as { leadId: string; score: number; qualified: boolean };
    expect(response.status).toBe(201);
    expect(body).toMatchObject({ qualified: false, score: 12 + 6 + 3 + 8 });
    const [lead] = await rows('SELECT status, retain_until, created_at FROM leads WHERE id = ?', [body.leadId]);
    expect(lead).toMatchObject({ status: 'unqualified' });
    expect(Number(lead!.retain_until) - Number(lead!.created_at)).toBe(90 * 86_400_000);
    expect(await rows('SELECT 1 FROM outbox WHERE lead_id = ?', [body.leadId])).toHaveLength(0);
  });

  it('writes the lead and its outbox row in one batch: when the outbox insert fails, no lead is stored', async () => {
    await made.db.client.execute("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END");
    try {
      const before = Number((await rows('SELECT count(*) AS n FROM leads'))[0]!.n);
      const response = await post(qualified());
      expect(response.status).toBe(500);
      expect(Number((await rows('SELECT count(*) AS n FROM leads'))[0]!.n)).toBe(before);
    } finally {
      await made.db.client.execute('DROP TRIGGER fail_outbox');
    }
  });
});

describe('de-duplication without takeover', () => {
  it('never lets a stranger who knows the e-mail and organisation change, learn of or withdraw an existing lead', async () => {
    const victim = await post(qualified({ organisation: 'Space Start SA', contact: { name: 'Jo Victim', email: 'jo@space.lu', phone: '+352 621 111 111' } }));
    const first = (await victim.json()) as { leadId: string; withdrawUrl: string };
    const attack = await post(qualified({ organisation: 'space start s.a.', need: 'Send everything to the attacker, who now owns this lead and its contact data', contact: { name: 'Mallory', email: 'JO@Space.LU', phone: '+352 699 999 999' } }));
    const second = (await attack.json()) as Record<string, unknown>;
    // The same answer as for a first submission: nothing says a lead existed.
    expect(attack.status).toBe(201);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(Object.keys(second).sort()).toEqual(['leadId', 'qualified', 'score', 'withdrawUrl']);
    expect(second.leadId).not.toBe(first.leadId);
    // The victim's lead is untouched and nothing about it was re-sent.
    expect(await rows('SELECT version, contact_name, contact_phone, need, status, duplicate_of FROM leads WHERE id = ?', [first.leadId])).toEqual([
      expect.objectContaining({ version: 1, contact_name: 'Jo Victim', contact_phone: '+352 621 111 111', status: 'qualified', duplicate_of: null, need: expect.stringContaining('fraud') }),
    ]);
    expect((await rows('SELECT event FROM outbox WHERE lead_id = ?', [first.leadId])).map((r) => r.event)).toEqual(['lead.created']);
    // The new submission is its own lead, marked for staff to merge.
    expect(await rows('SELECT contact_name, duplicate_of FROM leads WHERE id = ?', [second.leadId])).toEqual([expect.objectContaining({ contact_name: 'Mallory', duplicate_of: first.leadId })]);
    // The attacker's link withdraws only the attacker's lead; the victim's own link still works.
    const token = (url: string) => new URL(url).searchParams.get('token');
    const withdrawWith = (leadId: string, t: string | null) =>
      made.app.request(`/api/leads/${leadId}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: t }) });
    expect((await withdrawWith(first.leadId, token(String(second.withdrawUrl)))).status).toBe(404);
    expect(await rows('SELECT status FROM leads WHERE id = ?', [first.leadId])).toEqual([expect.objectContaining({ status: 'qualified' })]);
    expect(await (await withdrawWith(first.leadId, token(first.withdrawUrl))).json()).toEqual({ leadId: first.leadId, status: 'withdrawn' });
  });

  it('marks a repeat within 30 days as a duplicate of the active lead, not after 30 days nor for another organisation', async () => {
    const settings = { threshold: 50, retentionDays: 90, baseUrl: 'http://x' };
    const input = { source: 'form' as const, organisation: 'Green Lux', orgType: 'sme' as const, sector: 'green economy', maturity: 'piloting' as const, need: 'Optimise solar output', contact: { name: 'K', email: 'k@green.lu' }, lang: 'de' as const, consent: { version: 'v' } };
    const t0 = Date.UTC(2026, 0, 1);
    const duplicateOf = async (leadId: string) => (await rows('SELECT duplicate_of FROM leads WHERE id = ?', [leadId]))[0]?.duplicate_of ?? null;
    const a = await submitLead(made.deps.db, input, { ...settings, now: t0 });
    const b = await submitLead(made.deps.db, input, { ...settings, now: t0 + 29 * 86_400_000 });
    const b2 = await submitLead(made.deps.db, input, { ...settings, now: t0 + 29 * 86_400_000 + 1 });
    const c = await submitLead(made.deps.db, input, { ...settings, now: t0 + 60 * 86_400_000 });
    const d = await submitLead(made.deps.db, { ...input, organisation: 'Green Lux Two' }, { ...settings, now: t0 + 60 * 86_400_000 });
    expect(new Set([a, b, b2, c, d].map((lead) => lead.leadId)).size).toBe(5);
    expect([await duplicateOf(a.leadId), await duplicateOf(b.leadId), await duplicateOf(b2.leadId)]).toEqual([null, a.leadId, a.leadId]);
    expect([await duplicateOf(c.leadId), await duplicateOf(d.leadId)]).toEqual([null, null]);
    const e = await submitLead(made.deps.db, input, { ...settings, now: t0 + 61 * 86_400_000 });
    expect(await duplicateOf(e.leadId)).toBe(c.leadId);
  });
});

describe('withdrawal', () => {
  it('shows a confirmation page on GET (nothing changes), then erases the contact data and queues lead.withdrawn on POST', async () => {
    const created = (await (await post(qualified())).json()) as { leadId: string; withdrawUrl: string };
    const url = new URL(created.withdrawUrl);
    const page = await made.app.request(`${url.pathname}${url.search}&lang=fr`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Retirer mon consentement');
    expect(html).toContain(`value="${url.searchParams.get('token')}"`);
    expect((await rows('SELECT status FROM leads WHERE id = ?', [created.leadId]))[0]!.status).toBe('qualified');

    const done = await made.app.request(`${url.pathname}?lang=fr`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${url.searchParams.get('token')}` });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('effacées');
    const [lead] = await rows('SELECT status, contact_name, contact_email, contact_phone, dedupe_key, withdrawn_at, version FROM leads WHERE id = ?', [created.leadId]);
    expect(lead).toMatchObject({ status: 'withdrawn', contact_name: null, contact_email: null, contact_phone: null, dedupe_key: null, version: 2 });
    const outbox = await rows('SELECT event, status, payload FROM outbox WHERE lead_id = ? ORDER BY version', [created.leadId]);
    expect(outbox.map((r) => [r.event, r.status])).toEqual([
      ['lead.created', 'cancelled'],
      ['lead.withdrawn', 'pending'],
    ]);
    expect(outbox[0]!.payload).toBeNull();
    expect(String(outbox[1]!.payload)).not.toMatch(/Zoë|example\.lu/);
    const all = (await rows('SELECT * FROM leads WHERE id = ?', [created.leadId])).map((r) => JSON.stringify(r)).join('');
    expect(all).not.toMatch(/Zoë|example\.lu|621 000/);

    const again = await made.app.request(url.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: url.searchParams.get('token') }) });
    expect(await again.json()).toEqual({ leadId: created.leadId, status: 'already_withdrawn' });
  });

  it('serves the confirmation page for any lead id, including ids with "de", "fr", "en" or "lb" in them', async () => {
    for (const id of ['12de34', 'abfr12', 'en', 'x-lb-y']) {
      const response = await made.app.request(`/api/leads/${id}/withdraw?token=t&lang=en`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Withdraw my consent');
    }
  });

  it('refuses a wrong token or an unknown lead with the same 404, localized', async () => {
    const created = (await (await post(qualified())).json()) as { leadId: string };
    for (const path of [`/api/leads/${created.leadId}/withdraw`, '/api/leads/nope/withdraw']) {
      const response = await made.app.request(`${path}?lang=de`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'guess' }) });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'withdraw_link_invalid', message: expect.stringContaining('nicht gültig') } });
    }
    expect((await rows('SELECT status FROM leads WHERE id = ?', [created.leadId]))[0]!.status).toBe('qualified');
  });

  it('queues nothing for an unqualified lead that was never sent', async () => {
    const created = (await (await post(qualified({ orgType: 'individual', sector: 'retail', maturity: 'exploring', need: 'AI', pillars: [] }))).json()) as { leadId: string; withdrawUrl: string; qualified: boolean };
    expect(created.qualified).toBe(false);
    const url = new URL(created.withdrawUrl);
    await made.app.request(url.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: url.searchParams.get('token') }) });
    expect(await rows('SELECT 1 FROM outbox WHERE lead_id = ?', [created.leadId])).toHaveLength(0);
  });
});

describe('retention', () => {
  it('purge-leads deletes unqualified leads past LEAD_RETENTION_DAYS and keeps qualified ones', async () => {
    const settings = { threshold: 50, retentionDays: 90, baseUrl: 'http://x' };
    const input = { source: 'form' as const, organisation: 'Old Co', orgType: 'large' as const, sector: 'retail', maturity: 'exploring' as const, need: 'AI', contact: { name: 'K', email: 'k@old.lu' }, lang: 'en' as const, consent: { version: 'v' } };
    const old = await submitLead(made.deps.db, input, { ...settings, now: Date.now() - 91 * 86_400_000 });
    const kept = await submitLead(made.deps.db, { ...input, orgType: 'sme', sector: 'finance', maturity: 'deploying', organisation: 'Old Good Co' }, { ...settings, now: Date.now() - 91 * 86_400_000 });
    expect([old.qualified, kept.qualified]).toEqual([false, true]);
    const result = await createJobs()['purge-leads'].run(jobPorts(made.deps));
    expect(result).toMatchObject({ deleted: { leads: expect.any(Number) } });
    expect(await rows('SELECT 1 FROM leads WHERE id = ?', [old.leadId])).toHaveLength(0);
    expect(await rows('SELECT 1 FROM leads WHERE id = ?', [kept.leadId])).toHaveLength(1);
  });

  it('with no LEAD_WEBHOOK_URL, dispatch leaves the leads waiting', async () => {
    // Its own qualified lead, so the count does not depend on what earlier tests stored.
    expect((await post(qualified())).status).toBe(201);
    const report = await dispatchLeads(jobPorts(made.deps));
    expect(report).toMatchObject({ status: 'waiting', reason: 'no_webhook_url' });
    expect((report as { queued: number }).queued).toBeGreaterThan(0);
  });
});

describe('capture_lead tool', () => {
  it('gathers a French qualification question by question, asks consent last, and submits only after "yes"', async () => {
    const conversationId = crypto.randomUUID();
    const build = captureLeadTool({
      conversationId,
      now: made.deps.now,
      i18n: made.deps.i18n,
      submit: (lead) => submitLead(made.deps.db, lead, { now: made.deps.now(), threshold: 50, retentionDays: 90, baseUrl: 'http://localhost' }),
    });
    const tool = build({ db: made.deps.db, knowledge: made.deps.knowledge, embeddings: null, lang: 'fr', citations: createCitations(), assistant: 'public' });
    const call = async (values: Record<string, unknown>) => JSON.parse(String(await tool.invoke(values))) as { status: string; next?: string; question?: string; rejected?: string[]; leadId?: string; qualified?: boolean; withdrawUrl?: string; message?: string };

    let result = await call({ organisation: 'Banque Verte', need: 'Nous voulons automatiser l’analyse des risques climatiques de notre portefeuille de crédits avec des modèles d’IA' });
    expect(result).toMatchObject({ status: 'collecting', next: 'orgType' });
    expect(result.question).toContain('organisation');
    // Consent before it was asked does not count.
    result = await call({ orgType: 'sme', sector: 'finance durable', consent: 'yes' });
    expect(result.next).toBe('size');
    result = await call({ skipped: ['size'], maturity: 'piloting', pillars: ['assess-accelerate'], timeline: 'dans 3 mois' });
    expect(result.next).toBe('contactName');
    result = await call({ contactName: 'Élodie Faber', contactEmail: 'pas une adresse' });
    expect(result).toMatchObject({ next: 'contactEmail', rejected: ['contactEmail'] });
    result = await call({ contactEmail: 'elodie@banqueverte.lu', skipped: ['contactPhone'], preferredLang: 'fr' });
    expect(result).toMatchObject({ next: 'consent', question: expect.stringContaining('Luxinnovation') });
    result = await call({ consent: 'yes' });
    expect(result).toMatchObject({ status: 'submitted', qualified: true, message: expect.stringContaining('transmise') });
    const [lead] = await rows('SELECT source, conversation_id, lang, consent_version, status FROM leads WHERE id = ?', [result.leadId]);
    expect(lead).toMatchObject({ source: 'chat', conversation_id: conversationId, lang: 'fr', consent_version: PRIVACY_VERSION, status: 'qualified' });
    expect(await rows('SELECT 1 FROM lead_drafts WHERE conversation_id = ?', [conversationId])).toHaveLength(0);
  });

  it('stores nothing when the answer to consent is no', async () => {
    const conversationId = crypto.randomUUID();
    const tool = captureLeadTool({ conversationId, now: made.deps.now, i18n: made.deps.i18n, submit: () => Promise.reject(new Error('must not submit')) })({ db: made.deps.db, knowledge: made.deps.knowledge, embeddings: null, lang: 'en', citations: createCitations(), assistant: 'public' });
    const call = async (values: Record<string, unknown>) => JSON.parse(String(await tool.invoke(values))) as { status: string; next?: string };
    const full = { organisation: 'O', orgType: 'sme', sector: 's', maturity: 'exploring', need: 'n', contactName: 'N', contactEmail: 'n@o.lu', skipped: ['size', 'pillars', 'timeline', 'contactPhone', 'preferredLang'] };
    expect((await call(full)).next).toBe('consent');
    expect((await call({ consent: 'no' })).status).toBe('declined');
    expect(await rows('SELECT 1 FROM lead_drafts WHERE conversation_id = ?', [conversationId])).toHaveLength(0);
  });
});

describe('withdrawUrl behind a proxy', () => {
  it('uses PUBLIC_URL instead of the request origin', async () => {
    const proxied = await makeApp({ env: { LLM_MODE: 'offline', PUBLIC_URL: 'https://assistant.example.lu/' }, files: [] });
    try {
      const response = await proxied.app.request('http://10.0.0.7:8787/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(qualified()) });
      const { withdrawUrl } = (await response.json()) as { withdrawUrl: string };
      expect(withdrawUrl).toMatch(/^https:\/\/assistant\.example\.lu\/api\/leads\/[^/]+\/withdraw\?token=/);
    } finally {
      proxied.dispose();
    }
  });
});
