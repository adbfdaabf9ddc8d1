// makeApp(): the real app over a fresh, migrated libSQL file in a temporary folder; nothing shared between tests.
import type { Client } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestKnowledge, type Embedder, type KnowledgeFile } from '../../agents/retrieval/ingest.ts';
import { readKnowledgeFiles } from '../../agents/retrieval/knowledge-files.node.ts';
import { runMigrations } from '../../db/migrate.ts';
import { openClient } from '../../db/open.node.ts';
import { createApp } from '../../functions/app.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { createLogger } from '../../functions/logger.ts';
import { mailerFromEnv } from '../../functions/mail/smtp.node.ts';
import type { Mailer } from '../../agents/mail/mailer.ts';
import { createDb, type Db } from '../../db/client.ts';
import type { LlmTimeouts } from '../../agents/public/agent.ts';

/** A migrated database file: `client` for raw SQL in assertions, `drizzle` for the app's queries. */
export type TestDb = { client: Client; drizzle: Db; dir: string; url: string; dispose: () => void };

export async function makeDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-test-'));
  const url = `file:${join(dir, 'assistant.db')}`;
  const client = await openClient(url);
  await runMigrations(client);
  return {
    client,
    drizzle: createDb(client),
    dir,
    url,
    dispose: () => {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Limits no test reaches by accident: every test client is 127.0.0.1; the rate-limit tests set their own. */
export const UNLIMITED = ['chat', 'chat.conversation', 'leads', 'feedback', 'escalation', 'escalation.conversation', 'login'].map((bucket) => `${bucket}=999999/1m`).join(',');

export type MakeAppOptions = {
  env?: Record<string, string>;
  llmTimeouts?: LlmTimeouts;
  cooldownMs?: number;
  files?: KnowledgeFile[];
  embedder?: Embedder | null;
  /** The app's clock (office hours, session expiry); the real one by default. */
  now?: () => number;
  /** The mailer; by default the Node one SMTP_URL asks for (none without it), as `npm start` builds it. */
  mailer?: Mailer | null;
};

export async function makeApp(options: MakeAppOptions = {}) {
  const db = await makeDb();
  const lines: string[] = [];
  const env = parseEnv({ LLM_MODE: 'offline', DATABASE_URL: db.url, RATE_LIMITS: UNLIMITED, ...options.env });
  const deps = createDeps(env, db.client, { log: createLogger('debug', (line) => lines.push(line)), llmTimeouts: options.llmTimeouts, cooldownMs: options.cooldownMs, now: options.now, mailer: options.mailer !== undefined ? options.mailer : mailerFromEnv(env) });
  await deps.llm.probe();
  const report = await ingestKnowledge(deps.db, options.files ?? (await readKnowledgeFiles()), { embedder: options.embedder ?? deps.llm.embedder() });
  const app = createApp(deps);
  return { app, deps, db, report, logs: lines, dispose: db.dispose };
}

/** A small knowledge document in the shape of knowledge/<lang>/<id>.md. */
export function knowledgeFile(id: string, lang: string, title: string, body: string): KnowledgeFile {
  return {
    path: `${lang}/${id}.md`,
    content: `---\nid: ${id}\ntitle: "${title}"\nlang: ${lang}\naudience: [sme]\nsource: [test]\nupdated: 2026-11-22\nreview: machine\n---\n# ${title}\n\n${body}\n`,
  };
}
