// Bearer check for the job endpoint: JOBS_TOKEN compared in constant time; without JOBS_TOKEN the endpoint is off.
import { createMiddleware } from 'hono/factory';
import { bearerToken, sameSecret } from '../../agents/security/tokens.ts';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

export function requireJobsToken() {
  return createMiddleware<AppBindings>(async function requireJobsToken(c, next) {
    const expected = c.var.deps.env.JOBS_TOKEN;
    // 503, not 401: no token can succeed, and the operator should read "not configured", not "wrong token".
    if (!expected) throw new AppError(503, 'jobs_disabled');
    const presented = bearerToken(c.req.header('authorization'));
    if (!presented || !sameSecret(expected, presented)) {
      throw new AppError(401, 'unauthorized', {}, { 'WWW-Authenticate': 'Bearer realm="jobs"' });
    }
    await next();
  });
}
