import { describe, expect, it } from 'vitest';
import { buildVectorIndex, nearestEntries, SKETCH_CANDIDATES, type VectorEntry } from '../../../agents/retrieval/nearest.ts';

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
}

// Embeddings of texts cluster by topic: each vector here is one of 40 topic centres plus noise.
function corpus(n: number, dimension: number, random: () => number): VectorEntry[] {
  const centres = Array.from({ length: 40 }, () => Array.from({ length: dimension }, random));
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    docId: `doc-${i % 97}`,
    vector: Float32Array.from(centres[i % 40]!, (x) => x + 0.6 * random()),
  }));
}

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
};
const exact = (entries: VectorEntry[], query: number[], k: number, keep: (docId: string) => boolean = () => true) =>
  entries.filter((entry) => keep(entry.docId)).map((entry) => ({ id: entry.id, score: cosine(entry.vector, query) })).sort((a, b) => b.score - a.score).slice(0, k).map((hit) => hit.id);

describe('nearestEntries', () => {
  it('ranks exactly by cosine when a language has no more chunks than the exact pass takes', () => {
    const random = seeded(1);
    const entries = corpus(SKETCH_CANDIDATES, 64, random);
    const index = buildVectorIndex(entries, 64);
    for (let q = 0; q < 20; q++) {
      const query = Array.from({ length: 64 }, random);
      expect(nearestEntries(index, query, 10).map((hit) => hit.id)).toEqual(exact(entries, query, 10));
    }
  });

  it('keeps the true nearest 40 of 2,000 through the 1-bit pass, and only the documents allowed', () => {
    const random = seeded(2);
    const entries = corpus(2000, 1024, random);
    const index = buildVectorIndex(entries, 1024);
    let found = 0;
    for (let q = 0; q < 20; q++) {
      const query = Float32Array.from(entries[q * 37]!.vector, (x) => x + 0.3 * random());
      const want = exact(entries, [...query], 40);
      const got = new Set(nearestEntries(index, [...query], 40).map((hit) => hit.id));
      found += want.filter((id) => got.has(id)).length;
    }
    expect(found / (20 * 40)).toBeGreaterThanOrEqual(0.97);

    const query = [...entries[5]!.vector];
    const odd = (docId: string) => Number(docId.slice(4)) % 2 === 1;
    const within = nearestEntries(index, query, 10, odd);
    expect(within.every((hit) => odd(hit.docId))).toBe(true);
    expect(within.map((hit) => hit.id)).toEqual(exact(entries, query, 10, odd));
  });

  it('compares only vectors of the same dimension', () => {
    const entries = [
      { id: 1, docId: 'a', vector: Float32Array.from([1, 0, 0, 0, 0, 0, 0, 0]) },
      { id: 2, docId: 'b', vector: Float32Array.from([0, 1, 0, 0]) },
    ];
    const index = buildVectorIndex(entries, 8);
    expect(index.ids).toEqual([1]);
    expect(nearestEntries(index, [1, 0, 0, 0], 5)).toEqual([]);
    expect(nearestEntries(index, [2, 0, 0, 0, 0, 0, 0, 0], 5)).toEqual([{ id: 1, docId: 'a' }]);
  });
});
