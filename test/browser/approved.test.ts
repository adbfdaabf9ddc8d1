// The console's knowledge pages and the widget's approved mark in Debian's chromium against the real app: an admin
// finds a knowledge gap, writes a French approved answer and later retires it, by keyboard alone; a visitor on /fr
// gets it word for word, marked; axe on every page and dialog in light and dark, at 320 px, and in Luxembourgish.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { expectClean, focused, launchChromium, runAxe, serveApp, tabTo, watchedPage, type Served } from '../support/browser.ts';

const ARTEFACTS = 'test-results/approved';
const ADA = { email: 'ada@ai-factory.lu', name: 'Ada Admin', password: 'admin password long', lang: 'en', role: 'admin' } as const;
const JANG = { email: 'jang@ai-factory.lu', name: 'Jang Weis', password: 'Moien, ech sinn de Jang', lang: 'lb', role: 'reviewer' } as const;
type Account = typeof ADA | typeof JANG;
const ANSWER =
  'Les nouvelles de la Luxembourg AI Factory, comme le lancement de son catalogue de services [1], sont publiées sur les canaux officiels de Luxinnovation, son guichet unique [2].';

let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline' } }), launchChromium()]);
  for (const account of [ADA, JANG]) await saveAccount(served.deps, { email: account.email, name: account.name, role: account.role, lang: account.lang }, account.password, 'test');
  // Visitors ask about a newsletter the knowledge does not mention, in French, and once in English.
  for (const [message, lang] of [
    ['Comment s’abonner à la newsletter de l’AI Factory ?', 'fr'],
    ['Y a-t-il une newsletter de l’AI Factory ?', 'fr'],
    ['Est-ce que la newsletter de l’AI Factory est gratuite ?', 'fr'],
    ['Is there a newsletter from the AI Factory?', 'en'],
  ]) {
    const response = await fetch(`${served.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message, lang }) });
    expect(((await response.json()) as { answered: boolean }).answered).toBe(false);
  }
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });
const status = (page: Page) => page.locator('[role="status"]').innerText();
const serious = (summary: Awaited<ReturnType<typeof runAxe>>) => summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
const gapCards = (page: Page) => page.locator('section[aria-labelledby="gaps-title"] .cards article');
const approvedCards = (page: Page) => page.locator('section[aria-labelledby="approved-title"] .cards article');
const frenchGap = (page: Page) => gapCards(page).filter({ hasText: 'newsletter de l’AI Factory' });

/** Signs in by keyboard only and waits for the inbox. */
async function signIn(page: Page, account: Account) {
  await page.goto(`${served.url}/console`);
  await page.locator('#login-email').waitFor();
  await tabTo(page, '#login-email');
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await page.locator('#inbox-title').waitFor();
}

describe('knowledge gaps and approved answers in the console', () => {
  it('by keyboard alone: an admin finds a gap, writes a French approved answer, a visitor gets it marked, the admin retires it', async () => {
    const admin = await watchedPage(browser);
    const { page } = admin;
    await signIn(page, ADA);

    // g shows the gaps: the French questions in one group, with its counts and wordings.
    await page.keyboard.press('g');
    await poll(() => focused(page)).toBe('h2#gaps-title');
    await frenchGap(page).waitFor();
    expect(await page.locator('.sections [aria-current="page"]').innerText()).toContain('Knowledge gaps');
    expect(new URL(page.url()).hash).toBe('#gaps');
    expect(await frenchGap(page).innerText()).toMatch(/FR[\s\S]*3 questions[\s\S]*3 not answered[\s\S]*Also asked as:/);
    expect(await gapCards(page).count()).toBeGreaterThanOrEqual(2);

    // Its button opens the dialog with the gap's language and wording; the focus is on the answer.
    // The button is described by its gap's question, so a screen reader tells the gaps' buttons apart.
    const gapId = await frenchGap(page).locator('h3').getAttribute('id');
    await tabTo(page, `button.write[aria-describedby="${gapId}"]`);
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.approve');
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await focused(page)).toBe('textarea#approve-answer');
    expect(await page.locator('#approve-lang').inputValue()).toBe('fr');
    expect(await page.locator('#approve-question').inputValue()).toContain('newsletter de l’AI Factory');
    await page.keyboard.type(ANSWER);

    // Saved without a document to cite: the server's refusal, read out in the dialog.
    await tabTo(page, 'dialog.approve button.primary');
    await page.keyboard.press('Enter');
    await poll(() => dialog.locator('[role="alert"]').innerText()).toBe('Choose at least one knowledge document for the answer to cite.');

    // Two documents ticked with Space, numbered in the order ticked; then saved.
    await page.keyboard.press('Shift+Tab');
    for (const docId of ['service-catalogue-launch', 'getting-support']) {
      for (let i = 0; i < 40 && !(await page.evaluate((id) => (document.activeElement as HTMLInputElement | null)?.value === id, docId)); i++) await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Space');
    }
    expect((await dialog.locator('[data-doc="service-catalogue-launch"] .number').innerText()).trim()).toBe('[1]');
    expect((await dialog.locator('[data-doc="getting-support"] .number').innerText()).trim()).toBe('[2]');
    await tabTo(page, 'dialog.approve button.primary');
    await page.keyboard.press('Enter');
    await poll(() => dialog.isVisible()).toBe(false);
    await poll(() => status(page)).toBe('The approved answer is saved: visitors get it from now on.');
    await poll(() => frenchGap(page).locator('.covered').innerText()).toBe('An approved answer now answers these questions.');
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

    // a shows the approved answers: the new one, its author, its citations by title.
    await page.keyboard.press('a');
    await poll(() => focused(page)).toBe('h2#approved-title');
    const card = approvedCards(page).filter({ hasText: 'newsletter de l’AI Factory' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/FR[\s\S]*Written by Ada Admin[\s\S]*Given 0 times/);
    expect(await card.locator('ol.examples li').count()).toBe(2);
    // Each section has its own address: the browser's back button returns to the gaps, forward to the answers.
    expect(new URL(page.url()).hash).toBe('#approved');
    await page.goBack();
    await poll(() => focused(page)).toBe('h2#gaps-title');
    expect(await page.locator('section[aria-labelledby="approved-title"]').isVisible()).toBe(false);
    await page.goForward();
    await poll(() => focused(page)).toBe('h2#approved-title');

    // A visitor on the French page asks another wording: the approved answer, word for word, marked approved.
    const visitor = await watchedPage(browser);
    await visitor.page.goto(`${served.url}/fr`);
    await visitor.page.locator('ai-factory-assistant .launcher').click();
    await visitor.page.locator('ai-factory-assistant #question').fill('Où puis-je m’inscrire à la newsletter de l’AI Factory ?');
    await visitor.page.locator('ai-factory-assistant #question').press('Enter');
    const reply = visitor.page.locator('ai-factory-assistant .msg.assistant').last();
    await reply.locator('.feedback').waitFor({ timeout: 15_000 });
    expect(await reply.locator('.who .badge').innerText()).toBe('Réponse approuvée');
    expect(await reply.locator('.body').innerText()).toContain('Les nouvelles de la Luxembourg AI Factory');
    expect(await reply.locator('.sources button.source').count()).toBe(2);
    await poll(() => visitor.page.locator('ai-factory-assistant [role="status"]').innerText()).toMatch(/^Réponse approuvée\. L’assistant a répondu/);
    const summary = await runAxe(visitor.page);
    expect(serious(summary)).toEqual([]);
    expect(summary.shadowNodes).toBeGreaterThan(0);
    await visitor.page.screenshot({ path: `${ARTEFACTS}/widget-approved.png` });
    // After a reload the restored answer keeps its mark.
    await visitor.page.reload();
    await visitor.page.locator('ai-factory-assistant .launcher').click();
    await poll(() => visitor.page.locator('ai-factory-assistant .msg.assistant .who .badge').last().innerText()).toBe('Réponse approuvée');
    await expectClean(visitor);
    await visitor.context.close();

    // The admin retires it: the confirmation starts on Cancel; Tab, Enter retires.
    await page.keyboard.press('a');
    await poll(() => card.innerText()).toMatch(/Given 1 time\b/);
    await tabTo(page, `button[aria-describedby="${await card.locator('h3').getAttribute('id')}"]`);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('dialog.retire').isVisible()).toBe(true);
    expect(await focused(page)).toBe('button.secondary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => status(page)).toBe('The approved answer is retired.');
    await poll(() => card.count()).toBe(0);
    expect((await served.db.client.execute("SELECT action FROM audit_log WHERE subject_type = 'approved_answer' ORDER BY id")).rows.map((r) => r.action)).toEqual([
      'approved_answer.created',
      'approved_answer.retired',
    ]);
    // i goes back to the inbox.
    await page.keyboard.press('i');
    await poll(() => page.locator('.inbox').isVisible()).toBe(true);
    await expectClean(admin);
    await admin.context.close();
  });

  it('passes axe with zero serious or critical findings: gaps, the dialog, approved answers, light and dark, 320 px, a reviewer in Luxembourgish', async () => {
    // An approved answer of its own, for the approved answers page.
    const [ada] = (await served.db.client.execute({ sql: 'SELECT id FROM staff_users WHERE email = ?', args: [ADA.email] })).rows;
    await served.deps.approved.create(
      { lang: 'en', question: 'Does the AI Factory have a newsletter?', answer: 'News about the AI Factory is published through the channels of Luxinnovation [1].', docIds: ['getting-support'] },
      { id: String(ada!.id), email: ADA.email, name: ADA.name },
    );
    const check = async (name: string, page: Page) => {
      const summary = await runAxe(page, 'none');
      expect(serious(summary), name).toEqual([]);
      await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: true });
    };
    for (const scheme of ['light', 'dark'] as const) {
      const w = await watchedPage(browser, { colorScheme: scheme });
      const { page } = w;
      await signIn(page, ADA);
      await page.keyboard.press('g');
      await frenchGap(page).waitFor();
      await check(`gaps-${scheme}`, page);
      await frenchGap(page).locator('button.write').click();
      await page.locator('dialog.approve input[type="checkbox"]').first().waitFor();
      await page.locator('dialog.approve input[type="checkbox"]').first().check();
      await check(`approve-dialog-${scheme}`, page);
      await page.keyboard.press('Escape');
      await page.keyboard.press('a');
      await page.locator('#approved-retired').check();
      await approvedCards(page).filter({ hasText: 'Does the AI Factory have a newsletter?' }).waitFor();
      await check(`approved-${scheme}`, page);
      await expectClean(w);
      await w.context.close();
    }

    // A reviewer, in Luxembourgish: the gaps without the admin's button, and no approved-answers page.
    const narrow = await watchedPage(browser, { viewport: { width: 320, height: 640 } });
    const { page } = narrow;
    await signIn(page, JANG);
    expect(await page.locator('.sections a').allInnerTexts()).toEqual(['Gespréicher', 'Wëssenslücken', 'Zuelen']);
    await page.keyboard.press('g');
    await frenchGap(page).waitFor();
    expect(await page.locator('#gaps-title').innerText()).toBe('Wëssenslücken');
    expect(await page.locator('button.write').count()).toBe(0);
    await check('gaps-reviewer-320', page);
    const wider = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.app *')].filter((el) => el.getBoundingClientRect().right > 320.5 && el.getClientRects().length > 0).map((el) => el.className || el.tagName));
    expect(wider).toEqual([]);
    await page.keyboard.press('a');
    await poll(() => status(page)).toBe('Nëmmen Administrateure gesinn déi approuvéiert Äntwerten.');
    // A link to the approved answers gives a reviewer the inbox, not a conversation that does not exist.
    await page.goto('about:blank');
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${served.url}/console#approved`);
    await poll(() => focused(page)).toBe('h2#inbox-title');
    expect(await page.locator('section[aria-labelledby="approved-title"]').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    expect(asked).toContain('/api/staff/conversations');
    expect(asked.filter((path) => path.startsWith('/api/staff/conversations/'))).toEqual([]);
    await expectClean(narrow);
    await narrow.context.close();
  });
});
