// Probes: /livez (the process serves), /readyz (the database answers), /healthz (a summary for people).
import { Hono } from 'hono';
import { pingDb } from '../../db/client.ts';
import type { AppBindings } from '../types.ts';

export function healthRoutes() {
  return new Hono<AppBindings>()
    .get('/livez', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      const ok = await pingDb(c.var.deps.db);
      return c.json({ status: ok ? 'ok' : 'unavailable' }, ok ? 200 : 503);
    })
    .get('/healthz', async (c) => {
      const { db: database, llm, version } = c.var.deps;
      const db = (await pingDb(database)) ? 'ok' : 'error';
      return c.json({ status: db === 'ok' ? 'ok' : 'degraded', db, llm: llm.mode(), version });
    });
}
