// A strict Content-Security-Policy on every response (no inline script or style anywhere), and cross-origin
// loading allowed only for the public widget files. Runs outside secureHeaders so its headers are the final word.
import { createMiddleware } from 'hono/factory';
import type { AppBindings } from '../types.ts';

export const DEFAULT_POLICY = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The header value of a policy: directives in order, sources separated by spaces. */
export const policyHeader = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');

export function contentSecurityPolicy({ policy = DEFAULT_POLICY, crossOrigin = [/^\/widget(\.js|\.json|\/)/, /^\/assets\//] }: { policy?: Record<string, string[]>; crossOrigin?: RegExp[] } = {}) {
  const header = policyHeader(policy);
  return createMiddleware<AppBindings>(async function contentSecurityPolicy(c, next) {
    await next();
    c.res.headers.set('content-security-policy', header);
    // Sites on other origins load widget.js: secureHeaders' same-origin resource policy would block it.
    if (crossOrigin.some((pattern) => pattern.test(c.req.path))) c.res.headers.set('cross-origin-resource-policy', 'cross-origin');
  });
}
