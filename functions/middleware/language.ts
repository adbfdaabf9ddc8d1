// Sets the request's language (and its translate function) from the explicit choice or Accept-Language; routes
// that carry a message refine it with detection through chooseLanguage.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { chooseLanguage } from '../../agents/language/choose.ts';
import type { Lang } from '../../agents/language/languages.ts';
import type { AppBindings } from '../types.ts';

export function languageFromRequest() {
  return createMiddleware<AppBindings>(async function languageFromRequest(c, next) {
    const { lang } = chooseLanguage({ explicit: c.req.query('lang'), acceptLanguage: c.req.header('accept-language') });
    setLanguage(c, lang);
    await next();
  });
}

export function setLanguage(c: Context<AppBindings>, lang: Lang) {
  c.set('lang', lang);
  c.set('t', c.var.deps.i18n.forLang(lang));
}
