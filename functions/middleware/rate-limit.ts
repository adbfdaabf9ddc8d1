// Rate limits at the door: a request over its bucket's limit is answered 429 with Retry-After before its body is
// read. The per-conversation count of chat turns is taken by the chat route, which knows the conversation.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../agents/errors.ts';
import { answerMode } from '../../agents/ollama/pool.ts';
import { checkRate, type Requester } from '../../agents/security/rate-check.ts';
import type { Bucket } from '../../agents/security/rate-limit.ts';
import { clientAddress } from '../client-address.ts';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

/** Counts this request in `bucket` for `who`; throws the 429 AppError when it is over a limit. */
export async function limitRequest(c: Context<AppBindings>, bucket: Bucket, who: Requester): Promise<void> {
  const { deps } = c.var;
  try {
    await checkRate({ db: deps.db, now: deps.now, limits: deps.limits, salt: deps.rateSalt }, bucket, who);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'rate_limited') throw error;
    throw new AppError(429, 'rate_limited', error.params, { 'retry-after': String(error.params['retryAfter']), 'cache-control': 'no-store' });
  }
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
