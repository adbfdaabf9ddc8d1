// AI Act Art. 50 in Debian's chromium against the real app on 127.0.0.1, in English, French, German and
// Luxembourgish: the widget says it is an AI before the first message (the launcher, the panel's notice), labels every
// answer "AI-generated" and a staff member's reply "a person, not AI", also after a reload; the teachers' page says
// it is an AI in the panel and on the page, and labels its answers the same way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../agents/language/languages.ts';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { expectClean, launchChromium, serveApp, watchedPage, type Served } from '../support/browser.ts';

const TAG = 'ai-factory-assistant';
// Tuesday 1 December 2026, 10:00 in Luxembourg: staff are in office hours.
const TUESDAY_10 = Date.UTC(2026, 11, 1, 9, 0);
const PASSWORD = 'correct horse battery';
const QUESTIONS: Record<Lang, string> = {
  en: 'Who operates the MeluXina supercomputer?',
  fr: 'Qui exploite le supercalculateur MeluXina ?',
  de: 'Wer betreibt den Supercomputer MeluXina?',
  lb: 'Wien bedreift de Supercomputer MeluXina zu Lëtzebuerg?',
};
const STAFF_REPLIES: Record<Lang, string> = {
  en: 'Hello, I am looking at your question.',
  fr: 'Bonjour, je regarde votre question.',
  de: 'Guten Tag, ich sehe mir Ihre Frage an.',
  lb: 'Moien, ech kucken Är Fro.',
};

let browser: Browser;
let served: Served;

beforeAll(async () => {
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline', STAFF_HOURS: 'mon-fri 09:00-17:00' }, now: () => TUESDAY_10 }), launchChromium()]);
  await saveAccount(served.deps, { email: 'anna@ai-factory.lu', name: 'Anna Weber', role: 'reviewer', lang: 'lb' }, PASSWORD, 'test');
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const widget = (page: Page, selector: string) => page.locator(`${TAG} ${selector}`);
const t = (lang: Lang, key: string) => served.deps.i18n.forLang(lang)(key);
const waitForAnswer = (page: Page) => widget(page, '.msg.assistant .feedback').first().waitFor({ timeout: 15_000 });

/** Anna, signed in through the staff API, claims a conversation and replies in it. */
async function staffReply(conversationId: string, text: string) {
  const login = await fetch(`${served.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'anna@ai-factory.lu', password: PASSWORD }) });
  expect(login.status).toBe(200);
  const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const base = `${served.url}/api/staff/conversations/${conversationId}`;
  expect((await fetch(`${base}/claim`, { method: 'POST', headers })).status).toBe(200);
  expect((await fetch(`${base}/messages`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ text }) })).status).toBe(201);
}

/** An answer's label line: the assistant's name and its AI badge, or a staff member's name and the person badge. */
const labels = (page: Page, selector: string) => widget(page, `${selector} .badge`).allInnerTexts();

describe('the widget says it is an AI (AI Act Art. 50)', () => {
  it('in each language: the notice before the first message, every answer labelled AI-generated, a staff reply labelled a person, after a reload too', async () => {
    for (const lang of LANGS) {
      const w = await watchedPage(browser);
      const { page } = w;
      await page.goto(`${served.url}/${lang}`);
      // The launcher itself offers an AI, before anything is opened.
      expect(await widget(page, '.launcher').innerText(), lang).toBe(t(lang, 'widget:launcher.short'));
      await widget(page, '.launcher').click();

      // Before any message: the panel opens with the notice that this is an AI, in the page's language.
      await expect.poll(() => widget(page, '.notice p span').first().innerText(), { message: lang }).toBe(t(lang, 'chat:ai_notice'));
      expect(await widget(page, '.messages li').count(), lang).toBe(0);

      await widget(page, '#question').fill(QUESTIONS[lang]);
      await widget(page, '#question').press('Enter');
      await waitForAnswer(page);
      const answer = widget(page, '.msg.assistant').first();
      expect(await answer.locator('.who').innerText(), lang).toBe(`${t(lang, 'widget:message.assistant')} ${t(lang, 'widget:message.ai_label')}`);
      expect(await answer.locator('.body').innerText(), lang).toContain(t(lang, 'chat:ai_notice'));

      // A person takes over: their reply carries their first name and the person label, and no AI badge.
      const { id } = (await page.evaluate(() => JSON.parse(localStorage.getItem('aif-assistant:conversation:public') ?? 'null'))) as { id: string };
      await widget(page, 'button.talk').click();
      await expect.poll(() => widget(page, '.handover').isVisible(), { message: lang }).toBe(true);
      await staffReply(id, STAFF_REPLIES[lang]);
      const staff = widget(page, '.msg.staff');
      await staff.waitFor({ timeout: 15_000 });
      expect(await staff.locator('.body').innerText(), lang).toBe(STAFF_REPLIES[lang]);
      expect(await labels(page, '.msg.staff'), lang).toEqual([t(lang, 'widget:handover.person')]);
      expect(await staff.locator('.who').innerText(), lang).toContain(`Anna · ${t(lang, 'widget:message.staff')}`);
      expect(await labels(page, '.msg.assistant'), lang).toEqual([t(lang, 'widget:message.ai_label')]);

      // Restored after a reload from the history: the same labels on the same messages.
      await page.reload();
      await widget(page, '.launcher').click();
      await widget(page, '.msg.staff').waitFor({ timeout: 15_000 });
      expect(await labels(page, '.msg.assistant'), lang).toEqual([t(lang, 'widget:message.ai_label')]);
      expect(await labels(page, '.msg.staff'), lang).toEqual([t(lang, 'widget:handover.person')]);

      await expectClean(w);
      await w.context.close();
    }
  });

  it('on the teachers’ page in each language: the AI notice in the panel and on the page before the first message, every answer labelled AI-generated', async () => {
    for (const lang of LANGS) {
      const w = await watchedPage(browser);
      const { page } = w;
      await page.goto(`${served.url}/${lang}/edu`);
      expect(await page.locator('#ai-notice h3').innerText(), lang).toBe(t(lang, 'widget:edu.ai_title'));
      expect(await page.locator('#ai-notice p').innerText(), lang).toBe(t(lang, 'widget:edu.ai_text'));
      await expect.poll(() => widget(page, '.notice').innerText(), { message: lang }).toContain(t(lang, 'widget:education.notice'));
      expect(await widget(page, '.messages li').count(), lang).toBe(0);

      await widget(page, '#question').fill(QUESTIONS[lang]);
      await widget(page, '#question').press('Enter');
      await waitForAnswer(page);
      expect(await labels(page, '.msg.assistant'), lang).toEqual([t(lang, 'widget:message.ai_label')]);

      await expectClean(w);
      await w.context.close();
    }
  });
});
