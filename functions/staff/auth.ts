// requireStaff(): the gate of every staff route — a live session from the cookie (401), the X-CSRF-Token on unsafe
// methods (403), the role when one is asked for (403) — then `c.var.staff` and the staff member's language.
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../agents/errors.ts';
import type { StaffMember } from '../../agents/staff/accounts.ts';
import { csrfMatches, resumeSession } from '../../agents/staff/sessions.ts';
import { AppError } from '../errors.ts';
import { setLanguage } from '../middleware/language.ts';
import type { AppBindings } from '../types.ts';
import { clearedSessionCookie, sessionToken } from './cookie.ts';

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;

export function requireStaff({ role }: { role?: 'admin' } = {}): MiddlewareHandler<AppBindings> {
  return createMiddleware<AppBindings>(async function requireStaff(c, next) {
    // Staff answers hold personal data and the CSRF token: no cache may keep them.
    c.header('cache-control', 'no-store');
    // Already let through by a gate on a wider path (route groups share paths): only the role is left to check.
    if (c.var.staff) {
      if (role && c.var.staff.role !== role) throw new AppError(403, 'forbidden');
      return next();
    }
    const token = sessionToken(c);
    if (!token) throw new AppError(401, 'unauthorized');
    let session;
    try {
      session = await resumeSession(c.var.deps.db, token, c.var.deps.now());
    } catch (error) {
      // The browser forgets a cookie that can no longer work, so the console shows its login form.
      if (error instanceof DomainError) throw new AppError(401, error.code, {}, { 'set-cookie': clearedSessionCookie(c), 'cache-control': 'no-store' });
      throw error;
    }
    // From here on the staff member is known: their console language is the language of every answer, errors too.
    setLanguage(c, session.staff.lang);
    if (!SAFE_METHODS.test(c.req.method) && !csrfMatches(token, c.req.header('x-csrf-token'))) throw new AppError(403, 'csrf_invalid');
    if (role && session.staff.role !== role) throw new AppError(403, 'forbidden');
    c.set('staff', session.staff);
    await next();
  });
}

/**
 * The signed-in staff member, for handlers behind requireStaff(). `c.var.staff` stays optional in AppBindings so
 * every handler keeps the one context type; this turns a route mounted without the gate into a 401, not a crash.
 */
export function staffOf(c: Context<AppBindings>): StaffMember {
  if (!c.var.staff) throw new AppError(401, 'unauthorized');
  return c.var.staff;
}
