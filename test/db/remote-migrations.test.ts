// `npm run ingest` against a libSQL server migrates it over Hrana, where every statement must be sent alone: a
// migration file with two statements and no breakpoint ran its first one on a local file and failed on a server.
import { createClient } from '@libsql/client/web';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OllamaEmbeddings } from '@langchain/ollama';
import { describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../agents/retrieval/ingest.ts';
import { loadKnowledge } from '../../agents/retrieval/knowledge-snapshot.ts';
import { createDb } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { fixtureKnowledge } from '../fixtures/knowledge.ts';
import { startLibsqlServer } from '../support/libsql-server/server.ts';
import { startOllamaStandIn } from '../support/ollama/server.ts';

describe('a new libSQL server database', () => {
  it('is migrated and indexed over Hrana, vectors included, as npm run ingest does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-remote-'));
    const server = await startLibsqlServer({ dbPath: join(dir, 'assistant.db') });
    const ollama = await startOllamaStandIn({ models: ['bge-m3'], embeddingOnlyModels: ['bge-m3'], embeddingDimensions: 1024 });
    const client = createClient({ url: server.url });
    try {
      await runMigrations(client);
      const tables = (await client.execute("SELECT name FROM sqlite_master WHERE name LIKE 'chunks_fts%' AND type = 'table'")).rows.map((row) => String(row.name));
      expect(tables).toContain('chunks_fts_instance');
      expect(tables).not.toContain('chunks_fts_vocab');

      const db = createDb(client);
      const report = await ingestKnowledge(db, fixtureKnowledge, { embedder: { model: 'bge-m3', embeddings: new OllamaEmbeddings({ model: 'bge-m3', baseUrl: ollama.url, maxRetries: 0 }) } });
      expect(report).toMatchObject({ chunks: 12, embedded: { model: 'bge-m3', dimension: 1024 } });
      // Vectors read back over HTTP are the float32 values stored, not their bytes.
      const knowledge = await loadKnowledge(db);
      const lb = knowledge.vectors.get('lb')!;
      expect(lb.ids.length).toBe(3);
      expect(lb.dimension).toBe(1024);
      const norms = lb.ids.map((_, row) => Math.hypot(...lb.unit.subarray(row * 1024, (row + 1) * 1024)));
      for (const norm of norms) expect(norm).toBeCloseTo(1, 5);
    } finally {
      client.close();
      await server.close();
      await ollama.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
