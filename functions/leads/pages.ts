// The small withdraw pages (confirm, done, invalid link): plain HTML, no script or inline style (the CSP forbids them).
import type { Translate } from '../../locales/index.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escape(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title></head>
<body>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** GET: asks to confirm; the POST carries the token in the body, so a link preview or scanner never withdraws. */
export function confirmPage(t: Translate, lang: string, action: string, token: string): string {
  return page(
    lang,
    t('leads:withdraw.title'),
    `<p>${escape(t('leads:withdraw.explain'))}</p>
<form method="post" action="${escape(action)}">
<input type="hidden" name="token" value="${escape(token)}">
<button type="submit">${escape(t('leads:withdraw.button'))}</button>
</form>`,
  );
}

export function donePage(t: Translate, lang: string, already: boolean): string {
  return page(lang, t('leads:withdraw.title'), `<p>${escape(t(already ? 'leads:withdraw.already' : 'leads:withdraw.done'))}</p>`);
}

export function invalidPage(t: Translate, lang: string): string {
  return page(lang, t('leads:withdraw.title'), `<p>${escape(t('leads:errors.withdraw_link_invalid'))}</p>`);
}
