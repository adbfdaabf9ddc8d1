// Bearer check for the job endpoint: JOBS_TOKEN compared in constant time; without JOBS_TOKEN the endpoint is off.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

/**
 * Equal strings, in time that depends on neither the contents nor the length of the secret: both sides are
 * hashed to 32 bytes first, and every byte is compared.
 */
export function sameSecret(expected: string, presented: string): boolean {
  const a = sha256(utf8ToBytes(expected));
  const b = sha256(utf8ToBytes(presented));
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

export function requireJobsToken() {
  return createMiddleware<AppBindings>(async function requireJobsToken(c, next) {
    const expected = c.var.deps.env.JOBS_TOKEN;
    // 503, not 401: no token can succeed, and the operator should read "not configured", not "wrong token".
    if (!expected) throw new AppError(503, 'jobs_disabled');
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented || !sameSecret(expected, presented)) {
      throw new AppError(401, 'unauthorized', {}, { 'WWW-Authenticate': 'Bearer realm="jobs"' });
    }
    await next();
  });
}
