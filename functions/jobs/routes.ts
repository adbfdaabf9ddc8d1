// POST /internal/jobs/:name — being built (issue 7).
import { Hono } from 'hono';
import type { AppBindings } from '../types.ts';

export function jobRoutes() {
  return new Hono<AppBindings>();
}
