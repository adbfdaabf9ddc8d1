// Rate limits at the door: a request over its bucket's limit is answered 429 with Retry-After before its body is
// read. The chat route limits a conversation's turns itself, from the questions it reads for the turn anyway.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../agents/errors.ts';
import { answerMode } from '../../agents/ollama/pool.ts';
import { checkRate, type Requester } from '../../agents/security/rate-check.ts';
import { decideByTimes, type Bucket } from '../../agents/security/rate-limit.ts';
import { clientAddress } from '../client-address.ts';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

const tooMany = (retryAfter: number) => new AppError(429, 'rate_limited', { retryAfter }, { 'retry-after': String(retryAfter), 'cache-control': 'no-store' });

/** Counts this request in `bucket` for `who`; throws the 429 AppError when it is over a limit. */
export async function limitRequest(c: Context<AppBindings>, bucket: Bucket, who: Requester): Promise<void> {
  const { deps } = c.var;
  try {
    await checkRate({ db: deps.db, now: deps.now, limits: deps.limits, salt: deps.rateSalt }, bucket, who);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'rate_limited') throw error;
    throw tooMany(Number(error.params['retryAfter']));
  }
}

/**
 * A conversation's chat turns within `chat.conversation`, counted from when its earlier questions were asked: they
 * are stored, and read for the turn anyway, so this writes nothing (a counter was one more write on every follow-up).
 * A refused question is not stored, and so is not counted.
 */
export function limitConversationTurns(c: Context<AppBindings>, askedAt: readonly number[]): void {
  const { deps } = c.var;
  const limit = deps.limits.chat.conversation;
  if (!limit) return;
  const decision = decideByTimes(askedAt, limit, deps.now());
  if (!decision.allowed) throw tooMany(decision.retryAfterSeconds);
}

/**
 * Chat turns are limited for what they cost: a model call on a shared GPU. Without a model (offline, the embedded
 * default) a turn is a few milliseconds of retrieval, and the limit would only stand in the way of local use.
 */
export const spendsModel = (c: Context<AppBindings>): boolean => answerMode(c.var.deps.llm.mode()) === 'llm';

/** The middleware form, for routes whose conversation (if any) is in the path; `applies` can exempt a request. */
export function rateLimit(bucket: Bucket, conversationOf?: (c: Context<AppBindings>) => string | undefined, applies: (c: Context<AppBindings>) => boolean = () => true) {
  return createMiddleware<AppBindings>(async function rateLimited(c, next) {
    if (!applies(c)) return next();
    const conversationId = conversationOf?.(c);
    await limitRequest(c, bucket, { address: clientAddress(c, c.var.deps.trustedProxies), ...(conversationId ? { conversationId } : {}) });
    await next();
  });
}
