// The frame of every page we serve: language links, the legal pages in the footer, the site stylesheet, the widget
// script with its integrity hash.
import { LEGAL_KINDS } from '../../legal/kinds.ts';
import { html, type Markup } from './html.ts';

export const PAGE_LANGS = ['en', 'fr', 'de', 'lb'] as const;
export type PageLang = (typeof PAGE_LANGS)[number];
/** Keys without a namespace are the `widget` namespace's; `legal:…` names the legal pages' strings. */
export type T = (key: string, params?: Record<string, string | number>) => string;

export type PageAssets = { siteCss: string; icon: string; widget: { src: string; integrity: string } };
const NAMES: Record<PageLang, string> = { en: 'English', fr: 'Français', de: 'Deutsch', lb: 'Lëtzebuergesch' };

export function layout(opts: { lang: PageLang; t: T; title: string; description: string; path: (lang: PageLang) => string; assets: PageAssets; main: Markup; nav?: Markup }): string {
  const { lang, t, assets } = opts;
  const here = opts.path(lang);
  const legal = LEGAL_KINDS.map(
    (kind) => html`<li><a href="/${lang}/${kind}"${here === `/${lang}/${kind}` ? html` aria-current="page"` : ''}>${t(`legal:links.${kind}`)}</a></li>`,
  );
  const languages = PAGE_LANGS.map(
    (l) => html`<li><a href="${opts.path(l)}" hreflang="${l}" lang="${l}"${l === lang ? html` aria-current="page"` : ''}>${NAMES[l]}</a></li>`,
  );
  return `<!doctype html>\n${html`<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<meta name="description" content="${opts.description}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${assets.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.siteCss}">
${PAGE_LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${opts.path(l)}">\n`)}</head>
<body>
<a class="skip" href="#main">${t('demo.skip')}</a>
<header class="site-header">
  <a class="brand" href="/${lang}"><span class="mark" aria-hidden="true">AI</span> ${t('demo.brand')}</a>
  ${opts.nav ?? ''}
  <nav class="languages" aria-label="${t('demo.languages')}"><ul>${languages}</ul></nav>
</header>
<main id="main">
${opts.main}
</main>
<footer class="site-footer">
  <p>${t('demo.footer')}</p>
  <nav aria-label="${t('legal:links.label')}"><ul class="legal-links">${legal}</ul></nav>
</footer>
<script src="${assets.widget.src}" integrity="${assets.widget.integrity}" crossorigin="anonymous" data-lang="${lang}" data-assistant="public" async></script>
</body>
</html>`}\n`;
}
