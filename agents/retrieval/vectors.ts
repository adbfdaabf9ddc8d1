// The vector leg: LangChain's LibSQLVectorStore on libSQL's native vectors; we own its table and index.
import type { Client, InStatement } from '@libsql/client';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document } from '@langchain/core/documents';
import { LibSQLVectorStore } from '@langchain/community/vectorstores/libsql';

export const VECTOR_TABLE = 'chunk_vectors';
export const VECTOR_COLUMN = 'embedding';

/** Statements that (re)create the vector table for a dimension, with libSQL's compressed-neighbour index. */
export function vectorTableStatements(dimension: number): InStatement[] {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 65536) throw new Error(`bad embedding dimension ${dimension}`);
  return [
    `DROP INDEX IF EXISTS idx_${VECTOR_TABLE}_${VECTOR_COLUMN}`,
    `DROP TABLE IF EXISTS ${VECTOR_TABLE}`,
    `CREATE TABLE ${VECTOR_TABLE} (content TEXT NOT NULL, metadata TEXT NOT NULL, ${VECTOR_COLUMN} F32_BLOB(${dimension}) NOT NULL)`,
    `CREATE INDEX idx_${VECTOR_TABLE}_${VECTOR_COLUMN} ON ${VECTOR_TABLE} (libsql_vector_idx(${VECTOR_COLUMN}, 'metric=cosine', 'compress_neighbors=float8', 'max_neighbors=32'))`,
  ];
}

export function createVectorStore(client: Client, embeddings: EmbeddingsInterface): LibSQLVectorStore {
  return new LibSQLVectorStore(embeddings, { db: client, table: VECTOR_TABLE, column: VECTOR_COLUMN });
}

export async function addChunkVectors(store: LibSQLVectorStore, rows: { id: number; text: string }[], vectors: number[][]) {
  await store.addVectors(
    vectors,
    rows.map((row) => new Document({ pageContent: row.text, metadata: { id: row.id } })),
  );
}

/** Chunk ids nearest to a query vector, best first. */
export async function nearestChunkIds(store: LibSQLVectorStore, vector: number[], k: number): Promise<number[]> {
  const hits = await store.similaritySearchVectorWithScore(vector, k);
  return hits.map(([doc]) => Number(doc.metadata.id));
}
