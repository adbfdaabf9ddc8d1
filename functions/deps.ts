// Builds the app's dependencies from the parsed environment and a database client; shared by both entry points.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Client } from '@libsql/client';
import { createHostPool, sameModel } from '../agents/ollama/pool.ts';
import { chunkFrequencies, storedEmbedding } from '../db/queries/knowledge.ts';
import { rememberTermStats } from '../agents/retrieval/term-stats-cache.ts';
import { rememberQueryVectors } from '../agents/retrieval/query-vectors.ts';
import { rememberKnowledge } from '../agents/retrieval/knowledge-snapshot.ts';
import { rememberKnowledgeQuestions } from '../agents/answer/faq-match.ts';
import { rememberLatest } from '../agents/remember-latest.ts';
import { createApprovedAnswers } from '../agents/approved/answers.ts';
import { parseLimits } from '../agents/security/rate-limit.ts';
import { randomToken } from '../agents/security/tokens.ts';
import { daySalt } from '../db/queries/rate-limits.ts';
import { parseTrustedProxies } from './client-address.ts';
import type { TurnPorts } from '../agents/chat/ports.ts';
import type { JobPorts } from '../agents/jobs/registry.ts';
import type { Mailer } from '../agents/mail/mailer.ts';
import { createI18n } from '../locales/index.ts';
import { parseStaffHours } from '../agents/staff/hours.ts';
import { createRedactor } from '../agents/privacy/redact.ts';
import { createDb } from '../db/client.ts';
import { DEFAULT_TIMEOUTS, type LlmTimeouts } from '../agents/public/agent.ts';
import { educationPromptOpenings } from '../prompts/education.ts';
import { promptOpenings } from '../prompts/public.ts';
import type { Env } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import type { AppDeps } from './types.ts';

export const VERSION = '0.1.0';

const STORED_MODEL_TTL_MS = 60_000;

/** Configuration values an answer must never echo: addresses, tokens, secrets, proxy headers. */
export function configurationValues(env: Env): string[] {
  return [
    env.DATABASE_URL,
    env.DATABASE_AUTH_TOKEN,
    env.JOBS_TOKEN,
    env.METRICS_TOKEN,
    env.LEAD_WEBHOOK_URL,
    env.LEAD_WEBHOOK_SECRET,
    env.LEAD_WEBHOOK_SECRET_NEXT,
    env.SMTP_URL,
    ...env.OLLAMA_HOSTS,
    ...Object.values(env.OLLAMA_HOST_HEADERS).flatMap((headers) => Object.values(headers)),
  ].filter((value): value is string => typeof value === 'string' && value.length >= 6);
}

/**
 * `fetch` serves every outbound call; `hostFetch`, when given, the Ollama hosts' (the Node entry passes the one of
 * agents/ollama/http-fetch.node.ts).
 */
export function createDeps(env: Env, client: Client, options: { log?: Logger; fetch?: typeof fetch; hostFetch?: typeof fetch; now?: () => number; llmTimeouts?: LlmTimeouts; cooldownMs?: number; mailer?: Mailer | null; closing?: AbortSignal } = {}): AppDeps {
  const llm = createHostPool({
    hosts: env.OLLAMA_HOSTS,
    headers: env.OLLAMA_HOST_HEADERS,
    chatModel: env.CHAT_MODEL,
    embedModel: env.EMBED_MODEL,
    forceOffline: env.LLM_MODE === 'offline',
    fetch: options.hostFetch ?? options.fetch,
    cooldownMs: options.cooldownMs,
  });
  const canary = `cnry-${crypto.randomUUID()}`;
  const db = createDb(client);
  const now = options.now ?? Date.now;
  const storedModelOf = rememberLatest((_minute: number) => storedEmbedding(db));
  const storedModel = () => storedModelOf(Math.floor(now() / STORED_MODEL_TTL_MS));
  const knowledge = rememberKnowledge(db, now);
  const termStats = rememberTermStats((prefixes, lang, scope) => chunkFrequencies(db, prefixes, lang, scope), knowledge);
  const timeouts = options.llmTimeouts ?? DEFAULT_TIMEOUTS;
  return {
    env,
    canary,
    secrets: [canary, ...promptOpenings(), ...educationPromptOpenings(), ...configurationValues(env)],
    db,
    now,
    llmTimeouts: timeouts,
    // A wrapper, not the bare global: workerd rejects a fetch called without its own `this`.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    log: options.log ?? createLogger(env.LOG_LEVEL),
    i18n: createI18n(),
    llm,
    version: VERSION,
    staffHours: parseStaffHours(env.STAFF_HOURS),
    redact: createRedactor(),
    // Staff replies by e-mail: only the Node entry passes one (SMTP_URL set); workerd has none.
    mailer: options.mailer ?? null,
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    limits: parseLimits(env.RATE_LIMITS ?? ''),
    rateSalt: rememberLatest((day: string) => daySalt(db, day, randomToken(16))),
    ...(options.closing ? { closing: options.closing } : {}),
    knowledge,
    questions: rememberKnowledgeQuestions(knowledge),
    termStats,
    approved: createApprovedAnswers({ db, now, termStats }),
    // Query vectors must come from the model that made the stored ones; otherwise lexical search alone. Which model
    // made them changes only when the knowledge is indexed again, so it is read at most once a minute, not per turn.
    async queryEmbeddings() {
      const embedder = llm.embedder(timeouts.queryVectorMs ?? DEFAULT_TIMEOUTS.queryVectorMs);
      if (!embedder) return null;
      const stored = await storedModel();
      return stored && sameModel(stored.model, embedder.model) ? embedder.embeddings : null;
    },
  };
}

/** The ports of one chat turn, from the app's dependencies; a turn's query vectors are requested once each. */
export function turnPorts(deps: AppDeps): TurnPorts {
  let embeddings: Promise<EmbeddingsInterface | null> | undefined;
  return {
    db: deps.db,
    embeddings: () => (embeddings ??= deps.queryEmbeddings().then((found) => found && rememberQueryVectors(found))),
    knowledge: deps.knowledge,
    questions: deps.questions,
    termStats: deps.termStats,
    approved: deps.approved,
    llm: { pool: deps.llm, model: deps.env.CHAT_MODEL, timeouts: deps.llmTimeouts },
    guard: { canary: deps.canary, secrets: deps.secrets },
    leads: { threshold: deps.env.LEAD_QUALIFY_THRESHOLD, retentionDays: deps.env.LEAD_RETENTION_DAYS },
    hours: deps.staffHours,
    eduAccess: deps.env.EDU_ACCESS,
    notifyByEmail: deps.mailer !== null,
    redact: deps.redact,
    now: deps.now,
    log: deps.log,
    i18n: deps.i18n,
  };
}

/** The ports of the scheduled jobs. */
export function jobPorts(deps: AppDeps): JobPorts {
  return { db: deps.db, now: deps.now, log: deps.log, llm: deps.llm, fetch: deps.fetch, mailer: deps.mailer, webhook: { url: deps.env.LEAD_WEBHOOK_URL, secret: deps.env.LEAD_WEBHOOK_SECRET, nextSecret: deps.env.LEAD_WEBHOOK_SECRET_NEXT } };
}
