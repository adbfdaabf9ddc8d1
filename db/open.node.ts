// Opens the configured database on Node: creates the folder of a file: URL first (libSQL will not) and sets a busy timeout.
import { createClient, type Client } from '@libsql/client';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function openClient(url: string, authToken?: string): Promise<Client> {
  if (!url.startsWith('file:')) return createClient({ url, authToken });
  const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
  mkdirSync(dirname(path), { recursive: true });
  const client = createClient({ url });
  // Several processes may share one file (a second instance, `npm run ingest`): wait for the writer, do not fail.
  await client.execute('PRAGMA busy_timeout = 5000');
  return client;
}
