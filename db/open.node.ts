// Opens the configured database on Node: creates the folder of a file: URL first (libSQL will not) and tunes it.
import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of a `file:` database URL (`file:data/x.db` or `file:///abs/x.db`); null for a libSQL server. */
export function databaseFilePath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
}

export async function openClient(url: string, authToken?: string): Promise<Client> {
  const path = databaseFilePath(url);
  if (path === null) return createClient({ url, authToken });
  mkdirSync(dirname(path), { recursive: true });
  const client = createClient({ url });
  await tuneFileDatabase(client);
  return client;
}

/**
 * WAL lets readers run beside the writer, and synchronous=NORMAL skips the fsync on each commit: a killed process
 * still loses no committed row (only a power cut can take the last ones). Several processes may share one file
 * (a second instance, `npm run ingest`), so a writer waits for another instead of failing.
 */
export async function tuneFileDatabase(client: Client): Promise<void> {
  // Deleted rows are overwritten with zeros, so a purged conversation leaves no readable trace in the file.
  await client.execute('PRAGMA secure_delete = ON');
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = NORMAL');
  await client.execute('PRAGMA busy_timeout = 5000');
}
