// A bearer token from the configuration, compared in constant time. Without the token configured the endpoint is
// off: 503 with `disabled`, not 401, since no token can succeed and the operator should read "not configured".
import { createMiddleware } from 'hono/factory';
import { bearerToken, sameSecret } from '../../agents/security/tokens.ts';
import { AppError } from '../errors.ts';
import type { AppBindings, AppDeps } from '../types.ts';

export function requireBearer(options: { secret: (env: AppDeps['env']) => string | undefined; realm: string; disabled: string }) {
  return createMiddleware<AppBindings>(async function requireBearer(c, next) {
    const expected = options.secret(c.var.deps.env);
    if (!expected) throw new AppError(503, options.disabled);
    const presented = bearerToken(c.req.header('authorization'));
    if (!presented || !sameSecret(expected, presented)) {
      throw new AppError(401, 'unauthorized', {}, { 'WWW-Authenticate': `Bearer realm="${options.realm}"` });
    }
    await next();
  });
}
