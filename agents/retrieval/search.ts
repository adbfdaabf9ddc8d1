// Hybrid retrieval: FTS5 bm25 (with concept expansion) and vector cosine, fused by reciprocal rank, one result per
// document, scored by its best passage plus a share of its other matching passages.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Lang } from '../language/languages.ts';
import { fuseReciprocalRank, pickPerDocument, type RankedHit } from './fuse.ts';
import { queryTerms, toFtsQuery } from './normalise.ts';
import { expandTerms } from './synonyms.ts';
import type { Db } from '../../db/client.ts';
import { chunksByIds, ftsMatches } from '../../db/queries/knowledge.ts';
import { nearestChunks } from '../../db/queries/vectors.ts';

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
};

export type SearchDeps = {
  db: Db;
  /** Query embeddings from the same model the stored vectors were made with; absent means lexical only. */
  embeddings?: EmbeddingsInterface | null;
};

export type SearchQuery = { query: string; lang: Lang; k: number };

// Candidates per leg before fusion: enough for the one-per-document pick to find every language's version.
const CANDIDATES = 40;
type LexicalHit = RankedHit & { bm25: number };

/**
 * The FTS5 MATCH expression of a query: its content words and, through the concept list, the everyday and formal
 * words for the same ideas in the query's language (synonyms.ts). Null when nothing is left to search.
 */
export function lexicalMatch(query: string, lang: Lang): string | null {
  const terms = queryTerms(query, lang);
  return toFtsQuery([...terms, ...expandTerms(terms, lang)]);
}

export async function lexicalSearch(db: Db, query: string, lang: Lang, limit = CANDIDATES): Promise<LexicalHit[]> {
  const match = lexicalMatch(query, lang);
  if (!match) return [];
  return (await ftsMatches(db, match, limit)).map((hit) => ({ ...hit, lang: hit.lang as Lang }));
}

// The knowledge is parallel in four languages, so the query language's chunks hold every document.
async function vectorSearch(db: Db, embeddings: EmbeddingsInterface, query: string, lang: Lang): Promise<RankedHit[]> {
  const vector = await embeddings.embedQuery(query);
  return (await nearestChunks(db, vector, lang, CANDIDATES)).map((hit) => ({ ...hit, lang: hit.lang as Lang }));
}

export async function searchKnowledge(deps: SearchDeps, { query, lang, k }: SearchQuery): Promise<SearchResult[]> {
  const [lexical, vector] = await Promise.all([
    lexicalSearch(deps.db, query, lang),
    // A model host that fails mid-query degrades the search to lexical instead of failing it.
    deps.embeddings ? vectorSearch(deps.db, deps.embeddings, query, lang).catch(() => []) : Promise.resolve([]),
  ]);
  const picked = pickPerDocument(fuseReciprocalRank([lexical, vector]), lang, k);
  if (picked.length === 0) return [];

  const byId = new Map((await chunksByIds(deps.db, picked.map((hit) => hit.id))).map((row) => [row.id, row]));
  const bm25ById = new Map(lexical.map((hit) => [hit.id, hit.bm25]));
  return picked.flatMap((hit) => {
    const row = byId.get(hit.id);
    if (!row) return [];
    const result: SearchResult = {
      docId: row.docId,
      chunkId: row.chunkId,
      title: row.title,
      lang: row.lang as Lang,
      score: Number(hit.score.toFixed(6)),
      text: row.text,
      headingPath: row.headingPath,
      lexical: bm25ById.get(hit.id) ?? null,
    };
    if (row.url) result.url = row.url;
    return [result];
  });
}
