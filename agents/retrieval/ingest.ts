// Ingestion: knowledge files → documents, chunks, FTS rows and (when a model answers) vectors, in one swap.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Db } from '../../db/client.ts';
import { chunksToEmbed, dropVectors, knowledgeCounts, readSettings, replaceKnowledge, storeVectors, type IndexedChunk, type IndexedDocument } from '../../db/queries/knowledge.ts';
import { chunkDocument, parseDocument, type Chunk, type KnowledgeDocument } from './document.ts';
import { normaliseForIndex } from './normalise.ts';

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
const INDEX_VERSION = '6';
const EMBED_BATCH = 64;

export function knowledgeHash(files: KnowledgeFile[]): string {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const text = [INDEX_VERSION, ...sorted.map((file) => `${file.path}\u0000${file.content}`)].join('\u0001');
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function checkConsistency(docs: KnowledgeDocument[]) {
  const seen = new Set<string>();
  for (const doc of docs) {
    const key = `${doc.id}:${doc.lang}`;
    if (seen.has(key)) throw new Error(`duplicate document ${key}`);
    seen.add(key);
  }
}

const indexedDocument = (doc: KnowledgeDocument): IndexedDocument => ({
  docId: doc.id,
  lang: doc.lang,
  title: doc.title,
  audience: doc.audience,
  source: doc.source,
  url: doc.url ?? null,
  updated: doc.updated,
  review: doc.review,
  contentHash: knowledgeHash([{ path: doc.id, content: doc.body }]),
});

const indexedChunk = (chunk: Chunk): IndexedChunk => ({
  ...chunk,
  fts: { title: normaliseForIndex(chunk.title, chunk.lang), headings: normaliseForIndex(chunk.headingPath.join(' '), chunk.lang), body: normaliseForIndex(chunk.text, chunk.lang) },
});

async function embedAll(db: Db, embedder: Embedder): Promise<{ model: string; dimension: number }> {
  const rows = await chunksToEmbed(db);
  // The title and headings give a short section its subject, which the embedding needs as much as BM25 does.
  const texts = rows.map((row) => `${row.title}\n${row.headingPath.join(' > ')}\n${row.text}`);
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) vectors.push(...(await embedder.embeddings.embedDocuments(texts.slice(i, i + EMBED_BATCH))));
  const dimension = vectors[0]?.length ?? 0;
  if (rows.length && vectors.some((vector) => vector.length !== dimension)) throw new Error('embedding model returned vectors of mixed dimensions');
  await storeVectors(db, rows, vectors, embedder.model, dimension);
  return { model: embedder.model, dimension };
}

export async function ingestKnowledge(
  db: Db,
  files: KnowledgeFile[],
  options: { embedder?: Embedder | null; force?: boolean } = {},
): Promise<IngestReport> {
  const hash = knowledgeHash(files);
  const settings = await readSettings(db);
  const changed = options.force === true || settings.get('knowledge_hash') !== hash;

  if (changed) {
    const docs = files.map((file) => parseDocument(file.content, file.path));
    checkConsistency(docs);
    const chunks = (await Promise.all(docs.map(chunkDocument))).flat();
    await replaceKnowledge(db, docs.map(indexedDocument), chunks.map(indexedChunk), hash);
  }

  let embedded: IngestReport['embedded'] = null;
  const vectorsCurrent =
    !changed &&
    options.embedder !== undefined &&
    options.embedder !== null &&
    settings.get('embed_model') === options.embedder.model &&
    // A model re-pulled under the same name may change its dimension; one probe vector tells.
    (await options.embedder.embeddings.embedQuery('dimension probe')).length === Number(settings.get('embed_dim'));
  if (options.embedder && !vectorsCurrent) embedded = await embedAll(db, options.embedder);
  else if (options.embedder) embedded = { model: options.embedder.model, dimension: Number(settings.get('embed_dim')) };
  else if (changed) {
    // Old vectors describe old chunks; without a model to redo them, lexical search alone is the honest choice.
    await dropVectors(db);
  }

  return { ...(await knowledgeCounts(db)), changed, embedded };
}
