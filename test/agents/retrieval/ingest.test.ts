import { OllamaEmbeddings } from '@langchain/ollama';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestKnowledge } from '../../../agents/retrieval/ingest.ts';
import { storedEmbedding } from '../../../db/queries/knowledge.ts';
import { searchKnowledge } from '../../../agents/retrieval/search.ts';
import { GENERATION_CHECK_MS, rememberKnowledge } from '../../../agents/retrieval/knowledge-snapshot.ts';
import { nearestEntries } from '../../../agents/retrieval/nearest.ts';
import { fixtureKnowledge } from '../../fixtures/knowledge.ts';
import { knowledgeFile, makeDb, type TestDb } from '../../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../../support/ollama/server.ts';

let db: TestDb | undefined;
let ollama: OllamaStandIn | undefined;
afterEach(async () => {
  db?.dispose();
  await ollama?.close();
  db = undefined;
  ollama = undefined;
});

const embedder = (url: string, model = 'bge-m3') => ({ model, embeddings: new OllamaEmbeddings({ model, baseUrl: url, maxRetries: 0 }) });
const count = async (sql: string) => Number((await db!.client.execute(sql)).rows[0]![0]);

describe('ingestKnowledge', () => {
  it('indexes documents, heading-aware chunks and the FTS table, and skips unchanged knowledge', async () => {
    db = await makeDb();
    const first = await ingestKnowledge(db.drizzle, fixtureKnowledge);
    expect(first).toMatchObject({ documents: 12, chunks: 12, languages: ['de', 'en', 'fr', 'lb'], changed: true, embedded: null });
    expect(await count('SELECT count(*) FROM chunks_fts')).toBe(12);
    const row = (await db.client.execute("SELECT heading_path, title FROM chunks WHERE chunk_id = 'training:lb:0'")).rows[0]!;
    expect(JSON.parse(String(row.heading_path))).toEqual(['Coursen']);
    expect(row.title).toBe('Formatiounen');

    expect((await ingestKnowledge(db.drizzle, fixtureKnowledge)).changed).toBe(false);
    const edited = [...fixtureKnowledge.slice(1), knowledgeFile('funding', 'en', 'Funding', '## Grants\n\nNew text about grants.')];
    const second = await ingestKnowledge(db.drizzle, edited);
    expect(second.changed).toBe(true);
    expect((await db.client.execute("SELECT text FROM chunks WHERE chunk_id = 'funding:en:0'")).rows[0]!.text).toBe('New text about grants.');
    expect(await count('SELECT count(*) FROM chunks_fts')).toBe(12);
  });

  it('rejects a document with bad front matter and keeps the previous index', async () => {
    db = await makeDb();
    await ingestKnowledge(db.drizzle, fixtureKnowledge);
    const broken = [...fixtureKnowledge, { path: 'en/bad.md', content: '---\nid: Bad Id\n---\ntext' }];
    await expect(ingestKnowledge(db.drizzle, broken)).rejects.toThrow(/en\/bad\.md: invalid front matter/);
    expect(await count('SELECT count(*) FROM chunks')).toBe(12);
  });

  it('embeds every chunk on an Ollama host, records model and dimension, and re-embeds when the model changes', async () => {
    ollama = await startOllamaStandIn({ models: ['bge-m3', 'nomic-embed-text'], embeddingOnlyModels: ['bge-m3', 'nomic-embed-text'], embeddingDimensions: 1024 });
    db = await makeDb();
    const report = await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });
    expect(report.embedded).toEqual({ model: 'bge-m3', dimension: 1024 });
    expect(await storedEmbedding(db.drizzle)).toEqual({ model: 'bge-m3', dimension: 1024 });
    expect(await count('SELECT count(*) FROM chunk_vectors')).toBe(12);
    const embedCalls = () => ollama!.requests.filter((r) => r.path === '/api/embed').length;
    const before = embedCalls();

    // Unchanged knowledge and model: one probe for the dimension, no re-embedding.
    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });
    expect(embedCalls()).toBe(before + 1);

    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url, 'nomic-embed-text') });
    expect(await storedEmbedding(db.drizzle)).toEqual({ model: 'nomic-embed-text', dimension: 1024 });
    const sent = ollama.requests.filter((r) => r.path === '/api/embed').at(-1)!.body as { model: string; input: string[] };
    expect(sent.model).toBe('nomic-embed-text');
  });

  it('drops stale vectors when the knowledge changes and no model is there to redo them', async () => {
    ollama = await startOllamaStandIn();
    db = await makeDb();
    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });
    await ingestKnowledge(db.drizzle, fixtureKnowledge.slice(1));
    expect(await storedEmbedding(db.drizzle)).toBeNull();
    expect(await count("SELECT count(*) FROM sqlite_master WHERE name = 'chunk_vectors'")).toBe(0);
  });
});

describe('searchKnowledge (hybrid)', () => {
  it('finds by meaning through the vector leg where no word matches, and degrades to lexical when the host fails', async () => {
    ollama = await startOllamaStandIn();
    db = await makeDb();
    const { embeddings } = embedder(ollama.url);
    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });

    // "Rechenleeschtung" is only in the Luxembourgish chunk's heading; the stand-in's embeddings share its tokens.
    const knowledge = rememberKnowledge(db.drizzle);
    const hybrid = await searchKnowledge({ db: db.drizzle, knowledge, embeddings }, { query: 'Rechenleeschtung Supercomputer', lang: 'lb', k: 3 });
    expect(hybrid[0]).toMatchObject({ docId: 'supercomputer', lang: 'lb' });
    const lexicalOnly = await searchKnowledge({ db: db.drizzle, knowledge }, { query: 'Rechenleeschtung Supercomputer', lang: 'lb', k: 3 });
    expect(hybrid[0]!.score).toBeGreaterThan(lexicalOnly[0]!.score);

    ollama.setFault({ status500: true });
    const degraded = await searchKnowledge({ db: db.drizzle, knowledge, embeddings }, { query: 'Rechenleeschtung Supercomputer', lang: 'lb', k: 3 });
    expect(degraded.map((r) => r.chunkId)).toEqual(lexicalOnly.map((r) => r.chunkId));
  });

  it('keeps the vector leg within a scope of documents, nearest first', async () => {
    ollama = await startOllamaStandIn();
    db = await makeDb();
    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });
    const vector = await embedder(ollama.url).embeddings.embedQuery('Rechenleeschtung Supercomputer');
    const lb = (await rememberKnowledge(db.drizzle)()).vectors.get('lb')!;
    expect(nearestEntries(lb, vector, 3)[0]).toMatchObject({ docId: 'supercomputer' });
    const outside = nearestEntries(lb, vector, 3, (docId) => !docId.startsWith('super'));
    expect(outside.map((r) => r.docId).sort()).toEqual(['funding', 'training']);
    const within = nearestEntries(lb, vector, 1, (docId) => ['train', 'super'].some((prefix) => docId.startsWith(prefix)));
    expect(within).toEqual([expect.objectContaining({ docId: 'supercomputer' })]);
  });

  it('holds the index in memory until ingestion writes a new version of it', async () => {
    ollama = await startOllamaStandIn();
    db = await makeDb();
    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });
    let clock = 0;
    const knowledge = rememberKnowledge(db.drizzle, () => clock);
    const first = await knowledge();
    expect(first.rows.size).toBe(12);
    expect([...first.vectors.keys()].sort()).toEqual(['de', 'en', 'fr', 'lb']);
    // Unchanged knowledge and model: the same snapshot, not read again.
    await ingestKnowledge(db.drizzle, fixtureKnowledge, { embedder: embedder(ollama.url) });
    expect(await knowledge()).toBe(first);

    const edited = [...fixtureKnowledge.slice(1), knowledgeFile('funding', 'en', 'Funding', '## Grants\n\nNew text about grants.')];
    await ingestKnowledge(db.drizzle, edited, { embedder: embedder(ollama.url) });
    // The generation is read again once a second, not by every search.
    expect(await knowledge()).toBe(first);
    clock += GENERATION_CHECK_MS;
    const second = await knowledge();
    expect([...second.rows.values()].find((row) => row.chunkId === 'funding:en:0')?.text).toBe('New text about grants.');
    const found = await searchKnowledge({ db: db.drizzle, knowledge, embeddings: embedder(ollama.url).embeddings }, { query: 'grants', lang: 'en', k: 1 });
    expect(found[0]).toMatchObject({ docId: 'funding', text: 'New text about grants.' });

    // Knowledge indexed again without a model drops the vectors, and the snapshot with them.
    await ingestKnowledge(db.drizzle, fixtureKnowledge);
    clock += GENERATION_CHECK_MS;
    expect((await knowledge()).vectors.size).toBe(0);
  });
});
