// CORS for /api/*: only the sites named in ALLOWED_ORIGINS may call the API from a browser; no cookies are involved
// (conversations use bearer tokens), so credentials stay off.
import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { AppBindings } from '../types.ts';

export function apiCors({ maxAge = 600 }: { maxAge?: number } = {}): MiddlewareHandler<AppBindings> {
  return cors({
    // Same-origin requests need no header; another origin gets one only when it is allowed.
    origin: (origin, c) => (origin && (c.var.deps.env.ALLOWED_ORIGINS as string[]).some((allowed) => new URL(allowed).origin === origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['content-type', 'authorization', 'accept', 'accept-language', 'last-event-id'],
    exposeHeaders: ['retry-after', 'content-disposition'],
    maxAge,
  }) as MiddlewareHandler<AppBindings>;
}
