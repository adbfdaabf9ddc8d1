// Lead delivery against a real receiver on 127.0.0.1: signatures, Idempotency-Key de-duplication, 500s and timeouts
// (before and after processing) for a while then recovery, failed deliveries retried from the console, and two
// dispatchers on one file.
import { createClient } from '@libsql/client';
import { detectSupportIntent } from '../../agents/leads/intent.ts';
import { captureLeadTool } from '../../agents/tools/capture-lead.ts';
import { createCitations } from '../../agents/tools/citations.ts';
import { submitLead } from '../../agents/leads/submit.ts';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeps, jobPorts } from '../../functions/deps.ts';
import { dispatchLeads, type DispatchOptions } from '../../agents/leads/dispatch.ts';
import { createLogger } from '../../functions/logger.ts';
import type { AppDeps } from '../../functions/types.ts';
import { makeApp } from '../support/app.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';
import { startWebhookReceiver, waitFor, type Fault, type WebhookReceiver } from '../support/webhook-receiver.ts';

const SECRET = 'webhook-secret-0123456789';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function setup(faults: (n: number) => Fault = () => 'ok', delayMs = 0, env: Record<string, string> = {}) {
  const receiver = await startWebhookReceiver({ secret: SECRET, faults, delayMs });
  const made = await makeApp({ env: { LEAD_WEBHOOK_URL: receiver.url, LEAD_WEBHOOK_SECRET: SECRET, ...env } });
  cleanups.push(() => receiver.close(), () => made.dispose());
  return { receiver, made };
}

let n = 0;
function leadBody(qualified: boolean, extra: Record<string, unknown> = {}) {
  n++;
  return {
    organisation: `Organisation ${n}`,
    orgType: qualified ? 'sme' : 'large',
    sector: qualified ? 'Cybersécurité' : 'retail',
    maturity: qualified ? 'deploying' : 'exploring',
    need: qualified ? 'Nous voulons détecter les intrusions sur notre réseau avec un modèle entraîné sur nos journaux' : 'IA',
    contact: { name: `Personne ${n}`, email: `p${n}@example.lu` },
    lang: 'fr',
    consent: { given: true, version: PRIVACY_VERSION },
    ...extra,
  };
}

async function createLeads(made: Awaited<ReturnType<typeof makeApp>>, count: number, qualified = true) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await made.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(leadBody(qualified)) });
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { leadId: string }).leadId);
  }
  return ids;
}

const outboxStates = async (client: { execute(sql: string): Promise<{ rows: Record<string, unknown>[] }> }) =>
  Object.fromEntries((await client.execute('SELECT status, count(*) AS n FROM outbox GROUP BY status')).rows.map((r) => [r.status, Number(r.n)]));

async function drain(deps: AppDeps, options: DispatchOptions, settled: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const reports = [];
  while (!(await settled())) {
    if (Date.now() > deadline) throw new Error('outbox did not settle');
    reports.push(await dispatchLeads(jobPorts(deps), options));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return reports;
}

const figures = (receiver: WebhookReceiver, extra: Record<string, unknown>) => ({
  wirePosts: receiver.stats.wirePosts,
  distinctKeys: receiver.processed.size,
  distinctLeads: receiver.distinctLeads(),
  duplicatesSuppressed: receiver.stats.duplicatesSuppressed,
  faults: receiver.stats.faultsInjected,
  badSignatures: receiver.stats.badSignatures,
  overlaps: receiver.stats.overlaps,
  ...extra,
});

describe('dispatchLeads against a faulty receiver', () => {
  it('loses nothing through 500s, timeouts and timeouts after processing, then the receiver recovers; duplicates are suppressed by key', async () => {
    const plan: Fault[] = ['http500', 'timeout', 'ok', 'timeout_after_processing', 'http500', 'timeout_after_processing'];
    const { receiver, made } = await setup((i) => (i < 90 ? plan[i % plan.length]! : 'ok'));
    const qualified = await createLeads(made, 30);
    await createLeads(made, 5, false);
    // Three of them come back within 30 days: new leads marked as duplicates, never an update of the first.
    for (const i of [3, 7, 11]) {
      const body = leadBody(true, { organisation: `Organisation ${i}`, contact: { name: `Personne ${i}`, email: `p${i}@example.lu` }, need: 'Une demande mise à jour, plus précise, sur la détection des intrusions réseau' });
      const response = await made.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const repeat = (await response.json()) as { leadId: string };
      expect(qualified).not.toContain(repeat.leadId);
      qualified.push(repeat.leadId);
    }
    const rows = Number((await made.db.client.execute('SELECT count(*) AS n FROM outbox')).rows[0]!.n);
    expect(rows).toBe(33);

    const options: DispatchOptions = { timeoutMs: 150, leaseMs: 500, backoff: { baseMs: 20, maxMs: 200 }, maxAttempts: 100, random: seeded(7), batchSize: 8 };
    const reports = await drain(made.deps, options, async () => (await outboxStates(made.db.client)).delivered === rows);

    const result = figures(receiver, { leadsCreated: qualified.length, outboxRows: rows, dispatchRuns: reports.length });
    console.log('FAULT-TEST', JSON.stringify(result));
    expect(receiver.distinctLeads()).toBe(qualified.length);
    expect(new Set([...receiver.processed.values()].map((e) => e.leadId))).toEqual(new Set(qualified));
    expect(receiver.processed.size).toBe(rows);
    expect(receiver.stats.badSignatures).toBe(0);
    expect(receiver.stats.overlaps).toBe(0);
    expect(receiver.stats.duplicatesSuppressed).toBeGreaterThanOrEqual(1);
    expect(receiver.stats.faultsInjected.timeout_after_processing).toBeGreaterThan(0);
    expect(receiver.stats.wirePosts).toBe(rows + receiver.stats.faultsInjected.http500 + receiver.stats.faultsInjected.timeout + receiver.stats.duplicatesSuppressed);
    // The receiver can merge the repeats: each names the lead it repeats.
    const repeats = [...receiver.processed.values()].filter((event) => (event.body as { lead: { duplicateOf: string | null } }).lead.duplicateOf !== null);
    expect(repeats).toHaveLength(3);
    // Delivered payloads are not kept (they hold contact data); the lead row is the record.
    expect(Number((await made.db.client.execute('SELECT count(*) AS n FROM outbox WHERE payload IS NOT NULL')).rows[0]!.n)).toBe(0);
  });

  it('marks a delivery failed after the last attempt; an admin sees it in the console and sends it again', async () => {
    let down = true;
    const { receiver, made } = await setup(() => (down ? 'http500' : 'ok'));
    const [leadId] = await createLeads(made, 1);
    const options: DispatchOptions = { timeoutMs: 200, backoff: { baseMs: 5, maxMs: 20 }, maxAttempts: 3, random: seeded(1) };
    await drain(made.deps, options, async () => (await outboxStates(made.db.client)).failed === 1);
    const [row] = (await made.db.client.execute('SELECT attempts, last_error FROM outbox')).rows;
    expect(row).toMatchObject({ attempts: 3, last_error: 'http_500' });
    expect(receiver.stats.wirePosts).toBe(3);

    await saveAccount(made.deps, { email: 'ops@ai-factory.lu', name: 'Olga Ops', role: 'admin' }, 'ops admin password', 'test');
    const login = await made.app.request('/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@ai-factory.lu', password: 'ops admin password' }) });
    const staff = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const failing = (await (await made.app.request('/api/staff/leads?delivery=failed', { headers: staff })).json()) as { leads: { id: string; delivery: string }[] };
    expect(failing.leads).toEqual([expect.objectContaining({ id: leadId, delivery: 'failed' })]);
    const detail = (await (await made.app.request(`/api/staff/leads/${leadId}`, { headers: staff })).json()) as { deliveries: unknown[] };
    expect(detail.deliveries).toEqual([expect.objectContaining({ event: 'lead.created', status: 'failed', attempts: 3, lastError: 'http_500', deliveredAt: null, retryable: true })]);

    down = false;
    const retry = await made.app.request(`/api/staff/leads/${leadId}/retry`, { method: 'POST', headers: staff });
    expect(await retry.json()).toEqual({ leadId, retried: 1 });
    await drain(made.deps, options, async () => (await outboxStates(made.db.client)).delivered === 1);
    expect(receiver.processed.get(`${leadId}:1`)).toBeDefined();
    expect((await made.db.client.execute("SELECT actor, subject_id, details FROM audit_log WHERE action = 'deliveries.retried'")).rows.map((r) => ({ ...r }))).toEqual([
      { actor: 'ops@ai-factory.lu', subject_id: leadId, details: '{"retried":1}' },
    ]);
    const delivered = (await (await made.app.request(`/api/staff/leads/${leadId}`, { headers: staff })).json()) as { deliveries: unknown[] };
    expect(delivered.deliveries).toEqual([expect.objectContaining({ status: 'delivered', deliveredAt: expect.any(String), lastError: null, retryable: false })]);
  });

  it('fails at once when the receiver rejects the signature (401), without retrying', async () => {
    const { receiver, made } = await setup();
    await createLeads(made, 1);
    const wrong = { ...made.deps, env: { ...made.deps.env, LEAD_WEBHOOK_SECRET: 'not-the-receivers-secret' } };
    const report = await dispatchLeads(jobPorts(wrong), { random: seeded(2) });
    expect(report).toMatchObject({ status: 'ran', claimed: 1, failed: 1 });
    expect(receiver.stats.badSignatures).toBe(1);
    expect((await made.db.client.execute('SELECT status, last_error FROM outbox')).rows[0]).toMatchObject({ status: 'failed', last_error: 'http_401' });
  });
});

describe('two dispatchers on one database file', () => {
  it('never send the same outbox row at the same time, and between them send each row once', async () => {
    const { receiver, made } = await setup(() => 'ok', 25);
    await createLeads(made, 40);
    // A second instance: its own libSQL client on the same file, its own dependencies.
    const client = createClient({ url: made.db.url });
    cleanups.push(() => client.close());
    const other = createDeps(made.deps.env, client, { log: createLogger('error', () => undefined) });
    const settled = async () => (await outboxStates(made.db.client)).delivered === 40;
    const options = (id: string, seed: number): DispatchOptions => ({ instanceId: id, batchSize: 3, maxRounds: 1, timeoutMs: 2_000, random: seeded(seed) });
    const [a, b] = await Promise.all([drain(made.deps, options('instance-a', 1), settled), drain(other, options('instance-b', 2), settled)]);
    const claimed = (reports: Awaited<ReturnType<typeof drain>>) => reports.reduce((sum, r) => sum + ('claimed' in r ? r.claimed : 0), 0);
    console.log('TWO-DISPATCHERS', JSON.stringify(figures(receiver, { claimedByA: claimed(a), claimedByB: claimed(b) })));
    expect(claimed(a)).toBeGreaterThan(0);
    expect(claimed(b)).toBeGreaterThan(0);
    expect(claimed(a) + claimed(b)).toBe(40);
    expect(receiver.stats.overlaps).toBe(0);
    expect(receiver.stats.wirePosts).toBe(40);
    expect(receiver.stats.duplicatesSuppressed).toBe(0);
  });

  it('lets another instance take a row whose lease ran out (a crashed sender), never before', async () => {
    const { made } = await setup();
    await createLeads(made, 1);
    const { claimDueDeliveries } = await import('../../db/queries/leads.ts');
    const now = Date.now();
    expect(await claimDueDeliveries(made.deps.db, { owner: 'crashed', now, leaseUntil: now + 1_000, limit: 10 })).toHaveLength(1);
    expect(await claimDueDeliveries(made.deps.db, { owner: 'other', now: now + 999, leaseUntil: now + 2_000, limit: 10 })).toHaveLength(0);
    const taken = await claimDueDeliveries(made.deps.db, { owner: 'other', now: now + 1_000, leaseUntil: now + 2_000, limit: 10 });
    expect(taken).toMatchObject([{ leaseOwner: 'other', attempts: 2 }]);
  });
});

describe('waiting without a webhook', () => {
  it('keeps leads queued until LEAD_WEBHOOK_URL is configured', async () => {
    const { receiver, made } = await setup();
    await createLeads(made, 2);
    const unconfigured = { ...made.deps, env: { ...made.deps.env, LEAD_WEBHOOK_URL: undefined } };
    expect(await dispatchLeads(jobPorts(unconfigured))).toEqual({ status: 'waiting', reason: 'no_webhook_url', queued: 2 });
    expect(receiver.stats.wirePosts).toBe(0);
    await waitFor(async () => (await dispatchLeads(jobPorts(made.deps))).status === 'ran' && (await outboxStates(made.db.client)).delivered === 2, 'delivery once configured');
  });
});

describe('a French conversation and the offline lead form', () => {
  it('each end in a consented, qualified lead that reaches the receiver with a valid signature', async () => {
    const { receiver, made } = await setup();
    // In chat: the model passes what it heard to capture_lead, question after question, consent last.
    const conversationId = crypto.randomUUID();
    const tool = captureLeadTool({
      conversationId,
      now: made.deps.now,
      i18n: made.deps.i18n,
      submit: (lead) => submitLead(made.deps.db, lead, { now: made.deps.now(), threshold: made.deps.env.LEAD_QUALIFY_THRESHOLD, retentionDays: made.deps.env.LEAD_RETENTION_DAYS, baseUrl: 'http://localhost:8787' }),
    })({ db: made.deps.db, knowledge: made.deps.knowledge, embeddings: null, lang: 'fr', citations: createCitations(), assistant: 'public' });
    const say = async (values: Record<string, unknown>) => JSON.parse(String(await tool.invoke(values))) as { status: string; next?: string; question?: string; leadId?: string; qualified?: boolean };
    const steps = [
      { organisation: 'Assurances du Nord', orgType: 'sme', sector: 'assurance' },
      { size: '45', maturity: 'piloting', need: 'Nous voulons automatiser le traitement des déclarations de sinistre avec un modèle de langue hébergé au Luxembourg' },
      { pillars: ['build-test', 'finance'], timeline: 'dans 3 mois' },
      { contactName: 'Léa Schmit', contactEmail: 'lea.schmit@assurances-nord.lu', skipped: ['contactPhone'], preferredLang: 'fr' },
    ];
    let reply = await say(steps[0]!);
    for (const step of steps.slice(1)) reply = await say(step);
    expect(reply).toMatchObject({ status: 'collecting', next: 'consent', question: expect.stringContaining('Luxinnovation') });
    const chat = await say({ consent: 'yes' });
    expect(chat).toMatchObject({ status: 'submitted', qualified: true });

    // Offline: the message shows a support intent, so the widget shows the form; the person ticks consent and posts it.
    expect(detectSupportIntent('Bonjour, notre PME cherche un financement pour un projet d’IA', 'fr').intent).toBe(true);
    const form = await made.app.request('/api/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: 'Orbite Verte SARL', orgType: 'startup', sector: 'Spatial', size: '8', maturity: 'deploying', need: 'Suivi de la déforestation par images satellites', pillars: ['scale-deploy'], timeline: '6_months', contact: { name: 'Jérôme Weber', email: 'jerome@orbite-verte.lu' }, lang: 'fr', consent: { given: true, version: PRIVACY_VERSION } }),
    });
    expect(form.status).toBe(201);
    const offline = (await form.json()) as { leadId: string; qualified: boolean };
    expect(offline.qualified).toBe(true);

    await drain(made.deps, { random: seeded(3) }, async () => (await outboxStates(made.db.client)).delivered === 2);
    expect(receiver.stats.badSignatures).toBe(0);
    const received = [...receiver.processed.values()].map((e) => e.body as { event: string; lead: { id: string; lang: string; source: string; consent: { given: boolean; version: string }; contact: { name: string } } });
    const bySource = received.sort((a, b) => a.lead.source.localeCompare(b.lead.source));
    expect(bySource.map((b) => [b.event, b.lead.id, b.lead.source, b.lead.lang, b.lead.consent.given, b.lead.consent.version])).toEqual([
      ['lead.created', chat.leadId, 'chat', 'fr', true, PRIVACY_VERSION],
      ['lead.created', offline.leadId, 'form', 'fr', true, PRIVACY_VERSION],
    ]);
    expect(bySource[0]!.lead.contact.name).toBe('Léa Schmit');
  });
});
