// The app's dependencies and Hono bindings: everything a handler needs arrives here, nothing is imported as a global.
import type { Limits } from '../agents/security/rate-limit.ts';
import type { TrustedProxies } from './client-address.ts';
import type { ReadTermStats } from '../agents/retrieval/term-stats-cache.ts';
import type { ReadKnowledge } from '../agents/retrieval/knowledge-snapshot.ts';
import type { ReadKnowledgeQuestions } from '../agents/answer/faq-match.ts';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Lang } from '../agents/language/languages.ts';
import type { StaffMember } from '../agents/staff/accounts.ts';
import type { HostPool } from '../agents/ollama/pool.ts';
import type { LlmTimeouts } from '../agents/public/agent.ts';
import type { StaffHours } from '../agents/staff/hours.ts';
import type { Redactor } from '../agents/privacy/redact.ts';
import type { Mailer } from '../agents/mail/mailer.ts';
import type { ApprovedAnswers } from '../agents/approved/answers.ts';
import type { Db } from '../db/client.ts';
import type { createI18n, Translate } from '../locales/index.ts';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';

export type AppDeps = {
  env: Env;
  /** drizzle over the libSQL client; `db.$client` runs the FTS5 and vector SQL of db/queries/knowledge.ts. */
  db: Db;
  now: () => number;
  llmTimeouts: LlmTimeouts;
  /** A random marker in every system prompt, made per process: seeing it in an answer proves a prompt leak. */
  canary: string;
  /** Strings no answer may contain: the canary, the prompts' opening words, configuration values. */
  secrets: string[];
  fetch: typeof fetch;
  log: Logger;
  i18n: ReturnType<typeof createI18n>;
  llm: HostPool;
  version: string;
  /** STAFF_HOURS, parsed once. */
  staffHours: StaffHours;
  redact: Redactor;
  /** Sends staff replies by e-mail (SMTP_URL, Node only); null when there is none. */
  mailer: Mailer | null;
  queryEmbeddings(): Promise<EmbeddingsInterface | null>;
  /** The chunks and their vectors in memory, loaded again when the index generation changes. */
  knowledge: ReadKnowledge;
  /** The knowledge's sections headed by a question, read once per index generation. */
  questions: ReadKnowledgeQuestions;
  /** Chunk counts per word prefix, remembered for a minute (the answer decision asks on every turn). */
  termStats: ReadTermStats;
  /** Approved answers: written and retired by admins, matched in public turns (live ones kept a minute per process). */
  approved: ApprovedAnswers;
  /** TRUSTED_PROXIES, parsed: whose X-Forwarded-For is believed (functions/client-address.ts). */
  trustedProxies: TrustedProxies;
  /** The rate limits in force (defaults with RATE_LIMITS over them). */
  limits: Limits;
  /** The day's salt for hashing client addresses, shared through the database and remembered for the day. */
  rateSalt: (day: string) => Promise<string>;
  /** Aborted when the Node process shuts down: event streams end at once, and their clients resume on another instance. */
  closing?: AbortSignal;
};

export type AppBindings = {
  Variables: {
    requestId: string;
    deps: AppDeps;
    log: Logger;
    lang: Lang;
    t: Translate;
    staff?: StaffMember;
  };
};
