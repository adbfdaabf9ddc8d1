// Opens the configured database on Node: creates the folder of a file: URL first (libSQL will not) and tunes it.
import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function openClient(url: string, authToken?: string): Promise<Client> {
  if (!url.startsWith('file:')) return createClient({ url, authToken });
  const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
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
