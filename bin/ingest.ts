// `npm run ingest`: migrate and index knowledge/ into any DATABASE_URL (file or libSQL server).
import { createHostPool } from '../agents/ollama/pool.ts';
import { ingestKnowledge } from '../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../agents/retrieval/knowledge-files.node.ts';
import { createDb } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { openClient } from '../db/open.node.ts';
import { EnvError, parseEnv } from '../functions/env.ts';

try {
  const env = parseEnv(process.env);
  const client = await openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await runMigrations(client);
  const probe = createHostPool({ hosts: env.OLLAMA_HOSTS, headers: env.OLLAMA_HOST_HEADERS, chatModel: env.CHAT_MODEL, embedModel: env.EMBED_MODEL, forceOffline: env.LLM_MODE === 'offline' });
  await probe.probe();
  const report = await ingestKnowledge(createDb(client), await readKnowledgeFiles(), { embedder: probe.embedder(), force: process.argv.includes('--force') });
  console.log(JSON.stringify({ msg: 'ingested', ...report }));
  client.close();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
