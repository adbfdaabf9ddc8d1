// The teachers' assistant at `/:lang/edu`: a short introduction, the widget's element as a full page for the
// education assistant, the three notices (privacy, AI, redaction) it links to, and the legal texts that apply.
import { html } from './html.ts';
import { layout, type PageAssets, type PageLang, type T } from './layout.ts';

const NOTICES = [
  ['privacy', 'privacy'],
  ['ai-notice', 'ai'],
  ['redaction', 'redaction'],
] as const;

export function eduPage(lang: PageLang, t: T, assets: PageAssets): string {
  // The element is in the page already, so widget.js (from the layout) upgrades it and adds no launcher of its own;
  // without JavaScript, the <noscript> line says that the assistant needs it.
  const main = html`<div class="prose">
  <h1>${t('edu.heading')}</h1>
  <p class="lead">${t('edu.intro')}</p>
  <p>${t('edu.limits')}</p>
  <p>${t('edu.access')}</p>
</div>
<ai-factory-assistant data-assistant="education" data-layout="page" data-lang="${lang}"><noscript><p class="advice">${t('edu.noscript')}</p></noscript></ai-factory-assistant>
<section id="notices" class="prose" aria-labelledby="notices-title">
  <h2 id="notices-title">${t('edu.notices_title')}</h2>
  ${NOTICES.map(([id, key]) => html`<div id="${id}"><h3>${t(`edu.${key}_title`)}</h3>
  <p>${t(`edu.${key}_text`)}</p></div>
  `)}
  <p>${t('edu.legal')}</p>
  <ul class="legal-links">${(['privacy', 'terms'] as const).map((kind) => html`<li><a href="/${lang}/${kind}">${t(`legal:links.${kind}`)}</a></li>`)}</ul>
</section>`;
  return layout({ lang, t, title: t('edu.title'), description: t('edu.description'), path: (l) => `/${l}/edu`, assets, main });
}
