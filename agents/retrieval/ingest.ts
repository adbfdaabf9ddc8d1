// Ingestion: knowledge files → documents, chunks, FTS rows and (when a model answers) vectors, in one swap.
import type { Client, InStatement } from '@libsql/client';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { readSettings } from '../../db/queries/knowledge.ts';
import { chunkDocument, parseDocument, type Chunk, type KnowledgeDocument } from './document.ts';
import { normaliseForIndex } from './normalise.ts';
import { BITS_TABLE, insertVectorStatements, vectorTableStatements, VECTOR_TABLE } from './vectors.ts';

export type KnowledgeFile = { path: string; content: string };
export type Embedder = { model: string; embeddings: EmbeddingsInterface };
export type IngestReport = {
  documents: number;
  chunks: number;
  languages: string[];
  changed: boolean;
  embedded: { model: string; dimension: number } | null;
};

// Bump when chunking or normalisation changes, so existing databases are re-indexed.
const INDEX_VERSION = '3';
const EMBED_BATCH = 64;

export function knowledgeHash(files: KnowledgeFile[]): string {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const text = [INDEX_VERSION, ...sorted.map((file) => `${file.path}\u0000${file.content}`)].join('\u0001');
  return bytesToHex(sha256(utf8ToBytes(text)));
}

const setting = (key: string, value: string): InStatement => ({
  sql: 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  args: [key, value],
});

function checkConsistency(docs: KnowledgeDocument[]) {
  const seen = new Set<string>();
  for (const doc of docs) {
    const key = `${doc.id}:${doc.lang}`;
    if (seen.has(key)) throw new Error(`duplicate document ${key}`);
    seen.add(key);
  }
}

function indexStatements(docs: KnowledgeDocument[], chunks: Chunk[], hash: string): InStatement[] {
  const statements: InStatement[] = ['DELETE FROM chunks_fts', 'DELETE FROM chunks', 'DELETE FROM documents'];
  for (const doc of docs) {
    statements.push({
      sql: 'INSERT INTO documents (doc_id, lang, title, audience, source, url, updated, review, content_hash) VALUES (?,?,?,?,?,?,?,?,?)',
      args: [doc.id, doc.lang, doc.title, JSON.stringify(doc.audience), JSON.stringify(doc.source), doc.url ?? null, doc.updated, doc.review, knowledgeHash([{ path: doc.id, content: doc.body }])],
    });
  }
  for (const chunk of chunks) {
    statements.push({
      sql: 'INSERT INTO chunks (chunk_id, doc_id, lang, title, heading_path, text, position) VALUES (?,?,?,?,?,?,?)',
      args: [chunk.chunkId, chunk.docId, chunk.lang, chunk.title, JSON.stringify(chunk.headingPath), chunk.text, chunk.position],
    });
    statements.push({
      sql: 'INSERT INTO chunks_fts (rowid, lang, title, headings, body) SELECT id, lang, ?, ?, ? FROM chunks WHERE chunk_id = ?',
      args: [normaliseForIndex(chunk.title, chunk.lang), normaliseForIndex(chunk.headingPath.join(' '), chunk.lang), normaliseForIndex(chunk.text, chunk.lang), chunk.chunkId],
    });
  }
  statements.push(setting('knowledge_hash', hash));
  return statements;
}

async function embedAll(client: Client, embedder: Embedder): Promise<{ model: string; dimension: number }> {
  const rows = (await client.execute('SELECT id, lang, title, heading_path, text FROM chunks ORDER BY id')).rows.map((row) => ({
    id: Number(row.id),
    lang: String(row.lang),
    // The title and headings give a short section its subject, which the embedding needs as much as BM25 does.
    text: `${row.title}\n${(JSON.parse(String(row.heading_path)) as string[]).join(' > ')}\n${row.text}`,
  }));
  const vectors: number[][] = [];
  for (let i = 0; i < rows.length; i += EMBED_BATCH) {
    vectors.push(...(await embedder.embeddings.embedDocuments(rows.slice(i, i + EMBED_BATCH).map((row) => row.text))));
  }
  const dimension = vectors[0]?.length ?? 0;
  if (rows.length && vectors.some((vector) => vector.length !== dimension)) throw new Error('embedding model returned vectors of mixed dimensions');
  await client.batch(
    [
      ...vectorTableStatements(dimension || 1024),
      ...rows.flatMap((row, i) => insertVectorStatements(row.id, row.lang, vectors[i]!)),
      setting('embed_model', embedder.model),
      setting('embed_dim', String(dimension)),
    ],
    'write',
  );
  return { model: embedder.model, dimension };
}

export async function ingestKnowledge(
  client: Client,
  files: KnowledgeFile[],
  options: { embedder?: Embedder | null; force?: boolean } = {},
): Promise<IngestReport> {
  const hash = knowledgeHash(files);
  const settings = await readSettings(client);
  const changed = options.force === true || settings.get('knowledge_hash') !== hash;

  if (changed) {
    const docs = files.map((file) => parseDocument(file.content, file.path));
    checkConsistency(docs);
    const chunks = (await Promise.all(docs.map(chunkDocument))).flat();
    await client.batch(indexStatements(docs, chunks, hash), 'write');
  }

  let embedded: IngestReport['embedded'] = null;
  const vectorsCurrent =
    !changed &&
    options.embedder !== undefined &&
    options.embedder !== null &&
    settings.get('embed_model') === options.embedder.model &&
    // A model re-pulled under the same name may change its dimension; one probe vector tells.
    (await options.embedder.embeddings.embedQuery('dimension probe')).length === Number(settings.get('embed_dim'));
  if (options.embedder && !vectorsCurrent) embedded = await embedAll(client, options.embedder);
  else if (options.embedder) embedded = { model: options.embedder.model, dimension: Number(settings.get('embed_dim')) };
  else if (changed) {
    // Old vectors describe old chunks; without a model to redo them, lexical search alone is the honest choice.
    await client.batch([`DROP TABLE IF EXISTS ${VECTOR_TABLE}`, `DROP TABLE IF EXISTS ${BITS_TABLE}`, "DELETE FROM settings WHERE key IN ('embed_model', 'embed_dim')"], 'write');
  }

  const counts = await client.execute('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM chunks) AS chunks');
  const langs = await client.execute('SELECT DISTINCT lang FROM documents ORDER BY lang');
  return {
    documents: Number(counts.rows[0]?.documents ?? 0),
    chunks: Number(counts.rows[0]?.chunks ?? 0),
    languages: langs.rows.map((row) => String(row.lang)),
    changed,
    embedded,
  };
}
