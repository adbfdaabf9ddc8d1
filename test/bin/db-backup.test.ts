// `npm run db:backup` and `npm run db:restore`, each run as its own process against the real app's database file:
// a backup taken while conversations and leads keep arriving restores into a new file holding every one that was
// stored before it began and nothing half-written; a quiet backup restores exactly; a damaged backup, a backup
// without its checksum and a target another process has open are refused; an older backup is migrated.
import { createClient, type Client } from '@libsql/client';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.ts';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { makeApp } from '../support/app.ts';
import { runCli } from './run-cli.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
const work = mkdtempSync(join(tmpdir(), 'aif-backup-'));
const opened: Client[] = [];
beforeAll(async () => {
  made = await makeApp();
});
afterAll(() => {
  for (const client of opened) client.close();
  made.dispose();
  rmSync(work, { recursive: true, force: true });
});

const backup = (dir: string, env: Record<string, string> = { DATABASE_URL: made.db.url }) => runCli('bin/db-backup.ts', [dir], env);
const restore = (args: string[]) => runCli('bin/db-restore.ts', args, { DATABASE_URL: made.db.url });
const writtenFile = (stdout: string) => /^backup written: (\S+) /m.exec(stdout)?.[1] ?? '';

type Stored = { kind: 'conversation' | 'lead'; id: string; at: number };

async function storeConversation(n: number): Promise<Stored> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ message: `What does the AI Factory offer to an SME with project ${n}?`, lang: 'en' }),
  });
  expect(response.status).toBe(200);
  return { kind: 'conversation', id: ((await response.json()) as { conversationId: string }).conversationId, at: Date.now() };
}

async function storeLead(n: number): Promise<Stored> {
  const response = await made.app.request('/api/leads', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organisation: `Backup ${n} SARL`,
      orgType: 'sme',
      sector: 'Cybersécurité',
      maturity: 'deploying',
      need: 'Nous voulons détecter les intrusions sur notre réseau avec un modèle entraîné sur nos journaux',
      contact: { name: `Personne ${n}`, email: `backup${n}@example.lu` },
      lang: 'fr',
      consent: { given: true, version: '2026-11-22' },
    }),
  });
  expect(response.status).toBe(201);
  return { kind: 'lead', id: ((await response.json()) as { leadId: string }).leadId, at: Date.now() };
}

/** Stores a conversation and a lead in turn until stopped, as visitors would while the backup runs. */
function keepWriting(from: number) {
  const stored: Stored[] = [];
  let running = true;
  const done = (async () => {
    for (let n = from; running; n++) {
      stored.push(await (n % 2 ? storeConversation(n) : storeLead(n)));
      // The file client answers synchronously: without a turn of the event loop the backup's exit is never seen.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return { stored, stop: async () => ((running = false), await done) };
}

async function ids(client: Client, table: 'conversations' | 'leads'): Promise<Set<string>> {
  return new Set((await client.execute(`SELECT id FROM ${table}`)).rows.map((row) => String(row.id)));
}

const openFile = (path: string) => {
  const client = createClient({ url: `file:${path}` });
  opened.push(client);
  return client;
};

const idsOf = (stored: Stored[], kind: Stored['kind']) => stored.filter((s) => s.kind === kind).map((s) => s.id);
const count = async (client: Client, sql: string) => Number((await client.execute(sql)).rows[0]!.n);

describe('npm run db:backup, then npm run db:restore', () => {
  it('backs up while the app writes, and the restore holds every conversation and lead stored before, whole', async () => {
    const seeded: Stored[] = [];
    for (let n = 0; n < 30; n++) seeded.push(await (n % 2 ? storeConversation(n) : storeLead(n)));

    const writer = keepWriting(1000);
    const startedAt = Date.now();
    const taken = await backup(join(work, 'live'), { DATABASE_URL: made.db.url, BACKUP_DIR: join(work, 'the-argument-wins') });
    const endedAt = Date.now();
    await writer.stop();
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    const file = writtenFile(taken.stdout);
    const during = writer.stored.filter((s) => s.at > startedAt && s.at < endedAt);
    console.log('BACKUP-UNDER-WRITES', JSON.stringify({ seeded: seeded.length, storedWhileTheBackupRan: during.length, storedInAll: writer.stored.length, output: taken.stdout.trim() }));
    expect(during.length).toBeGreaterThan(0);

    // The side file is what sha256sum writes, and matches the file.
    expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${basename(file)}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(file.startsWith(join(work, 'live', 'assistant-'))).toBe(true);

    const into = join(work, 'restored-live', 'assistant.db');
    const restored = await restore([file, '--to', `file:${into}`]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/integrity ok; 0 migration\(s\) applied\)$/m);

    const copy = openFile(into);
    const before = seeded.concat(writer.stored.filter((s) => s.at < startedAt));
    const acknowledged = seeded.concat(writer.stored);
    for (const [kind, table] of [['conversation', 'conversations'], ['lead', 'leads']] as const) {
      const found = await ids(copy, table);
      // Everything stored before the backup began is there; nothing is there that the app never stored.
      for (const id of idsOf(before, kind)) expect(found, `${kind} ${id}`).toContain(id);
      for (const id of found) expect(idsOf(acknowledged, kind)).toContain(id);
    }
    // One snapshot: every message has its conversation, every lead its outbox row, every outbox row its lead.
    expect(await count(copy, 'SELECT count(*) AS n FROM messages WHERE conversation_id NOT IN (SELECT id FROM conversations)')).toBe(0);
    expect(await count(copy, 'SELECT count(*) AS n FROM leads WHERE id NOT IN (SELECT lead_id FROM outbox)')).toBe(0);
    expect(await count(copy, 'SELECT count(*) AS n FROM outbox WHERE lead_id NOT IN (SELECT id FROM leads)')).toBe(0);
    expect((await copy.execute('PRAGMA integrity_check')).rows[0]).toEqual({ integrity_check: 'ok' });
  });

  it('restores a backup taken at rest (into BACKUP_DIR: no directory given) to exactly the same conversations and leads, counts and ids', async () => {
    const taken = await runCli('bin/db-backup.ts', [], { DATABASE_URL: made.db.url, BACKUP_DIR: join(work, 'quiet') });
    expect(taken.code).toBe(0);
    expect(writtenFile(taken.stdout).startsWith(join(work, 'quiet', 'assistant-'))).toBe(true);
    const into = join(work, 'restored-quiet.db');
    expect((await restore([writtenFile(taken.stdout), '--to', into])).code).toBe(0);
    const copy = openFile(into);
    for (const table of ['conversations', 'leads'] as const) {
      const [source, restored] = [await ids(made.db.client, table), await ids(copy, table)];
      expect(restored.size).toBeGreaterThan(0);
      expect(restored).toEqual(source);
    }
    for (const table of ['messages', 'outbox', 'events']) expect(await count(copy, `SELECT count(*) AS n FROM ${table}`)).toBe(await count(made.db.client, `SELECT count(*) AS n FROM ${table}`));
  });

  it('refuses a damaged backup (checksum mismatch) and one without its checksum, changing nothing', async () => {
    const taken = await backup(join(work, 'to-damage'));
    const file = writtenFile(taken.stdout);
    const damaged = join(work, 'damaged', basename(file));
    cpSync(file, damaged);
    cpSync(`${file}.sha256`, `${damaged}.sha256`);
    const bytes = readFileSync(damaged);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const into = join(work, 'never-written.db');

    const refused = await restore([damaged, '--to', into]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/checksum mismatch: .* is damaged or was changed since its backup; nothing was changed/);
    expect(existsSync(into)).toBe(false);

    rmSync(`${damaged}.sha256`);
    const unchecked = await restore([damaged, '--to', into]);
    expect(unchecked.code).toBe(1);
    expect(unchecked.stderr).toMatch(/no checksum for/);
    expect(existsSync(into)).toBe(false);
  });

  it('refuses to restore over a database another process has open or a job used moments ago, and with --force keeps the replaced one beside it', async () => {
    const taken = await backup(join(work, 'over-live'));
    const conversations = await count(made.db.client, 'SELECT count(*) AS n FROM conversations');
    const refused = await restore([writtenFile(taken.stdout)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/looks in use \(another process has it open\): stop every instance that uses it and try again, or pass --force/);
    expect(await count(made.db.client, 'SELECT count(*) AS n FROM conversations')).toBe(conversations);

    // A file no process holds open, but on which a job ran moments ago: an instance on another machine may use it.
    const recent = join(work, 'recent', 'assistant.db');
    cpSync(writtenFile(taken.stdout), recent);
    await openFile(recent).execute({ sql: "INSERT INTO job_leases (name, lease_until, last_run_at) VALUES ('probe-llm', 0, ?)", args: [Date.now()] });
    const ranRecently = await restore([writtenFile(taken.stdout), '--to', recent]);
    expect(ranRecently.code).toBe(1);
    expect(ranRecently.stderr).toMatch(/looks in use \(a job ran on it \d+ s ago\)/);

    // An operator who knows better: a file this test holds open in WAL mode, with a row only in its WAL.
    const held = join(work, 'held', 'assistant.db');
    cpSync(writtenFile(taken.stdout), held);
    const holder = openFile(held);
    await holder.execute('PRAGMA journal_mode = WAL');
    await holder.execute("INSERT INTO rate_salts (day, salt) VALUES ('1999-01-01', 'only-in-the-replaced-file')");
    const forced = await restore([writtenFile(taken.stdout), '--to', held, '--force']);
    expect(forced.code).toBe(0);
    const aside = /kept as (\S+): delete it once the service is checked/.exec(forced.stdout)?.[1] ?? '';
    expect(existsSync(`${aside}-wal`)).toBe(true);
    expect(await count(openFile(held), "SELECT count(*) AS n FROM rate_salts WHERE day = '1999-01-01'")).toBe(0);
    expect(await count(openFile(aside), "SELECT count(*) AS n FROM rate_salts WHERE day = '1999-01-01'")).toBe(1);
  });

  it('refuses a libSQL server and bad arguments with usage errors', async () => {
    expect(await backup(join(work, 'remote'), { DATABASE_URL: 'http://127.0.0.1:9/' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/libSQL server: back it up on the server/) });
    expect(await runCli('bin/db-backup.ts', ['a', 'b'], { DATABASE_URL: made.db.url })).toMatchObject({ code: 2, stderr: expect.stringMatching(/at most one directory/) });
    expect(await restore([join(work, 'missing.db')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/the backup file does not exist/) });
  });

  it('brings a backup from an older release up to this release\'s migrations, and refuses one from a newer release', async () => {
    // A database made by the release before the latest migration: the committed migrations but the last.
    const folder = join(work, 'older-migrations');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    const all = journal.entries.length;
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    const older = join(work, 'older.db');
    const client = openFile(older);
    await migrate(createDb(client), { migrationsFolder: folder });
    expect(await count(client, 'SELECT count(*) AS n FROM __drizzle_migrations')).toBe(all - 1);

    const taken = await backup(join(work, 'older-backups'), { DATABASE_URL: `file:${older}` });
    expect(taken.code).toBe(0);
    const into = join(work, 'older-restored.db');
    const restored = await restore([writtenFile(taken.stdout), '--to', into]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/1 migration\(s\) applied/);
    expect(await count(openFile(into), 'SELECT count(*) AS n FROM __drizzle_migrations')).toBe(all);

    // The other way round: a backup from a release with a migration this one lacks is refused.
    const newer = join(work, 'newer', 'assistant-newer.db');
    cpSync(writtenFile(taken.stdout), newer);
    const copy = openFile(newer);
    await copy.execute("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-a-later-release', 99999999999999)");
    writeFileSync(`${newer}.sha256`, `${createHash('sha256').update(readFileSync(newer)).digest('hex')}  ${basename(newer)}\n`);
    const refused = await restore([newer, '--to', join(work, 'newer-restored.db')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds 1 migration\(s\) this release does not have: restore it with the release that made it/);
    expect(existsSync(join(work, 'newer-restored.db'))).toBe(false);
  });
});
