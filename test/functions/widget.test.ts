// Widget routes: the script with cache headers and a published integrity hash, the demo and privacy pages in four
// languages under a strict CSP, CORS for ALLOWED_ORIGINS, and a generated asset module that matches web/.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_GZIP, buildConsole, buildWeb, CONSOLE_GENERATED, GENERATED, gzipSize } from '../../bin/build-web.ts';
import { html } from '../../web/pages/html.ts';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline', ALLOWED_ORIGINS: 'https://www.example.lu,https://partner.example.org' } });
});
afterAll(() => made.dispose());

const get = (path: string, headers: Record<string, string> = {}) => made.app.request(path, { headers });
const STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

describe('GET /widget.js', () => {
  it('serves the bundle with cache headers, an ETag and the integrity hash it publishes', async () => {
    const response = await get('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=300/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const body = await response.text();
    const manifest = (await (await get('/widget.json')).json()) as { integrity: string; versioned: string; gzipBytes: number };
    expect(manifest.integrity).toBe(`sha384-${createHash('sha384').update(body).digest('base64')}`);
    expect(manifest.gzipBytes).toBeLessThanOrEqual(BUDGET_GZIP);

    const again = await get('/widget.js', { 'if-none-match': response.headers.get('etag')! });
    expect(again.status).toBe(304);
    const versioned = await get(manifest.versioned);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await versioned.text()).toBe(body);
  });

  it('is what web/ builds to, under 30 KB gzip, with no external URL inside', async () => {
    const web = await buildWeb();
    expect(readFileSync(GENERATED, 'utf8'), 'functions/widget/assets.generated.ts is stale: run `npm run build:web`').toBe(web.source);
    expect(gzipSize(web.widgetJs)).toBeLessThanOrEqual(BUDGET_GZIP);
    // The only absolute URLs are XML namespaces and the protocol check of the link filter.
    const urls = [...web.widgetJs.matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0]);
    expect(urls.filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
    expect(web.widgetJs).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the staff console bundle', () => {
  it('is what web/console/ builds to', async () => {
    const built = await buildConsole();
    expect(readFileSync(CONSOLE_GENERATED, 'utf8'), 'functions/console/assets.generated.ts is stale: run `npm run build:web`').toBe(built.source);
  });
});

describe('demo and privacy pages', () => {
  it.each(['en', 'fr', 'de', 'lb'])('serves /%s and /%s/privacy under a strict CSP, with no inline script or style', async (lang) => {
    for (const path of [`/${lang}`, `/${lang}/privacy`]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(STRICT);
      expect(response.headers.get('content-language')).toBe(lang);
      const page = await response.text();
      expect(page).toContain(`<html lang="${lang}"`);
      expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)/i);
      expect(page).toMatch(new RegExp(`<script src="/widget.js" integrity="sha384-[^"]+" crossorigin="anonymous" data-lang="${lang}" data-assistant="public" async>`));
      // Links only, never a resource: the agency on the demo page, the data protection authority in the privacy notice.
      expect(page).not.toMatch(/https?:\/\/(?!www\.luxinnovation\.lu\/|cnpd\.public\.lu")/);
    }
  });

  it('chooses the language of / from Accept-Language and says how long conversations are kept', async () => {
    const page = await (await get('/', { 'accept-language': 'de-LU,de;q=0.9' })).text();
    expect(page).toContain('<html lang="de"');
    expect(page).toContain('Setzen Sie künstliche Intelligenz');
    const privacy = await (await get('/privacy', { 'accept-language': 'fr' })).text();
    expect(privacy).toContain('30 jours');
  });

  it('serves the site stylesheet and the icon, and puts the CSP on API answers too', async () => {
    const page = await (await get('/en')).text();
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(page)![1]!;
    const response = await get(css);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect((await get('/assets/icon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/healthz')).headers.get('content-security-policy')).toBe(STRICT);
    expect((await get('/xx')).status).toBe(404);
  });

  it('escapes every value put into a page', () => {
    expect(String(html`<p title="${'"><script>'}">${'<b>&'}</p>`)).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;</p>');
  });
});

describe('CORS on /api/*', () => {
  const preflight = (origin: string) =>
    made.app.request('/api/chat', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });

  it('allows the origins of ALLOWED_ORIGINS and no other', async () => {
    const allowed = await preflight('https://www.example.lu');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.lu');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const search = await get('/api/search?q=MeluXina&lang=en', { origin: 'https://partner.example.org' });
    expect(search.headers.get('access-control-allow-origin')).toBe('https://partner.example.org');
    expect(search.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
