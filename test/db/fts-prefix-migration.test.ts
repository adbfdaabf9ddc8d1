// Migration 0018 rebuilds the FTS table with prefix indexes for every stem length: a database indexed before it keeps
// its index (copied, not emptied), answers the same searches, and is not indexed again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../agents/retrieval/ingest.ts';
import { rememberKnowledge } from '../../agents/retrieval/knowledge-snapshot.ts';
import { searchKnowledge } from '../../agents/retrieval/search.ts';
import { createDb } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { fixtureKnowledge } from '../fixtures/knowledge.ts';
import { migrationsBefore } from '../support/migrations.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const migrationsUpTo = (tag: string) => {
  const { dir, count } = migrationsBefore(tag);
  dirs.push(dir);
  expect(count).toBeGreaterThan(0);
  return dir;
};

describe('migration 0018 (FTS prefix indexes for stems of 4 to 7 characters)', () => {
  it('keeps an indexed database’s index and its answers, without indexing it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-db-'));
    dirs.push(dir);
    const client = createClient({ url: `file:${join(dir, 'assistant.db')}` });
    try {
      const db = createDb(client);
      await migrate(db, { migrationsFolder: migrationsUpTo('0018_fts_stem_prefixes') });
      await ingestKnowledge(db, fixtureKnowledge);
      const ddl = async () => String((await client.execute("SELECT sql FROM sqlite_master WHERE name = 'chunks_fts'")).rows[0]!.sql);
      expect(await ddl()).toContain("prefix = '4'");
      const queries = [
        { query: 'Rechenleistung des Supercomputers', lang: 'de' },
        { query: 'training courses', lang: 'en' },
        { query: 'financement des projets', lang: 'fr' },
      ] as const;
      const answers = async () =>
        Promise.all(queries.map(async (q) => (await searchKnowledge({ db, knowledge: rememberKnowledge(db) }, { ...q, k: 3 })).map((r) => `${r.chunkId} ${r.score}`)));
      const before = await answers();
      expect(before.flat().length).toBeGreaterThan(0);

      await runMigrations(client);
      expect(await ddl()).toContain("prefix = '4 5 6 7'");
      expect(Number((await client.execute('SELECT count(*) FROM chunks_fts')).rows[0]![0])).toBe(12);
      expect(await answers()).toEqual(before);
      expect((await ingestKnowledge(db, fixtureKnowledge)).changed).toBe(false);
      // The vocabulary the answer decision counts reads the new table under the old name.
      expect(Number((await client.execute("SELECT count(*) FROM chunks_fts_instance WHERE term = 'training'")).rows[0]![0])).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  });
});
