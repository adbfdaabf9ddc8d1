// The assistant's public origin for links it hands out: PUBLIC_URL when set (behind a proxy), else the request's.
import type { Context } from 'hono';
import type { AppBindings } from './types.ts';

export const publicOrigin = (c: Context<AppBindings>) => (c.var.deps.env.PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/$/, '');
