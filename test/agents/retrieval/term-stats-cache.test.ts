import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../../../agents/retrieval/knowledge-files.node.ts';
import { rememberTermStats } from '../../../agents/retrieval/term-stats-cache.ts';
import { chunkFrequencies } from '../../../db/queries/knowledge.ts';
import type { DocumentScope } from '../../../db/queries/scope.ts';
import { makeDb, type TestDb } from '../../support/app.ts';

let db: TestDb;
beforeAll(async () => {
  db = await makeDb();
  await ingestKnowledge(db.drizzle, await readKnowledgeFiles());
});
afterAll(() => db.dispose());

const PUBLIC: DocumentScope = { prefixes: ['edu-'], exclude: true };

describe('rememberTermStats', () => {
  it('answers as the database does, reading only the prefixes it has not seen until the knowledge is indexed again', async () => {
    let generation = {};
    const asked: string[][] = [];
    const stats = rememberTermStats(async (prefixes, lang, scope) => {
      asked.push(prefixes);
      return chunkFrequencies(db.drizzle, prefixes, lang, scope);
    }, async () => generation);

    const first = await stats(['meluxin', 'pilla'], 'en', PUBLIC);
    expect(first).toEqual(await chunkFrequencies(db.drizzle, ['meluxin', 'pilla'], 'en', PUBLIC));
    expect(first.byPrefix.get('meluxin')).toBeGreaterThan(0);

    const second = await stats(['pilla', 'traini'], 'en', PUBLIC);
    expect(second).toEqual(await chunkFrequencies(db.drizzle, ['pilla', 'traini'], 'en', PUBLIC));
    expect(asked).toEqual([['meluxin', 'pilla'], ['traini']]);

    // Another language or scope is counted apart.
    expect(await stats(['pilla'], 'fr', PUBLIC)).toEqual(await chunkFrequencies(db.drizzle, ['pilla'], 'fr', PUBLIC));
    expect(await stats(['pilla'], 'en')).toEqual(await chunkFrequencies(db.drizzle, ['pilla'], 'en'));
    expect(asked).toHaveLength(4);

    await stats(['pilla'], 'en', PUBLIC);
    expect(asked).toHaveLength(4);
    generation = {};
    await stats(['pilla', 'meluxin'], 'en', PUBLIC);
    expect(asked.at(-1)).toEqual(['pilla', 'meluxin']);
    await stats(['meluxin'], 'en', PUBLIC);
    expect(asked).toHaveLength(5);
  });
});

describe('chunkFrequencies', () => {
  it('counts the chunks of a language and scope holding each prefix, in one statement, as the index has them', async () => {
    const counted = await chunkFrequencies(db.drizzle, ['meluxin', 'pilla', 'zzzqx', 'meluxin'], 'en', PUBLIC);
    const { rows } = await db.client.execute({ sql: "SELECT count(*) AS n FROM chunks WHERE lang = 'en' AND doc_id NOT LIKE 'edu-%'", args: [] });
    expect(counted.total).toBe(Number(rows[0]!.n));
    const holding = async (word: string) =>
      Number((await db.client.execute({ sql: "SELECT count(*) AS n FROM chunks c JOIN chunks_fts f ON f.rowid = c.id WHERE c.lang = 'en' AND c.doc_id NOT LIKE 'edu-%' AND chunks_fts MATCH ?", args: [`"${word}"*`] })).rows[0]!.n);
    expect([...counted.byPrefix]).toEqual([['meluxin', await holding('meluxin')], ['pilla', await holding('pilla')], ['zzzqx', 0]]);
    expect(counted.byPrefix.get('pilla')).toBeGreaterThan(0);
    expect(await chunkFrequencies(db.drizzle, [], 'en', PUBLIC)).toEqual({ total: counted.total, byPrefix: new Map() });
  });
});
