// Hybrid retrieval: FTS5 bm25 (with concept expansion) and vector cosine, fused by reciprocal rank, one result per
// document, scored by its best passage plus a share of its other matching passages.
import type { Client } from '@libsql/client';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Lang } from '../language/languages.ts';
import { fuseReciprocalRank, pickPerDocument, type RankedHit } from './fuse.ts';
import { queryTerms, toFtsQuery } from './normalise.ts';
import { expandTerms } from './synonyms.ts';
import { nearestChunks } from './vectors.ts';

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
  client: Client;
  /** Query embeddings from the same model the stored vectors were made with; absent means lexical only. */
  embeddings?: EmbeddingsInterface | null;
};

export type SearchQuery = { query: string; lang: Lang; k: number };

// Candidates per leg before fusion: enough for the one-per-document pick to find every language's version.
const CANDIDATES = 40;
// bm25 column weights: lang (unindexed), title, headings, body. Titles and headings name the subject, so a match
// there outweighs a passing mention in the body.
const BM25 = 'bm25(chunks_fts, 0, 8, 4, 1)';

type LexicalHit = RankedHit & { bm25: number };

/**
 * The FTS5 MATCH expression of a query: its content words and, through the concept list, the everyday and formal
 * words for the same ideas in the query's language (synonyms.ts). Null when nothing is left to search.
 */
export function lexicalMatch(query: string, lang: Lang): string | null {
  const terms = queryTerms(query, lang);
  return toFtsQuery([...terms, ...expandTerms(terms, lang)]);
}

export async function lexicalSearch(client: Client, query: string, lang: Lang, limit = CANDIDATES): Promise<LexicalHit[]> {
  const match = lexicalMatch(query, lang);
  if (!match) return [];
  // Rank and cut inside the FTS table first, then look up the survivors' documents: joining before the LIMIT made
  // SQLite read a chunks row for every match, not only for the ones kept.
  const rows = await client.execute({
    sql: `SELECT c.id, c.doc_id, c.lang, f.rank FROM (
            SELECT rowid, ${BM25} AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?) f
          JOIN chunks c ON c.id = f.rowid ORDER BY f.rank`,
    args: [match, limit],
  });
  // FTS5's bm25() is negative, better when lower; flip it so scores read the usual way.
  return rows.rows.map((row) => ({ id: Number(row.id), docId: String(row.doc_id), lang: row.lang as Lang, bm25: -Number(row.rank) }));
}

// The knowledge is parallel in four languages, so the query language's chunks hold every document.
async function vectorSearch(client: Client, embeddings: EmbeddingsInterface, query: string, lang: Lang): Promise<RankedHit[]> {
  const vector = await embeddings.embedQuery(query);
  return (await nearestChunks(client, vector, lang, CANDIDATES)).map((hit) => ({ ...hit, lang: hit.lang as Lang }));
}

export async function searchKnowledge(deps: SearchDeps, { query, lang, k }: SearchQuery): Promise<SearchResult[]> {
  const [lexical, vector] = await Promise.all([
    lexicalSearch(deps.client, query, lang),
    // A model host that fails mid-query degrades the search to lexical instead of failing it.
    deps.embeddings ? vectorSearch(deps.client, deps.embeddings, query, lang).catch(() => []) : Promise.resolve([]),
  ]);
  const picked = pickPerDocument(fuseReciprocalRank([lexical, vector]), lang, k);
  if (picked.length === 0) return [];

  const rows = await deps.client.execute({
    sql: `SELECT c.id, c.chunk_id, c.doc_id, c.lang, c.title, c.heading_path, c.text, d.url FROM chunks c
          JOIN documents d ON d.doc_id = c.doc_id AND d.lang = c.lang WHERE c.id IN (${picked.map(() => '?').join(',')})`,
    args: picked.map((hit) => hit.id),
  });
  const byId = new Map(rows.rows.map((row) => [Number(row.id), row]));
  const bm25ById = new Map(lexical.map((hit) => [hit.id, hit.bm25]));
  return picked.flatMap((hit) => {
    const row = byId.get(hit.id);
    if (!row) return [];
    const result: SearchResult = {
      docId: String(row.doc_id),
      chunkId: String(row.chunk_id),
      title: String(row.title),
      lang: row.lang as Lang,
      score: Number(hit.score.toFixed(6)),
      text: String(row.text),
      headingPath: JSON.parse(String(row.heading_path)) as string[],
      lexical: bm25ById.get(hit.id) ?? null,
    };
    if (row.url) result.url = String(row.url);
    return [result];
  });
}
