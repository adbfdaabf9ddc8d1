// Leads in the console (admins): the list with filters, a lead with its consent record, the conversation it came from
// and the delivery of each webhook event; promote, withdraw on the person's request, retry failed deliveries, and the
// CSV export. Every act and every export is audited with the signed-in admin's e-mail, never with what a body says.
import { Hono } from 'hono';
import { z } from 'zod';
import { leadsCsv } from '../../agents/leads/export.ts';
import { promote } from '../../agents/leads/promote.ts';
import { iso, leadFields } from '../../agents/leads/webhook.ts';
import { withdrawOnRequest } from '../../agents/leads/withdraw.ts';
import { LANGS } from '../../agents/language/languages.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';
import { findConversation } from '../../db/queries/conversations.ts';
import { countLeads, findLead, insertAudit, listAudit, listDeliveries, listLeads, retryFailedDeliveries, type Lead, type LeadFilter, type LeadRow } from '../../db/queries/leads.ts';
import { AppError } from '../errors.ts';
import { leadErrors } from '../leads/routes.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import { publicOrigin } from '../public-url.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff, staffOf } from './auth.ts';
import { blankless, DayRangeQuery, instantsOf, PageQuery, pageOf } from './listing.ts';

const MAX_REASON = 500;

const FilterQuery = {
  status: blankless(z.enum(['qualified', 'unqualified', 'withdrawn'], { error: 'status_invalid' })),
  minScore: blankless(z.coerce.number({ error: 'score_invalid' }).int({ error: 'score_invalid' }).min(0, { error: 'score_invalid' }).max(100, { error: 'score_invalid' })),
  lang: blankless(z.enum(LANGS, { error: 'lang_unsupported' })),
  delivery: blankless(z.enum(['failed'], { error: 'filter_invalid' })),
  ...DayRangeQuery,
};
const ListQuerySchema = z.object({ ...FilterQuery, ...PageQuery });
const ExportQuerySchema = z.object(FilterQuery);
const ReasonSchema = z.object(
  { reason: z.string({ error: 'reason_missing' }).trim().min(1, { error: 'reason_missing' }).max(MAX_REASON, { error: 'field_too_long' }) },
  { error: 'reason_missing' },
);

type FilterInput = z.infer<typeof ExportQuerySchema>;
const filterOf = ({ status, minScore, lang, delivery, from, to }: FilterInput): LeadFilter => ({ status, minScore, lang, delivery, ...instantsOf({ from, to }) });
/** The filters as given, for the audit row of an export: which leads left, never their data. */
const givenFilters = (query: FilterInput) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));


const listItem = ({ lead, delivery }: LeadRow) => ({
  id: lead.id,
  createdAt: iso(lead.createdAt),
  status: lead.status,
  score: lead.score,
  lang: lead.lang,
  source: lead.source,
  organisation: lead.organisation,
  contactName: lead.contactName,
  duplicateOf: lead.duplicateOf,
  delivery,
});

/** A lead as GET /api/staff/leads/:id shows it (the console's admin-api.ts takes its type from here). */
const leadView = (lead: Lead) => ({
  ...leadFields(lead),
  qualified: lead.qualified,
  score: lead.score,
  reasons: lead.reasons,
  duplicateOf: lead.duplicateOf,
  createdAt: iso(lead.createdAt),
  updatedAt: iso(lead.updatedAt),
  promotedAt: iso(lead.promotedAt),
  withdrawnAt: iso(lead.withdrawnAt),
  retainUntil: iso(lead.retainUntil),
});

export type LeadView = ReturnType<typeof leadView>;

const gate = requireStaff({ role: 'admin' });

export function staffLeadRoutes() {
  const app = new Hono<AppBindings>()
    .use('/api/staff/leads', gate)
    .use('/api/staff/leads.csv', gate)
    .use('/api/staff/leads/*', gate)
    .get('/api/staff/leads', validate('query', ListQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const filter = filterOf(query);
      const { page, perPage, limit, offset } = pageOf(query);
      const { db } = c.var.deps;
      const [rows, total] = await Promise.all([listLeads(db, filter, { limit, offset }), countLeads(db, filter)]);
      return c.json({ leads: rows.map(listItem), page, perPage, total });
    })
    .get('/api/staff/leads.csv', validate('query', ExportQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const { db, now } = c.var.deps;
      const rows = await listLeads(db, filterOf(query));
      const at = now();
      // Personal data leaves the system here: the audit row says who took how many leads under which filters.
      await insertAudit(db, { at, actor: staffOf(c).email, action: 'leads.exported', subjectType: 'lead', subjectId: null, details: { count: rows.length, filters: givenFilters(query) } });
      return c.body(leadsCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="leads-${new Date(at).toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      });
    })
    .get('/api/staff/leads/:id', async (c) => {
      const { db, i18n } = c.var.deps;
      const lead = await findLead(db, c.req.param('id'));
      if (!lead) throw new AppError(404, 'lead_not_found');
      const [deliveries, history, conversation] = await Promise.all([
        listDeliveries(db, lead.id),
        listAudit(db, lead.id),
        lead.conversationId ? findConversation(db, lead.conversationId) : undefined,
      ]);
      // The consent text the person agreed to, when it is the version this server still holds (in their language):
      // a consent records the version of the privacy notice shown with it.
      const t = i18n.forLang(lead.lang);
      const current = lead.consentVersion === PRIVACY_VERSION;
      return c.json({
        lead: leadView(lead),
        consent: { version: lead.consentVersion, at: iso(lead.consentAt), lang: lead.lang, current, text: current ? t('leads:consent.text', { version: PRIVACY_VERSION }) : null },
        conversation: lead.conversationId ? { id: lead.conversationId, exists: !!conversation, status: conversation?.status ?? null } : null,
        deliveries: deliveries.map((d) => ({
          id: d.id,
          version: d.version,
          event: d.event,
          status: d.status,
          attempts: d.attempts,
          lastError: d.lastError,
          nextAttemptAt: d.status === 'pending' || d.status === 'retrying' ? iso(d.nextAttemptAt) : null,
          createdAt: iso(d.createdAt),
          deliveredAt: iso(d.deliveredAt),
          // A failed delivery whose payload was dropped (the lead was withdrawn since) cannot be sent again.
          retryable: d.status === 'failed' && d.payload !== null,
        })),
        history: history.map((row) => ({ id: row.id, at: iso(row.at), actor: row.actor, action: row.action, details: row.details })),
      });
    })
    .post('/api/staff/leads/:id/promote', jsonBody(), validate('json', ReasonSchema, { max: MAX_REASON }), async (c) => {
      const { reason } = c.req.valid('json');
      const staff = staffOf(c);
      const outcome = await promote(c.var.deps.db, c.req.param('id'), { actor: staff.email, reason, now: c.var.deps.now(), baseUrl: publicOrigin(c) });
      c.var.log.info('lead promoted', { leadId: outcome.leadId, staffId: staff.id });
      return c.json(outcome);
    })
    .post('/api/staff/leads/:id/withdraw', jsonBody(), validate('json', ReasonSchema, { max: MAX_REASON }), async (c) => {
      const { reason } = c.req.valid('json');
      const staff = staffOf(c);
      const outcome = await withdrawOnRequest(c.var.deps.db, c.req.param('id'), { actor: staff.email, reason, now: c.var.deps.now() });
      if (outcome.status === 'withdrawn') c.var.log.info('lead withdrawn by staff', { leadId: outcome.leadId, staffId: staff.id });
      return c.json(outcome);
    })
    .post('/api/staff/leads/:id/retry', async (c) => {
      const { db, now } = c.var.deps;
      const lead = await findLead(db, c.req.param('id'));
      if (!lead) throw new AppError(404, 'lead_not_found');
      const at = now();
      const retried = await retryFailedDeliveries(db, lead.id, at, { at, actor: staffOf(c).email, action: 'deliveries.retried', subjectType: 'lead', subjectId: lead.id, details: {} });
      return c.json({ leadId: lead.id, retried });
    });
  app.onError(leadErrors);
  return app;
}
