// The widget script, the demo page and the privacy page — being built (issue 6).
import { Hono } from 'hono';
import type { AppBindings } from '../types.ts';

export function widgetRoutes() {
  return new Hono<AppBindings>();
}
