// Runs the committed drizzle migrations (Node only: the migrator reads db/migrations from disk).
import type { Client } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { fileURLToPath } from 'node:url';
import { createDb } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(client: Client): Promise<void> {
  await migrate(createDb(client), { migrationsFolder: MIGRATIONS_FOLDER });
}
