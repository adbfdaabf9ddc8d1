// The tables and columns of a libSQL database as SQLite itself lists them, and the full schema the app builds: the
// committed migrations plus the vector tables that ingestion creates once an embedding model answers.
import type { Client } from '@libsql/client';
import { runMigrations } from '../../db/migrate.ts';
import { vectorTableStatements } from '../../db/queries/vectors.ts';
import type { SchemaTable } from './check.ts';

// bge-m3's dimension, the default EMBED_MODEL; the dimension changes the column types, never their names.
const EMBEDDING_DIMENSION = 1024;
// The catalogue of the schema is not a table the app keeps data in.
const CATALOGUE = new Set(['sqlite_schema', 'sqlite_temp_schema']);

/** Every table of the main schema with its visible columns (an FTS5 table's hidden columns are SQLite's, not ours). */
export async function readSchema(client: Client): Promise<SchemaTable[]> {
  const list = await client.execute("SELECT name, type FROM pragma_table_list WHERE schema = 'main' ORDER BY name");
  const tables: SchemaTable[] = [];
  for (const row of list.rows) {
    const name = String(row.name);
    if (CATALOGUE.has(name)) continue;
    const info = await client.execute({ sql: 'SELECT name FROM pragma_table_info(?)', args: [name] });
    tables.push({ name, kind: String(row.type) as SchemaTable['kind'], columns: info.rows.map((column) => String(column.name)) });
  }
  return tables;
}

/** Builds on an empty database every table the app may hold: the migrations, then the vector tables. */
export async function buildFullSchema(client: Client): Promise<void> {
  await runMigrations(client);
  await client.batch(vectorTableStatements(EMBEDDING_DIMENSION), 'write');
}
