// The teachers' assistant page /:lang/edu in Debian's chromium against the real app on 127.0.0.1: four languages
// (screenshots), the three notices, axe in light, dark and at 320 px, keyboard alone, the access-code form, CSP and no
// request elsewhere; through the server's teachers' assistant: a question sent by keyboard answered, cited and
// redacted, and the access-code flow with codes.
import { mkdirSync } from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessCode } from '../../agents/edu/access.ts';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';

const TAG = 'ai-factory-assistant';
const ARTEFACTS = 'test-results/edu';
const STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const CODE_KEY = 'aif-assistant:access-code';
const CONVERSATION_KEY = 'aif-assistant:conversation:education';

let browser: Browser;
let open: Served;
let codes: Served;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [open, codes, browser] = await Promise.all([
    serveApp({ env: { LLM_MODE: 'offline' } }),
    serveApp({ env: { LLM_MODE: 'offline', EDU_ACCESS: 'codes' } }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([open?.close(), codes?.close()]);
});

const widget = (page: Page, selector: string) => page.locator(`${TAG} ${selector}`);
const rows = async (app: Served, sql: string, args: string[] = []) => (await app.db.client.execute({ sql, args })).rows;
const lastAnswer = (page: Page) => widget(page, '.msg.assistant').last();
const waitForAnswer = (page: Page, count = 1) => widget(page, '.msg.assistant .feedback').nth(count - 1).waitFor({ timeout: 15_000 });

/** A short description of the focused element: inside the widget's shadow root, or the page's own. */
const focused = (page: Page) =>
  page.evaluate((tag) => {
    const inner = document.querySelector(tag)?.shadowRoot?.activeElement;
    const el = inner ?? document.activeElement;
    if (!el) return '';
    const cls = el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ').join('.')}` : '';
    return `${inner ? 'shadow:' : ''}${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
  }, TAG);

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, wanted: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).startsWith(wanted)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${wanted}; it is on ${await focused(page)}`);
}

/** The JSON bodies the page posted to /api/chat, in order. */
function chatBodies(page: Page): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/chat') bodies.push(request.postDataJSON() as Record<string, unknown>);
  });
  return bodies;
}

const HEADINGS = { en: 'An AI assistant for teachers', fr: 'Un assistant d’IA pour les enseignants', de: 'Ein KI-Assistent für Lehrkräfte', lb: 'E KI-Assistent fir Enseignanten' };
const TITLES = { en: 'Teachers’ assistant', fr: 'Assistant pour les enseignants', de: 'Assistent für Lehrkräfte', lb: 'Assistent fir Enseignanten' };
/** What each notice must say, per language: kept 24 hours, no training, where it runs; AI; placeholders. */
const NOTICES = {
  en: { privacy: ['24 hours', 'train a model', 'sovereign', 'Luxembourg'], ai: ['language model', 'check them'], redaction: ['[email]', 'pupils’ names', 'placeholders', 'what was removed'] },
  fr: { privacy: ['24 heures', 'entraîner un modèle', 'souveraine', 'Luxembourg'], ai: ['modèle de langage', 'vérifiez-les'], redaction: ['[email]', 'noms d’élèves', 'marqueurs', 'ce qui a été retiré'] },
  de: { privacy: ['24 Stunden', 'Training eines Modells', 'souveräner', 'Luxemburg'], ai: ['Sprachmodell', 'Prüfen Sie'], redaction: ['[email]', 'Namen von Schülerinnen und Schülern', 'Platzhalter', 'was entfernt wurde'] },
  lb: { privacy: ['24 Stonne', 'Modell ze trainéieren', 'souveräner', 'Lëtzebuerg'], ai: ['Sproochemodell', 'Kontrolléiert se'], redaction: ['[email]', 'Nimm vu Schüler', 'Plazhalter', 'wat ewechgeholl gouf'] },
};
const PANEL_NOTICE = { en: '24 hours', fr: '24 heures', de: '24 Stunden', lb: '24 Stonne' };

describe('the teachers’ assistant page', () => {
  it.each(['en', 'fr', 'de', 'lb'] as const)('serves /%s/edu with the three notices and the assistant as a full page, under a strict CSP', async (lang) => {
    const w = await watchedPage(browser);
    const { page } = w;
    // A language remembered from the demo page does not override the page's own.
    await w.context.addInitScript(() => localStorage.setItem('aif-assistant:lang', 'de'));
    const response = (await page.goto(`${open.url}/${lang}/edu`))!;
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['content-security-policy']).toBe(STRICT);
    expect(headers['content-language']).toBe(lang);
    const source = await response.text();
    expect(source).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)/i);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('h1').innerText()).toBe(HEADINGS[lang]);

    for (const [id, words] of [['#privacy', NOTICES[lang].privacy], ['#ai-notice', NOTICES[lang].ai], ['#redaction', NOTICES[lang].redaction]] as const) {
      const notice = page.locator(`main ${id}`);
      expect(await notice.isVisible(), id).toBe(true);
      const text = await notice.innerText();
      for (const word of words) expect(text, `${lang} ${id}`).toContain(word);
    }

    // One element, the page's own, upgraded in place: open, no launcher, close button, language buttons or person.
    await expect.poll(() => widget(page, '.panel').isVisible()).toBe(true);
    expect(await page.locator(TAG).count()).toBe(1);
    expect(await page.locator(TAG).getAttribute('lang')).toBe(lang);
    expect(await widget(page, '.panel').getAttribute('role')).toBeNull();
    expect(await widget(page, 'h2').innerText()).toBe(TITLES[lang]);
    expect(await widget(page, '.launcher').isHidden()).toBe(true);
    expect(await widget(page, 'button.close, .langs').count()).toBe(0);
    expect(await widget(page, 'button.talk').isHidden()).toBe(true);
    expect(await widget(page, 'form.access').isHidden()).toBe(true);
    expect(await widget(page, '.notice').innerText()).toContain(PANEL_NOTICE[lang]);
    expect(await widget(page, '.notice a.privacy').getAttribute('href')).toBe(`${open.url}/${lang}/edu#privacy`);
    expect(await widget(page, '.notice a.privacy').getAttribute('target')).toBeNull();
    expect(await widget(page, '#question').getAttribute('placeholder')).toMatch(/quiz/i);
    // The page does not take the focus on load.
    expect(await focused(page)).toBe('body');
    await page.screenshot({ path: `${ARTEFACTS}/edu-${lang}.png`, fullPage: true });
    await expectClean(w);
    await w.context.close();
  });

  it('passes axe with zero serious or critical findings in light and dark, and at 320 px, where it reflows', async () => {
    const report: Record<string, unknown> = {};
    for (const [name, options] of [
      ['light', { colorScheme: 'light' }],
      ['dark', { colorScheme: 'dark' }],
      ['320 px', { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' }],
    ] as const) {
      const w = await watchedPage(browser, options);
      const { page } = w;
      await page.goto(`${open.url}/en/edu`);
      await widget(page, '.panel').waitFor();
      const result = await runAxe(page);
      report[name] = result;
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), name).toEqual([]);
      expect(result.shadowChecks).toBeGreaterThanOrEqual(20);
      const layout = await page.evaluate((tag) => {
        const root = document.querySelector(tag)!.shadowRoot!;
        const panel = root.querySelector<HTMLElement>('.panel')!.getBoundingClientRect();
        const wider = [...root.querySelectorAll<HTMLElement>('.panel *')].filter((el) => el.getBoundingClientRect().right > panel.right + 0.5 && !el.closest('.sr-only'));
        return { page: document.documentElement.scrollWidth, viewport: innerWidth, inside: panel.left >= 0 && panel.right <= innerWidth, wider: wider.map((el) => el.className) };
      }, TAG);
      expect(layout, name).toEqual({ page: layout.viewport, viewport: layout.viewport, inside: true, wider: [] });
      await page.screenshot({ path: `${ARTEFACTS}/edu-en-${name.replace(' ', '')}.png`, fullPage: true });
      await expectClean(w);
      await w.context.close();
    }
    console.log(`axe on /en/edu: ${JSON.stringify(report, null, 1)}`);
  });

  it('works by keyboard alone: the skip link, the privacy notice from the assistant, a question sent with Enter', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    const bodies = chatBodies(page);
    await page.goto(`${open.url}/de/edu`);
    await widget(page, '.panel').waitFor();

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a.skip');
    await page.keyboard.press('Enter');
    // From the main content, the assistant is the first stop: its conversation, the notice's link, the question.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('shadow:div.scroll');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('shadow:a.privacy');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#privacy');

    await tabTo(page, 'shadow:textarea#question', 'Shift+Tab');
    // Escape does not hide a full page.
    await page.keyboard.press('Escape');
    expect(await widget(page, '.panel').isVisible()).toBe(true);
    await page.keyboard.type('Wie erkläre ich Zwölfjährigen, was ein KI-System ist?');
    await page.keyboard.press('Enter');
    await expect.poll(() => bodies.length).toBe(1);
    expect(bodies[0]).toEqual({ message: 'Wie erkläre ich Zwölfjährigen, was ein KI-System ist?', assistant: 'education' });
    expect(await focused(page)).toBe('shadow:textarea#question');
    await widget(page, 'button.send').waitFor();

    // Past the assistant, focus goes on to the notices' links to the legal pages, the footer, and comes back: no trap.
    await tabTo(page, 'shadow:button.send');
    await tabTo(page, 'a');
    expect(await page.evaluate(() => document.activeElement?.closest('#notices')?.querySelector('a') === document.activeElement)).toBe(true);
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('footer') !== null)).toBe(true);
    await tabTo(page, 'shadow:', 'Shift+Tab');
    await expectClean(w);
    await w.context.close();
  });

  it('asks for an access code only when the server requires one, keeps it for the tab and resends the question (server answers stubbed)', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    const bodies = chatBodies(page);
    // The server's side, as design.md specifies it: 401 access_code_required without a valid code, else the stream.
    const stream = [
      ['meta', { conversationId: 'c-stub', conversationToken: 't-stub', lang: 'en', mode: 'offline' }],
      ['token', { text: 'An AI system infers from its input how to generate outputs [1].' }],
      ['sources', { sources: [{ n: 1, docId: 'edu-what-is-ai', title: 'What AI is', lang: 'en', snippet: 'Under Art. 3(1) of the AI Act, an AI system is a machine-based system…' }] }],
      ['done', { messageId: 'm-stub', answered: true }],
    ];
    await w.context.route('**/api/chat', (route) => {
      const body = route.request().postDataJSON() as { accessCode?: string };
      if (body.accessCode !== 'ABCD-EFGH-JKMN-PQRS')
        return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'access_code_required', message: 'An access code is required.' } }) });
      return route.fulfill({ status: 200, contentType: 'text/event-stream', body: stream.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('') });
    });
    await page.goto(`${open.url}/en/edu`);
    await widget(page, '#question').waitFor();
    expect(await widget(page, 'form.access').isHidden()).toBe(true);

    await widget(page, '#question').focus();
    await page.keyboard.type('What is an AI system?');
    await page.keyboard.press('Enter');
    await widget(page, 'form.access').waitFor();
    expect(await focused(page)).toBe('shadow:input#access-code');
    expect(await widget(page, 'form.access').innerText()).toContain('Enter the access code of your school or class.');
    expect(await widget(page, '#access-wrong').isHidden()).toBe(true);
    expect(await widget(page, '.msg.assistant').count()).toBe(0);
    expect(await widget(page, '.msg.user').count()).toBe(1);
    await expect.poll(() => widget(page, '[role="status"]').innerText()).toContain('access code');
    const asking = await runAxe(page);
    expect(asking.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: `${ARTEFACTS}/edu-en-access-code.png` });

    // A wrong code: asked again, marked invalid, and not kept.
    await page.keyboard.type('wrong-code');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget(page, '#access-wrong').isVisible()).toBe(true);
    expect(await widget(page, '#access-wrong').innerText()).toBe('This code was not accepted.');
    expect(await widget(page, '#access-code').getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe('shadow:input#access-code');
    expect(await page.evaluate((key) => sessionStorage.getItem(key), CODE_KEY)).toBeNull();

    // The right one: the same question goes again with it, is answered, and the code is kept for this tab only.
    await page.keyboard.type('ABCD-EFGH-JKMN-PQRS');
    await page.keyboard.press('Enter');
    await waitForAnswer(page);
    expect(await widget(page, 'form.access').isHidden()).toBe(true);
    expect(bodies.map((b) => [b.message, b.accessCode])).toEqual([
      ['What is an AI system?', undefined],
      ['What is an AI system?', 'wrong-code'],
      ['What is an AI system?', 'ABCD-EFGH-JKMN-PQRS'],
    ]);
    expect(await widget(page, '.msg.user').count()).toBe(1);
    expect(await widget(page, '.msg.assistant').count()).toBe(1);
    expect(await lastAnswer(page).locator('button.cite').count()).toBe(1);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), CODE_KEY)).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(await page.evaluate(() => Object.values({ ...localStorage }).some((v) => v.includes('ABCD')))).toBe(false);

    // The next question carries the code without asking; so does one after a reload of the same tab.
    await widget(page, '#question').fill('And a quiz about it?');
    await widget(page, '#question').press('Enter');
    await waitForAnswer(page, 2);
    await page.reload();
    await widget(page, '#question').fill('One more?');
    await widget(page, '#question').press('Enter');
    await expect.poll(() => bodies.length).toBe(5);
    expect(bodies.slice(3).map((b) => b.accessCode)).toEqual(['ABCD-EFGH-JKMN-PQRS', 'ABCD-EFGH-JKMN-PQRS']);
    expect(await widget(page, 'form.access').isHidden()).toBe(true);

    // Another tab has no code.
    const other = await w.context.newPage();
    await other.goto(`${open.url}/en/edu`);
    expect(await other.evaluate((key) => sessionStorage.getItem(key), CODE_KEY)).toBeNull();
    await expectClean(w);
    await w.context.close();
  });
});

describe('the teachers’ assistant page with the server', () => {
  it('answers a question sent by keyboard alone, cited, and says what personal data it removed ', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${open.url}/en/edu`);
    await widget(page, '.panel').waitFor();
    await tabTo(page, 'shadow:textarea#question');
    await page.keyboard.type('How can I explain to 12-year-olds what an AI system is? Send ideas to marie.dupont@school.lu');
    await page.keyboard.press('Enter');
    await waitForAnswer(page);
    const answer = lastAnswer(page);
    expect(await answer.getAttribute('lang')).toBe('en');
    expect(await answer.locator('.badge').innerText()).toBe('AI-generated');
    expect(await answer.locator('.body').innerText()).toContain('I removed an e-mail address');
    expect(await answer.locator('.body button.cite').count()).toBeGreaterThan(0);
    expect(await widget(page, '.msg.lead').count()).toBe(0);
    expect(await widget(page, 'button.talk').isHidden()).toBe(true);

    // A citation opens its source, by keyboard.
    await tabTo(page, 'shadow:button.cite');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('shadow:button.source');
    expect(await answer.locator('.sources li button').first().getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: `${ARTEFACTS}/edu-en-answer.png`, fullPage: true });

    // Stored redacted, for a day, as the notices say.
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!) as { id: string }, CONVERSATION_KEY);
    const [conversation] = await rows(open, 'SELECT assistant, retain_until - created_at AS kept FROM conversations WHERE id = ?', [stored.id]);
    expect({ ...conversation }).toEqual({ assistant: 'education', kept: 24 * 60 * 60 * 1000 });
    const [question] = await rows(open, "SELECT content FROM messages WHERE conversation_id = ? AND role = 'user'", [stored.id]);
    expect(String(question!.content)).toContain('[email]');
    expect(String(question!.content)).not.toContain('marie.dupont');
    await expectClean(w);
    await w.context.close();
  });

  it('with EDU_ACCESS=codes, asks for the access code, refuses a wrong one and answers with a valid one ', async () => {
    const { code } = await createAccessCode({ db: codes.deps.db, now: codes.deps.now }, 'Lycée test, 3e', 1);
    const w = await watchedPage(browser);
    const { page } = w;
    const bodies = chatBodies(page);
    await page.goto(`${codes.url}/fr/edu`);
    await widget(page, '.panel').waitFor();
    await tabTo(page, 'shadow:textarea#question');
    await page.keyboard.type('Comment expliquer à des élèves de 12 ans ce qu’est un système d’IA ?');
    await page.keyboard.press('Enter');
    await widget(page, 'form.access').waitFor();
    expect(await focused(page)).toBe('shadow:input#access-code');
    expect(await widget(page, 'label[for="access-code"]').innerText()).toBe('Code d’accès');

    await page.keyboard.type('AAAA-BBBB-CCCC-DDDD');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget(page, '#access-wrong').isVisible()).toBe(true);
    expect(await widget(page, '#access-wrong').innerText()).toBe('Ce code n’a pas été accepté.');

    // Typed in lower case with spaces: the server normalises it.
    await page.keyboard.type(code.toLowerCase().replace(/-/g, ' '));
    await page.keyboard.press('Enter');
    await waitForAnswer(page);
    expect(await lastAnswer(page).getAttribute('lang')).toBe('fr');
    expect(await lastAnswer(page).locator('.body button.cite').count()).toBeGreaterThan(0);
    expect(await widget(page, 'form.access').isHidden()).toBe(true);
    expect(await widget(page, '.msg.user').count()).toBe(1);

    // A follow-up in the same conversation goes with the code, unasked.
    await widget(page, '#question').fill('Et un quiz de cinq questions sur ce sujet ?');
    await widget(page, '#question').press('Enter');
    await waitForAnswer(page, 2);
    expect(bodies.map((b) => b.accessCode)).toEqual([undefined, 'AAAA-BBBB-CCCC-DDDD', code.toLowerCase().replace(/-/g, ' '), code.toLowerCase().replace(/-/g, ' ')]);
    expect(bodies[3]!.conversationId).toEqual(expect.any(String));

    // A new tab has no code: the same conversation asks for it again.
    const other = await w.context.newPage();
    await other.goto(`${codes.url}/fr/edu`);
    await other.locator(`${TAG} #question`).fill('Encore une question ?');
    await other.locator(`${TAG} #question`).press('Enter');
    await other.locator(`${TAG} form.access`).waitFor();
    await expectClean(w);
    await w.context.close();
  });
});
