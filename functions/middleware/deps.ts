// Puts the app's dependencies and a request-scoped logger on the context, and logs each request without personal data.
import { createMiddleware } from 'hono/factory';
import type { AppBindings, AppDeps } from '../types.ts';

export function withDeps(deps: AppDeps) {
  return createMiddleware<AppBindings>(async function withDeps(c, next) {
    const log = deps.log.child({ requestId: c.var.requestId });
    c.set('deps', deps);
    c.set('log', log);
    const started = performance.now();
    await next();
    // The path only: query strings carry what people typed.
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
}
