// Staff session routes: POST /api/staff/login → {name, role, csrfToken} and the session cookie; POST /api/staff/logout;
// GET /api/staff/me → {id, name, role, lang, csrfToken} (a reloaded console recovers its CSRF token through the cookie).
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../agents/errors.ts';
import { login } from '../../agents/staff/login.ts';
import { csrfTokenFor, endSession } from '../../agents/staff/sessions.ts';
import { AppError } from '../errors.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff, staffOf } from './auth.ts';
import { clientAddress } from '../client-address.ts';
import { clearedSessionCookie, sessionCookie, sessionToken } from './cookie.ts';
import { LoginSchema } from './schema.ts';

/**
 * Refuses a login sent from another site (Sec-Fetch-Site, set by browsers and not by scripts): a forged login would
 * sign a staff member's browser into someone else's account. Clients that send no such header are not browsers.
 */
function sameOriginOnly() {
  return createMiddleware<AppBindings>(async function sameOriginOnly(c, next) {
    c.header('cache-control', 'no-store');
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError(403, 'forbidden');
    await next();
  });
}

export function staffSessionRoutes() {
  return new Hono<AppBindings>()
    .post('/api/staff/login', sameOriginOnly(), jsonBody(), validate('json', LoginSchema), async (c) => {
      const { email, password } = c.req.valid('json');
      const { db, now } = c.var.deps;
      try {
        const { staff, session } = await login({ db, now }, { email, password, client: clientAddress(c, c.var.deps.trustedProxies) });
        c.header('set-cookie', sessionCookie(c, session.token, session.expiresAt), { append: true });
        c.var.log.info('staff login', { staffId: staff.id, role: staff.role });
        return c.json({ name: staff.name, role: staff.role, csrfToken: session.csrfToken });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // The log names no address: the audit row (a hash for unknown ones) is where attempts are traced.
        c.var.log.info('staff login refused', { code: error.code });
        if (error.code !== 'too_many_attempts') throw error;
        const retryAfter = String(error.params['retryAfter']);
        throw new AppError(429, error.code, error.params, { 'retry-after': retryAfter, 'cache-control': 'no-store' });
      }
    })
    .post('/api/staff/logout', requireStaff(), async (c) => {
      const token = sessionToken(c);
      if (token) await endSession(c.var.deps.db, token, c.var.deps.now());
      c.header('set-cookie', clearedSessionCookie(c), { append: true });
      return c.json({ ok: true });
    })
    .get('/api/staff/me', requireStaff(), async (c) => {
      const { id, name, role, lang } = staffOf(c);
      const token = sessionToken(c);
      return c.json({ id, name, role, lang, csrfToken: token ? csrfTokenFor(token) : undefined });
    });
}
