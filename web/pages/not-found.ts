// The page a browser gets for an address we do not serve: said in the visitor's language, with the way home.
import { html } from './html.ts';
import { layout, type PageAssets, type PageLang, type T } from './layout.ts';

export function notFoundPage(lang: PageLang, t: T, assets: PageAssets): string {
  const main = html`<div class="prose">
  <h1>${t('demo.not_found_title')}</h1>
  <p class="lead">${t('demo.not_found_text')}</p>
  <p><a href="/${lang}">${t('demo.not_found_home')}</a></p>
</div>`;
  return layout({ lang, t, title: t('demo.not_found_title'), description: t('demo.not_found_text'), path: (l) => `/${l}`, assets, main });
}
