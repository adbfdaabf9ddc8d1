import { describe, expect, it } from 'vitest';
import { fuseReciprocalRank, pickPerDocument, type FusedHit } from '../../../agents/retrieval/fuse.ts';

describe('fuseReciprocalRank', () => {
  it('ranks an item found by both legs above items found by one', () => {
    const lexical = [{ id: 1, docId: 'a', lang: 'en' as const }, { id: 2, docId: 'b', lang: 'en' as const }];
    const vector = [{ id: 3, docId: 'c', lang: 'en' as const }, { id: 2, docId: 'b', lang: 'en' as const }];
    const fused = fuseReciprocalRank([lexical, vector]);
    expect(fused.map((hit) => hit.id)).toEqual([2, 1, 3]);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 62);
  });

  it('is empty for empty legs', () => {
    expect(fuseReciprocalRank([[], []])).toEqual([]);
  });
});

describe('pickPerDocument', () => {
  const hit = (id: number, docId: string, lang: FusedHit['lang'], score: number): FusedHit => ({ id, docId, lang, score });

  it('keeps one hit per document, preferring the query language and keeping the best score', () => {
    const picked = pickPerDocument([hit(1, 'a', 'en', 0.5), hit(2, 'a', 'fr', 0.2), hit(3, 'b', 'fr', 0.3)], 'fr', 5);
    expect(picked).toEqual([hit(2, 'a', 'fr', 0.5), hit(3, 'b', 'fr', 0.3)]);
  });

  it('puts documents in the query language before the others and cuts at k', () => {
    const picked = pickPerDocument([hit(1, 'a', 'en', 0.9), hit(2, 'b', 'lb', 0.1), hit(3, 'c', 'lb', 0.05)], 'lb', 2);
    expect(picked.map((h) => h.docId)).toEqual(['b', 'c']);
  });
});
