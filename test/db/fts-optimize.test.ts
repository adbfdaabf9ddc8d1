// The full-text index is merged into one b-tree when knowledge is indexed (and once by migration 0019 for databases
// indexed before): written in pieces, FTS5 keeps segments that every query merges again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../agents/retrieval/ingest.ts';
import { createDb } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { OPTIMIZE_FTS } from '../../db/queries/knowledge.ts';
import { knowledgeFile } from '../support/app.ts';
import { fixtureKnowledge } from '../fixtures/knowledge.ts';
import { migrationsBefore } from '../support/migrations.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshClient(): Client {
  const dir = mkdtempSync(join(tmpdir(), 'aif-fts-'));
  dirs.push(dir);
  return createClient({ url: `file:${join(dir, 'assistant.db')}` });
}

/** The index's pages; merging an index that is already one b-tree leaves them as they are. */
const pages = async (client: Client) => (await client.execute('SELECT id, length(block) AS size FROM chunks_fts_data ORDER BY id')).rows.map((row) => `${row.id}:${row.size}`);

async function mergedAlready(client: Client): Promise<boolean> {
  const before = await pages(client);
  await client.execute(OPTIMIZE_FTS);
  return JSON.stringify(await pages(client)) === JSON.stringify(before);
}

describe('the full-text index after indexing', () => {
  it('is one merged b-tree, also after the knowledge changed and was indexed again', async () => {
    const client = freshClient();
    try {
      await runMigrations(client);
      const db = createDb(client);
      await ingestKnowledge(db, fixtureKnowledge);
      // A second indexing deletes every row and writes the new ones: without the merge, old and new segments stay.
      const changed = [...fixtureKnowledge.slice(1), knowledgeFile('contact', 'en', 'Contact', '## Where to start\n\nContact Luxinnovation first: it is the single point of entry.')];
      expect((await ingestKnowledge(db, changed)).changed).toBe(true);
      expect(await mergedAlready(client)).toBe(true);
    } finally {
      client.close();
    }
  });

  it('is merged by migration 0019 in a database indexed in pieces before it', async () => {
    const client = freshClient();
    const { dir } = migrationsBefore('0019_fts_optimize');
    dirs.push(dir);
    try {
      const db = createDb(client);
      await migrate(db, { migrationsFolder: dir });
      await ingestKnowledge(db, fixtureKnowledge);
      // Rows written one transaction at a time, as an index could be built before 0019, leave a segment each.
      for (const [i, word] of ['alpha', 'beta', 'gamma'].entries()) {
        await client.execute({ sql: "INSERT INTO chunks_fts (rowid, lang, title, headings, body) VALUES (?, 'en', ?, '', ?)", args: [100_000 + i, word, word] });
      }
      await client.execute('DELETE FROM chunks_fts WHERE rowid = 100000');
      const fragmented = await pages(client);
      await runMigrations(client);
      expect(await pages(client)).not.toEqual(fragmented);
      expect(await mergedAlready(client)).toBe(true);
    } finally {
      client.close();
    }
  });
});
