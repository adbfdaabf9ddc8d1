// Fuzzing every route through a real Node server: thousands of seeded malformed requests (methods, content types,
// bodies, fields, sizes, encodings, path parameters, queries, headers, HTTP framing), staff routes with a live session
// and CSRF token, conversation routes and event streams with their token. None may get a 5xx, an /api or /internal
// error that is not the JSON error shape, or a connection closed without an answer; the server answers /healthz after.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { createCannedReply } from '../../agents/staff/canned-replies.ts';
import { serveNode } from '../../functions/serve.node.ts';
import { makeApp } from '../support/app.ts';
import { send, type FuzzOutcome } from '../support/fuzz/client.ts';
import { generateCases, type FuzzCase, type RouteSpec } from '../support/fuzz/generate.ts';
import { seeded } from '../support/fuzz/random.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x17f022);
const CONCURRENCY = 12;
const JOBS_TOKEN = 'jobs-token-fuzz-0123456789';
const METRICS_TOKEN = 'metrics-token-fuzz-0123456789';
const PASSWORD = 'fuzzing password 1';

let made: Awaited<ReturnType<typeof makeApp>>;
let server: Server;
let base: URL;
let port: number;

type Conversation = { id: string; token: string; messageId: string };
const ctx = {
  staff: { cookie: '', csrf: '' },
  /** A second session, for the logout route alone. */
  spare: { cookie: '', csrf: '' },
  chat: undefined as unknown as Conversation,
  handover: undefined as unknown as Conversation,
  doomed: undefined as unknown as Conversation,
  lead: { id: '', token: '' },
  canned: { id: '', doomed: '' },
  colleague: '',
  /** An approved answer, for the retire route. */
  approved: '',
  /** The account the account routes change (never the fuzzing admin's own, whose session the other routes use). */
  target: '',
};

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}
async function login(email: string) {
  const response = await post('/api/staff/login', { email, password: PASSWORD });
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}
async function converse(message: string): Promise<Conversation> {
  const body = (await (await post('/api/chat', { message, lang: 'en' })).json()) as { conversationId: string; conversationToken: string; messageId: string };
  return { id: body.conversationId, token: body.conversationToken, messageId: body.messageId };
}
const lead = () => ({
  organisation: 'Fuzz SARL',
  orgType: 'startup',
  sector: 'spatial',
  maturity: 'piloting',
  need: 'Classer des images satellites avec un modèle entraîné sur nos archives',
  timeline: '3_months',
  contact: { name: 'Camille Fuzz', email: 'camille@fuzz.lu', phone: '+352 621 123 456' },
  lang: 'fr',
  consent: { given: true, version: PRIVACY_VERSION },
});

const approvedAnswer = () => ({ lang: 'en', question: 'Does the AI Factory have a newsletter?', answer: 'News about the AI Factory is published by Luxinnovation [1].', docIds: ['getting-support'] });

/** Queries the app sends to its database, counted on the client it was given (nothing else uses it; no job timer runs). */
const dbCalls = { count: 0 };
function countQueries(client: Record<string, unknown>) {
  for (const name of ['execute', 'batch', 'executeMultiple', 'transaction']) {
    const original = client[name] as (...args: unknown[]) => unknown;
    client[name] = (...args: unknown[]) => {
      dbCalls.count++;
      return original.apply(client, args);
    };
  }
}

beforeAll(async () => {
  made = await makeApp({ env: { JOBS_TOKEN, METRICS_TOKEN } });
  countQueries(made.db.client as unknown as Record<string, unknown>);
  await saveAccount(made.deps, { email: 'admin@fuzz.lu', name: 'Ada Admin', role: 'admin' }, PASSWORD, 'test');
  await saveAccount(made.deps, { email: 'login@fuzz.lu', name: 'Lou Login', role: 'reviewer' }, PASSWORD, 'test');
  ctx.target = (await saveAccount(made.deps, { email: 'target@fuzz.lu', name: 'Tom Target', role: 'reviewer' }, PASSWORD, 'test')).account.id;
  const english = made.deps.i18n.forLang('en');
  // The server `npm start` runs (JSON answers for what Node refuses), with the request timeout short enough for a
  // request that declares more body than it sends to be answered within the test.
  server = await serveNode(made.app.fetch, { port: 0, hostname: '127.0.0.1', timeouts: { headersMs: 5_000, requestMs: 5_000 }, message: (code) => english(`errors.${code}`) });
  port = (server.address() as AddressInfo).port;
  base = new URL(`http://127.0.0.1:${port}`);
  ctx.staff = await login('admin@fuzz.lu');
  ctx.spare = await login('admin@fuzz.lu');
  ctx.chat = await converse('How much more powerful will the MeluXina-AI supercomputer become?');
  ctx.handover = await converse('What does the AI Factory offer to start-ups?');
  ctx.doomed = await converse('Wat mécht d’AI Factory?');
  const submitted = (await (await post('/api/leads', lead())).json()) as { leadId: string; withdrawUrl: string };
  ctx.lead = { id: submitted.leadId, token: new URL(submitted.withdrawUrl).searchParams.get('token') ?? '' };
  const canned = (title: string) => createCannedReply(made.deps, { lang: 'en', title, text: 'Thank you for waiting: I am looking into it.' }, { email: 'admin@fuzz.lu' });
  ctx.canned = { id: (await canned('Looking into it')).id, doomed: (await canned('To delete')).id };
  ctx.colleague = (await saveAccount(made.deps, { email: 'colleague@fuzz.lu', name: 'Cole League', role: 'reviewer' }, PASSWORD, 'test')).account.id;
  ctx.approved = ((await (await post('/api/staff/approved-answers', approvedAnswer(), { cookie: ctx.staff.cookie, 'x-csrf-token': ctx.staff.csrf })).json()) as { id: string }).id;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  made?.dispose();
});

const staffAuth = () => ({ cookie: ctx.staff.cookie, 'x-csrf-token': ctx.staff.csrf });
const bearer = (c: () => Conversation) => () => ({ authorization: `Bearer ${c().token}` });
const jobs = () => ({ authorization: `Bearer ${JOBS_TOKEN}` });
const metrics = () => ({ authorization: `Bearer ${METRICS_TOKEN}` });
const id = (c: () => Conversation) => ({ id: () => c().id });

/** Every route with a parameter, a body or a gate, valid request first; plain GET pages are added from the app's routes. */
const ROUTES: RouteSpec[] = [
  { group: 'search', method: 'GET', path: '/api/search', query: () => ({ q: 'MeluXina supercomputer', lang: 'en', k: '5' }), cases: 90 },
  { group: 'chat', method: 'POST', path: '/api/chat', body: () => ({ message: 'What is MeluXina-AI?', lang: 'en', conversationId: ctx.chat.id, conversationToken: ctx.chat.token }), limits: { message: 4000, conversationId: 100, conversationToken: 200 }, cases: 150 },
  { group: 'feedback', method: 'POST', path: '/api/feedback', auth: bearer(() => ctx.chat), body: () => ({ messageId: ctx.chat.messageId, rating: 'up', comment: 'Clear answer' }), limits: { comment: 1000, messageId: 100 }, cases: 90 },
  { group: 'conversations', method: 'GET', path: '/api/conversations/:id/messages', params: id(() => ctx.chat), auth: bearer(() => ctx.chat) },
  { group: 'conversations', method: 'GET', path: '/api/conversations/:id/export', params: id(() => ctx.chat), auth: bearer(() => ctx.chat) },
  { group: 'conversations', method: 'POST', path: '/api/conversations/:id/escalate', params: id(() => ctx.handover), auth: bearer(() => ctx.handover) },
  { group: 'conversations', method: 'POST', path: '/api/conversations/:id/notify', params: id(() => ctx.handover), auth: bearer(() => ctx.handover), body: () => ({ consent: { given: true, version: '2026-11-22' }, email: 'visitor@fuzz.lu' }), limits: { email: 254, 'consent.version': 40 } },
  { group: 'conversations', method: 'DELETE', path: '/api/conversations/:id', params: id(() => ctx.doomed), auth: bearer(() => ctx.doomed) },
  { group: 'events', method: 'GET', path: '/api/conversations/:id/events', params: id(() => ctx.handover), auth: bearer(() => ctx.handover), stream: true, cases: 100 },
  { group: 'leads', method: 'POST', path: '/api/leads', body: lead, limits: { organisation: 200, sector: 120, need: 2000, timeline: 100, 'contact.name': 120, 'contact.email': 254, 'consent.version': 40 }, cases: 150 },
  { group: 'leads', method: 'GET', path: '/api/leads/:id/withdraw', params: { id: () => ctx.lead.id }, query: () => ({ token: ctx.lead.token }) },
  { group: 'leads', method: 'POST', path: '/api/leads/:id/withdraw', params: { id: () => ctx.lead.id }, body: () => ({ token: ctx.lead.token }), limits: { token: 200 }, cases: 80 },
  { group: 'internal', method: 'POST', path: '/internal/jobs/:name', params: { name: () => 'probe-llm' }, auth: jobs },
  { group: 'internal', method: 'GET', path: '/metrics', auth: metrics },
  { group: 'staff', method: 'POST', path: '/api/staff/login', body: () => ({ email: 'login@fuzz.lu', password: PASSWORD }), cases: 70 },
  { group: 'staff', method: 'POST', path: '/api/staff/logout', auth: () => ({ cookie: ctx.spare.cookie, 'x-csrf-token': ctx.spare.csrf }), spendsAuth: true },
  { group: 'staff', method: 'GET', path: '/api/staff/me', auth: staffAuth },
  { group: 'staff', method: 'GET', path: '/api/staff/accounts', auth: staffAuth },
  { group: 'staff', method: 'GET', path: '/api/staff/conversations', auth: staffAuth, query: () => ({ status: 'escalated,staff', lang: 'en', assistant: 'public' }) },
  { group: 'staff', method: 'GET', path: '/api/staff/conversations/:id', params: id(() => ctx.handover), auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/conversations/:id/claim', params: id(() => ctx.handover), auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/conversations/:id/messages', params: id(() => ctx.handover), auth: staffAuth, body: () => ({ text: 'Moien, how can I help?' }), limits: { text: 4000 }, cases: 90 },
  { group: 'staff', method: 'POST', path: '/api/staff/conversations/:id/release', params: id(() => ctx.handover), auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/conversations/:id/resolve', params: id(() => ctx.handover), auth: staffAuth, body: () => ({ note: 'Answered by phone' }), limits: { note: 2000 } },
  { group: 'staff', method: 'POST', path: '/api/staff/conversations/:id/notes', params: id(() => ctx.handover), auth: staffAuth, body: () => ({ text: 'Called back on Monday' }), limits: { text: 2000 } },
  { group: 'staff', method: 'POST', path: '/api/staff/conversations/:id/transfer', params: id(() => ctx.handover), auth: staffAuth, body: () => ({ staffId: ctx.colleague }), limits: { staffId: 100 } },
  { group: 'staff', method: 'GET', path: '/api/staff/members', auth: staffAuth },
  { group: 'staff', method: 'GET', path: '/api/staff/canned-replies', auth: staffAuth, query: () => ({ lang: 'en' }) },
  { group: 'staff', method: 'POST', path: '/api/staff/canned-replies', auth: staffAuth, body: () => ({ lang: 'fr', title: 'Merci', text: 'Merci de votre patience.' }), limits: { title: 120, text: 4000 } },
  { group: 'staff', method: 'PUT', path: '/api/staff/canned-replies/:id', params: { id: () => ctx.canned.id }, auth: staffAuth, body: () => ({ lang: 'en', title: 'Looking into it', text: 'Thanks for waiting.' }), limits: { title: 120, text: 4000 } },
  { group: 'staff', method: 'DELETE', path: '/api/staff/canned-replies/:id', params: { id: () => ctx.canned.doomed }, auth: staffAuth },
  { group: 'staff', method: 'GET', path: '/api/staff/metrics', auth: staffAuth, query: () => ({ from: '2026-11-01', to: '2026-11-30', lang: 'lb' }) },
  { group: 'events', method: 'GET', path: '/api/staff/events', auth: staffAuth, stream: true, cases: 100 },
  { group: 'staff', method: 'GET', path: '/api/staff/leads', auth: staffAuth, query: () => ({ status: 'qualified', minScore: '50', lang: 'fr', from: '2026-01-01', to: '2026-12-31', delivery: 'failed', page: '1', perPage: '20' }) },
  { group: 'staff', method: 'GET', path: '/api/staff/leads.csv', auth: staffAuth, query: () => ({ status: 'qualified', minScore: '50', from: '2026-01-01' }), cases: 40 },
  { group: 'staff', method: 'GET', path: '/api/staff/leads/:id', params: { id: () => ctx.lead.id }, auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/leads/:id/promote', params: { id: () => ctx.lead.id }, auth: staffAuth, body: () => ({ reason: 'A strong lead after all' }), limits: { reason: 500 } },
  { group: 'staff', method: 'POST', path: '/api/staff/leads/:id/withdraw', params: { id: () => ctx.lead.id }, auth: staffAuth, body: () => ({ reason: 'Asked by phone' }), limits: { reason: 500 } },
  { group: 'staff', method: 'POST', path: '/api/staff/leads/:id/retry', params: { id: () => ctx.lead.id }, auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/accounts', auth: staffAuth, body: () => ({ email: 'new@fuzz.lu', name: 'Nina New', role: 'reviewer', lang: 'lb', password: PASSWORD }), limits: { email: 254, name: 120 }, cases: 40 },
  { group: 'staff', method: 'POST', path: '/api/staff/accounts/:id/deactivate', params: { id: () => ctx.target }, auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/accounts/:id/reactivate', params: { id: () => ctx.target }, auth: staffAuth },
  { group: 'staff', method: 'POST', path: '/api/staff/accounts/:id/password', params: { id: () => ctx.target }, auth: staffAuth, body: () => ({ password: PASSWORD }), cases: 30 },
  { group: 'staff', method: 'POST', path: '/api/staff/accounts/:id/role', params: { id: () => ctx.target }, auth: staffAuth, body: () => ({ role: 'admin' }) },
  { group: 'staff', method: 'GET', path: '/api/staff/audit', auth: staffAuth, query: () => ({ actor: 'admin@fuzz.lu', action: 'lead.', subjectType: 'lead', subjectId: ctx.lead.id, from: '2026-01-01', to: '2026-12-31', page: '1', perPage: '20' }) },
  { group: 'staff', method: 'GET', path: '/api/staff/audit/verify', auth: staffAuth, cases: 20 },
  { group: 'pages', method: 'GET', path: '/:lang{(?:en|fr|de|lb)}', params: { lang: () => 'lb' }, cases: 30 },
  { group: 'pages', method: 'GET', path: '/:lang{(?:en|fr|de|lb)}/:kind{(?:privacy|terms|imprint|accessibility)}', params: { lang: () => 'fr', kind: () => 'privacy' }, cases: 30 },
  { group: 'pages', method: 'GET', path: '/:kind{(?:privacy|terms|imprint|accessibility)}', params: { kind: () => 'accessibility' }, cases: 20 },
  { group: 'pages', method: 'GET', path: '/:lang{(?:en|fr|de|lb)}/edu', params: { lang: () => 'de' }, cases: 30 },
  // Nothing is registered here: the not-found answer.
  { group: 'unknown', method: 'POST', path: '/api/nothing/:x', params: { x: () => 'here' }, body: () => ({ a: 1 }), cases: 40 },
  { group: 'unknown', method: 'GET', path: '/nothing/:x', params: { x: () => 'here' }, cases: 30 },
  { group: 'staff', method: 'POST', path: '/api/staff/approved-answers', auth: staffAuth, body: approvedAnswer, limits: { question: 300, answer: 4000 }, cases: 90 },
  { group: 'staff', method: 'POST', path: '/api/staff/approved-answers/:id/retire', params: { id: () => ctx.approved }, auth: staffAuth },
];

const groupOf = (path: string) =>
  path.startsWith('/console') ? 'console' : /^\/(livez|readyz|healthz)$/.test(path) ? 'health' : /^\/(widget|assets)/.test(path) ? 'widget' : 'pages';

/** The app's registered routes (middleware excluded), as `METHOD path`. */
const registered = () => [...new Set(made.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

/** Plain GET routes not in ROUTES get a generic spec: a route added later is fuzzed without a change here. */
function allSpecs(): RouteSpec[] {
  const known = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
  const plain = registered()
    .filter((key) => !known.has(key) && key.startsWith('GET ') && !key.includes(':'))
    .map((key): RouteSpec => ({ group: groupOf(key.slice(4)), method: 'GET', path: key.slice(4), cases: 30 }));
  return [...ROUTES, ...plain];
}

type Failure = { kind: 'dropped' | '5xx' | 'not JSON' | 'client refused'; case: FuzzCase; outcome: FuzzOutcome };

const isApi = (target: string) => /^\/(api|internal)(\/|\?|$)/.test(target);
/** The one answer on /api that is a page by design: the withdraw link opened in a browser (or its form posted). */
const htmlByDesign = (c: FuzzCase, outcome: FuzzOutcome) =>
  c.route.path === '/api/leads/:id/withdraw' && outcome.contentType.startsWith('text/html') && (/text\/html/i.test(c.request.headers.accept ?? '') || /form/i.test(c.request.headers['content-type'] ?? ''));

function judge(c: FuzzCase, outcome: FuzzOutcome): Failure['kind'] | 'html by design' | null {
  if (outcome.error?.startsWith('client:')) return 'client refused';
  if (outcome.error) return 'dropped';
  if (outcome.status >= 500) return '5xx';
  if (!isApi(c.request.target) || outcome.status < 400) return null;
  if (htmlByDesign(c, outcome)) return 'html by design';
  if (!/^application\/json/.test(outcome.contentType)) return 'not JSON';
  if (c.request.method === 'HEAD') return null;
  try {
    const error = (JSON.parse(outcome.body) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 0 ? null : 'not JSON';
  } catch {
    return 'not JSON';
  }
}

async function runPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const describeCase = (f: Failure) =>
  `${f.kind}: ${f.case.request.transport} ${f.case.request.method} ${f.case.request.target.slice(0, 120)} [${f.case.mutations.join('+')}] → ${[f.outcome.status || '', f.outcome.error ?? ''].join(' ').trim()} ${f.outcome.contentType} ${f.outcome.body.slice(0, 120)}`;

describe('fuzzing every route through a real server', () => {
  it('covers every route the app registers', () => {
    const covered = new Set(allSpecs().map((r) => `${r.method} ${r.path}`));
    expect(registered().filter((key) => !covered.has(key))).toEqual([]);
  });

  it('answers thousands of malformed requests without a 5xx, a non-JSON /api error or a dropped connection, and stays up', { timeout: 120_000 }, async () => {
    const random = seeded(SEED);
    const cases = allSpecs().flatMap((route) => generateCases(route, random, port));
    // Shuffled, so slow requests (bodies drained, logins hashed) spread over the run instead of queueing together.
    for (let i = cases.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [cases[i], cases[j]] = [cases[j]!, cases[i]!];
    }

    const started = performance.now();
    const failures: Failure[] = [];
    const counts: Record<string, Record<string, number>> = {};
    const bump = (group: string, key: string) => ((counts[group] ??= {})[key] = (counts[group]![key] ?? 0) + 1);
    let htmlPages = 0;
    const errorCodes: Record<string, number> = {};
    const slowest: { ms: number; line: string }[] = [];
    await runPool(cases, CONCURRENCY, async (c) => {
      const outcome = await send(base, c.request);
      slowest.push({ ms: outcome.ms, line: `${Math.round(outcome.ms)} ms ${c.request.transport} ${c.request.method} ${c.request.target.slice(0, 80)} [${c.mutations.join('+')}] → ${outcome.status || outcome.error}` });
      const verdict = judge(c, outcome);
      for (const group of [c.route.group, 'ALL']) {
        bump(group, 'requests');
        bump(group, outcome.error ? 'dropped' : `${Math.floor(outcome.status / 100)}xx`);
        bump(group, c.request.transport);
        if (verdict && verdict !== 'html by design') bump(group, `FAIL ${verdict}`);
      }
      const code = /^application\/json/.test(outcome.contentType) && outcome.status >= 400 ? /"code":"([a-z_]+)"/.exec(outcome.body)?.[1] : undefined;
      if (code) errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      if (verdict === 'html by design') htmlPages++;
      else if (verdict) failures.push({ kind: verdict, case: c, outcome });
    });
    const seconds = (performance.now() - started) / 1000;

    const health = await fetch(new URL('/healthz', base));
    const healthBody = (await health.json()) as { status: string };
    const columns = ['requests', '2xx', '3xx', '4xx', '5xx', 'dropped', 'http', 'fetch', 'raw'];
    const table = Object.entries(counts)
      .sort(([a], [b]) => (a === 'ALL' ? 1 : b === 'ALL' ? -1 : a.localeCompare(b)))
      .map(([group, row]) => `${group.padEnd(14)}${columns.map((k) => String(row[k] ?? 0).padStart(9)).join('')}${Object.keys(row).filter((k) => k.startsWith('FAIL')).map((k) => `  ${k}=${row[k]}`).join('')}`);
    console.log(`FUZZ seed=${SEED} ${cases.length} requests in ${seconds.toFixed(1)} s, ${htmlPages} HTML pages by design (withdraw link)\n${''.padEnd(14)}${columns.map((k) => k.padStart(9)).join('')}\n${table.join('\n')}`);
    const mutations: Record<string, number> = {};
    for (const c of cases) for (const m of c.mutations) mutations[m.replace(/=.*/, '')] = (mutations[m.replace(/=.*/, '')] ?? 0) + 1;
    console.log(`FUZZ mutations: ${Object.entries(mutations).map(([k, n]) => `${k}=${n}`).join(' ')}`);
    console.log(`FUZZ error codes: ${Object.entries(errorCodes).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k}=${n}`).join(' ')}`);
    console.log(`FUZZ slowest:\n${slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => s.line).join('\n')}`);
    if (failures.length) console.log(`FUZZ failures (${failures.length}):\n${failures.map(describeCase).join('\n')}`);

    expect(cases.length).toBeGreaterThanOrEqual(2_000);
    expect(failures.map(describeCase).slice(0, 30)).toEqual([]);
    expect(health.status).toBe(200);
    expect(healthBody.status).toBe('ok');
  });

  // HEAD runs a GET route's handler and drops the body: an event stream's database tail then runs on with nobody
  // reading, polling every 500 ms for the stream's whole lifetime (5 minutes), one per HEAD request.
  it('leaves nothing running once a HEAD on an event stream is answered', async () => {
    const visitor = await converse('Who runs MeluXina?');
    const heads: { target: string; headers: Record<string, string> }[] = [
      { target: `/api/conversations/${visitor.id}/events`, headers: { authorization: `Bearer ${visitor.token}` } },
      { target: '/api/staff/events', headers: { cookie: ctx.staff.cookie } },
    ];
    const answers = await Promise.all(heads.map(({ target, headers }) => send(base, { transport: 'http', method: 'HEAD', target, headers, stream: true })));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = dbCalls.count;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(dbCalls.count - before, 'database queries in 1.5 s with no request open').toBe(0);
  });
});
