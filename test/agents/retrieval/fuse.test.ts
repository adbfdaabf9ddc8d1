import { describe, expect, it } from 'vitest';
import { coverage, fuseReciprocalRank, pickPerDocument, type FusedHit } from '../../../agents/retrieval/fuse.ts';

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
    const picked = pickPerDocument([hit(1, 'a', 'en', 0.5), hit(2, 'a', 'fr', 0.2), hit(3, 'b', 'fr', 0.3)], 'fr', 5, 0);
    expect(picked).toEqual([hit(2, 'a', 'fr', 0.5), hit(3, 'b', 'fr', 0.3)]);
  });

  it('puts documents in the query language before the others and cuts at k', () => {
    const picked = pickPerDocument([hit(1, 'a', 'en', 0.9), hit(2, 'b', 'lb', 0.1), hit(3, 'c', 'lb', 0.05)], 'lb', 2);
    expect(picked.map((h) => h.docId)).toEqual(['b', 'c']);
  });

  it('adds a share of a document\'s other passages to its best one, so broad support beats one lucky passage', () => {
    const hits = [hit(1, 'a', 'en', 0.5), hit(2, 'b', 'en', 0.45), hit(3, 'b', 'en', 0.3), hit(4, 'b', 'fr', 0.2)];
    const picked = pickPerDocument(hits, 'en', 5, 0.15);
    expect(picked.map((h) => [h.id, h.docId])).toEqual([[2, 'b'], [1, 'a']]);
    expect(picked[0]!.score).toBeCloseTo(0.45 + 0.15 * (0.3 + 0.2));
    expect(pickPerDocument(hits, 'en', 5, 0).map((h) => h.docId)).toEqual(['a', 'b']);
  });

  it('shows the best passage of the query language even when another language scored higher', () => {
    const picked = pickPerDocument([hit(1, 'a', 'en', 0.9), hit(2, 'a', 'de', 0.3), hit(3, 'a', 'de', 0.4)], 'de', 5, 0);
    expect(picked).toEqual([hit(3, 'a', 'de', 0.9)]);
  });

  it('shows the passage that fits the query best, the better ranked among equals, without moving the document', () => {
    const hits = [hit(1, 'a', 'en', 0.5), hit(2, 'b', 'en', 0.4), hit(3, 'a', 'en', 0.3), hit(4, 'a', 'en', 0.2)];
    const fit = (h: FusedHit) => (h.id === 1 ? 1 : 2);
    const picked = pickPerDocument(hits, 'en', 5, 0, fit);
    expect(picked.map((h) => [h.id, h.docId])).toEqual([[3, 'a'], [2, 'b']]);
    expect(picked[0]!.score).toBe(0.5);
  });
});

describe('coverage', () => {
  const words = (text: string) => [...new Set(text.toLowerCase().split(' '))].sort();
  const passages = ['the catalogue was presented by the minister', 'the catalogue came out of months of consultations', 'the catalogue has six pillars'].map(words);

  it('counts a query word by how few of the passages hold it, so a word that tells them apart outweighs a shared one', () => {
    const [presented, consulted, pillars] = coverage(passages, [{ stem: 'catalo', synonyms: [] }, { stem: 'consul', synonyms: [] }]);
    expect(consulted).toBeGreaterThan(presented!);
    expect(presented).toBe(pillars);
    expect(presented).toBeCloseTo(Math.log(1 + 3 / 4));
    expect(consulted! - presented!).toBeCloseTo(Math.log(1 + 3 / 2));
  });

  it('counts a synonym at half, and only as a close word: "euros" are money, "European" is not', () => {
    const money = [{ stem: 'money', synonyms: ['euro'] }];
    const [european, euros] = coverage([words('a european network'), words('twenty euros')], money);
    expect(european).toBe(0);
    expect(euros).toBeCloseTo(0.5 * Math.log(1 + 2 / 2));
    expect(coverage(passages, [{ stem: 'budget', synonyms: [] }])).toEqual([0, 0, 0]);
  });
});
