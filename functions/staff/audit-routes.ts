// The audit log in the console (admins): GET /api/staff/audit pages through it newest first, filtered by actor,
// action, subject and days, each row with the acting staff member's e-mail and name and its seal;
// GET /api/staff/audit/verify checks the whole hash chain, as `npm run audit:verify` does.
import { Hono } from 'hono';
import { z } from 'zod';
import { rowSeal, verifyChain } from '../../agents/audit/chain.ts';
import { allAuditRows, countAudit, listAuditPage } from '../../db/queries/audit.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff } from './auth.ts';
import { blankless, DayRangeQuery, instantsOf, PageQuery, pageOf } from './listing.ts';

const QuerySchema = z.object({
  actor: blankless(z.string().trim().max(254, { error: 'filter_invalid' })),
  action: blankless(z.string().regex(/^[a-z_.]{1,60}$/, { error: 'filter_invalid' })),
  subjectType: blankless(z.string().regex(/^[a-z_]{1,40}$/, { error: 'filter_invalid' })),
  subjectId: blankless(z.string().max(100, { error: 'filter_invalid' })),
  ...DayRangeQuery,
  ...PageQuery,
});

export function staffAuditRoutes() {
  return new Hono<AppBindings>()
    .use('/api/staff/audit', requireStaff({ role: 'admin' }))
    .use('/api/staff/audit/*', requireStaff({ role: 'admin' }))
    .get('/api/staff/audit', validate('query', QuerySchema), async (c) => {
      const { actor, action, subjectType, subjectId, from, to, ...paging } = c.req.valid('query');
      const filter = { actor, action, subjectType, subjectId, ...instantsOf({ from, to }) };
      const { page, perPage, limit, offset } = pageOf(paging);
      const { db } = c.var.deps;
      const [rows, total] = await Promise.all([listAuditPage(db, filter, { limit, offset }), countAudit(db, filter)]);
      return c.json({
        rows: rows.map((row) => ({
          id: row.id,
          at: new Date(row.at).toISOString(),
          actor: row.actor,
          // The actor is the staff member's e-mail; other actors (a command line, an unknown address's hash) have no name.
          staff: row.staffName === null ? null : { email: row.actor, name: row.staffName },
          action: row.action,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          details: row.details,
          seal: rowSeal(row),
        })),
        page,
        perPage,
        total,
      });
    })
    .get('/api/staff/audit/verify', async (c) => c.json(verifyChain(await allAuditRows(c.var.deps.db))));
}
