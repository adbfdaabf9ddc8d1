// The lead path over a libSQL server (the workerd data path): Hrana over HTTP to the stand-in, with the web client.
import { createClient } from '@libsql/client';
import { createClient as createWebClient } from '@libsql/client/web';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../db/migrate.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { dispatchLeads } from '../../agents/leads/dispatch.ts';
import { submitLead } from '../../agents/leads/submit.ts';
import { withdraw } from '../../agents/leads/withdraw.ts';
import { jobPorts } from '../../functions/deps.ts';
import { createLogger } from '../../functions/logger.ts';
import { startLibsqlServer } from '../support/libsql-server/server.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

const dir = mkdtempSync(join(tmpdir(), 'aif-leads-remote-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('leads over a libSQL server', () => {
  it('stores, marks a duplicate, delivers and withdraws a lead through Hrana', async () => {
    const dbPath = join(dir, 'assistant.db');
    const libsql = await startLibsqlServer({ dbPath, authToken: 'token' });
    const file = createClient({ url: `file:${dbPath}` });
    await runMigrations(file);
    const receiver = await startWebhookReceiver({ secret: 'webhook-secret-0123456789' });
    const client = createWebClient({ url: libsql.url, authToken: 'token' });
    try {
      const env = parseEnv({ DATABASE_URL: libsql.url, LLM_MODE: 'offline', LEAD_WEBHOOK_URL: receiver.url, LEAD_WEBHOOK_SECRET: 'webhook-secret-0123456789' });
      const deps = createDeps(env, client, { log: createLogger('error', () => undefined) });
      const settings = { threshold: 50, retentionDays: 90, baseUrl: 'https://assistant.example.lu' };
      const input = { source: 'form' as const, organisation: 'Sécurité Lëtz', orgType: 'startup' as const, sector: 'cybersécurité', maturity: 'deploying' as const, need: 'Détecter les attaques', contact: { name: 'Noé', email: 'noe@secu.lu' }, lang: 'fr' as const, consent: { version: '2026-11-22' } };
      const first = await submitLead(deps.db, input, { ...settings, now: Date.now() });
      const second = await submitLead(deps.db, { ...input, need: 'Détecter les attaques sur nos serveurs' }, { ...settings, now: Date.now() });
      expect(second.leadId).not.toBe(first.leadId);
      expect((await file.execute({ sql: 'SELECT duplicate_of FROM leads WHERE id = ?', args: [second.leadId] })).rows[0]).toMatchObject({ duplicate_of: first.leadId });
      expect(await dispatchLeads(jobPorts(deps), { random: () => 0.5 })).toMatchObject({ status: 'ran', claimed: 2, delivered: 2 });
      await withdraw(deps.db, first.leadId, new URL(first.withdrawUrl).searchParams.get('token'), Date.now());
      expect(await dispatchLeads(jobPorts(deps), { random: () => 0.5 })).toMatchObject({ status: 'ran', claimed: 1, delivered: 1 });
      const events = [...receiver.processed.values()];
      expect(events.filter((e) => e.leadId === first.leadId).map((e) => [e.event, e.version])).toEqual([
        ['lead.created', 1],
        ['lead.withdrawn', 2],
      ]);
      expect(events.filter((e) => e.leadId === second.leadId).map((e) => [e.event, e.version])).toEqual([['lead.created', 1]]);
      expect(receiver.stats.badSignatures).toBe(0);
      const [lead] = (await file.execute({ sql: 'SELECT status, contact_email FROM leads WHERE id = ?', args: [first.leadId] })).rows;
      expect(lead).toMatchObject({ status: 'withdrawn', contact_email: null });
    } finally {
      client.close();
      file.close();
      await receiver.close();
      await libsql.close();
    }
  });
});
