// Knowledge queries (db first): settings such as the embedding model, chunk counts and how many chunks hold a word.
import type { Client } from '@libsql/client';

/** Chunks that contain each prefix (a word's stem), and the number of chunks. */
export async function chunkFrequencies(client: Client, prefixes: string[]): Promise<{ total: number; byPrefix: Map<string, number> }> {
  const unique = [...new Set(prefixes)];
  const rows = await client.batch(
    [
      'SELECT count(*) AS n FROM chunks',
      // The vocab table is ordered by term, so a prefix is a range; the sum over-counts a chunk that holds two
      // forms of the word, which only makes a common word look a little more common.
      ...unique.map((prefix) => ({ sql: "SELECT coalesce(sum(doc), 0) AS n FROM chunks_fts_vocab WHERE term >= ? AND term < ? || char(1114111)", args: [prefix, prefix] })),
    ],
    'read',
  );
  const [total, ...counts] = rows.map((result) => Number(result.rows[0]?.n ?? 0));
  return { total: total ?? 0, byPrefix: new Map(unique.map((prefix, i) => [prefix, counts[i] ?? 0])) };
}

/** Small key/value facts about the database: knowledge hash, embedding model and dimension. */
export async function readSettings(client: Client): Promise<Map<string, string>> {
  const rows = await client.execute('SELECT key, value FROM settings');
  return new Map(rows.rows.map((row) => [String(row.key), String(row.value)]));
}

/** The embedding model the stored vectors were made with, if any: query vectors must come from the same one. */
export async function storedEmbedding(client: Client): Promise<{ model: string; dimension: number } | null> {
  const settings = await readSettings(client);
  const model = settings.get('embed_model');
  const dimension = Number(settings.get('embed_dim'));
  return model && dimension > 0 ? { model, dimension } : null;
}
