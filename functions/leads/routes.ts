// Lead routes: POST /api/leads (consented lead → 201 {leadId, score, qualified, withdrawUrl}), the withdraw link,
// and staff operations behind JOBS_TOKEN for now: CSV export, promotion of an unqualified lead, retry of failed deliveries.
import { Hono, type Context, type ErrorHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../agents/errors.ts';
import { toCsv } from '../../agents/leads/csv.ts';
import { isLang } from '../../agents/language/languages.ts';
import { insertAudit, listLeadsForExport, retryFailedDeliveries } from '../../db/queries/leads.ts';
import { findConversation } from '../../db/queries/conversations.ts';
import { resources } from '../../locales/index.ts';
import { promote } from '../../agents/leads/promote.ts';
import { submitLead } from '../../agents/leads/submit.ts';
import { withdraw } from '../../agents/leads/withdraw.ts';
import { bearerToken, matchesHash } from '../../agents/security/tokens.ts';
import { AppError, toAppError } from '../errors.ts';
import { publicOrigin } from '../public-url.ts';
import { requireJobsToken } from '../jobs/auth.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { onError } from '../middleware/errors.ts';
import { setLanguage } from '../middleware/language.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { confirmPage, donePage, invalidPage } from './pages.ts';
import { LeadSchema, PromoteSchema, RetrySchema, WithdrawSchema } from './schema.ts';

const isLeadError = (code: string) => Object.hasOwn(resources.en.leads.errors, code);

/** Lead error codes are translated from the leads namespace; everything else goes to the app's handler. */
export const leadErrors: ErrorHandler<AppBindings> = (thrown, c) => {
  const error = toAppError(thrown);
  if (error instanceof AppError && isLeadError(error.code)) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json({ error: { code: error.code, message: c.var.t(`leads:errors.${error.code}`, error.params) } }, error.status);
  }
  return onError(thrown, c);
};

/**
 * The body's `lang` sets the language of the answer (unless ?lang= chose one); consent, and the version of the privacy
 * notice it was given for, are checked before any field.
 */
function leadPreflight() {
  return createMiddleware<AppBindings>(async function leadPreflight(c, next) {
    const body = (await c.req.json()) as { lang?: unknown; consent?: { given?: unknown; version?: unknown } } | null;
    if (!c.req.query('lang') && isLang(body?.lang)) setLanguage(c, body.lang);
    // The version is the privacy notice the person was shown with the form, stored as sent: a form opened before the
    // notice changed records the text that person actually read. A missing version is the schema's consent_required.
    if (body?.consent?.given !== true) throw new AppError(400, 'consent_required');
    await next();
  });
}


const EXPORT_COLUMNS = ['lead_id', 'version', 'status', 'qualified', 'score', 'reasons', 'created_at', 'updated_at', 'lang', 'organisation', 'org_type', 'sector', 'size', 'maturity', 'need', 'pillars', 'timeline', 'contact_name', 'contact_email', 'contact_phone', 'consent_version', 'consent_at', 'source', 'delivery', 'duplicate_of'];
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The token from a JSON body, a form or the query; a body that does not parse or holds no string token is a 400. */
async function withdrawToken(c: Context<AppBindings>): Promise<string | null | undefined> {
  const type = c.req.header('content-type') ?? '';
  const json = /json/i.test(type);
  if (!json && !/form/i.test(type)) return c.req.query('token');
  let body: unknown;
  try {
    body = json ? await c.req.json() : await c.req.parseBody();
  } catch {
    throw new AppError(400, json ? 'json_invalid' : 'form_invalid');
  }
  const parsed = WithdrawSchema.safeParse(body);
  if (parsed.success) return parsed.data.token;
  const issue = parsed.error.issues[0];
  throw new AppError(400, 'bad_request', { detail: `${issue?.path.join('.') || 'body'}: ${issue?.message}` });
}

const wantsHtml = (c: Context<AppBindings>) => /text\/html/i.test(c.req.header('accept') ?? '') || /form/i.test(c.req.header('content-type') ?? '');

export function leadRoutes() {
  const app = new Hono<AppBindings>()
    .post('/api/leads', jsonBody(), leadPreflight(), validate('json', LeadSchema), async (c) => {
      const body = c.req.valid('json');
      const { db, now, env } = c.var.deps;
      // A conversation id that does not exist is not an error: the lead simply is not linked to one. One that exists
      // is linked only for the holder of its token, so nobody attaches a lead to another person's conversation.
      const conversation = body.conversationId ? await findConversation(db, body.conversationId) : undefined;
      if (conversation && !matchesHash(conversation.tokenHash, bearerToken(c.req.header('authorization')))) throw new AppError(403, 'token_invalid');
      const conversationId = conversation ? conversation.id : null;
      const lead = await submitLead(
        db,
        {
          source: 'form',
          conversationId,
          organisation: body.organisation,
          orgType: body.orgType,
          sector: body.sector,
          size: body.size ?? null,
          maturity: body.maturity,
          need: body.need,
          pillars: body.pillars ?? null,
          timeline: body.timeline ?? null,
          contact: { name: body.contact.name, email: body.contact.email, phone: body.contact.phone ?? null },
          lang: body.lang ?? c.var.lang,
          consent: { version: body.consent.version },
        },
        { now: now(), threshold: env.LEAD_QUALIFY_THRESHOLD, retentionDays: env.LEAD_RETENTION_DAYS, baseUrl: publicOrigin(c) },
      );
      c.var.log.info('lead stored', { leadId: lead.leadId, qualified: lead.qualified, score: lead.score });
      return c.json({ leadId: lead.leadId, score: lead.score, qualified: lead.qualified, withdrawUrl: lead.withdrawUrl }, 201);
    })
    .get('/api/leads/:id/withdraw', async (c) => {
      const token = c.req.query('token') ?? '';
      c.header('cache-control', 'no-store');
      return c.html(confirmPage(c.var.t, c.var.lang, `/api/leads/${encodeURIComponent(c.req.param('id'))}/withdraw`, token));
    })
    .post('/api/leads/:id/withdraw', async (c) => {
      c.header('cache-control', 'no-store');
      const html = wantsHtml(c);
      try {
        const outcome = await withdraw(c.var.deps.db, c.req.param('id'), await withdrawToken(c), c.var.deps.now());
        if (outcome.status === 'withdrawn') c.var.log.info('lead withdrawn', { leadId: outcome.leadId });
        return html ? c.html(donePage(c.var.t, c.var.lang, outcome.status === 'already_withdrawn')) : c.json(outcome);
      } catch (error) {
        if (html && error instanceof DomainError && error.code === 'withdraw_link_invalid') return c.html(invalidPage(c.var.t, c.var.lang), 404);
        throw error;
      }
    })
    .get('/internal/leads.csv', requireJobsToken(), async (c) => {
      const status = c.req.query('status');
      if (status !== undefined && !['qualified', 'unqualified', 'withdrawn'].includes(status)) throw new AppError(400, 'status_invalid');
      const { db, now } = c.var.deps;
      const rows = await listLeadsForExport(db, { status: status as 'qualified' | undefined });
      const at = now();
      await insertAudit(db, { at, actor: 'jobs-token', action: 'leads.exported', subjectType: 'lead', subjectId: null, details: { count: rows.length, status: status ?? 'all' } });
      const csv = toCsv(
        EXPORT_COLUMNS,
        rows.map(({ lead, delivery }) => [
          lead.id,
          lead.version,
          lead.status,
          lead.qualified,
          lead.score,
          lead.reasons.map((r) => `${r.dimension}:${r.code}:${r.points}`).join(';'),
          iso(lead.createdAt),
          iso(lead.updatedAt),
          lead.lang,
          lead.organisation,
          lead.orgType,
          lead.sector,
          lead.size,
          lead.maturity,
          lead.need,
          lead.pillars.join(';'),
          lead.timeline,
          lead.contactName,
          lead.contactEmail,
          lead.contactPhone,
          lead.consentVersion,
          iso(lead.consentAt),
          lead.source,
          delivery ?? 'not_sent',
          lead.duplicateOf,
        ]),
      );
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="leads-${new Date(at).toISOString().slice(0, 10)}.csv"`,
        'cache-control': 'no-store',
      });
    })
    .post('/internal/leads/deliveries/retry', requireJobsToken(), jsonBody(), validate('json', RetrySchema), async (c) => {
      const { leadId, actor } = c.req.valid('json');
      const { db, now } = c.var.deps;
      const at = now();
      const retried = await retryFailedDeliveries(db, at, { at, actor, action: 'deliveries.retried', subjectType: 'lead', subjectId: leadId ?? null, details: {} }, leadId);
      return c.json({ retried });
    })
    .post('/internal/leads/:id/promote', requireJobsToken(), jsonBody(), validate('json', PromoteSchema), async (c) => {
      const { actor, reason } = c.req.valid('json');
      return c.json(await promote(c.var.deps.db, c.req.param('id'), { actor, reason, now: c.var.deps.now(), baseUrl: publicOrigin(c) }));
    });
  app.onError(leadErrors);
  return app;
}
