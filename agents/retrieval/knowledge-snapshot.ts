// The knowledge a turn quotes and the vectors it ranks, held in memory: a few megabytes that change only when the
// knowledge is indexed again. A search reads one value (the index generation, at most once a second) instead of the
// vector scan and the chunk rows it used to read per query, and loads the whole index again when that value changes.
import type { Db } from '../../db/client.ts';
import { readChunkRows, readIndexGeneration, storedEmbedding, type ChunkRow } from '../../db/queries/knowledge.ts';
import { readChunkVectors } from '../../db/queries/vectors.ts';
import { vocabularyOf, type Vocabulary } from '../language/vocabulary.ts';
import type { Clock } from '../ports.ts';
import { rememberLatest } from '../remember-latest.ts';
import { buildVectorIndex, type VectorEntry, type VectorIndex } from './nearest.ts';

export type KnowledgeSnapshot = {
  rows: ReadonlyMap<number, ChunkRow>;
  /** Per language; absent when the knowledge has no vectors (no embedding model). */
  vectors: ReadonlyMap<string, VectorIndex>;
  /** The words of each language's chunks (agents/language/vocabulary.ts), gathered when first asked for. */
  vocabulary(): Vocabulary;
};

/** The current snapshot, loaded again when the index generation changes. */
export type ReadKnowledge = () => Promise<KnowledgeSnapshot>;

export async function loadKnowledge(db: Db): Promise<KnowledgeSnapshot> {
  const embedded = await storedEmbedding(db);
  const [rows, vectors] = await Promise.all([readChunkRows(db), embedded ? readChunkVectors(db) : []]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byLang = new Map<string, VectorEntry[]>();
  for (const { id, vector } of vectors) {
    const row = byId.get(id);
    // A vector without its chunk belongs to an index being replaced: the next generation brings both.
    if (!row) continue;
    (byLang.get(row.lang) ?? byLang.set(row.lang, []).get(row.lang)!).push({ id, docId: row.docId, vector });
  }
  const dimension = embedded?.dimension ?? 0;
  let vocabulary: Vocabulary | undefined;
  return {
    rows: byId,
    vectors: new Map([...byLang].map(([lang, entries]) => [lang, buildVectorIndex(entries, dimension)])),
    vocabulary: () => (vocabulary ??= vocabularyOf(byId.values())),
  };
}

/** How long a snapshot is used before the generation is read again: another process's indexing shows within it. */
export const GENERATION_CHECK_MS = 1000;

/**
 * One snapshot per index generation for the app's lifetime (built once per process or isolate, passed in as a port).
 * The generation is read once a second at most, not by every turn: on a libSQL server each read is a round trip.
 */
export function rememberKnowledge(db: Db, now: Clock = Date.now): ReadKnowledge {
  const forGeneration = rememberLatest((_generation: string | null) => loadKnowledge(db));
  const generationAt = rememberLatest((_second: number) => readIndexGeneration(db));
  return async () => forGeneration(await generationAt(Math.floor(now() / GENERATION_CHECK_MS)));
}
