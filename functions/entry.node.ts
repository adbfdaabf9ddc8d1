// Node entry (`npm start`): parse the environment, migrate, ingest when the knowledge changed, serve on PORT.
import type { Server } from 'node:http';
import { runMigrations } from '../db/migrate.ts';
import { openClient } from '../db/open.node.ts';
import { markStaleStreamingIncomplete } from '../db/queries/conversations.ts';
import { ingestKnowledge } from '../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../agents/retrieval/knowledge-files.node.ts';
import { createApp } from './app.ts';
import { createHostFetch } from '../agents/ollama/http-fetch.node.ts';
import { answerMode } from '../agents/ollama/pool.ts';
import { createDeps, jobPorts } from './deps.ts';
import { EnvError, parseEnv, type Env } from './env.ts';
import { startJobTimer } from './jobs/timer.ts';
import { mailerFromEnv } from './mail/smtp.node.ts';
import { serveNode, type ServerTimeouts } from './serve.node.ts';

export type NodeServerOptions = {
  /** The server's timeouts, for tests that cannot wait for the defaults (`DEFAULT_SERVER_TIMEOUTS`). */
  timeouts?: Partial<ServerTimeouts>;
  /** How long a shutdown lets answers under way finish before it closes their connections. */
  shutdownGraceMs?: number;
};

// Under the 30 s most platforms give a stopping process before they kill it.
const SHUTDOWN_GRACE_MS = 20_000;

export async function startNodeServer(env: Env, options: NodeServerOptions = {}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const client = await openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await runMigrations(client);
  const closing = new AbortController();
  const deps = createDeps(env, client, { mailer: mailerFromEnv(env), hostFetch: createHostFetch(), closing: closing.signal });
  const interrupted = await markStaleStreamingIncomplete(deps.db);
  await deps.llm.probe();
  for (const model of deps.llm.missingModels()) deps.log.warn('model not found on any Ollama host', { model, hint: `ollama pull ${model}` });
  const report = await ingestKnowledge(deps.db, await readKnowledgeFiles(), { embedder: deps.llm.embedder() });
  // The knowledge is read into memory before the first visitor asks, not during their turn (20–40 ms).
  await deps.knowledge();
  const app = createApp(deps);
  // The scheduled jobs (retention purge, probes…), the same runner POST /internal/jobs/:name uses on workerd.
  const jobs = startJobTimer(jobPorts(deps));

  const english = deps.i18n.forLang('en');
  const server = await serveNode(app.fetch, { port: env.PORT, timeouts: options.timeouts, message: (code) => english(`errors.${code}`) });
  const url = `http://localhost:${env.PORT}`;
  deps.log.info('ready', {
    url,
    documents: report.documents,
    chunks: report.chunks,
    languages: report.languages,
    mode: answerMode(deps.llm.mode()),
    retrieval: report.embedded ? `hybrid (${report.embedded.model}, ${report.embedded.dimension} dims)` : 'lexical',
    reindexed: report.changed,
    interruptedAnswers: interrupted,
  });
  return {
    server,
    url,
    // New connections are refused and event streams end at once; answers under way get the grace period, then their
    // connections are closed (a cut answer is marked incomplete at the next start).
    close: async () => {
      jobs.stop();
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A kept-alive connection whose answer ends during the shutdown is closed as soon as it is idle, not when its
      // keep-alive runs out (the client is the side that closes them in service, serve.node.ts).
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const forced = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
      await closed;
      clearInterval(idle);
      clearTimeout(forced);
      client.close();
    },
  };
}

/** `npm start`: the environment parsed (exit 1 naming the variable when it is wrong), then the server until a signal. */
export async function main() {
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const running = await startNodeServer(env);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
