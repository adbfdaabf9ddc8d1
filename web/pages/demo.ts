// The demo host page at `/`: an AI Factory landing page in the visitor's language that embeds the widget.
import { html } from './html.ts';
import { layout, type PageAssets, type PageLang, type T } from './layout.ts';

const PILLARS = ['assess', 'train', 'connect', 'finance', 'build', 'scale'] as const;

export function demoPage(lang: PageLang, t: T, assets: PageAssets): string {
  const nav = html`<nav class="main-nav" aria-label="${t('demo.nav_label')}"><ul>
    <li><a href="#services">${t('demo.nav_services')}</a></li>
    <li><a href="#sectors">${t('demo.nav_sectors')}</a></li>
    <li><a href="#support">${t('demo.nav_support')}</a></li>
  </ul></nav>`;
  const main = html`<section class="hero" aria-labelledby="hero-title">
  <h1 id="hero-title">${t('demo.hero_title')}</h1>
  <p class="lead">${t('demo.hero_text')}</p>
  <p><a class="cta" href="https://www.luxinnovation.lu/">${t('demo.hero_cta')}</a></p>
  <p class="ask">${t('demo.hero_ask')}</p>
</section>
<section id="services" aria-labelledby="services-title">
  <h2 id="services-title">${t('demo.services_title')}</h2>
  <ul class="cards">${PILLARS.map((p) => html`<li><h3>${t(`demo.pillar_${p}`)}</h3><p>${t(`demo.pillar_${p}_text`)}</p></li>`)}</ul>
</section>
<section id="sectors" aria-labelledby="sectors-title">
  <h2 id="sectors-title">${t('demo.sectors_title')}</h2>
  <p>${t('demo.sectors_text')}</p>
</section>
<section id="support" aria-labelledby="support-title">
  <h2 id="support-title">${t('demo.support_title')}</h2>
  <p>${t('demo.support_text')}</p>
</section>`;
  return layout({ lang, t, title: t('demo.title'), description: t('demo.description'), path: (l) => `/${l}`, assets, main, nav });
}
