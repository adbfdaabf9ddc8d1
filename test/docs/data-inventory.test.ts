// docs/data-inventory.md against a real libSQL file built from the committed migrations (and the vector tables that
// ingestion adds): every table and column is described and nothing that is gone; a column added to a copy of the
// database, a column or table dropped from it, and a malformed entry are each named; `npm run docs:inventory` agrees.
import { createClient, type Client } from '@libsql/client';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInventory, type SchemaTable } from '../../bin/data-inventory/check.ts';
import { buildFullSchema, readSchema } from '../../bin/data-inventory/schema.ts';

const inventory = readFileSync(new URL('../../docs/data-inventory.md', import.meta.url), 'utf8');

let dir: string;
let client: Client;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aif-inventory-test-'));
  client = createClient({ url: `file:${join(dir, 'assistant.db')}` });
  await buildFullSchema(client);
});
afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(script: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('docs/data-inventory.md', () => {
  it('describes every table and column of a freshly migrated database, and nothing that is gone', async () => {
    const schema = await readSchema(client);
    const byName = new Map(schema.map((table) => [table.name, table]));
    // The listing really holds the awkward cases: FTS5 and its shadow tables, the vector tables, drizzle's own table.
    expect(byName.get('chunks_fts')?.kind).toBe('virtual');
    expect(byName.get('chunks_fts')?.columns).toEqual(['lang', 'title', 'headings', 'body']);
    expect(byName.get('chunks_fts_data')?.kind).toBe('shadow');
    expect(byName.get('chunk_vectors')?.columns).toEqual(['id', 'embedding']);
    expect(byName.get('__drizzle_migrations')?.columns).toEqual(['id', 'hash', 'created_at']);
    expect(byName.get('conversations')?.columns).toContain('notify_email');

    expect(checkInventory(inventory, schema)).toEqual([]);
  });

  it('names a column or table added to a copy of the database, and entries whose column or table was dropped', async () => {
    const path = join(dir, 'copy.db');
    await client.execute({ sql: 'VACUUM INTO ?', args: [path] });
    const copy = createClient({ url: `file:${path}` });
    try {
      await copy.batch(
        [
          'ALTER TABLE conversations ADD COLUMN visitor_ip text',
          'ALTER TABLE feedback DROP COLUMN comment',
          'CREATE TABLE visitor_profiles (id text PRIMARY KEY, interests text)',
          'DROP TABLE rate_salts',
        ],
        'write',
      );
      expect(checkInventory(inventory, await readSchema(copy))).toEqual([
        'column `conversations.visitor_ip` is not described',
        'table `visitor_profiles` (id, interests) is not described',
        'column `feedback.comment` is described, but no such column exists',
        '`rate_salts` is described, but no such table exists',
      ]);
    } finally {
      copy.close();
    }
  });

  it('names an entry that leaves out a field, judges personal data with neither yes nor no, or writes a column wrong', () => {
    const schema: SchemaTable[] = [{ name: 'notes', kind: 'table', columns: ['id', 'text', 'author'] }];
    const entry = [
      '### `notes`',
      '',
      '- **Purpose:** notes staff keep.',
      '- **Personal data:** perhaps',
      '- **Retention:** a day.',
      '',
      '| column | what it holds | personal data |',
      '|---|---|---|',
      '| `id` | key | no |',
      '| text | the note | yes — free text |',
      '| `author` | who wrote it | depends |',
      '| `author` | who wrote it | yes — a name |',
    ].join('\n');
    expect(checkInventory(entry, schema)).toEqual([
      '`notes`: the column "text" must be written as code, e.g. `id`',
      'column `notes.text` is not described',
      '`notes`: "Legal basis" is missing',
      '`notes`: "Who can read it" is missing',
      '`notes`: "Personal data" must begin with yes or no',
      'column `notes.author`: "personal data" must begin with yes or no',
      'column `notes.author` is described twice',
    ]);
  });

  it('npm run docs:inventory passes on the committed inventory and says how much it checked', async () => {
    const schema = await readSchema(client);
    const described = schema.filter((table) => table.kind !== 'shadow');
    const columns = described.reduce((sum, table) => sum + table.columns.length, 0);
    expect(await run('bin/data-inventory.ts')).toEqual({
      code: 0,
      out: `docs/data-inventory.md describes all ${described.length} tables and ${columns} columns (FTS5 shadow tables under their virtual table)\n`,
    });
  });
});
