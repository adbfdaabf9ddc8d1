// `npm run db:backup -- [dir]`: a consistent copy of the file database (DATABASE_URL file:…) taken while the server
// keeps writing. VACUUM INTO reads one snapshot in a read transaction, which in WAL mode blocks no writer; the copy
// lands in dir (else BACKUP_DIR, else data/backups/) as <name>-<UTC time>.db, is checked with PRAGMA
// integrity_check, and gets a sha256 side file that `npm run db:restore` (and `sha256sum -c`) verifies.
// A libSQL server (sqld) is backed up on the server: docs/runbook.md.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { databaseFilePath } from '../db/open.node.ts';
import { EnvError, parseEnv } from '../functions/env.ts';
import { CommandError, EXIT, describeCounts, fileClient, integrityProblems, rowCounts, sha256File, writeChecksum } from './db-file.ts';

const USAGE = 'usage: npm run db:backup -- [directory]   (default: $BACKUP_DIR, else data/backups/)';
const DEFAULT_BACKUP_DIR = 'data/backups';

const ArgsSchema = z.object({
  positionals: z.array(z.string().min(1)).max(1, 'give at most one directory'),
  BACKUP_DIR: z.string().min(1).optional(),
});

function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): { dir: string } {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} }));
  } catch (error) {
    throw new CommandError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, EXIT.usage);
  }
  const parsed = ArgsSchema.safeParse({ positionals, BACKUP_DIR: env.BACKUP_DIR || undefined });
  if (!parsed.success) throw new CommandError(`${parsed.error.issues.map((issue) => issue.message).join('; ')}\n${USAGE}`, EXIT.usage);
  return { dir: parsed.data.positionals[0] ?? parsed.data.BACKUP_DIR ?? DEFAULT_BACKUP_DIR };
}

/** `assistant-20261130T074012.345Z.db`: sorts by time, and two backups in one second do not collide. */
const backupName = (source: string, at: Date): string => `${basename(source, extname(source))}-${at.toISOString().replace(/[-:]/g, '')}${extname(source) || '.db'}`;

async function main(): Promise<void> {
  const { dir } = parseCommandLine(process.argv.slice(2), process.env);
  const env = parseEnv(process.env);
  const source = databaseFilePath(env.DATABASE_URL);
  if (source === null) throw new CommandError('DATABASE_URL is a libSQL server: back it up on the server (docs/runbook.md, "A libSQL server").', EXIT.usage);
  // Opening a missing file would create an empty database and back that up.
  if (!existsSync(source)) throw new CommandError(`no database at ${source}`, EXIT.usage);

  // A backup holds conversations and contact data: readable by the operator's account only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = resolve(join(dir, backupName(source, new Date())));
  const partial = `${target}.partial`;
  const client = fileClient(source);
  try {
    // The server may hold the write lock for a moment; the snapshot itself never waits for writers.
    await client.execute('PRAGMA busy_timeout = 5000');
    const started = performance.now();
    await client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
    const snapshotMs = Math.round(performance.now() - started);

    const copy = fileClient(partial);
    let counts: Record<string, number>;
    try {
      const problems = await integrityProblems(copy);
      if (problems.length > 0) throw new CommandError(`the copy failed its integrity check, nothing kept: ${problems.slice(0, 5).join('; ')}`);
      counts = await rowCounts(copy);
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    const hex = await sha256File(partial);
    renameSync(partial, target);
    writeChecksum(target, hex);
    const megabytes = (statSync(target).size / 1_048_576).toFixed(1);
    console.log(`backup written: ${target} (${megabytes} MB, ${describeCounts(counts)}; integrity ok; sha256 ${hex}; snapshot ${snapshotMs} ms)`);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    const known = error instanceof CommandError || error instanceof EnvError;
    console.error(`db:backup: ${known ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`}`);
    process.exitCode = error instanceof CommandError ? error.code : error instanceof EnvError ? EXIT.usage : EXIT.refused;
  }
}
