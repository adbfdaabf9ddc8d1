// GET /api/staff/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD&lang= (every staff member): per Luxembourg day and language,
// conversations, answered rate, escalations and time to first staff reply, feedback, time to first token p50/p95,
// language drifts, leads created and delivered — the numbers behind the console's metrics page.
import { Hono } from 'hono';
import { z } from 'zod';
import { LANGS } from '../../agents/language/languages.ts';
import { metricsReport } from '../../agents/staff/metrics-report.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff } from './auth.ts';

const MetricsQuerySchema = z.object({
  from: z.string({ error: 'date_invalid' }).max(10, { error: 'date_invalid' }).optional(),
  to: z.string({ error: 'date_invalid' }).max(10, { error: 'date_invalid' }).optional(),
  lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
});

export function staffMetricsRoutes() {
  return new Hono<AppBindings>().get('/api/staff/metrics', requireStaff(), validate('query', MetricsQuerySchema), async (c) => c.json(await metricsReport(c.var.deps, c.req.valid('query'))));
}
