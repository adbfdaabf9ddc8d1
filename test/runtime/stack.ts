// What both runtimes run against: a libSQL file migrated and indexed from Node, served by the libSQL-server
// stand-in (Hrana over HTTP, with an auth token), and the Ollama stand-in holding the chat and embedding models.
import { OllamaEmbeddings } from '@langchain/ollama';
import { createClient, type Client } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestKnowledge } from '../../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../../agents/retrieval/knowledge-files.node.ts';
import { createDb } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { startLibsqlServer, type LibsqlServer } from '../support/libsql-server/server.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';

export const CHAT_MODEL = 'qwen3:8b';
export const EMBED_MODEL = 'bge-m3';
export const JOBS_TOKEN = 'jobs-token-for-the-runtime-suite';
/** Every chat call gets this answer: it cites the first source, so a turn is answered and stored complete. */
export const MODEL_ANSWER = ['MeluXina-AI ', 'gëtt ', 'ongeféier ', '15 Mol ', 'méi staark [1].'];

export type Stack = {
  /** The libSQL file behind the stand-in, opened directly (a second connection; the file is in WAL mode). */
  file: Client;
  dbPath: string;
  libsql: LibsqlServer;
  ollama: OllamaStandIn;
  /** The configuration both runtimes get, as environment variables. */
  env: Record<string, string>;
  close(): Promise<void>;
};

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-runtime-'));
  const dbPath = join(dir, 'assistant.db');
  const authToken = 'libsql-stand-in-token';
  // The stand-in first: it creates the file in WAL mode, so the direct connection below never blocks it.
  const libsql = await startLibsqlServer({ dbPath, authToken });
  const ollama = await startOllamaStandIn({ fallback: { tokens: MODEL_ANSWER } });
  const file = createClient({ url: `file:${dbPath}` });
  await runMigrations(file);
  // Indexed from Node, as `npm run ingest` does for a libSQL server: the worker has no file system to read knowledge/.
  const embeddings = new OllamaEmbeddings({ model: EMBED_MODEL, baseUrl: ollama.url });
  await ingestKnowledge(createDb(file), await readKnowledgeFiles(), { embedder: { model: EMBED_MODEL, embeddings } });
  return {
    file,
    dbPath,
    libsql,
    ollama,
    env: {
      DATABASE_URL: libsql.url,
      DATABASE_AUTH_TOKEN: authToken,
      OLLAMA_HOSTS: ollama.url,
      CHAT_MODEL,
      EMBED_MODEL,
      LLM_MODE: 'auto',
      JOBS_TOKEN,
      ALLOWED_ORIGINS: 'https://www.example.lu',
      // info: the Node entry's startup line is how the tests know it is ready.
      LOG_LEVEL: 'info',
    },
    async close() {
      file.close();
      await libsql.close();
      await ollama.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
