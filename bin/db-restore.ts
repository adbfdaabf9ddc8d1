// `npm run db:restore -- <backup.db> [--to file:<path>] [--force]`: puts a backup made by db:backup in place of the
// file database (DATABASE_URL, or --to). It refuses a backup whose sha256 side file is missing or does not match,
// and a target that looks in use (another process has it open, or a job ran on it in the last 2 minutes) unless
// --force. The backup is copied next to the target, checked, brought up to this release's migrations, and only
// then renamed over the target, so the target is either the old database or the whole restored one; the old file
// is kept beside it.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { runMigrations } from '../db/migrate.ts';
import { databaseFilePath } from '../db/open.node.ts';
import { EnvError, parseEnv } from '../functions/env.ts';
import { CommandError, EXIT, appliedMigrations, committedMigrations, describeCounts, fileClient, integrityProblems, readChecksum, rowCounts, sha256File } from './db-file.ts';

const USAGE = 'usage: npm run db:restore -- <backup.db> [--to file:<path>] [--force]   (default target: DATABASE_URL)';
/** A Node server records a job run every 30 s and workerd's timers every minute: a run this recent means an instance. */
const RECENT_JOB_MS = 2 * 60_000;

const ArgsSchema = z.object({
  backup: z.string().min(1).refine(existsSync, 'the backup file does not exist'),
  to: z.string().min(1).optional(),
  force: z.boolean().default(false),
});
type Args = z.infer<typeof ArgsSchema>;

function parseCommandLine(argv: string[]): Args {
  let parsed: { values: { to?: string; force?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { to: { type: 'string' }, force: { type: 'boolean' } } });
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, EXIT.usage);
  }
  if (parsed.positionals.length !== 1) throw new CommandError(`give exactly one backup file\n${USAGE}`, EXIT.usage);
  const args = ArgsSchema.safeParse({ backup: parsed.positionals[0], ...parsed.values });
  if (!args.success) throw new CommandError(`${args.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n${USAGE}`, EXIT.usage);
  return args.data;
}

function targetPath(to: string | undefined): string {
  const url = to ?? parseEnv(process.env).DATABASE_URL;
  const path = url.startsWith('file:') ? databaseFilePath(url) : /^[a-z]+:/i.test(url) ? null : url;
  if (path === null) throw new CommandError('the target is a libSQL server: restore it on the server (docs/runbook.md, "A libSQL server").', EXIT.usage);
  return resolve(path);
}

/** Why the target looks in use, or null. Only a file no other process has open can leave WAL mode. */
async function inUse(path: string, now: number): Promise<string | null> {
  if (!existsSync(path)) return null;
  const client = fileClient(path);
  try {
    await client.execute('PRAGMA busy_timeout = 0');
    const leases = await client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'job_leases'");
    if (leases.rows.length > 0) {
      const { rows } = await client.execute('SELECT max(coalesce(last_run_at, 0)) AS ran, max(lease_until) AS leased FROM job_leases');
      const ran = Number(rows[0]?.ran ?? 0);
      const leased = Number(rows[0]?.leased ?? 0);
      if (leased > now) return `a job holds a lease on it until ${new Date(leased).toISOString()}`;
      if (now - ran < RECENT_JOB_MS) return `a job ran on it ${Math.round((now - ran) / 1000)} s ago`;
    }
    const mode = String(Object.values((await client.execute('PRAGMA journal_mode')).rows[0] ?? {})[0]);
    if (mode === 'wal') {
      try {
        await client.execute('PRAGMA journal_mode = DELETE');
      } catch {
        return 'another process has it open';
      }
    }
    return null;
  } finally {
    client.close();
  }
}

const fsyncPath = (path: string) => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Copies the backup to `temp`, checks the copy, and migrates it; returns what the restored database holds. */
async function prepareCopy(backup: string, expected: string, temp: string) {
  copyFileSync(backup, temp);
  fsyncPath(temp);
  if ((await sha256File(temp)) !== expected) throw new CommandError('the copy differs from the backup (a disk or copy error); nothing was changed');
  const client = fileClient(temp);
  try {
    // Every change below goes into the file itself, not a WAL beside it that the rename would leave behind.
    await client.execute('PRAGMA journal_mode = DELETE');
    const problems = await integrityProblems(client);
    if (problems.length > 0) throw new CommandError(`the backup fails its integrity check: ${problems.slice(0, 5).join('; ')}`);
    const committed = new Set(committedMigrations());
    const before = await appliedMigrations(client);
    const unknown = before.filter((at) => !committed.has(at));
    if (unknown.length > 0) throw new CommandError(`the backup holds ${unknown.length} migration(s) this release does not have: restore it with the release that made it`);
    await runMigrations(client);
    const migrated = (await appliedMigrations(client)).length - before.length;
    return { migrated, counts: await rowCounts(client) };
  } finally {
    client.close();
  }
}

/** Moves the current database (and its WAL) aside and renames `temp` over it; returns where the old one went. */
function swapIn(temp: string, target: string, stamp: string): string | null {
  let aside: string | null = null;
  if (existsSync(target)) {
    aside = `${target}.replaced-${stamp}`;
    renameSync(target, aside);
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${aside}-wal`);
  }
  rmSync(`${target}-shm`, { force: true });
  renameSync(temp, target);
  fsyncPath(dirname(target));
  return aside;
}

async function main(): Promise<void> {
  const args = parseCommandLine(process.argv.slice(2));
  const target = targetPath(args.to);
  const expected = readChecksum(args.backup);
  if (expected === null) throw new CommandError(`no checksum for ${args.backup} (expected ${basename(args.backup)}.sha256 beside it, as db:backup writes it); nothing was changed`);
  if ((await sha256File(args.backup)) !== expected) throw new CommandError(`checksum mismatch: ${args.backup} is damaged or was changed since its backup; nothing was changed`);
  if (resolve(args.backup) === target) throw new CommandError('the backup and the target are the same file', EXIT.usage);
  if (!args.force) {
    const why = await inUse(target, Date.now());
    if (why) throw new CommandError(`${target} looks in use (${why}): stop every instance that uses it and try again, or pass --force; nothing was changed`);
  }

  const stamp = new Date().toISOString().replace(/[-:]/g, '');
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
  try {
    const { migrated, counts } = await prepareCopy(args.backup, expected, temp);
    const aside = swapIn(temp, target, stamp);
    console.log(
      `restored ${resolve(args.backup)} into ${target} (${describeCounts(counts)}; integrity ok; ${migrated} migration(s) applied)` +
        (aside ? `; the database it replaced is kept as ${aside}: delete it once the service is checked` : ''),
    );
  } finally {
    rmSync(temp, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    const known = error instanceof CommandError || error instanceof EnvError;
    console.error(`db:restore: ${known ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`}`);
    process.exitCode = error instanceof CommandError ? error.code : error instanceof EnvError ? EXIT.usage : EXIT.refused;
  }
}
