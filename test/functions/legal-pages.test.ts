// The legal pages over HTTP against the real app: each of the 16 answers in its language under the strict CSP, shows
// its version and which version prevails, links the other pages and languages; the privacy notice names the CNPD
// and the periods the code applies; the operator's configuration fills the texts (escaped), or placeholders say it
// is missing; and a lead's consent records the version of the notice served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../agents/language/languages.ts';
import { legalDocument, PRIVACY_VERSION } from '../../legal/documents.ts';
import { LEGAL_KINDS } from '../../legal/kinds.ts';
import { makeApp } from '../support/app.ts';
import { buildWorkerBundle, startWorkerd } from '../support/workerd.ts';

type Made = Awaited<ReturnType<typeof makeApp>>;
let demo: Made;
let configured: Made;

const OPERATOR = {
  OPERATOR_NAME: 'Groupement "AI Factory" <Luxembourg> & Co',
  OPERATOR_ADDRESS: '1, rue de l’Exemple, L-0000 Luxembourg',
  OPERATOR_EMAIL: 'contact@ai-factory.example',
  PUBLICATION_DIRECTOR: 'Anne Beispill',
  HOSTING_PROVIDER: 'Souverän Rechenzentrum S.A., L-0001 Bissen',
  LEAD_RETENTION_DAYS: '45',
  PUBLIC_URL: 'https://assistant.example.lu',
};

beforeAll(async () => {
  [demo, configured] = await Promise.all([makeApp(), makeApp({ env: OPERATOR })]);
});
afterAll(() => {
  demo?.dispose();
  configured?.dispose();
});

const STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
// What each language says about the version that prevails: the French one, in every version.
const PREVAILS: Record<Lang, string> = {
  en: 'the French version prevails',
  fr: 'la version française fait foi',
  de: 'ist die französische Fassung maßgeblich',
  lb: 'ass déi franséisch Versioun maassgeeblech',
};
const VERSION_WORD: Record<Lang, string> = { en: 'Version', fr: 'Version', de: 'Version', lb: 'Versioun' };
// Dates are written day first in every language, with the language's own month names (Luxembourgish: Mäerz, Abrëll, Mee).
const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  lb: ['Januar', 'Februar', 'Mäerz', 'Abrëll', 'Mee', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
// How long the code keeps things, in the privacy notice's words per language (30 days, 24 hours, the configured 90).
const RETENTION: Record<Lang, [string, string, string]> = {
  en: ['30 days', '24 hours', '90 days'],
  fr: ['30 jours', '24 heures', '90 jours'],
  de: ['30 Tage', '24 Stunden', '90 Tage'],
  lb: ['30 Deeg', '24 Stonnen', '90 Deeg'],
};

const get = (made: Made, path: string, headers: Record<string, string> = {}) => made.app.request(path, { headers });
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const meta = (html: string) => /<p class="legal-meta">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

describe('GET /:lang/<legal page>', () => {
  const pages = LANGS.flatMap((lang) => LEGAL_KINDS.map((kind) => [lang, kind] as const));

  it.each(pages)('/%s/%s answers in its language under the strict CSP, with its version, date and the prevailing language', async (lang, kind) => {
    const response = await get(demo, `/${lang}/${kind}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(STRICT);
    expect(response.headers.get('content-language')).toBe(lang);
    const html = await response.text();
    expect(html).toContain(`<html lang="${lang}" dir="ltr">`);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)/i);
    const doc = legalDocument(kind, lang);
    expect(html).toContain(`<h1>${doc.title}</h1>`);
    // The version and the day, written out in the page's language (never the ISO form), and the French text prevails.
    const [year, month, day] = doc.updated.split('-').map(Number);
    const line = text(meta(html));
    expect(line).toContain(`${VERSION_WORD[lang]} ${doc.version}`);
    expect(line).toContain(String(year));
    expect(line).toContain(`${day}${lang === 'de' || lang === 'lb' ? '.' : ''} ${MONTHS[lang][month! - 1]} ${year}`);
    expect(line).not.toContain(doc.updated);
    expect(line).toContain(PREVAILS[lang]);
    // Every legal page in this language from the footer (this one marked current), and this page in every language.
    for (const other of LEGAL_KINDS) expect(html).toContain(`<a href="/${lang}/${other}"${other === kind ? ' aria-current="page"' : ''}>`);
    for (const other of LANGS) expect(html).toMatch(new RegExp(`<a href="/${other}/${kind}" hreflang="${other}" lang="${other}"`));
    // Links out go only to the public authorities named in the texts.
    const outside = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => new URL(m[1]!).hostname);
    expect(outside.filter((host) => !['cnpd.public.lu', 'accessibilite.public.lu', 'www.ombudsman.lu'].includes(host))).toEqual([]);
  });

  it.each(LANGS)('the %s privacy notice names the CNPD, Luxinnovation, the consent and the periods the code applies', async (lang) => {
    const html = await (await get(demo, `/${lang}/privacy`)).text();
    const words = text(html);
    expect(words).toContain('Commission nationale pour la protection des données (CNPD)');
    expect(html).toContain('<a href="https://cnpd.public.lu">');
    expect(words).toContain('Luxinnovation');
    expect(words).toMatch(/6\(1\)\(a\)|6 Abs\. 1 lit\. a|6, paragraphe 1, point a\)/);
    for (const period of RETENTION[lang]) expect(words, period).toContain(period);
    expect(words).toContain('/api/conversations/<id>/export');
  });

  it.each(LANGS)('the %s accessibility statement is the model’s: status, non-compliances, method, feedback and the SIP', async (lang) => {
    const html = await (await get(demo, `/${lang}/accessibility`)).text();
    expect(text(html)).toMatch(/28\.? (May|mai|Mai|Mee) 2019/);
    expect(html).toMatch(/EN 301 549/);
    expect(html).toContain('<a href="https://accessibilite.public.lu">');
    expect(html).toContain('<a href="https://www.ombudsman.lu">');
    expect(html).toContain('axe-core');
    expect(html).toContain('WCAG 2.1.4');
  });

  it('shows marked placeholders and a demonstration notice while the operator has not configured its details', async () => {
    const html = await (await get(demo, '/en/imprint')).text();
    expect(html).toContain('<p class="advice">Demonstration:');
    for (const variable of ['OPERATOR_NAME', 'OPERATOR_ADDRESS', 'OPERATOR_EMAIL', 'PUBLICATION_DIRECTOR', 'HOSTING_PROVIDER']) expect(html).toContain(`<mark class="unset">to be set by the operator (${variable})</mark>`);
    expect(html).not.toContain('{{');
    expect(await (await get(demo, '/fr/privacy')).text()).toContain('<mark class="unset">à compléter par l’exploitant (DPO_EMAIL)</mark>');
  });

  it('fills in the operator’s configuration, escaped, with e-mail links, the configured lead retention and the public address', async () => {
    const imprint = await (await get(configured, '/de/imprint')).text();
    expect(imprint).not.toContain('<mark class="unset"');
    expect(imprint).not.toContain('class="advice"');
    expect(imprint).toContain('Groupement &quot;AI Factory&quot; &lt;Luxembourg&gt; &amp; Co<br>1, rue de l’Exemple, L-0000 Luxembourg<br>');
    expect(imprint).toContain('<a href="mailto:contact@ai-factory.example">contact@ai-factory.example</a>');
    expect(imprint).toContain('Anne Beispill');
    expect(imprint).toContain('Souverän Rechenzentrum S.A., L-0001 Bissen');
    const privacy = await (await get(configured, '/lb/privacy')).text();
    // Without DPO_EMAIL, data protection requests go to the operator's address.
    expect(privacy).toContain('Den Dateschutzbeoptraagten erreecht Dir ënner <a href="mailto:contact@ai-factory.example">');
    expect(text(privacy)).toContain('45 Deeg');
    expect(text(privacy)).not.toContain('90 Deeg');
    const statement = await (await get(configured, '/en/accessibility')).text();
    expect(statement).toContain('This statement applies to https://assistant.example.lu:');
  });

  it('chooses the language from Accept-Language without one in the path, and knows no other page', async () => {
    for (const kind of LEGAL_KINDS) {
      const response = await get(demo, `/${kind}`, { 'accept-language': 'lb-LU,de;q=0.8' });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`<h1>${legalDocument(kind, 'lb').title}</h1>`);
    }
    expect((await get(demo, '/en/cookies')).status).toBe(404);
    expect((await get(demo, '/xx/privacy')).status).toBe(404);
  });

  it('answers a browser that follows a dead link with a 404 page in the address’s or its own language, and API clients with JSON', async () => {
    const page = await get(demo, '/fr/cookies', { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const french = await page.text();
    expect(french).toContain('<html lang="fr"');
    expect(french).toContain(`<h1>${demo.deps.i18n.forLang('fr')('widget:demo.not_found_title')}</h1>`);
    expect(french).toContain('href="/fr"');
    const unknown = await get(demo, '/xx', { accept: 'text/html', 'accept-language': 'de' });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<html lang="de"');
    const api = await get(demo, '/api/nothing', { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect(((await (await get(demo, '/fr/cookies')).json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('links the four pages from the demo page’s and the teachers’ page’s footer, and privacy and terms from the teachers’ notices', async () => {
    for (const path of ['/fr', '/fr/edu']) {
      const html = await (await get(demo, path)).text();
      const footer = html.slice(html.indexOf('<footer'));
      for (const kind of LEGAL_KINDS) expect(footer, `${path} ${kind}`).toContain(`<a href="/fr/${kind}">`);
    }
    const edu = await (await get(demo, '/fr/edu')).text();
    const notices = edu.slice(edu.indexOf('id="notices"'), edu.indexOf('</section>', edu.indexOf('id="notices"')));
    expect(notices).toContain('<a href="/fr/privacy">Protection des données</a>');
    expect(notices).toContain('<a href="/fr/terms">Conditions d’utilisation</a>');
  });
});

describe('consent and the privacy notice’s version', () => {
  const lead = (lang: Lang, version: string) => ({
    organisation: 'Orbit Data SARL',
    orgType: 'startup',
    sector: 'space',
    maturity: 'piloting',
    need: 'Classify satellite images with a model trained on our own archive of pictures',
    contact: { name: 'Lea Muller', email: 'lea@orbit.example' },
    lang,
    consent: { given: true, version },
  });
  const post = (body: unknown) => demo.app.request('/api/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('offers the lead form with the version of the privacy notice served, named in the consent text', async () => {
    const served = meta(await (await get(demo, '/lb/privacy')).text());
    const response = await demo.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: 'Mir sinn eng kleng Firma a mir wëllen eng Finanzéierung fir e KI-Projet. Kënnt Dir eis hëllefen?', lang: 'lb' }) });
    const body = (await response.json()) as { actions: { type: string; consent: { version: string; text: string } }[] };
    const form = body.actions.find((action) => action.type === 'lead_form');
    expect(form?.consent.version).toBe(PRIVACY_VERSION);
    expect(served).toContain(`Versioun ${form!.consent.version} `);
    expect(form?.consent.text).toContain(`(Versioun ${PRIVACY_VERSION})`);
  });

  it('stores the version of the notice with the lead', async () => {
    const response = await post(lead('en', PRIVACY_VERSION));
    expect(response.status).toBe(201);
    const { leadId } = (await response.json()) as { leadId: string };
    const { rows } = await demo.db.client.execute({ sql: 'SELECT consent_version, consent_at FROM leads WHERE id = ?', args: [leadId] });
    expect(rows[0]).toMatchObject({ consent_version: PRIVACY_VERSION, consent_at: expect.any(Number) });
  });

  it('stores the version a form was shown with, also one older than the notice served now', async () => {
    const response = await post(lead('fr', '0.9'));
    expect(response.status).toBe(201);
    const { leadId } = (await response.json()) as { leadId: string };
    const { rows } = await demo.db.client.execute({ sql: 'SELECT consent_version FROM leads WHERE id = ?', args: [leadId] });
    expect(rows[0]).toMatchObject({ consent_version: '0.9' });
  });

  it('answers consent_required for a version that is missing or not a string', async () => {
    for (const version of ['', 42, null]) {
      const response = await post({ ...lead('fr', PRIVACY_VERSION), consent: { given: true, version } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('consent_required');
    }
  });
});

describe('the legal pages on self-hosted workerd', () => {
  it('serves them from the bundle in each language, dates included (workerd has no Luxembourgish in its ICU data)', async () => {
    const running = await startWorkerd(await buildWorkerBundle(), { DATABASE_URL: 'http://127.0.0.1:9', LLM_MODE: 'offline', OPERATOR_NAME: 'Test <operator>' });
    try {
      for (const lang of LANGS) {
        const response = await fetch(`${running.url}/${lang}/privacy`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toBe(STRICT);
        const html = await response.text();
        expect(html).toContain(`<html lang="${lang}"`);
        expect(text(meta(html))).toContain(`${VERSION_WORD[lang]} ${PRIVACY_VERSION}`);
        const [year, month, day] = legalDocument('privacy', lang).updated.split('-').map(Number);
        expect(text(meta(html))).toContain(`${day}${lang === 'de' || lang === 'lb' ? '.' : ''} ${MONTHS[lang][month! - 1]} ${year}`);
        expect(html).toContain('Test &lt;operator&gt;');
      }
    } finally {
      await running.stop();
    }
    // Building the bundle (wrangler) and starting workerd take longer than a request.
  }, 120_000);
});

describe('pages as people type their addresses', () => {
  it('serves /edu in the browser’s language and redirects a trailing slash to the page, by path, never an API path', async () => {
    const edu = await get(demo, '/edu', { 'accept-language': 'fr-LU,fr;q=0.9' });
    expect(edu.status).toBe(200);
    expect(await edu.text()).toContain('<html lang="fr"');
    for (const [path, location] of [['/fr/edu/', '/fr/edu'], ['/lb/privacy/?x=1', '/lb/privacy?x=1'], ['//example.com/', '/example.com']] as const) {
      const moved = await get(demo, path);
      expect(moved.status, path).toBe(301);
      expect(moved.headers.get('location')).toBe(location);
    }
    expect((await get(demo, '/api/chat/')).status).toBe(404);
  });
});
