// createApp(deps): the one Hono app both runtimes serve — middleware, error handling and the route groups.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { healthRoutes } from './health/routes.ts';
import { limitBody } from './middleware/body-limit.ts';
import { withDeps } from './middleware/deps.ts';
import { contentSecurityPolicy } from './middleware/csp.ts';
import { apiCors } from './middleware/cors.ts';
import { notFound, onError } from './middleware/errors.ts';
import { languageFromRequest } from './middleware/language.ts';
import { rateLimit, spendsModel } from './middleware/rate-limit.ts';
import { searchRoutes } from './search/routes.ts';
import { chatRoutes } from './chat/routes.ts';
import { conversationRoutes } from './conversations/routes.ts';
import { conversationEventRoutes } from './conversations/events.ts';
import { feedbackRoutes } from './feedback/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { metricsRoutes } from './metrics/routes.ts';
import { missingPage, wantsPage, widgetRoutes } from './widget/routes.ts';
import { leadRoutes } from './leads/routes.ts';
import { staffSessionRoutes } from './staff/session-routes.ts';
import { staffConversationRoutes } from './staff/conversation-routes.ts';
import { staffInboxRoutes } from './staff/inbox-routes.ts';
import { staffCannedRoutes } from './staff/canned-routes.ts';
import { staffMetricsRoutes } from './staff/metrics-routes.ts';
import { staffKnowledgeRoutes } from './staff/knowledge-routes.ts';
import { staffLeadRoutes } from './staff/lead-routes.ts';
import { staffAccountRoutes } from './staff/account-routes.ts';
import { staffAuditRoutes } from './staff/audit-routes.ts';
import { consoleRoutes } from './console/routes.ts';
import type { MiddlewareHandler } from 'hono';
import type { AppBindings, AppDeps } from './types.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * "/fr/edu/" as people type it: a page not found with its trailing slash is redirected to the one without. The
 * Location is a path (behind a proxy that ends TLS, an absolute URL built here would say http). API paths are answered
 * as they were asked.
 */
const withoutTrailingSlash = (): MiddlewareHandler<AppBindings> =>
  async function withoutTrailingSlash(c, next) {
    await next();
    const { path, method } = c.req;
    if (c.res.status !== 404 || (method !== 'GET' && method !== 'HEAD') || path === '/' || !path.endsWith('/') || /^\/(?:api|internal)\//.test(path)) return;
    const query = new URL(c.req.url).search;
    c.res = new Response(null, { status: 301, headers: { location: `/${path.replace(/^\/+|\/+$/g, '')}${query}` } });
  };

export function createApp(deps: AppDeps) {
  const app = new Hono<AppBindings>()
    .use(requestId())
    .use(withDeps(deps))
    .use(languageFromRequest())
    .use(contentSecurityPolicy())
    .use(secureHeaders())
    .use(withoutTrailingSlash())
    .use('/api/*', apiCors())
    .use('/api/*', limitBody({ maxBytes: MAX_BODY_BYTES }))
    .use('/internal/*', limitBody({ maxBytes: MAX_BODY_BYTES }))
    // Counted before the body is read; chat turns are counted per conversation by the chat route as well.
    .on('POST', '/api/chat', rateLimit('chat', undefined, spendsModel))
    .on('POST', '/api/leads', rateLimit('leads'))
    .on('POST', '/api/feedback', rateLimit('feedback'))
    .on('POST', '/api/conversations/:id/escalate', rateLimit('escalation', (c) => c.req.param('id')))
    .on('POST', '/api/staff/login', rateLimit('login'))
    .route('/', healthRoutes())
    .route('/', searchRoutes())
    .route('/', chatRoutes())
    .route('/', conversationRoutes())
    .route('/', conversationEventRoutes())
    .route('/', feedbackRoutes())
    .route('/', jobRoutes())
    .route('/', metricsRoutes())
    .route('/', leadRoutes())
    .route('/', staffSessionRoutes())
    .route('/', staffConversationRoutes())
    .route('/', staffInboxRoutes())
    .route('/', staffCannedRoutes())
    .route('/', staffMetricsRoutes())
    .route('/', staffKnowledgeRoutes())
    .route('/', staffLeadRoutes())
    .route('/', staffAccountRoutes())
    .route('/', staffAuditRoutes())
    .route('/', consoleRoutes())
    .route('/', widgetRoutes());
  app.onError(onError);
  // A browser that follows a dead link gets a page; API clients get the JSON error.
  app.notFound((c) => (wantsPage(c) ? missingPage(c) : notFound(c)));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
