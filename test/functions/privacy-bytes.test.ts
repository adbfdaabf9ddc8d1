// Privacy proven on the bytes: personal data a teacher types never reaches the database file or its log, and a
// purged conversation leaves no trace in either.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../agents/jobs/runner.ts';
import { jobPorts } from '../../functions/deps.ts';
import { makeApp } from '../support/app.ts';

const DAY = 86_400_000;
let clock = Date.UTC(2026, 11, 1, 9, 0);
let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' }, now: () => clock, files: [] });
});
afterAll(() => made.dispose());

/** Every byte of the database file and its write-ahead log, as Latin-1 text so any stored string can be found. */
const rawBytes = () =>
  ['assistant.db', 'assistant.db-wal']
    .map((name) => join(made.db.dir, name))
    .filter(existsSync)
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
// UTF-8 text as it lies on disk, read back as Latin-1.
const onDisk = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const PLANTED = ['anna.muller@example.lu', '+352 621 123 456', 'LU28 0019 4006 4475 0000', '1985031512371', '12, rue de la Gare', 'Ferdinand'];

describe('the teachers’ assistant on the bytes', () => {
  it('stores none of the personal data planted in messages, in the file or its log', async () => {
    const message = `Mein Schüler Ferdinand (Mail anna.muller@example.lu, Telefon +352 621 123 456, IBAN LU28 0019 4006 4475 0000, Matrikel 1985031512371, wohnt 12, rue de la Gare) versteht KI nicht. Wie erkläre ich maschinelles Lernen?`;
    const response = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message, assistant: 'education', lang: 'de' }) });
    expect(response.status).toBe(200);
    const bytes = rawBytes();
    expect(bytes).toContain(onDisk('[email]'));
    for (const secret of PLANTED) expect(bytes, secret).not.toContain(onDisk(secret));
  });

  it('leaves no trace of a conversation after its 24-hour purge', async () => {
    // Letters only: a random UUID's digits can read as a phone number ("86227509-…" did) and be redacted away.
    const marker = `Unterrichtsidee Zebrafisch ${crypto.randomUUID().replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
    const response = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: marker, assistant: 'education', lang: 'de' }) });
    const { conversationId } = (await response.json()) as { conversationId: string };
    expect(rawBytes()).toContain(onDisk(marker));
    clock += DAY + 60_000;
    const outcome = await runJob(jobPorts(made.deps), 'purge-retention');
    expect(outcome).toMatchObject({ status: 'ran', result: { checkpointed: true } });
    const bytes = rawBytes();
    expect(bytes).not.toContain(onDisk(marker));
    expect(bytes).not.toContain(conversationId);
  });
});
