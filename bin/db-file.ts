// What db:backup and db:restore share about a database file: its checksum side file (the format `sha256sum -c`
// reads), the integrity check, and which committed migrations a copy holds.
import { createClient, type Client } from '@libsql/client';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/migrate.ts';

/** The exit codes of both commands: done, refused or failed (nothing changed), wrong arguments or configuration. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** An error whose message is the whole story for the operator; the command prints it and exits with `code`. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.refused,
  ) {
    super(message);
  }
}

export const checksumPath = (file: string): string => `${file}.sha256`;

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Writes `<hex>  <file name>` beside the file, by rename so a reader never sees half of it. */
export function writeChecksum(file: string, hex: string): void {
  const partial = `${checksumPath(file)}.partial`;
  writeFileSync(partial, `${hex}  ${basename(file)}\n`);
  renameSync(partial, checksumPath(file));
}

/** The hex digest recorded for `file`, or null when its side file is missing or holds no digest for it. */
export function readChecksum(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(checksumPath(file), 'utf8');
  } catch {
    return null;
  }
  const match = /^([0-9a-f]{64}) [ *](.+)$/m.exec(text);
  return match && match[2]!.trim() === basename(file) ? match[1]! : null;
}

export const fileClient = (path: string): Client => createClient({ url: `file:${path}` });

/** SQLite's own check of every page, index and constraint: an empty list when the file is sound. */
export async function integrityProblems(client: Client): Promise<string[]> {
  const { rows } = await client.execute('PRAGMA integrity_check');
  const found = rows.map((row) => String(Object.values(row)[0]));
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

/** Migration times (drizzle's `created_at`) recorded in a database; none for a file never migrated. */
export async function appliedMigrations(client: Client): Promise<number[]> {
  const exists = await client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'");
  if (exists.rows.length === 0) return [];
  const { rows } = await client.execute('SELECT created_at FROM __drizzle_migrations ORDER BY created_at');
  return rows.map((row) => Number(row.created_at));
}

/** The times of this release's committed migrations (db/migrations). */
export const committedMigrations = (): number[] => readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis);

/** How many rows the tables people ask about hold, to print beside a backup or a restore. */
export async function rowCounts(client: Client): Promise<Record<string, number>> {
  const tables = ['conversations', 'messages', 'leads'];
  const { rows } = await client.execute(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
  return Object.fromEntries(tables.map((t) => [t, Number(rows[0]![t])]));
}

export const describeCounts = (counts: Record<string, number>): string => Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(', ');
