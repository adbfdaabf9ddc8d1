// What one chat turn uses, passed in by the app: storage, the knowledge, the model pool, guards, time, log, texts.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Db } from '../../db/client.ts';
import type { HostPool } from '../ollama/pool.ts';
import type { LlmTimeouts } from '../public/agent.ts';
import type { Clock, I18n, Log } from '../ports.ts';
import type { StaffHours } from '../staff/hours.ts';
import type { EduAccess } from '../edu/access.ts';
import type { Redactor } from '../privacy/redact.ts';
import type { ReadTermStats } from '../retrieval/term-stats-cache.ts';
import type { ReadKnowledge } from '../retrieval/knowledge-snapshot.ts';
import type { FindApproved } from '../approved/match.ts';
import type { ReadKnowledgeQuestions } from '../answer/faq-match.ts';

/** The two assistants: the public one (widget) and the teachers' one (/edu). */
export type Assistant = 'public' | 'education';

export type TurnPorts = {
  /** Conversations, messages, lead drafts and the knowledge index. */
  db: Db;
  /** Query embeddings from the model that made the stored vectors, or null (lexical retrieval only); within a turn each text's vector is requested once. */
  embeddings(): Promise<EmbeddingsInterface | null>;
  /** The chunks and their vectors, in memory per index generation (agents/retrieval/knowledge-snapshot.ts). */
  knowledge: ReadKnowledge;
  /** The sections of the knowledge headed by a question (agents/answer/faq-match.ts). */
  questions: ReadKnowledgeQuestions;
  /** How many chunks of a language hold each word prefix (agents/retrieval/term-stats-cache.ts). */
  termStats: ReadTermStats;
  /** Answers staff approved: a question that matches one closely gets it verbatim (agents/approved/). */
  approved: FindApproved;
  llm: { pool: HostPool; model: string; timeouts: LlmTimeouts };
  /** The per-process canary in the prompt, and every string no answer may contain. */
  guard: { canary: string; secrets: string[] };
  /** LEAD_QUALIFY_THRESHOLD and LEAD_RETENTION_DAYS, for a lead the agent captures. */
  leads: { threshold: number; retentionDays: number };
  /** STAFF_HOURS: when a person can take over. */
  hours: StaffHours;
  /** EDU_ACCESS: whether the teachers' assistant needs an access code. */
  eduAccess: EduAccess;
  /** Whether staff replies can go out by e-mail (a mailer exists): outside office hours the visitor is offered it. */
  notifyByEmail?: boolean;
  /** Removes personal data from teachers' messages (built once: it compiles its detectors). */
  redact: Redactor;
  now: Clock;
  log: Log;
  i18n: I18n;
};
