// The legal pages in Debian's chromium against the real app on 127.0.0.1: axe finds nothing on each page (one language
// each, and one in dark mode and at 320 px), the footer's links are reached and followed by keyboard, the widget and
// the staff console's sign-in link to the pages in their language, and a lead sent from the widget stores the version
// of the privacy notice the site serves. No CSP violation, no request off 127.0.0.1.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_KINDS } from '../../legal/kinds.ts';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';

const TAG = 'ai-factory-assistant';
const ARTEFACTS = 'test-results/legal';

let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline' } }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const widget = (page: Page, selector: string) => page.locator(`${TAG} ${selector}`);

/** The focused element of the page (not inside the widget): its tag and, for a link, its path. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el instanceof HTMLAnchorElement ? `a ${new URL(el.href).pathname}${el.closest('footer') ? ' footer' : ''}` : el.tagName.toLowerCase();
  });

describe('the legal pages', () => {
  it.each([
    ['en', 'privacy'],
    ['fr', 'terms'],
    ['de', 'imprint'],
    ['lb', 'accessibility'],
  ] as const)('/%s/%s passes axe with no finding at all', async (lang, kind) => {
    const w = await watchedPage(browser);
    const response = (await w.page.goto(`${served.url}/${lang}/${kind}`))!;
    expect(response.status()).toBe(200);
    await w.page.locator(`${TAG} .launcher`).waitFor();
    expect(await w.page.getAttribute('html', 'lang')).toBe(lang);
    const axe = await runAxe(w.page);
    expect(axe.violations).toEqual([]);
    await w.page.screenshot({ path: `${ARTEFACTS}/${kind}-${lang}.png`, fullPage: true });
    await expectClean(w);
    await w.context.close();
  });

  it('passes axe in dark mode and reflows at 320 px, placeholders included', async () => {
    for (const [name, options] of [
      ['dark', { colorScheme: 'dark' as const }],
      ['320', { viewport: { width: 320, height: 640 } }],
    ] as const) {
      const w = await watchedPage(browser, options);
      await w.page.goto(`${served.url}/lb/privacy`);
      await w.page.locator(`${TAG} .launcher`).waitFor();
      expect(await w.page.locator('mark.unset').count()).toBeGreaterThan(0);
      expect((await runAxe(w.page)).violations, name).toEqual([]);
      const wider = await w.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.tagName));
      expect(wider, name).toEqual([]);
      await w.page.screenshot({ path: `${ARTEFACTS}/privacy-lb-${name}.png`, fullPage: true });
      await expectClean(w);
      await w.context.close();
    }
  });

  it('reaches every footer link by keyboard, in order, and follows one with Enter', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${served.url}/en/privacy`);
    await page.locator(`${TAG} .launcher`).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 80 && reached.length < LEGAL_KINDS.length; i++) {
      await page.keyboard.press('Tab');
      const at = await focused(page);
      if (at.endsWith(' footer')) reached.push(at.split(' ')[1]!);
    }
    expect(reached).toEqual(LEGAL_KINDS.map((kind) => `/en/${kind}`));
    // Back to the terms of use, and Enter opens them.
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('a /en/terms footer');
    await Promise.all([page.waitForURL(`${served.url}/en/terms`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Terms of use');
    expect(await page.locator('footer a[aria-current="page"]').innerText()).toBe('Terms of use');
    await expectClean(w);
    await w.context.close();
  });
});

describe('links to the legal pages', () => {
  it('the widget links the terms of use beside the AI notice, in the chosen language', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${served.url}/de`);
    await widget(page, '.launcher').click();
    const terms = widget(page, '.notice a.terms');
    await terms.waitFor();
    expect(await terms.innerText()).toBe('Nutzungsbedingungen');
    expect(await terms.getAttribute('href')).toBe(`${served.url}/de/terms`);
    expect(await terms.getAttribute('target')).toBe('_blank');
    // The AI notice and the link share a paragraph; the privacy link follows in the next one.
    expect(await terms.evaluate((a) => a.parentElement!.textContent)).toContain('KI-Assistenten');
    await widget(page, 'button.lang[data-lang="lb"]').click();
    expect(await terms.innerText()).toBe('Benotzungsbedéngungen');
    expect(await terms.getAttribute('href')).toBe(`${served.url}/lb/terms`);
    expect(await widget(page, '.notice a.privacy').getAttribute('href')).toBe(`${served.url}/lb/privacy`);
    await expectClean(w);
    await w.context.close();
  });

  it('the staff console’s sign-in links the four pages in its language, reachable by keyboard', async () => {
    const w = await watchedPage(browser, { locale: 'fr-LU', extraHTTPHeaders: { 'accept-language': 'fr-LU,fr;q=0.9' } });
    const { page } = w;
    await page.goto(`${served.url}/console`);
    const nav = page.locator('nav.legal');
    await nav.waitFor();
    expect(await nav.getAttribute('aria-label')).toBe('Informations légales');
    expect(await nav.locator('a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
      ['/fr/privacy', 'Protection des données'],
      ['/fr/terms', 'Conditions d’utilisation'],
      ['/fr/imprint', 'Mentions légales'],
      ['/fr/accessibility', 'Accessibilité'],
    ]);
    const reached: string[] = [];
    for (let i = 0; i < 20 && reached.length < 4; i++) {
      await page.keyboard.press('Tab');
      const at = await focused(page);
      if (at.startsWith('a ')) reached.push(at.slice(2));
    }
    expect(reached).toEqual(LEGAL_KINDS.map((kind) => `/fr/${kind}`));
    expect((await runAxe(page, 'none')).violations).toEqual([]);
    await expectClean(w);
    await w.context.close();
  });
});

describe('consent from the widget', () => {
  it('stores with the lead the version of the privacy notice the site serves, named beside the consent box', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${served.url}/fr/privacy`);
    const served_ = /^Version (\d+\.\d+) du /.exec(await page.locator('.legal-meta').innerText())?.[1];
    expect(served_).toMatch(/^\d+\.\d+$/);

    await page.goto(`${served.url}/fr`);
    await widget(page, '.launcher').click();
    await widget(page, '#question').fill('Nous sommes une PME et voudrions un financement pour un projet d’IA. Pouvez-vous nous aider ?');
    await widget(page, '#question').press('Enter');
    const form = widget(page, '.msg.lead form');
    await form.waitFor({ timeout: 15_000 });
    expect(await widget(page, '.msg.lead .consent').innerText()).toContain(`(version ${served_})`);
    await form.locator('[id$="-organisation"]').fill('Orbite Verte SARL');
    await form.locator('select[id$="-org"]').selectOption('startup');
    await form.locator('[id$="-sector"]').fill('Spatial');
    await form.locator('select[id$="-maturity"]').selectOption('piloting');
    await form.locator('[id$="-contact"]').fill('Jérôme Weber');
    await form.locator('[id$="-email"]').fill('jerome@orbite-verte.example');
    await form.locator('[id$="-consent"]').check();
    await form.locator('button.send').click();
    await widget(page, '.msg.lead div[tabindex="-1"]').waitFor();

    const { rows } = await served.db.client.execute('SELECT consent_version, organisation FROM leads');
    expect(rows.map((row) => ({ ...row }))).toEqual([{ consent_version: served_, organisation: 'Orbite Verte SARL' }]);
    await expectClean(w);
    await w.context.close();
  });
});
