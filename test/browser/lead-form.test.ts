// The lead form in Debian's chromium, against the real app on 127.0.0.1 in offline mode over a fresh database: a
// support question in French brings the form (consent unticked, full consent text), consent is enforced before
// anything is sent, a server error lands under its field with the values kept, and a keyboard-only submission
// stores the lead and shows the thank-you with the withdraw link. No CSP violation, no request off 127.0.0.1.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';

const TAG = 'ai-factory-assistant';
const QUESTION = 'Nous sommes une PME et voudrions un financement pour un projet d’IA. Pouvez-vous nous aider ?';
const frLeads = JSON.parse(readFileSync(new URL('../../locales/fr/leads.json', import.meta.url), 'utf8')) as { consent: { text: string; label: string }; errors: Record<string, string> };
const frWidget = JSON.parse(readFileSync(new URL('../../locales/fr/widget.json', import.meta.url), 'utf8')) as { lead: Record<string, string> };

let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync('test-results/widget', { recursive: true });
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline' } }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const widget = (page: Page, selector: string) => page.locator(`${TAG} ${selector}`);
const rows = async (sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows;

/** The focused element inside the widget's shadow root: tag, id and type. */
const focused = (page: Page) =>
  page.evaluate((tag) => {
    const el = document.querySelector(tag)?.shadowRoot?.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}` : '';
  }, TAG);

/** Presses Tab until the focused element's description contains `wanted`, as a keyboard user would. */
async function tabTo(page: Page, wanted: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).includes(wanted)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${wanted}; it is on ${await focused(page)}`);
}

/** Opens the widget on /fr by keyboard, asks the support question, and waits for the answer and its form. */
async function askForSupport(page: Page) {
  await page.goto(`${served.url}/fr`);
  await widget(page, '.launcher').waitFor();
  await tabTo(page, 'button');
  expect(await widget(page, '.launcher').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('textarea#question');
  await page.keyboard.type(QUESTION);
  await page.keyboard.press('Enter');
  await widget(page, '.msg.assistant .feedback').waitFor({ timeout: 15_000 });
  await widget(page, '.msg.lead form').waitFor();
}

describe('the lead form in the widget', () => {
  it('appears after a support question, enforces consent, shows server errors and stores the lead (keyboard only)', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await askForSupport(page);
    const lead = widget(page, '.msg.lead');
    expect(await widget(page, '.msg.assistant').last().locator('.body').innerText()).toContain('formulaire ci-dessous');

    // The form: French labels, the question as the need, consent unticked with its text in full.
    expect(await lead.locator('h3').innerText()).toBe(frWidget.lead['title']);
    expect(await lead.locator('form').getAttribute('aria-labelledby')).toBe(await lead.locator('h3').getAttribute('id'));
    expect(await lead.locator('textarea').inputValue()).toBe(QUESTION);
    const consent = lead.locator('.consent input[type="checkbox"]');
    expect(await consent.isChecked()).toBe(false);
    expect(await lead.locator('.consent').innerText()).toContain(frLeads.consent.text.replace('{{version}}', PRIVACY_VERSION));
    expect(await lead.locator('.consent label').innerText()).toBe(frLeads.consent.label);
    expect(await lead.locator('label', { hasText: /^Organisation \*$/ }).count()).toBe(1);
    expect(await lead.locator('select option').allInnerTexts()).toContain('PME');
    expect(await lead.locator('datalist option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['Finance', 'Espace', 'Cybersécurité', 'Économie verte']);
    expect(await lead.locator('.check label[lang="en"]').allInnerTexts()).toEqual(['Assess & Accelerate', 'Upskill & Train', 'Connect', 'Finance', 'Build & Test', 'Scale & Deploy']);
    // Every control has a label; required ones say so to assistive technologies.
    const unlabelled = await lead.locator('input, select, textarea').evaluateAll((els) => els.filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML));
    expect(unlabelled).toEqual([]);
    expect(await lead.locator('[required]').count()).toBe(8);

    // Fill by keyboard, with an email the server will refuse.
    await tabTo(page, 'input#');
    expect(await focused(page)).toMatch(/^input#m\d+-organisation\[text\]$/);
    await page.keyboard.type('Fintech Lëtz');
    await page.keyboard.press('Tab');
    await page.keyboard.type('PME'); // type-ahead in the closed select
    await page.keyboard.press('Tab');
    await page.keyboard.type('Finance');
    await page.keyboard.press('Tab');
    await page.keyboard.type('25');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Proj');
    await page.keyboard.press('Tab'); // need, kept as prefilled
    await page.keyboard.press('Tab'); // first pillar
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/-finance\[checkbox\]$/);
    await page.keyboard.press('Space');
    await tabTo(page, '-timeline');
    await page.keyboard.type('d’ici 3 mois');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Zoë Weiß');
    await page.keyboard.press('Tab');
    await page.keyboard.type('zoe-at-example.lu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+352 621 000 000');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/-consent\[checkbox\]$/);

    // Without consent: a localized error under the box, focus on it, and nothing sent.
    await tabTo(page, 'button');
    expect(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.activeElement!.textContent, TAG)).toBe(frWidget.lead['submit']);
    await page.keyboard.press('Enter');
    const consentError = lead.locator('.consent .field-error');
    await expect.poll(() => consentError.innerText()).toBe(frWidget.lead['consent_required']);
    expect(await focused(page)).toMatch(/-consent\[checkbox\]$/);
    expect(await consent.getAttribute('aria-invalid')).toBe('true');
    expect((await consent.getAttribute('aria-describedby'))!.split(' ')).toEqual([await consentError.getAttribute('id'), await lead.locator('.consent > p').first().getAttribute('id')]);
    expect(w.requests.filter((url) => url.includes('/api/leads'))).toEqual([]);
    expect(await rows('SELECT id FROM leads')).toHaveLength(0);

    // Consent ticked, the server refuses the email: its French message under the email field, values kept.
    await page.keyboard.press('Space');
    expect(await consent.isChecked()).toBe(true);
    await tabTo(page, 'button');
    await page.keyboard.press('Enter');
    const email = lead.locator('input[type="email"]');
    const emailError = lead.locator('.field-error').filter({ hasText: frLeads.errors['email_invalid']! });
    await emailError.waitFor();
    expect(await focused(page)).toMatch(/-email\[email\]$/);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe(await emailError.getAttribute('id'));
    expect(await consentError.isHidden()).toBe(true);
    expect(await lead.locator('input[autocomplete="organization"]').inputValue()).toBe('Fintech Lëtz');
    expect(await rows('SELECT id FROM leads')).toHaveLength(0);

    const axe = await runAxe(page);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Fix the email by keyboard and send: the thank-you takes the focus, with the withdraw link.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('zoe@example.lu');
    await page.keyboard.press('Enter'); // implicit submission from a text field
    const thanks = lead.locator('div[tabindex="-1"]');
    await thanks.waitFor();
    expect(await lead.locator('form').count()).toBe(0);
    const [row] = await rows('SELECT id, status, qualified, consent_version, lang, organisation, org_type, sector, size, maturity, need, pillars, timeline, contact_name, contact_email, contact_phone, conversation_id, source FROM leads');
    expect(row).toBeDefined();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aif-assistant:conversation:public')!) as { id: string });
    expect({ ...row }).toMatchObject({
      consent_version: PRIVACY_VERSION,
      lang: 'fr',
      organisation: 'Fintech Lëtz',
      org_type: 'sme',
      sector: 'Finance',
      size: '25',
      maturity: 'piloting',
      need: QUESTION,
      pillars: '["finance"]',
      timeline: 'd’ici 3 mois',
      contact_name: 'Zoë Weiß',
      contact_email: 'zoe@example.lu',
      contact_phone: '+352 621 000 000',
      conversation_id: stored.id,
      source: 'form',
    });
    expect(['qualified', 'unqualified']).toContain(row!.status);
    expect(await thanks.locator('p').first().innerText()).toBe(frWidget.lead[row!.status === 'qualified' ? 'sent' : 'stored']);
    expect(await focused(page)).toBe('div');
    const link = thanks.locator('a');
    expect(await link.innerText()).toBe(frWidget.lead['withdraw_link']);
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${served.url}/api/leads/${row!.id}/withdraw\\?token=[\\w-]+$`));
    expect(await link.getAttribute('rel')).toBe('noopener');
    await expect.poll(() => widget(page, '[role="status"]').innerText()).toContain(frWidget.lead[row!.status === 'qualified' ? 'sent' : 'stored']);
    await expectClean(w);
    await w.context.close();
  });

  it('reflows at 320 px, follows the UI language and passes axe in dark mode', async () => {
    const w = await watchedPage(browser, { viewport: { width: 320, height: 640 }, colorScheme: 'dark' });
    const { page } = w;
    await askForSupport(page);
    const layout = await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const box = root.querySelector<HTMLElement>('.panel')!.getBoundingClientRect();
      const wider = [...root.querySelectorAll<HTMLElement>('.msg.lead *')].filter((el) => el.getBoundingClientRect().right > box.right + 0.5 && !el.closest('.sr-only') && el.tagName !== 'OPTION');
      return { width: box.width, page: document.documentElement.scrollWidth, wider: wider.map((el) => el.tagName) };
    }, TAG);
    expect(layout).toEqual({ width: 320, page: 320, wider: [] });
    await page.screenshot({ path: 'test-results/widget/lead-form-fr-320.png', fullPage: false });
    const axe = await runAxe(page);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Switching the UI to German relabels the form; the consent stays in the language it was given in.
    await widget(page, 'button.lang[data-lang="de"]').click();
    const lead = widget(page, '.msg.lead');
    expect(await lead.locator('h3').innerText()).toBe('Mit einer Beratung sprechen');
    expect(await lead.locator('datalist option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toContain('Raumfahrt');
    expect(await lead.locator('.consent label').getAttribute('lang')).toBe('fr');
    await expectClean(w);
    await w.context.close();
  });
});
