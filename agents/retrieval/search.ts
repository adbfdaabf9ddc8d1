// Hybrid retrieval: FTS5 bm25 (with concept expansion) and vector cosine, fused by reciprocal rank, one result per
// document, scored by its best passage plus a share of its other matching passages, shown by the passage that holds
// most of the query.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Lang } from '../language/languages.ts';
import { coverage, DOCUMENT_EVIDENCE, fuseReciprocalRank, pickPerDocument, type CoverageTerm, type RankedHit } from './fuse.ts';
import { queryTerms, stemPrefix, toFtsQuery } from './normalise.ts';
import { expandTerms } from './synonyms.ts';
import type { Db } from '../../db/client.ts';
import { ftsMatches, type ChunkRow, type IndexedText } from '../../db/queries/knowledge.ts';
import { inDocumentScope, type DocumentScope } from '../../db/queries/scope.ts';
import type { KnowledgeSnapshot, ReadKnowledge } from './knowledge-snapshot.ts';
import { nearestEntries } from './nearest.ts';

export type SearchResult = {
  docId: string;
  chunkId: string;
  title: string;
  lang: Lang;
  score: number;
  text: string;
  headingPath: string[];
  url?: string;
  /** bm25 of the best lexical match of this chunk (higher is better); null when only the vector leg found it. */
  lexical: number | null;
  /** The section is headed by the visitor's question in other words (agents/answer/faq-match.ts): it answers it whole. */
  headedByQuestion?: true;
  /** Title, headings and text as the index normalised them (normalise.ts), when read from the index. */
  indexed?: IndexedText;
};

export type SearchDeps = {
  db: Db;
  /** The chunks and their vectors in memory (knowledge-snapshot.ts). */
  knowledge: ReadKnowledge;
  /** Query embeddings from the same model the stored vectors were made with; absent means lexical only. */
  embeddings?: EmbeddingsInterface | null;
};

/** `scope`, when given, keeps only the documents an assistant answers from (agents/chat/scope.ts). */
export type SearchQuery = { query: string; lang: Lang; k: number; scope?: DocumentScope };

// Candidates per leg before fusion: enough for the one-per-document pick to find every language's version.
const CANDIDATES = 40;
// A scope drops some lexical candidates after the database ranked them, so a scoped search asks FTS5 for more of
// them; the vector leg applies the scope as it ranks.
const SCOPED_CANDIDATES = 3 * CANDIDATES;
type LexicalHit = RankedHit & { bm25: number };

/**
 * The FTS5 MATCH expression of a query: its content words and, through the concept list, the everyday and formal
 * words for the same ideas in the query's language (synonyms.ts). Null when nothing is left to search.
 */
export function lexicalMatch(query: string, lang: Lang): string | null {
  const terms = queryTerms(query, lang);
  return toFtsQuery([...terms, ...expandTerms(terms, lang)]);
}

/** FTS5's best `limit` chunks for the query; a chunk not in `knowledge` (indexed since it was loaded) is left out. */
export async function lexicalSearch(db: Db, knowledge: KnowledgeSnapshot, query: string, lang: Lang, limit = CANDIDATES): Promise<LexicalHit[]> {
  const match = lexicalMatch(query, lang);
  if (!match) return [];
  // Built field by field: spreading hits of two shapes (this leg's and the vector leg's) took V8's slow path, 0.4 ms
  // of a turn for 120 hits (issue 15).
  const hits: LexicalHit[] = [];
  for (const { id, bm25 } of await ftsMatches(db, match, limit)) {
    const row = knowledge.rows.get(id);
    if (row) hits.push({ id, bm25, docId: row.docId, lang: row.lang as Lang });
  }
  return hits;
}

// The knowledge is parallel in four languages, so the query language's chunks hold every document.
async function vectorSearch(knowledge: KnowledgeSnapshot, embeddings: EmbeddingsInterface, query: string, lang: Lang, limit: number, scope?: DocumentScope): Promise<RankedHit[]> {
  const index = knowledge.vectors.get(lang);
  if (!index) return [];
  const vector = await embeddings.embedQuery(query);
  return nearestEntries(index, vector, limit, scope && ((docId) => inDocumentScope(scope, docId))).map(({ id, docId }) => ({ id, docId, lang }));
}

/**
 * How much of the query each chunk's text holds (fuse.ts `coverage`). The text counts, not the headings a section's
 * chunks share: it is what an answer quotes, and FAQ headings are questions that share any question's words.
 */
function coverageOf(rows: ChunkRow[], terms: readonly CoverageTerm[]): Map<number, number> {
  const covered = coverage(rows.map((row) => row.indexed.bodyWords), terms);
  return new Map(rows.map((row, i) => [row.id, covered[i]!]));
}

export async function searchKnowledge(deps: SearchDeps, { query, lang, k, scope }: SearchQuery): Promise<SearchResult[]> {
  const inScope = <Hit extends RankedHit>(hits: Hit[]) => (scope ? hits.filter((hit) => inDocumentScope(scope, hit.docId)) : hits);
  // A chat turn asked for the query's vector before it planned (agents/chat/plan.ts), so the request is on its way
  // while the lexical leg runs; waiting a turn of the event loop here as well only queued the search behind other
  // conversations' work. A model host that fails mid-query degrades the search to lexical.
  const knowledge = await deps.knowledge();
  const vectorLeg = deps.embeddings ? vectorSearch(knowledge, deps.embeddings, query, lang, CANDIDATES, scope).catch(() => []) : Promise.resolve([]);
  const lexicalLeg = lexicalSearch(deps.db, knowledge, query, lang, scope ? SCOPED_CANDIDATES : CANDIDATES).then(inScope);
  // The query's words for coverageOf, read while the legs run: the vector usually comes last, after a model call.
  const terms: CoverageTerm[] = queryTerms(query, lang).map((term) => ({ stem: stemPrefix(term), synonyms: expandTerms([term], lang).map(stemPrefix) }));
  const [lexical, vector] = await Promise.all([lexicalLeg, vectorLeg]);
  const fused = fuseReciprocalRank([lexical, vector]);
  if (fused.length === 0) return [];

  // The documents that make the cut do not depend on the passage shown for them, so only their passages in the
  // query's language are read to choose it: the one whose text holds most of the query.
  const documents = new Set(pickPerDocument(fused, lang, k).map((hit) => hit.docId));
  const rows = fused.flatMap((hit) => (hit.lang === lang && documents.has(hit.docId) ? (knowledge.rows.get(hit.id) ?? []) : []));
  const covered = coverageOf(rows, terms);
  const picked = pickPerDocument(fused, lang, k, DOCUMENT_EVIDENCE, (hit) => covered.get(hit.id) ?? 0);
  const bm25ById = new Map(lexical.map((hit) => [hit.id, hit.bm25]));
  return picked.flatMap((hit) => {
    const row = knowledge.rows.get(hit.id);
    return row ? [resultOf(row, Number(hit.score.toFixed(6)), bm25ById.get(hit.id) ?? null)] : [];
  });
}

/** A chunk as a search result: `score` 0 and `lexical` null for one that neither leg ranked. */
export function resultOf(row: ChunkRow, score: number, lexical: number | null): SearchResult {
  const result: SearchResult = { docId: row.docId, chunkId: row.chunkId, title: row.title, lang: row.lang as Lang, score, text: row.text, headingPath: row.headingPath, lexical, indexed: row.indexed };
  if (row.url) result.url = row.url;
  return result;
}

/**
 * The other passages, in the results' language, of the documents the results come from, in document order: a search
 * shows one passage per document, and the fact asked for can be in the next one. Scored 0, found by neither leg.
 */
export function otherPassages(knowledge: KnowledgeSnapshot, results: readonly SearchResult[]): SearchResult[] {
  const shown = new Set(results.map((result) => result.chunkId));
  const documents = new Set(results.map((result) => `${result.lang}:${result.docId}`));
  return [...knowledge.rows.values()]
    .filter((row) => documents.has(`${row.lang}:${row.docId}`) && !shown.has(row.chunkId))
    .sort((a, b) => a.id - b.id)
    .map((row) => resultOf(row, 0, null));
}
