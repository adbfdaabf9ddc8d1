// Knowledge queries (db first): the FTS5 and chunk reads of retrieval, the index swap of ingestion, and settings.
import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';
import { scopeSql, type DocumentScope } from './scope.ts';
import { dropVectorTableStatements, insertVectorStatement, vectorTableStatements } from './vectors.ts';

// bm25 column weights: lang (unindexed), title, headings, body. Titles and headings name the subject, so a match
// there outweighs a passing mention in the body.
const BM25 = 'bm25(chunks_fts, 0, 8, 4, 1)';

export type FtsHit = { id: number; bm25: number };
/** `indexed` is the chunk as the FTS index holds it (normalised words), so a turn does not normalise it again. */
export type ChunkRow = { id: number; chunkId: string; docId: string; lang: string; title: string; headingPath: string[]; text: string; url: string | null; indexed: IndexedText };
/**
 * `headingWords` and `bodyWords` are the distinct words of each, sorted (as `<` orders strings), once per load: a
 * turn's coverage and support tests look up every question word in some twenty passages (agents/retrieval/word-prefix.ts).
 */
export type IndexedText = { heading: string; body: string; headingWords: readonly string[]; bodyWords: readonly string[] };

/** The chunk's normalised heading (title and headings) and body, as the FTS index holds them, with their words. */
export function indexedText(heading: string, body: string): IndexedText {
  const words = (text: string) => [...new Set(text.split(' '))].filter(Boolean).sort();
  return { heading, body, headingWords: words(heading), bodyWords: words(body) };
}

/**
 * The best `limit` chunks for an FTS5 MATCH expression, best first; bm25 flipped so that higher is better. Only ids:
 * the chunks' documents and languages are in memory (agents/retrieval/knowledge-snapshot.ts). The hits come as one
 * JSON row: the libsql binding steps and converts row by row, and for a scoped search's 120 hits that was 0.96 →
 * 0.62 ms of a query (JSON keeps 15 digits of bm25, which only orders, and SQL has ordered them). Sorted again here,
 * stably, since an aggregate's order is SQLite's choice, not a promise.
 */
export async function ftsMatches(db: Db, match: string, limit: number): Promise<FtsHit[]> {
  const result = await db.$client.execute({
    sql: `SELECT json_group_array(json_array(rowid, rank)) AS hits FROM (SELECT rowid, ${BM25} AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?)`,
    args: [match, limit],
  });
  const hits = JSON.parse(String(result.rows[0]?.hits ?? '[]')) as [number, number][];
  return hits.map(([id, rank]) => ({ id, bm25: -rank })).sort((a, b) => b.bm25 - a.bm25);
}

/** Every chunk, with its document's URL and its indexed text: what a turn quotes, held in memory per index generation. */
export async function readChunkRows(db: Db): Promise<ChunkRow[]> {
  const rows = await db.$client.execute(
    `SELECT c.id, c.chunk_id, c.doc_id, c.lang, c.title, c.heading_path, c.text, d.url, f.title AS f_title, f.headings AS f_headings, f.body AS f_body
     FROM chunks c JOIN documents d ON d.doc_id = c.doc_id AND d.lang = c.lang JOIN chunks_fts f ON f.rowid = c.id`,
  );
  return rows.rows.map((row) => ({
    id: Number(row.id),
    chunkId: String(row.chunk_id),
    docId: String(row.doc_id),
    lang: String(row.lang),
    title: String(row.title),
    headingPath: JSON.parse(String(row.heading_path)) as string[],
    text: String(row.text),
    url: row.url ? String(row.url) : null,
    indexed: indexedText(`${String(row.f_title)} ${String(row.f_headings)}`.trim(), String(row.f_body)),
  }));
}

/**
 * Chunks of one language (and scope) that contain each prefix (a word's stem), and the number of such chunks: how
 * specific a word is to a topic within the documents an assistant answers from. One statement, however many
 * prefixes: a question's words and their synonyms can be twenty.
 */
export async function chunkFrequencies(db: Db, prefixes: string[], lang: string, scope?: DocumentScope): Promise<{ total: number; byPrefix: Map<string, number> }> {
  const unique = [...new Set(prefixes)];
  const where = scopeSql(scope);
  const total = `(SELECT count(*) FROM chunks c WHERE c.lang = ?${where.sql})`;
  if (unique.length === 0) {
    const rows = await db.$client.execute({ sql: `SELECT ${total} AS total`, args: [lang, ...where.args] });
    return { total: Number(rows.rows[0]?.total ?? 0), byPrefix: new Map() };
  }
  // The vocabulary is ordered by term, so a prefix is a range of it.
  const sql = `WITH p(prefix) AS (VALUES ${unique.map(() => '(?)').join(', ')})
    SELECT p.prefix AS prefix, ${total} AS total,
      (SELECT count(DISTINCT v.doc) FROM chunks_fts_instance v JOIN chunks c ON c.id = v.doc
        WHERE v.term >= p.prefix AND v.term < p.prefix || char(1114111) AND c.lang = ?${where.sql}) AS n
    FROM p`;
  const rows = await db.$client.execute({ sql, args: [...unique, lang, ...where.args, lang, ...where.args] });
  const counts = new Map(rows.rows.map((row) => [String(row.prefix), Number(row.n)]));
  return { total: Number(rows.rows[0]?.total ?? 0), byPrefix: new Map(unique.map((prefix) => [prefix, counts.get(prefix) ?? 0])) };
}

/** Small key/value facts about the database: knowledge hash, embedding model and dimension, index generation. */
export async function readSettings(db: Db): Promise<Map<string, string>> {
  const rows = await db.$client.execute('SELECT key, value FROM settings');
  return new Map(rows.rows.map((row) => [String(row.key), String(row.value)]));
}

/** The embedding model the stored vectors were made with, if any: query vectors must come from the same one. */
export async function storedEmbedding(db: Db): Promise<{ model: string; dimension: number } | null> {
  const settings = await readSettings(db);
  const model = settings.get('embed_model');
  const dimension = Number(settings.get('embed_dim'));
  return model && dimension > 0 ? { model, dimension } : null;
}

const setting = (key: string, value: string): InStatement => ({
  sql: 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  args: [key, value],
});

// Written with every change of the chunks or their vectors, in the same batch: a process holding the knowledge in
// memory reads this one value to know whether its copy is current.
const INDEX_GENERATION = 'index_generation';
const newIndexGeneration = () => setting(INDEX_GENERATION, crypto.randomUUID());

/** The generation of the index (chunks and vectors); null for a database indexed before generations were written. */
export async function readIndexGeneration(db: Db): Promise<string | null> {
  const rows = await db.$client.execute({ sql: 'SELECT value FROM settings WHERE key = ?', args: [INDEX_GENERATION] });
  return rows.rows[0] ? String(rows.rows[0].value) : null;
}

export type IndexedDocument = { docId: string; lang: string; title: string; audience: string[]; source: unknown; url: string | null; updated: string; review: string; contentHash: string };
/** A chunk with its FTS columns already normalised for the index. */
export type IndexedChunk = { chunkId: string; docId: string; lang: string; title: string; headingPath: string[]; text: string; position: number; fts: { title: string; headings: string; body: string } };

/**
 * Merges the full-text index into one b-tree. Written row by row, FTS5 leaves it in many segments that every query
 * merges again: on the knowledge, the lexical leg took p50/p95 0.64/1.9 ms before and 0.34/0.83 ms after, same results.
 */
export const OPTIMIZE_FTS = "INSERT INTO chunks_fts (chunks_fts) VALUES ('optimize')";

/** Replaces every document, chunk and FTS row in one batch (readers see the old index or the new one, never half). */
export async function replaceKnowledge(db: Db, documents: IndexedDocument[], chunks: IndexedChunk[], hash: string): Promise<void> {
  const statements: InStatement[] = ['DELETE FROM chunks_fts', 'DELETE FROM chunks', 'DELETE FROM documents'];
  for (const doc of documents) {
    statements.push({
      sql: 'INSERT INTO documents (doc_id, lang, title, audience, source, url, updated, review, content_hash) VALUES (?,?,?,?,?,?,?,?,?)',
      args: [doc.docId, doc.lang, doc.title, JSON.stringify(doc.audience), JSON.stringify(doc.source), doc.url, doc.updated, doc.review, doc.contentHash],
    });
  }
  for (const chunk of chunks) {
    statements.push(
      {
        sql: 'INSERT INTO chunks (chunk_id, doc_id, lang, title, heading_path, text, position) VALUES (?,?,?,?,?,?,?)',
        args: [chunk.chunkId, chunk.docId, chunk.lang, chunk.title, JSON.stringify(chunk.headingPath), chunk.text, chunk.position],
      },
      {
        sql: 'INSERT INTO chunks_fts (rowid, lang, title, headings, body) SELECT id, lang, ?, ?, ? FROM chunks WHERE chunk_id = ?',
        args: [chunk.fts.title, chunk.fts.headings, chunk.fts.body, chunk.chunkId],
      },
    );
  }
  statements.push(OPTIMIZE_FTS, setting('knowledge_hash', hash), newIndexGeneration());
  await db.$client.batch(statements, 'write');
}

/** Every chunk with what its embedding is made of. */
export async function chunksToEmbed(db: Db): Promise<{ id: number; lang: string; title: string; headingPath: string[]; text: string }[]> {
  const rows = await db.$client.execute('SELECT id, lang, title, heading_path, text FROM chunks ORDER BY id');
  return rows.rows.map((row) => ({ id: Number(row.id), lang: String(row.lang), title: String(row.title), headingPath: JSON.parse(String(row.heading_path)) as string[], text: String(row.text) }));
}

/** Replaces the vector tables with `vectors` (one per chunk) and records the model and dimension they came from. */
export async function storeVectors(db: Db, chunks: { id: number }[], vectors: number[][], model: string, dimension: number): Promise<void> {
  await db.$client.batch(
    [
      ...vectorTableStatements(dimension || 1024),
      ...chunks.map((chunk, i) => insertVectorStatement(chunk.id, vectors[i]!)),
      setting('embed_model', model),
      setting('embed_dim', String(dimension)),
      newIndexGeneration(),
    ],
    'write',
  );
}

export async function dropVectors(db: Db): Promise<void> {
  await db.$client.batch([...dropVectorTableStatements(), "DELETE FROM settings WHERE key IN ('embed_model', 'embed_dim')", newIndexGeneration()], 'write');
}

export async function knowledgeCounts(db: Db): Promise<{ documents: number; chunks: number; languages: string[] }> {
  const [counts, langs] = await db.$client.batch(
    ['SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM chunks) AS chunks', 'SELECT DISTINCT lang FROM documents ORDER BY lang'],
    'read',
  );
  return { documents: Number(counts!.rows[0]?.documents ?? 0), chunks: Number(counts!.rows[0]?.chunks ?? 0), languages: langs!.rows.map((row) => String(row.lang)) };
}
