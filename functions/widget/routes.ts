// The widget script (with cache headers and its published integrity hash), the demo page at `/`, the legal pages
// (privacy, terms, imprint, accessibility), the teachers' assistant at `/:lang/edu` and the site assets. Assets and
// texts come from generated modules, so nothing is read from disk at request time.
import { Hono, type Context } from 'hono';
import { RETENTION_MS } from '../../agents/chat/retention.ts';
import { DAY_MS, HOUR_MS } from '../../agents/ports.ts';
import type { Lang } from '../../agents/language/languages.ts';
import { SESSION } from '../../agents/staff/sessions.ts';
import { LEGAL_KINDS, type LegalKind } from '../../legal/kinds.ts';
import { demoPage } from '../../web/pages/demo.ts';
import { eduPage } from '../../web/pages/edu.ts';
import { legalPage, type LegalValues } from '../../web/pages/legal.ts';
import { notFoundPage } from '../../web/pages/not-found.ts';
import type { PageAssets, T } from '../../web/pages/layout.ts';
import { publicOrigin } from '../public-url.ts';
import type { AppBindings } from '../types.ts';
import { SITE_CSS, SITE_CSS_VERSION, WIDGET_GZIP_BYTES, WIDGET_INTEGRITY, WIDGET_JS, WIDGET_VERSION } from './assets.generated.ts';

export const WIDGET_PATH = '/widget.js';
export const versionedWidgetPath = `/widget/${WIDGET_VERSION}.js`;
const SITE_CSS_PATH = `/assets/site.${SITE_CSS_VERSION}.css`;
const ICON_PATH = '/assets/icon.svg';
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0a4f96"/><text x="16" y="21" font-family="sans-serif" font-size="13" font-weight="700" text-anchor="middle" fill="#fff">AI</text></svg>';

// The unversioned URL is what sites embed: short-lived and revalidated by ETag. The versioned one never changes.
const SHORT_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
const IMMUTABLE = 'public, max-age=31536000, immutable';

const assets = (): PageAssets => ({ siteCss: SITE_CSS_PATH, icon: ICON_PATH, widget: { src: WIDGET_PATH, integrity: WIDGET_INTEGRITY } });

function asset(c: Context<AppBindings>, body: string, type: string, etag: string, cache: string) {
  c.header('cache-control', cache);
  c.header('etag', `"${etag}"`);
  // Public, credential-free files that other sites load (with `crossorigin` for the integrity check).
  c.header('access-control-allow-origin', '*');
  c.header('content-type', type);
  if (c.req.header('if-none-match')?.split(/\s*,\s*/).includes(`"${etag}"`)) return c.body(null, 304);
  return c.body(body);
}

function page(c: Context<AppBindings>, lang: Lang, render: (lang: Lang, t: T, assets: PageAssets) => string, status: 200 | 404 = 200) {
  const t = c.var.deps.i18n.forLang(lang);
  c.header('content-language', lang);
  c.header('vary', 'Accept-Language');
  c.header('cache-control', 'no-cache');
  return c.html(render(lang, (key, params) => t(key.includes(':') ? key : `widget:${key}`, params), assets()), status);
}

/** Whether a request that matched no route is a browser asking for a page, not a client of the API. */
export function wantsPage(c: Context<AppBindings>): boolean {
  return (c.req.method === 'GET' || c.req.method === 'HEAD') && !/^\/(?:api|internal|assets)\//.test(c.req.path) && (c.req.header('accept') ?? '').includes('text/html');
}

/** The 404 page, in the language of the address ("/fr/…") or the visitor's. */
export function missingPage(c: Context<AppBindings>) {
  const prefix = /^\/(en|fr|de|lb)(?:\/|$)/.exec(c.req.path)?.[1] as Lang | undefined;
  return page(c, prefix ?? c.var.lang ?? 'en', notFoundPage, 404);
}

const KIND = `:kind{(?:${LEGAL_KINDS.join('|')})}`;

/** What the legal texts name: the operator's configuration, this site's address and the periods the code applies. */
function legalValues(c: Context<AppBindings>): LegalValues {
  const { env } = c.var.deps;
  return {
    operator: env,
    origin: publicOrigin(c),
    retention: {
      conversationDays: RETENTION_MS.public / DAY_MS,
      educationHours: RETENTION_MS.education / HOUR_MS,
      leadDays: env.LEAD_RETENTION_DAYS,
      sessionHours: SESSION.absoluteMs / HOUR_MS,
      sessionIdleMinutes: SESSION.idleMs / 60_000,
    },
  };
}

const legal = (c: Context<AppBindings>, lang: Lang) => page(c, lang, legalPage(c.req.param('kind') as LegalKind, legalValues(c)));

const JS = 'text/javascript; charset=utf-8';

export function widgetRoutes() {
  return new Hono<AppBindings>()
    .get(WIDGET_PATH, (c) => asset(c, WIDGET_JS, JS, WIDGET_VERSION, SHORT_CACHE))
    .get(versionedWidgetPath, (c) => asset(c, WIDGET_JS, JS, WIDGET_VERSION, IMMUTABLE))
    .get('/widget.json', (c) => {
      c.header('access-control-allow-origin', '*');
      c.header('cache-control', SHORT_CACHE);
      return c.json({ src: WIDGET_PATH, versioned: versionedWidgetPath, integrity: WIDGET_INTEGRITY, version: WIDGET_VERSION, gzipBytes: WIDGET_GZIP_BYTES });
    })
    .get(SITE_CSS_PATH, (c) => asset(c, SITE_CSS, 'text/css; charset=utf-8', SITE_CSS_VERSION, IMMUTABLE))
    .get(ICON_PATH, (c) => asset(c, ICON, 'image/svg+xml', 'icon-1', 'public, max-age=86400'))
    .get('/', (c) => page(c, c.var.lang, demoPage))
    .get(`/${KIND}`, (c) => legal(c, c.var.lang))
    .get('/:lang{(?:en|fr|de|lb)}', (c) => page(c, c.req.param('lang') as Lang, demoPage))
    .get(`/:lang{(?:en|fr|de|lb)}/${KIND}`, (c) => legal(c, c.req.param('lang') as Lang))
    .get('/edu', (c) => page(c, c.var.lang, eduPage))
    .get('/:lang{(?:en|fr|de|lb)}/edu', (c) => page(c, c.req.param('lang') as Lang, eduPage));
}
