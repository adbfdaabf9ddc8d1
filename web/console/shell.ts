// The HTML shell of /console, rendered by the server: the page's language and title, the stylesheet and the script.
// Everything else is drawn by console.js, whose strings are bundled with it (no inline script or style: strict CSP).
import { html } from '../pages/html.ts';

export type ConsoleAssets = { css: string; js: string; icon: string };
export type ShellText = { title: string; loading: string; noscript: string };

export function consoleShell(lang: string, text: ShellText, assets: ConsoleAssets): string {
  return `<!doctype html>\n${html`<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title>${text.title}</title>
<link rel="icon" href="${assets.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.css}">
<script src="${assets.js}" defer></script>
</head>
<body>
<div id="console" class="console">
<main id="main" class="login"><p class="loading" role="status">${text.loading}</p>
<noscript><p>${text.noscript}</p></noscript></main>
</div>
</body>
</html>`}\n`;
}
