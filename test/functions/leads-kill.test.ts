// The Node app killed with SIGKILL while it delivers leads, then restarted on the same database: nothing is lost,
// and what the dead process had in flight is re-sent after its lease runs out and suppressed by key at the receiver.
// The app here is `startNodeServer` (what `npm start` runs) plus the dispatch loop the job timer runs once the
// `dispatch-leads` job is registered, in one process.
import { createClient } from '@libsql/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { UNLIMITED } from '../support/app.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, stopProcess } from '../support/process.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';
import { startWebhookReceiver, waitFor } from '../support/webhook-receiver.ts';

const SECRET = 'webhook-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'aif-leads-kill-'));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) await stopProcess(child, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

// The app with a dispatch loop: short timeouts and lease so the test runs in seconds.
const SCRIPT = `
const { parseEnv } = await import('./functions/env.ts');
const { startNodeServer } = await import('./functions/entry.node.ts');
const { createDeps, jobPorts } = await import('./functions/deps.ts');
const { openClient } = await import('./db/open.node.ts');
const { dispatchLeads } = await import('./agents/leads/dispatch.ts');
const env = parseEnv(process.env);
await startNodeServer(env);
const deps = createDeps(env, await openClient(env.DATABASE_URL));
const options = JSON.parse(process.env.DISPATCH_OPTIONS);
for (;;) {
  try { await dispatchLeads(jobPorts(deps), options); } catch (error) { console.log(JSON.stringify({ msg: 'dispatch error', error: String(error) })); }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
`;

async function startApp(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const base = `http://127.0.0.1:${env.PORT}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`app exited:\n${output.join('')}`);
      return fetch(`${base}/livez`).then((r) => r.ok, () => false);
    },
    'the app to listen',
    60_000,
    100,
  );
  return child;
}

describe('the app killed with SIGKILL during lead delivery', () => {
  it('loses no lead and no event, and the receiver processes each once', { timeout: 120_000 }, async () => {
    let armed = false;
    let seenArmed = 0;
    let killed: Promise<unknown> | undefined;
    let first: ChildProcess | undefined;
    // Slow answers keep deliveries in flight; every fifth one times out after processing.
    const receiver = await startWebhookReceiver({ secret: SECRET, delayMs: 250, faults: (i) => (i % 5 === 4 ? 'timeout_after_processing' : 'ok') });
    receiver.onRequest(() => {
      // Kill the app while this request (the sixth after all leads are in) is open at the receiver.
      if (!armed || killed || ++seenArmed < 6) return;
      killed = new Promise((resolve) => first!.once('exit', resolve));
      first!.kill('SIGKILL');
    });
    try {
      const port = await freePort();
      const dbUrl = `file:${join(dir, 'assistant.db')}`;
      const env = {
        PORT: String(port),
        DATABASE_URL: dbUrl,
        LLM_MODE: 'offline',
        OLLAMA_HOSTS: 'http://127.0.0.1:9',
        LEAD_WEBHOOK_URL: receiver.url,
        LEAD_WEBHOOK_SECRET: SECRET,
        JOBS_TOKEN: 'jobs-token-0123456789',
        // Twenty leads from one address in a second: more than a visitor may send.
        RATE_LIMITS: UNLIMITED,
        DISPATCH_OPTIONS: JSON.stringify({ batchSize: 2, timeoutMs: 600, leaseMs: 1_500, backoff: { baseMs: 50, maxMs: 400 }, maxAttempts: 100 }),
      };
      first = await startApp(env);
      const created: string[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/leads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            organisation: `Spatial ${i} SARL`,
            orgType: 'startup',
            sector: 'spatial',
            maturity: 'piloting',
            need: 'Nous voulons classer des images satellites avec un modèle entraîné sur nos propres archives',
            timeline: '3_months',
            contact: { name: `Camille ${i}`, email: `camille${i}@spatial.lu` },
            lang: 'fr',
            consent: { given: true, version: PRIVACY_VERSION },
          }),
        });
        expect(response.status).toBe(201);
        created.push(((await response.json()) as { leadId: string }).leadId);
      }
      armed = true;
      await waitFor(() => killed !== undefined, 'a delivery to kill during', 30_000);
      await killed;

      const db = createClient({ url: dbUrl, timeout: 5_000 });
      const atKill = (await db.execute('SELECT status, lease_owner IS NOT NULL AS leased, count(*) AS n FROM outbox GROUP BY 1, 2')).rows.map((r) => ({ status: r.status, leased: Number(r.leased), n: Number(r.n) }));
      expect(Number((await db.execute('SELECT count(*) AS n FROM leads')).rows[0]!.n)).toBe(20);
      const deliveredAtKill = atKill.filter((r) => r.status === 'delivered').reduce((s, r) => s + r.n, 0);
      expect(deliveredAtKill).toBeLessThan(20);
      expect(atKill.some((r) => r.leased === 1)).toBe(true);
      const postsAtKill = receiver.stats.wirePosts;

      await startApp(env);
      await waitFor(async () => Number((await db.execute("SELECT count(*) AS n FROM outbox WHERE status = 'delivered'")).rows[0]!.n) === 20, 'every lead delivered after the restart', 60_000, 250);
      db.close();

      console.log('KILL-TEST', JSON.stringify({ leadsCreated: created.length, deliveredAtKill, outboxAtKill: atKill, wirePostsAtKill: postsAtKill, wirePosts: receiver.stats.wirePosts, distinctLeads: receiver.distinctLeads(), duplicatesSuppressed: receiver.stats.duplicatesSuppressed, timeoutsAfterProcessing: receiver.stats.faultsInjected.timeout_after_processing, badSignatures: receiver.stats.badSignatures, overlaps: receiver.stats.overlaps }));
      expect(receiver.distinctLeads()).toBe(20);
      expect(new Set([...receiver.processed.values()].map((e) => e.leadId))).toEqual(new Set(created));
      expect(receiver.stats.badSignatures).toBe(0);
      expect(receiver.stats.overlaps).toBe(0);
      expect(receiver.stats.duplicatesSuppressed).toBeGreaterThanOrEqual(1);
    } finally {
      await receiver.close();
    }
  });
});
