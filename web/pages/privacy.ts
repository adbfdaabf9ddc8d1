// The privacy page the widget links to, in four languages: what is stored, for how long, and how to delete it.
import { html } from './html.ts';
import { layout, type PageAssets, type PageLang, type T } from './layout.ts';

const SECTIONS = ['stored', 'browser', 'models', 'rights'] as const;

export function privacyPage(lang: PageLang, t: T, assets: PageAssets): string {
  const main = html`<article class="prose">
  <h1>${t('privacy.title')}</h1>
  <p class="lead">${t('privacy.intro')}</p>
  ${SECTIONS.map((s) => html`<h2>${t(`privacy.${s}_title`)}</h2>\n  <p>${t(`privacy.${s}_text`)}</p>\n  `)}
  <p class="advice">${t('privacy.advice')}</p>
  <p><a href="/${lang}">${t('privacy.back')}</a></p>
</article>`;
  return layout({ lang, t, title: t('privacy.title'), description: t('privacy.intro'), path: (l) => `/${l}/privacy`, assets, main });
}
