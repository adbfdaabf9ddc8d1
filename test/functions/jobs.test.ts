// The job runner: bearer check, registry lookup, leases between instances, failures, the retention purge and Node's timer.
import { afterEach, describe, expect, it } from 'vitest';
import { findLease, purgeExpiredConversations } from '../../db/queries/jobs.ts';
import { DomainError } from '../../agents/errors.ts';
import type { Job } from '../../agents/jobs/registry.ts';
import { runJob } from '../../agents/jobs/runner.ts';
import { jobPorts } from '../../functions/deps.ts';
import { toAppError } from '../../functions/errors.ts';
import { startJobTimer } from '../../functions/jobs/timer.ts';
import { makeApp } from '../support/app.ts';

const TOKEN = 'a-jobs-token-of-32-characters-xx';
const DAY = 86_400_000;
const made: Awaited<ReturnType<typeof makeApp>>[] = [];
afterEach(() => made.splice(0).forEach((m) => m.dispose()));

async function app(env: Record<string, string> = { JOBS_TOKEN: TOKEN }) {
  const m = await makeApp({ env, files: [] });
  made.push(m);
  return m;
}
const post = (m: Awaited<ReturnType<typeof app>>, name: string, headers: Record<string, string> = {}) => m.app.request(`/internal/jobs/${name}`, { method: 'POST', headers });
const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function addConversation(m: Awaited<ReturnType<typeof app>>, id: string, retainUntil: number) {
  await m.db.client.batch(
    [
      { sql: "INSERT INTO conversations (id, assistant, lang, status, token_hash, created_at, updated_at, retain_until) VALUES (?, 'public', 'en', 'bot', 'x', 0, 0, ?)", args: [id, retainUntil] },
      { sql: "INSERT INTO messages (id, conversation_id, seq, role, content, lang, state, created_at) VALUES (?, ?, 1, 'user', 'hi', 'en', 'complete', 0)", args: [`m-${id}`, id] },
      { sql: "INSERT INTO feedback (id, message_id, rating, created_at) VALUES (?, ?, 'down', 0)", args: [`f-${id}`, `m-${id}`] },
      { sql: "INSERT INTO events (conversation_id, type, data, created_at) VALUES (?, 'status', '{}', 0)", args: [id] },
    ],
    'write',
  );
}

describe('POST /internal/jobs/:name authorisation', () => {
  it('is switched off with a localized 503 when JOBS_TOKEN is not configured', async () => {
    const m = await app({});
    const response = await post(m, 'probe-llm', { ...bearer(), 'accept-language': 'fr' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'jobs_disabled', message: expect.stringContaining('JOBS_TOKEN n’est pas défini') } });
  });

  it('answers 401 with a Bearer challenge for a missing, malformed or wrong token, whatever the job', async () => {
    const m = await app();
    for (const headers of [{}, { authorization: TOKEN }, bearer(`${TOKEN}x`), bearer(TOKEN.slice(0, -1)), bearer('x')]) {
      for (const job of ['probe-llm', 'no-such-job']) {
        const response = await post(m, job, headers);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="jobs"');
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
  });

  it('answers 404 for an unknown job once the token is right, "constructor" included', async () => {
    const m = await app();
    for (const job of ['no-such-job', 'constructor', '__proto__']) {
      const response = await post(m, job, { ...bearer(), 'accept-language': 'de' });
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('job_unknown');
      expect(body.error.message).toContain('Aufgabe');
    }
  });

  it('runs a job and returns what it did', async () => {
    const m = await app({ JOBS_TOKEN: TOKEN, LLM_MODE: 'offline' });
    const response = await post(m, 'probe-llm', bearer());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ job: 'probe-llm', status: 'ran', startedAt: expect.any(String), ms: expect.any(Number), result: { mode: 'offline' } });
  });
});

describe('runJob', () => {
  const slow = (calls: { n: number }, ms = 100): Job => ({ scope: 'cluster', leaseMs: 60_000, everyMs: 1000, run: async () => (calls.n++, await sleep(ms), { done: true }) });

  it('runs a cluster job on one caller at a time and releases the lease afterwards', async () => {
    const m = await app();
    const calls = { n: 0 };
    const jobs = { slow: slow(calls) };
    const outcomes = await Promise.all([runJob(jobPorts(m.deps), 'slow', jobs), runJob(jobPorts(m.deps), 'slow', jobs), runJob(jobPorts(m.deps), 'slow', jobs)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ran', 'skipped', 'skipped']);
    expect(calls.n).toBe(1);
    expect(await findLease(m.deps.db, 'slow')).toMatchObject({ holder: null, leaseUntil: 0, lastResult: { done: true } });
    expect((await runJob(jobPorts(m.deps), 'slow', jobs)).status).toBe('ran');
  });

  it('takes over a lease whose holder died (its deadline passed)', async () => {
    const m = await app();
    const jobs = { slow: slow({ n: 0 }, 0) };
    await m.db.client.execute({ sql: "INSERT INTO job_leases (name, holder, lease_until) VALUES ('slow', 'dead', ?)", args: [Date.now() + 60_000] });
    expect((await runJob(jobPorts(m.deps), 'slow', jobs)).status).toBe('skipped');
    await m.db.client.execute({ sql: "UPDATE job_leases SET lease_until = ? WHERE name = 'slow'", args: [Date.now() - 1] });
    expect((await runJob(jobPorts(m.deps), 'slow', jobs)).status).toBe('ran');
  });

  it('runs an instance job on every caller at once and records its last run', async () => {
    const m = await app();
    const calls = { n: 0 };
    const jobs = { mine: { ...slow(calls, 20), scope: 'instance' as const } };
    const outcomes = await Promise.all([runJob(jobPorts(m.deps), 'mine', jobs), runJob(jobPorts(m.deps), 'mine', jobs)]);
    expect(outcomes.map((o) => o.status)).toEqual(['ran', 'ran']);
    expect(await findLease(m.deps.db, 'mine')).toMatchObject({ leaseUntil: 0, lastResult: { done: true }, lastRunAt: expect.any(Number) });
  });

  it('turns a failure into job_failed (500), logs it and frees the lease for the next run', async () => {
    const m = await app();
    const jobs: Record<string, Job> = { broken: { scope: 'cluster', leaseMs: 60_000, everyMs: 1000, run: async () => Promise.reject(new Error('disk on fire')) } };
    const error = await runJob(jobPorts(m.deps), 'broken', jobs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'job_failed', params: { name: 'broken' } });
    expect(toAppError(error)).toMatchObject({ status: 500, code: 'job_failed' });
    expect(await findLease(m.deps.db, 'broken')).toMatchObject({ holder: null, leaseUntil: 0, lastResult: { error: 'disk on fire' } });
    expect(m.logs.some((line) => line.includes('job failed') && line.includes('disk on fire'))).toBe(true);
  });
});

describe('purge-retention', () => {
  it('deletes expired conversations with their messages, feedback and events, in slices, keeping the rest', async () => {
    const m = await app();
    const now = Date.now();
    for (const id of ['old-1', 'old-2', 'old-3']) await addConversation(m, id, now - DAY);
    await addConversation(m, 'fresh', now + DAY);
    expect(await purgeExpiredConversations(m.deps.db, now, 2)).toEqual({ conversations: 2, messages: 2, events: 2, feedback: 2 });
    expect(await purgeExpiredConversations(m.deps.db, now, 2)).toEqual({ conversations: 1, messages: 1, events: 1, feedback: 1 });
    expect(await purgeExpiredConversations(m.deps.db, now, 2)).toEqual({ conversations: 0, messages: 0, events: 0, feedback: 0 });
    const left = async (table: string) => Number((await m.db.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    expect([await left('conversations'), await left('messages'), await left('feedback'), await left('events')]).toEqual([1, 1, 1, 1]);
  });

  it('runs through the endpoint and is idempotent', async () => {
    const m = await app();
    await addConversation(m, 'old', Date.now() - 1);
    const first = await (await post(m, 'purge-retention', bearer())).json();
    expect(first).toMatchObject({ status: 'ran', result: { deleted: { conversations: 1, messages: 1, events: 1, feedback: 1 }, more: false } });
    const second = await (await post(m, 'purge-retention', bearer())).json();
    expect(second).toMatchObject({ status: 'ran', result: { deleted: { conversations: 0, messages: 0, events: 0, feedback: 0 } } });
  });
});

describe('purge-retention and failed logins', () => {
  it('deletes failed-login counters whose window passed and whose lock ended, keeping the others', async () => {
    const m = await app();
    const now = Date.now();
    const hour = 3_600_000;
    const insert = (key: string, firstAt: number, lockedUntil: number) =>
      m.db.client.execute({ sql: 'INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES (?, 1, ?, ?)', args: [key, firstAt, lockedUntil] });
    await insert('client:old', now - 2 * hour, 0);
    await insert('email:locked', now - 2 * hour, now + hour);
    await insert('email:recent', now - 60_000, 0);
    const result = (await (await post(m, 'purge-retention', bearer())).json()) as { result: { deleted: { loginFailures: number } } };
    expect(result.result.deleted.loginFailures).toBe(1);
    const keys = (await m.db.client.execute('SELECT key FROM login_failures ORDER BY key')).rows.map((row) => row.key);
    expect(keys).toEqual(['email:locked', 'email:recent']);
  });
});

describe('startJobTimer (Node)', () => {
  it('runs each job on its interval, one run at a time, until stopped', async () => {
    const m = await app();
    let running = 0;
    let overlapped = false;
    let runs = 0;
    const jobs: Record<string, Job> = {
      tick: {
        scope: 'instance',
        leaseMs: 1000,
        everyMs: 10,
        async run() {
          runs++;
          overlapped ||= running > 0;
          running++;
          await sleep(35);
          running--;
          return {};
        },
      },
    };
    const timer = startJobTimer(jobPorts(m.deps), jobs);
    await sleep(200);
    timer.stop();
    await sleep(50);
    const after = runs;
    await sleep(60);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBe(after);
    expect(overlapped).toBe(false);
  });
});
