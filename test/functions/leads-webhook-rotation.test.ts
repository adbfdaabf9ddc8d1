// Rotating the lead webhook secret through the real delivery path: with LEAD_WEBHOOK_SECRET_NEXT set, each POST
// carries a signature per secret, so a receiver that knows only the old secret and one that already knows only the
// new one both accept; once the rotation ends (the next secret becomes the secret), the old one is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchLeads } from '../../agents/leads/dispatch.ts';
import { jobPorts } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { makeApp } from '../support/app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const OLD = 'old-webhook-secret-0123456789';
const NEW = 'new-webhook-secret-9876543210';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(secret: string): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver({ secret });
  cleanups.push(() => started.close());
  return started;
}

const leadBody = (n: number) => ({
  organisation: `Rotation ${n} SARL`,
  orgType: 'sme',
  sector: 'Cybersécurité',
  maturity: 'deploying',
  need: 'Nous voulons détecter les intrusions sur notre réseau avec un modèle entraîné sur nos journaux',
  contact: { name: `Personne ${n}`, email: `rotation${n}@example.lu` },
  lang: 'fr',
  consent: { given: true, version: '2026-11-22' },
});

describe('lead webhook secret rotation', () => {
  it('is accepted by a receiver on the old secret and by one on the new secret while both sign, and by the old one no more afterwards', async () => {
    const [onOld, onNew] = [await receiver(OLD), await receiver(NEW)];
    const made = await makeApp({ env: { LEAD_WEBHOOK_URL: onOld.url, LEAD_WEBHOOK_SECRET: OLD, LEAD_WEBHOOK_SECRET_NEXT: NEW } });
    cleanups.push(() => made.dispose());
    // One lead per stage; each dispatch sends what is due, so each lead goes to the receiver its stage points at.
    const submit = async (n: number) => {
      const response = await made.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(leadBody(n)) });
      expect(response.status).toBe(201);
      return ((await response.json()) as { leadId: string }).leadId;
    };
    const dispatchTo = (target: WebhookReceiver, env: Record<string, string | undefined>) => dispatchLeads(jobPorts({ ...made.deps, env: { ...made.deps.env, LEAD_WEBHOOK_URL: target.url, ...env } }));

    const first = await submit(1);
    expect(await dispatchTo(onOld, {})).toMatchObject({ status: 'ran', delivered: 1, failed: 0 });
    const second = await submit(2);
    expect(await dispatchTo(onNew, {})).toMatchObject({ status: 'ran', delivered: 1, failed: 0 });
    expect([...onOld.processed.values()].map((e) => e.leadId)).toEqual([first]);
    expect([...onNew.processed.values()].map((e) => e.leadId)).toEqual([second]);
    expect(onOld.stats.badSignatures + onNew.stats.badSignatures).toBe(0);

    // The rotation is over: the new secret is the secret. A receiver left on the old one refuses, and the delivery
    // fails at once (401 is not retried) until it is retried by hand.
    const third = await submit(3);
    expect(await dispatchTo(onOld, { LEAD_WEBHOOK_SECRET: NEW, LEAD_WEBHOOK_SECRET_NEXT: undefined })).toMatchObject({ status: 'ran', delivered: 0, failed: 1 });
    expect(onOld.stats.badSignatures).toBe(1);
    expect((await made.db.client.execute({ sql: 'SELECT status, last_error FROM outbox WHERE lead_id = ?', args: [third] })).rows[0]).toMatchObject({ status: 'failed', last_error: 'http_401' });
  });

  it('refuses a next secret without a current one, and a next secret shorter than 16 characters', () => {
    expect(() => parseEnv({ LEAD_WEBHOOK_SECRET_NEXT: NEW })).toThrow(/LEAD_WEBHOOK_SECRET_NEXT: needs LEAD_WEBHOOK_SECRET/);
    expect(() => parseEnv({ LEAD_WEBHOOK_SECRET: OLD, LEAD_WEBHOOK_SECRET_NEXT: 'short' })).toThrow(/LEAD_WEBHOOK_SECRET_NEXT/);
    expect(parseEnv({ LEAD_WEBHOOK_SECRET: OLD, LEAD_WEBHOOK_SECRET_NEXT: NEW }).LEAD_WEBHOOK_SECRET_NEXT).toBe(NEW);
  });
});
