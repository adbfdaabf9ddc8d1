// The staff console: GET /console (an HTML shell, never stored by a cache: it leads to staff data) and its versioned
// script and stylesheet, from the generated module so nothing is read from disk at request time.
import { Hono, type Context } from 'hono';
import { consoleShell } from '../../web/console/shell.ts';
import type { AppBindings } from '../types.ts';
import { CONSOLE_CSS, CONSOLE_CSS_VERSION, CONSOLE_JS, CONSOLE_JS_VERSION } from './assets.generated.ts';

export const CONSOLE_PATH = '/console';
export const consoleJsPath = `/console/assets/console.${CONSOLE_JS_VERSION}.js`;
export const consoleCssPath = `/console/assets/console.${CONSOLE_CSS_VERSION}.css`;
/** Served by the widget's routes; the console shares the site's icon. */
const ICON_PATH = '/assets/icon.svg';
const IMMUTABLE = 'public, max-age=31536000, immutable';

function asset(c: Context<AppBindings>, body: string, type: string, version: string) {
  c.header('cache-control', IMMUTABLE);
  c.header('etag', `"${version}"`);
  c.header('content-type', type);
  if (c.req.header('if-none-match')?.split(/\s*,\s*/).includes(`"${version}"`)) return c.body(null, 304);
  return c.body(body);
}

export function consoleRoutes() {
  return new Hono<AppBindings>()
    .get(CONSOLE_PATH, (c) => {
      // The language of the shell until sign-in: the browser's (Accept-Language); then the staff member's own.
      const t = c.var.t;
      c.header('cache-control', 'no-store');
      c.header('content-language', c.var.lang);
      c.header('vary', 'Accept-Language');
      const text = { title: t('console:page.title'), loading: t('console:page.loading'), noscript: t('console:page.noscript') };
      return c.html(consoleShell(c.var.lang, text, { css: consoleCssPath, js: consoleJsPath, icon: ICON_PATH }));
    })
    .get(consoleJsPath, (c) => asset(c, CONSOLE_JS, 'text/javascript; charset=utf-8', CONSOLE_JS_VERSION))
    .get(consoleCssPath, (c) => asset(c, CONSOLE_CSS, 'text/css; charset=utf-8', CONSOLE_CSS_VERSION));
}
