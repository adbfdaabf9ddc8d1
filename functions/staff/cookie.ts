// The staff session cookie: HttpOnly, SameSite=Strict and Secure (with the __Host- prefix, so no sibling site can
// plant one); Secure is dropped only for plain http on localhost or 127.0.0.1, where browsers would refuse it.
import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import type { AppBindings } from '../types.ts';

const NAME = 'aif_staff';
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/**
 * Whether the cookie must be Secure. A PUBLIC_URL on https settles it (a TLS proxy may talk plain http to us on the
 * loopback); otherwise only an http request to localhost or 127.0.0.1 goes without.
 */
export function secureCookie(c: Context<AppBindings>): boolean {
  if (c.var.deps.env.PUBLIC_URL?.startsWith('https:')) return true;
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname));
}

const cookieName = (secure: boolean) => (secure ? `__Host-${NAME}` : NAME);

/** The session token the browser sent, read only under the name this origin sets. */
export const sessionToken = (c: Context<AppBindings>): string | undefined => getCookie(c, cookieName(secureCookie(c))) || undefined;

/** The Set-Cookie value that stores `token` until `expiresAt` (the session's absolute end). */
export function sessionCookie(c: Context<AppBindings>, token: string, expiresAt: number): string {
  const secure = secureCookie(c);
  const maxAge = Math.max(0, Math.floor((expiresAt - c.var.deps.now()) / 1000));
  return generateCookie(cookieName(secure), token, { path: '/', httpOnly: true, secure, sameSite: 'Strict', maxAge });
}

/** The Set-Cookie value that makes the browser forget the session cookie. */
export function clearedSessionCookie(c: Context<AppBindings>): string {
  const secure = secureCookie(c);
  return generateCookie(cookieName(secure), '', { path: '/', httpOnly: true, secure, sameSite: 'Strict', maxAge: 0 });
}
