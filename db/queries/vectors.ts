// The chunk vectors in libSQL's native float32 column; the vector leg ranks them in memory (agents/retrieval/nearest.ts,
// README: why not libSQL's DiskANN index).
import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';

export const VECTOR_TABLE = 'chunk_vectors';
// The 1-bit copies an earlier vector leg scanned in SQL; databases indexed then still hold them until the next embedding.
const LEGACY_BITS_TABLE = 'chunk_vector_bits';

/** Statements that drop the vector tables (a new model, or knowledge without one). */
export const dropVectorTableStatements = (): InStatement[] => [`DROP TABLE IF EXISTS ${VECTOR_TABLE}`, `DROP TABLE IF EXISTS ${LEGACY_BITS_TABLE}`];

/** Statements that (re)create the vector table for a dimension. */
export function vectorTableStatements(dimension: number): InStatement[] {
  if (!Number.isInteger(dimension) || dimension < 8 || dimension > 65536) throw new Error(`bad embedding dimension ${dimension}`);
  return [...dropVectorTableStatements(), `CREATE TABLE ${VECTOR_TABLE} (id INTEGER PRIMARY KEY, embedding F32_BLOB(${dimension}) NOT NULL)`];
}

export function insertVectorStatement(id: number, vector: number[]): InStatement {
  return { sql: `INSERT INTO ${VECTOR_TABLE} (id, embedding) VALUES (?, vector32(?))`, args: [id, JSON.stringify(vector)] };
}

/** Every stored chunk vector (libSQL's F32_BLOB reads as the float32 bytes). */
export async function readChunkVectors(db: Db): Promise<{ id: number; vector: Float32Array }[]> {
  const rows = await db.$client.execute(`SELECT id, embedding FROM ${VECTOR_TABLE}`);
  return rows.rows.map((row) => ({ id: Number(row.id), vector: new Float32Array(row.embedding as ArrayBuffer) }));
}
