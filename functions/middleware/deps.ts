// Puts the app's dependencies and a request-scoped logger on the context, and logs each request without personal data.
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppBindings, AppDeps } from '../types.ts';

export function withDeps(deps: AppDeps) {
  return createMiddleware<AppBindings>(async function withDeps(c, next) {
    const log = deps.log.child({ requestId: c.var.requestId });
    c.set('deps', deps);
    c.set('log', log);
    const started = performance.now();
    await next();
    // The route's pattern (`/api/leads/:id/withdraw`), never the path: paths and query strings carry what people
    // typed (an e-mail, a phone number). A request no route took logs the pattern of the last middleware (`/api/*`).
    log.info('request', { method: c.req.method, path: routePath(c), status: c.res.status, ms: Math.round(performance.now() - started) });
  });
}
