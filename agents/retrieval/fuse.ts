// Reciprocal rank fusion, the one-result-per-document pick, and how much of a query a passage holds. Pure.
import type { Lang } from '../language/languages.ts';
import { holdsPrefix } from './word-prefix.ts';
import { AS_SYNONYM } from './synonyms.ts';

export type RankedHit = { id: number; docId: string; lang: Lang };
export type FusedHit = RankedHit & { score: number };

/** Reciprocal rank fusion (Cormack et al.): score = Σ 1/(k + rank); k = 60 damps the top ranks' dominance. */
export function fuseReciprocalRank(lists: RankedHit[][], k = 60): FusedHit[] {
  const fused = new Map<number, FusedHit>();
  // Hits of one shape, built field by field: the legs' hits differ, and spreading them took V8's slow path.
  for (const list of lists) {
    list.forEach(({ id, docId, lang }, rank) => {
      const score = 1 / (k + rank + 1);
      const previous = fused.get(id);
      if (previous) previous.score += score;
      else fused.set(id, { id, docId, lang, score });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

// Weight of a document's other matching passages (in any language) added to its best passage's score: several
// passages that each match part of a question say more than one that matches once. On eval/ 0.03 lifts recall@1
// by 4-11 points in every language (en .705 -> .819, fr .676 -> .771, de .695 -> .743, lb .724 -> .771) without
// losing recall@5, but the offline answerer's literal-coverage test (agents/answer/confidence.ts) then refuses two
// more French in-scope questions, past eval/answer-limits.json. Off until that test counts concept words too.
export const DOCUMENT_EVIDENCE = 0.03;

/**
 * One hit per document, the query language's version preferred, and the query language's documents first:
 * a document found only in another language still counts, after them. A document's score is its best hit's plus
 * `evidence` times the scores of its other hits. The passage shown is the one that fits the query best (`fit`),
 * the best ranked among equals.
 */
export function pickPerDocument(hits: FusedHit[], lang: Lang, k: number, evidence = DOCUMENT_EVIDENCE, fit: (hit: FusedHit) => number = () => 0): FusedHit[] {
  const better = (hit: FusedHit, than: FusedHit) => fit(hit) > fit(than) || (fit(hit) === fit(than) && hit.score > than.score);
  const shown = new Map<string, FusedHit>();
  const support = new Map<string, { best: number; total: number }>();
  for (const hit of hits) {
    const s = support.get(hit.docId) ?? { best: 0, total: 0 };
    support.set(hit.docId, { best: Math.max(s.best, hit.score), total: s.total + hit.score });
    // The text shown is the query language's best passage, else the best passage in any language.
    const current = shown.get(hit.docId);
    if (!current || (current.lang !== lang && hit.lang === lang) || (current.lang === hit.lang && better(hit, current))) shown.set(hit.docId, hit);
  }
  // The document's relevance is its best evidence in any language, plus a share of the rest.
  const picked = [...shown.values()].map((hit) => {
    const { best, total } = support.get(hit.docId)!;
    return { id: hit.id, docId: hit.docId, lang: hit.lang, score: best + evidence * (total - best) };
  });
  const inLang = picked.filter((hit) => hit.lang === lang).sort((a, b) => b.score - a.score || a.id - b.id);
  const others = picked.filter((hit) => hit.lang !== lang).sort((a, b) => b.score - a.score || a.id - b.id);
  return [...inLang, ...others].slice(0, k);
}

/** A query word for weighing passages: its stem and its synonyms' stems (synonyms.ts), matched as word prefixes. */
export type CoverageTerm = { stem: string; synonyms: string[] };

// A word holds a stem when it starts with it and is at most this much longer: "Wetter" is not "Wettbewerb". A
// synonym must match closer: "euros" (stem "euro") is money, "European" is not.
const LONGER = 8;
const SYNONYM_LONGER = 3;


/**
 * How much of a query each passage holds (passages as their distinct normalised words, sorted: word-prefix.ts): the sum, over the query words it
 * contains, of how specific each is among these passages (inverse document frequency), a synonym's at half. A word
 * few of the passages hold tells them apart; one they all hold does not.
 */
export function coverage(passages: readonly (readonly string[])[], terms: readonly CoverageTerm[]): number[] {
  const specificity = new Map<string, number>();
  const weight = (stem: string, longer: number) => {
    const key = `${stem} ${longer}`;
    if (!specificity.has(key)) specificity.set(key, Math.log(1 + passages.length / (1 + passages.filter((words) => holdsPrefix(words, stem, longer)).length)));
    return specificity.get(key)!;
  };
  return passages.map((words) =>
    terms.reduce((sum, { stem, synonyms }) => {
      if (holdsPrefix(words, stem, LONGER)) return sum + weight(stem, LONGER);
      const found = synonyms.filter((synonym) => holdsPrefix(words, synonym, SYNONYM_LONGER));
      return sum + Math.max(0, ...found.map((synonym) => AS_SYNONYM * weight(synonym, SYNONYM_LONGER)));
    }, 0),
  );
}
