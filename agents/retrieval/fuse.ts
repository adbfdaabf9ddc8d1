// Reciprocal rank fusion and the one-result-per-document pick. Pure.
import type { Lang } from '../language/languages.ts';

export type RankedHit = { id: number; docId: string; lang: Lang };
export type FusedHit = RankedHit & { score: number };

/** Reciprocal rank fusion (Cormack et al.): score = Σ 1/(k + rank); k = 60 damps the top ranks' dominance. */
export function fuseReciprocalRank(lists: RankedHit[][], k = 60): FusedHit[] {
  const fused = new Map<number, FusedHit>();
  for (const list of lists) {
    list.forEach((hit, rank) => {
      const previous = fused.get(hit.id);
      const score = 1 / (k + rank + 1);
      fused.set(hit.id, previous ? { ...previous, score: previous.score + score } : { ...hit, score });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

/**
 * One hit per document, the query language's version preferred, and the query language's documents first:
 * a document found only in another language still counts, after them.
 */
export function pickPerDocument(hits: FusedHit[], lang: Lang, k: number): FusedHit[] {
  const best = new Map<string, FusedHit>();
  for (const hit of hits) {
    const current = best.get(hit.docId);
    if (!current) best.set(hit.docId, hit);
    // The document's relevance is its best evidence in any language; the text shown is the query language's.
    else if (current.lang !== lang && hit.lang === lang) best.set(hit.docId, { ...hit, score: Math.max(hit.score, current.score) });
  }
  const picked = [...best.values()];
  const inLang = picked.filter((hit) => hit.lang === lang).sort((a, b) => b.score - a.score);
  const others = picked.filter((hit) => hit.lang !== lang).sort((a, b) => b.score - a.score);
  return [...inLang, ...others].slice(0, k);
}
