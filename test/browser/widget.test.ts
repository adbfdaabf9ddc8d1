// The widget in Debian's chromium on the demo page, against the real app on 127.0.0.1 (offline, and llm mode through
// the Ollama stand-in): keyboard journey, streaming and reset, inert content, retry, axe in four states, screenshots.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';

const TAG = 'ai-factory-assistant';
const ARTEFACTS = 'test-results/widget';
let browser: Browser;
let offline: Served;
let llm: Served;
let ollama: OllamaStandIn;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  [offline, llm, browser] = await Promise.all([
    serveApp({ env: { LLM_MODE: 'offline' } }),
    serveApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' }, llmTimeouts: { firstTokenMs: 3000, idleMs: 2000, totalMs: 15_000 } }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([offline?.close(), llm?.close()]);
  await ollama?.close();
});

const widget = (page: Page, selector: string) => page.locator(`${TAG} ${selector}`);
const rows = async (served: Served, sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows;

/** A short description of the focused element inside the widget's shadow root, or of the page's. */
const focused = (page: Page) =>
  page.evaluate((tag) => {
    const inner = document.querySelector(tag)?.shadowRoot?.activeElement;
    const el = inner ?? document.activeElement;
    if (!el) return '';
    const cls = el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ').join('.')}` : '';
    return `${inner ? 'shadow:' : ''}${el.tagName.toLowerCase()}${cls}${el.getAttribute('data-lang') ? `[${el.getAttribute('data-lang')}]` : ''}`;
  }, TAG);

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, wanted: string, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).startsWith(wanted)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${wanted}; it is on ${await focused(page)}`);
}

const lastAnswer = (page: Page) => widget(page, '.msg.assistant').last();
const waitForAnswer = (page: Page, count = 1) => widget(page, '.msg.assistant .feedback').nth(count - 1).waitFor({ timeout: 15_000 });

describe('the widget on the demo page', () => {
  it('works by keyboard alone: Luxembourgish, a cited answer, feedback, reload, forget', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${offline.url}/`);
    await expect.poll(() => page.evaluate((tag) => !!document.querySelector(tag)?.shadowRoot, TAG)).toBe(true);
    expect(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.mode, TAG)).toBe('open');

    await tabTo(page, 'shadow:button.launcher');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('shadow:textarea');
    await expect.poll(() => widget(page, '.notice').innerText()).toContain('AI assistant');

    await tabTo(page, 'shadow:button.lang[lb]', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await widget(page, 'button.lang[data-lang="lb"]').getAttribute('aria-pressed')).toBe('true');
    expect(await widget(page, 'h2').innerText()).toBe('Assistent vun der AI Factory');
    expect(await widget(page, '.notice').innerText()).toContain('Dir chatt mat engem KI-Assistent');
    expect(await widget(page, '.notice a.privacy').getAttribute('href')).toBe(`${offline.url}/lb/privacy`);

    await tabTo(page, 'shadow:textarea');
    await page.keyboard.type('Wéi vill Formatioune organiséiert d’AI Factory all Joer?');
    await page.keyboard.press('Enter');
    await waitForAnswer(page);
    const answer = lastAnswer(page);
    expect(await answer.getAttribute('lang')).toBe('lb');
    expect(await widget(page, '.msg.user').getAttribute('lang')).toBe('lb');
    expect(await answer.locator('.badge').innerText()).toBe('KI-generéiert');
    expect(await answer.locator('.body').innerText()).toContain('140');
    const cites = answer.locator('.body button.cite');
    expect(await cites.count()).toBeGreaterThan(0);
    await expect.poll(() => widget(page, '[role="status"]').innerText()).toContain('Den Assistent huet geäntwert');

    // A citation opens its source's title and snippet.
    await tabTo(page, 'shadow:button.cite');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('shadow:button.source');
    const source = answer.locator('.sources li').first();
    expect(await source.locator('button').getAttribute('aria-expanded')).toBe('true');
    expect((await source.locator('.source-detail').innerText()).length).toBeGreaterThan(20);

    // Thumbs down with a comment, stored against the answer.
    await tabTo(page, 'shadow:button.icon-button.thumb.down');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('shadow:textarea');
    await page.keyboard.type('Méi Detailer w.e.g.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => answer.locator('.feedback-note').innerText()).toBe('Merci fir Äre Feedback.');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aif-assistant:conversation:public')!) as { id: string; token: string });
    expect(Object.keys(stored).sort()).toEqual(['id', 'token']);
    const feedback = await rows(offline, 'SELECT f.rating, f.comment, m.conversation_id FROM feedback f JOIN messages m ON m.id = f.message_id');
    expect(feedback.map((r) => ({ ...r }))).toEqual([{ rating: 'down', comment: 'Méi Detailer w.e.g.', conversation_id: stored.id }]);
    const answerText = await answer.locator('.body').innerText();

    // After a reload the conversation comes back from the server, in its language.
    await page.reload();
    await tabTo(page, 'shadow:button.launcher');
    await page.keyboard.press('Enter');
    await waitForAnswer(page);
    expect(await widget(page, '.msg').count()).toBe(2);
    expect(await lastAnswer(page).locator('.body').innerText()).toBe(answerText);
    expect(await lastAnswer(page).getAttribute('lang')).toBe('lb');
    expect(await widget(page, 'button.lang[data-lang="lb"]').getAttribute('aria-pressed')).toBe('true');

    // Forget: confirm, and the conversation is gone from the database and from the browser.
    await tabTo(page, 'shadow:button.link-button');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('shadow:button');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('shadow:button.danger');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget(page, '.msg').count()).toBe(0);
    await expect.poll(() => widget(page, '[role="status"]').innerText()).toBe('D’Gespréich gouf geläscht.');
    expect(await page.evaluate(() => localStorage.getItem('aif-assistant:conversation:public'))).toBeNull();
    expect(await rows(offline, 'SELECT id FROM conversations WHERE id = ?', [stored.id])).toHaveLength(0);
    expect(await rows(offline, 'SELECT id FROM messages WHERE conversation_id = ?', [stored.id])).toHaveLength(0);

    // Escape closes the panel and gives focus back to the launcher.
    await page.keyboard.press('Escape');
    expect(await widget(page, '.panel').isHidden()).toBe(true);
    expect(await focused(page)).toBe('shadow:button.launcher');
    await expectClean(w);
    await w.context.close();
  });

  it('streams a model answer, shows the typing indicator, and handles reset by discarding the uncited text', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${llm.url}/en`);
    await widget(page, '.launcher').click();
    // The server resets an answer without a citation and sends the quoted passages instead.
    ollama.setFault({ path: '/api/chat', tokenDelayMs: 40, times: 1 });
    ollama.script.push({ content: 'It will be very powerful, trust me, believe me, really.' });
    await page.evaluate((tag) => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => {
        const root = document.querySelector(tag)!.shadowRoot!;
        if (root.querySelector('.typing')) seen.push('typing');
        const body = root.querySelector('.msg.assistant:last-child .body');
        if (body?.textContent) seen.push(body.textContent);
      }).observe(document.querySelector(tag)!.shadowRoot!, { subtree: true, childList: true, characterData: true });
    }, TAG);
    await widget(page, '#question').fill('How much more powerful will the MeluXina-AI supercomputer become?');
    await widget(page, '#question').press('Enter');
    await expect.poll(() => widget(page, 'button.stop').isVisible()).toBe(true);
    await waitForAnswer(page);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen).toContain('typing');
    const partial = seen.filter((text) => text !== 'typing' && text.includes('trust me'));
    expect(partial.length).toBeGreaterThan(1); // streamed token by token
    const body = await lastAnswer(page).locator('.body').innerText();
    expect(body).not.toContain('trust me');
    expect(body).toContain('15');
    expect(await lastAnswer(page).locator('button.cite').count()).toBeGreaterThan(0);
    expect(await widget(page, 'button.send').isVisible()).toBe(true);
    await expectClean(w);
    await w.context.close();
  });

  it('renders HTML and javascript: links in an answer as inert text', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${llm.url}/en`);
    await widget(page, '.launcher').click();
    ollama.script.push({
      content:
        'MeluXina-AI will be **15 times** more powerful [1]. <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> ' +
        '[click me](javascript:window.__xss=3) [also](JaVaScRiPt:alert(1)) [data](data:text/html,<b>x</b>) and [the ministry](https://example.org/ai).',
    });
    await widget(page, '#question').fill('How much more powerful will the MeluXina-AI supercomputer become?');
    await widget(page, '#question').press('Enter');
    await waitForAnswer(page);
    const answer = lastAnswer(page);
    expect(await answer.locator('.body').innerText()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await answer.locator('img, script, iframe, object').count()).toBe(0);
    expect(await answer.locator('strong').innerText()).toBe('15 times');
    const links = await answer.locator('.body a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })));
    expect(links).toEqual([{ href: 'https://example.org/ai', rel: expect.stringContaining('noopener') }]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expectClean(w);
    await w.context.close();
  });

  it('offers a retry after a network error, and the stop button ends a streaming answer', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${llm.url}/de`);
    await widget(page, '.launcher').click();
    await page.route('**/api/chat', (route) => route.abort('internetdisconnected'), { times: 1 });
    await widget(page, '#question').fill('Wie viel leistungsfähiger soll der Supercomputer MeluXina-AI werden?');
    await widget(page, '#question').press('Enter');
    await widget(page, 'button.retry').waitFor();
    expect(await lastAnswer(page).locator('.note').innerText()).toContain('Die Verbindung ist fehlgeschlagen');
    ollama.script.push({ content: 'MeluXina-AI wird 15-mal leistungsfähiger [1].' });
    await widget(page, 'button.retry').click();
    await waitForAnswer(page);
    expect(await widget(page, '.msg.assistant').count()).toBe(1);
    expect(await lastAnswer(page).locator('.body').innerText()).toContain('15-mal');

    ollama.setFault({ path: '/api/chat', tokenDelayMs: 300, times: 1 });
    ollama.script.push({ content: 'MeluXina-AI wird deutlich schneller rechnen können als bisher, und zwar [1] um ein Vielfaches.' });
    await widget(page, '#question').fill('Und wie schnell wird MeluXina-AI genau?');
    await widget(page, '#question').press('Enter');
    await expect.poll(() => lastAnswer(page).locator('.body').innerText()).toContain('MeluXina-AI');
    await widget(page, 'button.stop').click();
    await expect.poll(() => lastAnswer(page).locator('.note').innerText()).toBe('Sie haben diese Antwort angehalten.');
    expect(await focused(page)).toBe('shadow:textarea');
    await expectClean(w);
    await w.context.close();
  });

  it('passes axe with the panel closed and open with a cited answer, in light and dark', async () => {
    const report: Record<string, unknown> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const w = await watchedPage(browser, { colorScheme: scheme });
      const { page } = w;
      await page.goto(`${offline.url}/en`);
      await widget(page, '.launcher').waitFor();
      const closed = await runAxe(page);
      await widget(page, '.launcher').click();
      await widget(page, '#question').fill('Which sectors are strategic for the AI Factory?');
      await widget(page, '#question').press('Enter');
      await waitForAnswer(page);
      await lastAnswer(page).locator('button.source').first().click();
      await lastAnswer(page).locator('button.thumb.up').click();
      const open = await runAxe(page);
      await page.screenshot({ path: `${ARTEFACTS}/demo-en-${scheme}.png` });
      report[`${scheme}, closed`] = closed;
      report[`${scheme}, open with a cited answer`] = open;
      for (const state of [closed, open]) {
        expect(state.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      }
      expect(closed.shadowChecks).toBeGreaterThanOrEqual(20);
      expect(open.shadowNodes).toBeGreaterThanOrEqual(20);
      await expectClean(w);
      await w.context.close();
    }
    console.log(`axe: ${JSON.stringify(report, null, 1)}`);
  });

  it('speaks four languages (screenshots), reflows at 320 px and honours reduced motion', async () => {
    const questions = {
      en: 'How many training courses does the AI Factory coordinate every year?',
      fr: 'Combien de cours de formation l’AI Factory coordonne-t-elle chaque année ?',
      de: 'Welche Sektoren sind für die AI Factory strategisch?',
      lb: 'Wéi vill Formatioune organiséiert d’AI Factory all Joer?',
    };
    const titles = { en: 'AI Factory assistant', fr: 'Assistant de l’AI Factory', de: 'Assistent der AI Factory', lb: 'Assistent vun der AI Factory' };
    for (const [lang, question] of Object.entries(questions) as [keyof typeof questions, string][]) {
      const w = await watchedPage(browser);
      const { page } = w;
      await page.goto(`${offline.url}/${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await widget(page, '.launcher').click();
      expect(await widget(page, 'h2').innerText()).toBe(titles[lang]);
      await widget(page, '#question').fill(question);
      await widget(page, '#question').press('Enter');
      await waitForAnswer(page);
      expect(await lastAnswer(page).getAttribute('lang')).toBe(lang);
      await page.screenshot({ path: `${ARTEFACTS}/demo-${lang}.png` });
      await expectClean(w);
      await w.context.close();
    }

    const w = await watchedPage(browser, { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
    const { page } = w;
    await page.goto(`${offline.url}/fr`);
    await widget(page, '.launcher').click();
    await widget(page, '#question').fill(questions.fr);
    await widget(page, '#question').press('Enter');
    await waitForAnswer(page);
    const layout = await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const panel = root.querySelector<HTMLElement>('.panel')!;
      const box = panel.getBoundingClientRect();
      const wider = [...root.querySelectorAll<HTMLElement>('.panel *')].filter((el) => el.getBoundingClientRect().right > box.right + 0.5 && !el.closest('.sr-only'));
      return { width: box.width, page: document.documentElement.scrollWidth, wider: wider.map((el) => el.className), animation: getComputedStyle(panel).animationName };
    }, TAG);
    expect(layout).toEqual({ width: 320, page: 320, wider: [], animation: 'none' });
    await page.screenshot({ path: `${ARTEFACTS}/demo-fr-320.png` });
    await expectClean(w);
    await w.context.close();
  });
});
