// Staff replies by e-mail outside office hours, end to end over HTTP and real SMTP: the offer with its versioned
// consent, the visitor's address, a staff reply queued with it, the send-mail job delivering it to an SMTP server on
// 127.0.0.1 (smtp-server), and nothing of it left once sent. Without SMTP_URL nothing is offered and the route says 409.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { parseEnv } from '../../functions/env.ts';
import { makeApp } from '../support/app.ts';

// Saturday 5 December 2026, 11:00 in Luxembourg: staff are off until Monday (STAFF_HOURS default).
const SATURDAY_11 = Date.UTC(2026, 11, 5, 10, 0);
const JOBS_TOKEN = 'jobs-token-for-the-mail-tests';
const BOUNCING = 'nobody@bounce.example';

type Received = { to: string[]; from: string; raw: string };
type Made = Awaited<ReturnType<typeof makeApp>>;
type Reply = { conversationId: string; conversationToken: string; answer: string; actions: { type: string; open?: boolean; email?: { consent: { version: string; text: string; label: string } } }[] };

let received: Received[] = [];
let smtp: SMTPServer;
let made: Made;
let plain: Made;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onRcptTo: (address, _session, callback) => callback(address.address === BOUNCING ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  made = await makeApp({ env: { SMTP_URL: `smtp://assistant:secret-password@127.0.0.1:${port}`, SMTP_FROM: 'assistant@ai-factory.lu', JOBS_TOKEN }, now: () => SATURDAY_11 });
  plain = await makeApp({ env: { JOBS_TOKEN }, now: () => SATURDAY_11 });
  await saveAccount(made.deps, { email: 'anna@ai-factory.lu', name: 'Anna Weber', role: 'reviewer', lang: 'lb' }, 'correct horse battery', 'test');
});
afterAll(async () => {
  made?.dispose();
  plain?.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function visitor(m: Made, message: string, conversation?: Reply, lang = 'lb'): Promise<Reply> {
  const response = await m.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang, ...(conversation ? { authorization: `Bearer ${conversation.conversationToken}` } : {}) },
    body: JSON.stringify({ message, ...(conversation ? { conversationId: conversation.conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Reply;
}

const notify = (m: Made, conversation: Reply, body: unknown) =>
  m.app.request(`/api/conversations/${conversation.conversationId}/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.conversationToken}` },
    body: JSON.stringify(body),
  });
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const runJob = async (m: Made, name: string) => {
  const response = await m.app.request(`/internal/jobs/${name}`, { method: 'POST', headers: { authorization: `Bearer ${JOBS_TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; result: Record<string, unknown> };
};
const t = (m: Made, lang: 'en' | 'lb', key: string, options?: Record<string, unknown>) => m.deps.i18n.forLang(lang)(key, options);
const outbox = async (m: Made, conversationId: string) =>
  (await m.db.client.execute({ sql: 'SELECT status, recipient, subject, body, attempts, last_error, next_attempt_at, sent_at FROM mail_outbox WHERE conversation_id = ?', args: [conversationId] })).rows;

async function login(m: Made, email: string, password: string) {
  const response = await m.app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (path: string, body?: unknown) =>
    m.app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
}

/** The text part of a received mail, decoded (nodemailer writes quoted-printable or base64). */
function mailText(raw: string): string {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

describe('SMTP_URL and SMTP_FROM', () => {
  it('needs a sender address with a mail server, and an smtp(s) URL', () => {
    expect(() => parseEnv({ SMTP_URL: 'smtp://u:p@mail.example.lu:587' })).toThrow(/SMTP_FROM: required when SMTP_URL is set/);
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example.lu', SMTP_FROM: 'a@example.lu' })).toThrow(/SMTP_URL/);
    expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.lu:465', SMTP_FROM: 'a@example.lu' })).toMatchObject({ SMTP_FROM: 'a@example.lu' });
  });
});

describe('a staff reply by e-mail outside office hours', () => {
  it('offers the e-mail with its consent, stores the address, and mails the staff reply once, keeping no copy', async () => {
    const asked = await visitor(made, 'Ech wëll mat engem Mataarbechter schwätzen');
    const consent = { version: t(made, 'lb', 'chat:notify.consent.version'), text: t(made, 'lb', 'chat:notify.consent.text'), label: t(made, 'lb', 'chat:notify.consent.label') };
    expect(asked.actions).toEqual([expect.objectContaining({ type: 'escalated', open: false, email: { consent } })]);
    expect(asked.answer).toContain(t(made, 'lb', 'chat:notify.offer'));

    // The widget's button says the same (the conversation already waits).
    const button = await made.app.request(`/api/conversations/${asked.conversationId}/escalate`, { method: 'POST', headers: { authorization: `Bearer ${asked.conversationToken}` } });
    expect(await button.json()).toMatchObject({ status: 'escalated', open: false, email: { consent } });

    const noConsent = await notify(made, asked, { email: 'visitor@example.lu' });
    expect(noConsent.status).toBe(400);
    expect(await errorCode(noConsent)).toBe('consent_required');
    const unticked = await notify(made, asked, { email: 'visitor@example.lu', consent: { given: false, version: consent.version } });
    expect(await errorCode(unticked)).toBe('consent_required');
    const outdated = await notify(made, asked, { email: 'visitor@example.lu', consent: { given: true, version: '2020-01-01' } });
    expect(await errorCode(outdated)).toBe('consent_required');
    const badAddress = await notify(made, asked, { email: 'not an address', consent: { given: true, version: consent.version } });
    expect(badAddress.status).toBe(400);
    expect(await errorCode(badAddress)).toBe('email_invalid');
    const stranger = await made.app.request(`/api/conversations/${asked.conversationId}/notify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@example.lu', consent: { given: true, version: consent.version } }) });
    expect(stranger.status).toBe(403);

    const stored = await notify(made, asked, { email: 'visitor@example.lu', consent: { given: true, version: consent.version } });
    expect(stored.status).toBe(204);
    const row = (await made.db.client.execute({ sql: 'SELECT notify_email, notify_consent_version FROM conversations WHERE id = ?', args: [asked.conversationId] })).rows[0]!;
    expect(row).toMatchObject({ notify_email: 'visitor@example.lu', notify_consent_version: consent.version });
    expect(made.logs.join('\n')).not.toContain('visitor@example.lu');

    const anna = await login(made, 'anna@ai-factory.lu', 'correct horse battery');
    expect((await anna(`/api/staff/conversations/${asked.conversationId}/claim`)).status).toBe(200);
    const answer = 'Moien, ech sinn d’Anna. Mir ruffen Iech e Méindeg un.';
    expect((await anna(`/api/staff/conversations/${asked.conversationId}/messages`, { text: answer })).status).toBe(201);
    expect(await outbox(made, asked.conversationId)).toEqual([expect.objectContaining({ status: 'pending', recipient: 'visitor@example.lu', attempts: 0 })]);

    received = [];
    expect(await runJob(made, 'send-mail')).toMatchObject({ status: 'ran', result: { sent: 1, retrying: 0, failed: 0 } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: ['visitor@example.lu'], from: 'assistant@ai-factory.lu' });
    const text = mailText(received[0]!.raw);
    expect(text).toContain(answer);
    expect(text).toContain(t(made, 'lb', 'chat:notify.mail.intro', { name: 'Anna' }));
    expect(text).toContain(t(made, 'lb', 'chat:notify.mail.footer'));
    expect(text).not.toContain('Weber');

    const [sent] = await outbox(made, asked.conversationId);
    expect(sent).toMatchObject({ status: 'sent', recipient: null, body: null, sent_at: SATURDAY_11 });
    // Idempotent: a second run sends nothing more.
    expect(await runJob(made, 'send-mail')).toMatchObject({ result: { sent: 0 } });
    expect(received).toHaveLength(1);

    // Deleting the conversation deletes its mails too.
    const deleted = await made.app.request(`/api/conversations/${asked.conversationId}`, { method: 'DELETE', headers: { authorization: `Bearer ${asked.conversationToken}` } });
    expect(deleted.status).toBe(204);
    expect(await outbox(made, asked.conversationId)).toEqual([]);
  });

  it('keeps a refused mail for another attempt later, recording only the SMTP code', async () => {
    const asked = await visitor(made, 'I would like to talk to a person', undefined, 'en');
    const version = t(made, 'en', 'chat:notify.consent.version');
    expect((await notify(made, asked, { email: BOUNCING, consent: { given: true, version } })).status).toBe(204);
    const anna = await login(made, 'anna@ai-factory.lu', 'correct horse battery');
    expect((await anna(`/api/staff/conversations/${asked.conversationId}/claim`)).status).toBe(200);
    expect((await anna(`/api/staff/conversations/${asked.conversationId}/messages`, { text: 'Hello from Anna.' })).status).toBe(201);

    received = [];
    expect(await runJob(made, 'send-mail')).toMatchObject({ result: { sent: 0, retrying: 1, failed: 0 } });
    expect(received).toEqual([]);
    expect(await outbox(made, asked.conversationId)).toEqual([
      expect.objectContaining({ status: 'pending', recipient: BOUNCING, attempts: 1, last_error: 'smtp_550', next_attempt_at: SATURDAY_11 + 60_000 }),
    ]);
    expect(made.logs.join('\n')).not.toContain(BOUNCING);
    // Not due yet: the clock has not moved, so the next run leaves it alone.
    expect(await runJob(made, 'send-mail')).toMatchObject({ result: { sent: 0, retrying: 0 } });
  });

  it('answers 409 when the conversation does not wait for staff', async () => {
    const opened = await visitor(made, 'Wat ass MeluXina-AI?');
    const response = await notify(made, opened, { email: 'visitor@example.lu', consent: { given: true, version: t(made, 'lb', 'chat:notify.consent.version') } });
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('conversation_not_waiting');
  });
});

describe('without SMTP_URL', () => {
  it('offers no e-mail, the route answers 409 notify_unavailable, and the job waits for a mailer', async () => {
    const asked = await visitor(plain, 'Ech wëll mat engem Mataarbechter schwätzen');
    expect(asked.actions).toEqual([expect.objectContaining({ type: 'escalated', open: false })]);
    expect(asked.actions[0]).not.toHaveProperty('email');
    expect(asked.answer).not.toContain(t(plain, 'lb', 'chat:notify.offer'));
    const response = await notify(plain, asked, { email: 'visitor@example.lu', consent: { given: true, version: t(plain, 'lb', 'chat:notify.consent.version') } });
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe('notify_unavailable');
    expect(await runJob(plain, 'send-mail')).toMatchObject({ status: 'ran', result: { status: 'waiting', reason: 'no_mailer' } });
  });
});
