// Lead routes for the public: POST /api/leads (consented lead → 201 {leadId, score, qualified, withdrawUrl}) and the
// withdraw link. Staff work on leads in the console (functions/staff/lead-routes.ts).
import { Hono, type Context, type ErrorHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../agents/errors.ts';
import { isLang } from '../../agents/language/languages.ts';
import { findConversation } from '../../db/queries/conversations.ts';
import { resources } from '../../locales/index.ts';
import { submitLead } from '../../agents/leads/submit.ts';
import { withdraw } from '../../agents/leads/withdraw.ts';
import { bearerToken, matchesHash } from '../../agents/security/tokens.ts';
import { AppError, toAppError } from '../errors.ts';
import { publicOrigin } from '../public-url.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { onError } from '../middleware/errors.ts';
import { setLanguage } from '../middleware/language.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { confirmPage, donePage, invalidPage } from './pages.ts';
import { LeadSchema, WithdrawSchema } from './schema.ts';

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
    .post('/api/leads', jsonBody(), leadPreflight(), validate('json', LeadSchema, {}, { speaksBodyLang: true }), async (c) => {
      const body = c.req.valid('json');
      if (body.lang) setLanguage(c, body.lang);
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
    });
  app.onError(leadErrors);
  return app;
}
