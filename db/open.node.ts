// Opens the configured database on Node: a libSQL server through @libsql/client, a file through the client that keeps
// its prepared statements (file-client.node.ts), in a folder created first (libSQL will not) and tuned.
import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFileClient } from './file-client.node.ts';

/** The path of a `file:` database URL (`file:data/x.db` or `file:///abs/x.db`); null for a libSQL server. */
export function databaseFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

/**
 * Run on every connection to a file. WAL lets readers run beside the writer, and synchronous=NORMAL skips the fsync on
 * each commit: a killed process still loses no committed row (only a power cut can take the last ones). Several
 * processes may share one file (a second instance, `npm run ingest`), so a writer waits for another instead of
 * failing. Deleted rows are overwritten with zeros, so a purged conversation leaves no readable trace in the file.
 */
export const FILE_PRAGMAS = ['PRAGMA secure_delete = ON', 'PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', 'PRAGMA busy_timeout = 5000'] as const;

export async function openClient(url: string, authToken?: string): Promise<Client> {
  const path = databaseFilePath(url);
  if (path === null) return createClient({ url, authToken });
  mkdirSync(dirname(path), { recursive: true });
  return openFileClient(path, FILE_PRAGMAS);
}
