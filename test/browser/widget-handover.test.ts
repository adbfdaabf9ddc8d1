// The handover in Debian's chromium against the real app: a visitor asks for a person, staff (over the staff HTTP API)
// join, reply, hand back and resolve; the widget waits, shows a person's messages live, survives a reload, and ends.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';

const TAG = 'ai-factory-assistant';
const ARTEFACTS = 'test-results/widget-handover';
// Tuesday 1 December 2026, 10:00 in Luxembourg: staff are in. Saturday 5 December, 11:00: they are back on Monday.
const TUESDAY_10 = Date.UTC(2026, 11, 1, 9, 0);
const SATURDAY_11 = Date.UTC(2026, 11, 5, 10, 0);
const PASSWORD = 'correct horse battery';

let clock = TUESDAY_10;
let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline', STAFF_HOURS: 'mon-fri 09:00-17:00' }, now: () => clock }), launchChromium()]);
  await saveAccount(served.deps, { email: 'anna@ai-factory.lu', name: 'Anna Weber', role: 'reviewer', lang: 'lb' }, PASSWORD, 'test');
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const widget = (page: Page, selector: string) => page.locator(`${TAG} ${selector}`);
const t = (lang: 'en' | 'lb', key: string, options?: Record<string, unknown>) => served.deps.i18n.forLang(lang)(key, options);
const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('aif-assistant:conversation:public') ?? 'null') as { id: string } | null);

/** A staff member signed in through POST /api/staff/login: posts to the staff API with the cookie and the CSRF token. */
async function staff(email: string) {
  const login = await fetch(`${served.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (conversationId: string, action: 'claim' | 'messages' | 'release' | 'resolve', body?: unknown) => {
    const response = await fetch(`${served.url}/api/staff/conversations/${conversationId}/${action}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${action}: ${await response.clone().text()}`).toBeLessThan(300);
  };
}

const focused = (page: Page) => page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.activeElement?.id ?? '', TAG);

async function send(page: Page, text: string) {
  await widget(page, '#question').fill(text);
  await widget(page, '#question').press('Enter');
}

describe('the widget hands a conversation to a person', () => {
  it('in Luxembourgish: the button, the queue, Anna joins and replies live, a reload, the hand-back and a bot answer again', async () => {
    clock = TUESDAY_10;
    const anna = await staff('anna@ai-factory.lu');
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${served.url}/lb`);
    await widget(page, '.launcher').click();

    // No conversation yet: the button asks through the chat, which escalates; focus stays in the composer.
    const talk = widget(page, 'button.talk');
    expect(await talk.innerText()).toBe('Mat enger Persoun schwätzen');
    await talk.focus();
    await page.keyboard.press('Enter');
    await widget(page, '.msg.assistant .feedback').waitFor();
    expect(await widget(page, '.msg.user .text').innerText()).toBe('Ech géif gär mat enger Persoun schwätzen.');
    expect(await widget(page, '.msg.assistant .body').innerText()).toContain(t('lb', 'chat:handover.queued', { position: 1 }));
    const banner = widget(page, '.handover');
    await expect.poll(() => banner.innerText()).toBe('Dir waart op eng Persoun aus eiser Equipe. Dir sidd Nummer 1 an der Waardeschlaang.');
    expect(await talk.isHidden()).toBe(true);
    expect(await focused(page)).toBe('question');
    const { id } = (await stored(page))!;

    // Written while waiting: shown as sent, no assistant bubble, stored for staff.
    await send(page, 'Ech hunn eng Fro zu de Käschte fir eng Firma.');
    await expect.poll(() => widget(page, '.msg.user').last().locator('.sent').innerText()).toBe('Un eis Equipe geschéckt');
    expect(await widget(page, '.msg.assistant').count()).toBe(1);

    const waiting = await runAxe(page);
    expect(waiting.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: `${ARTEFACTS}/waiting-lb.png` });

    // Anna claims and replies: the visitor sees both live, her first name and that a person wrote it.
    await anna(id, 'claim');
    await expect.poll(() => widget(page, '.event').last().innerText()).toBe('Anna ass an d’Gespréich komm.');
    await expect.poll(() => banner.innerText()).toBe('Anna aus eiser Equipe schreift mat Iech. Dat ass e Mënsch, keng KI.');
    await anna(id, 'messages', { text: 'Moien, ech sinn d’Anna. Wéi kann ech hëllefen?' });
    const reply = widget(page, '.msg.staff');
    await expect.poll(() => reply.count()).toBe(1);
    expect(await reply.locator('.who').innerText()).toBe('Anna · Team vun der AI Factory Mënsch, keng KI');
    expect(await reply.locator('.body').innerText()).toBe('Moien, ech sinn d’Anna. Wéi kann ech hëllefen?');
    expect(await reply.locator('.feedback, .sources, .badge:not(.person)').count()).toBe(0);
    await expect.poll(() => widget(page, '[role="status"]').innerText()).toContain('Moien, ech sinn d’Anna.');

    // Written while Anna holds it: sent, no bubble, and it reaches staff.
    await send(page, 'Merci! Mir sinn eng kleng Firma.');
    await expect.poll(() => widget(page, '.msg.user .sent').count()).toBe(2);
    expect(await widget(page, '.msg.assistant').count()).toBe(1);
    const visitorEvents = await served.db.client.execute({ sql: "SELECT data FROM events WHERE conversation_id = ? AND type = 'visitor_message'", args: [id] });
    expect(visitorEvents.rows.map((row) => (JSON.parse(String(row.data)) as { text: string }).text)).toEqual(['Ech hunn eng Fro zu de Käschte fir eng Firma.', 'Merci! Mir sinn eng kleng Firma.']);
    await page.screenshot({ path: `${ARTEFACTS}/staff-lb.png` });

    // A reload: the history brings Anna's message back with her name, and the stream picks up where it was.
    await page.reload();
    await widget(page, '.launcher').click();
    await expect.poll(() => widget(page, '.msg.staff .who').innerText()).toBe('Anna · Team vun der AI Factory Mënsch, keng KI');
    await expect.poll(() => banner.innerText()).toBe('Anna aus eiser Equipe schreift mat Iech. Dat ass e Mënsch, keng KI.');
    await anna(id, 'messages', { text: 'Wéi vill Mataarbechter hutt Dir?' });
    await expect.poll(() => widget(page, '.msg.staff').count()).toBe(2);
    expect(await widget(page, '.msg.staff .body').allInnerTexts()).toEqual(['Moien, ech sinn d’Anna. Wéi kann ech hëllefen?', 'Wéi vill Mataarbechter hutt Dir?']);
    expect(await widget(page, '.event').count()).toBe(0); // what was already said is not said again
    expect(await widget(page, '.msg.assistant').count()).toBe(1);

    // Anna hands back: the visitor is told, with the server's notice, and the assistant answers again.
    await anna(id, 'release');
    await expect.poll(() => widget(page, '.event').last().innerText()).toBe('Anna huet d’Gespréich verlooss. Den Assistent äntwert erëm.');
    await expect.poll(() => widget(page, '.system').last().innerText()).toBe(t('lb', 'chat:handover.released'));
    expect(await banner.isHidden()).toBe(true);
    expect(await talk.isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTEFACTS}/released-lb.png` });
    await send(page, 'Wéi vill Formatioune organiséiert d’AI Factory all Joer?');
    await widget(page, '.msg.assistant .feedback').nth(1).waitFor();
    expect(await widget(page, '.msg.assistant').last().locator('.body').innerText()).toContain('140');
    await expectClean(w);
    await w.context.close();
  });

  it('a conversation escalated by the button and resolved by staff ends; the visitor starts a new one', async () => {
    clock = TUESDAY_10;
    const anna = await staff('anna@ai-factory.lu');
    const w = await watchedPage(browser);
    const { page } = w;
    await page.goto(`${served.url}/en`);
    await widget(page, '.launcher').click();
    await send(page, 'Which sectors are strategic for the AI Factory?');
    await widget(page, '.msg.assistant .feedback').waitFor();
    const { id } = (await stored(page))!;

    // With a conversation, the button escalates it directly and shows the server's notice.
    await widget(page, 'button.talk').click();
    await expect.poll(() => widget(page, '.event').last().innerText()).toContain('You are number');
    await expect.poll(() => widget(page, '.handover').innerText()).toMatch(/^You are waiting for a person from our team\. You are number \d+ in the queue\.$/);
    const status = await served.db.client.execute({ sql: 'SELECT status FROM conversations WHERE id = ?', args: [id] });
    expect(status.rows[0]!.status).toBe('escalated');

    await anna(id, 'resolve', { note: 'Answered by phone.' });
    // The line, the server's notice, then the way to start again.
    const tail = () => widget(page, '.messages > li').evaluateAll((items) => items.slice(-3).map((li) => `${li.className}: ${(li as HTMLElement).innerText}`));
    await expect.poll(tail).toEqual(['event: This conversation has ended.', `system: ${t('en', 'chat:handover.resolved')}`, 'event: Start a new conversation']);
    expect(await widget(page, '.handover').isHidden()).toBe(true);
    expect(await page.locator(TAG).evaluate((el) => el.shadowRoot!.textContent)).not.toContain('Answered by phone.');
    await page.screenshot({ path: `${ARTEFACTS}/ended-en.png` });

    // The ended state survives a reload; "Start a new conversation" forgets it here and starts afresh.
    await page.reload();
    await widget(page, '.launcher').click();
    const start = widget(page, '.event button');
    await expect.poll(() => start.innerText()).toBe('Start a new conversation');
    await start.click();
    expect(await widget(page, '.msg, .event, .system').count()).toBe(0);
    expect(await stored(page)).toBeNull();
    expect(await focused(page)).toBe('question');
    await send(page, 'Which sectors are strategic for the AI Factory?');
    await widget(page, '.msg.assistant .feedback').waitFor();
    expect((await stored(page))!.id).not.toBe(id);
    await expectClean(w);
    await w.context.close();
  });

  it('outside office hours the waiting state says that staff answer when they are back', async () => {
    clock = SATURDAY_11;
    const w = await watchedPage(browser, { colorScheme: 'dark' });
    const { page } = w;
    await page.goto(`${served.url}/de`);
    await widget(page, '.launcher').click();
    await widget(page, 'button.talk').click();
    await widget(page, '.msg.assistant .feedback').waitFor();
    expect(await widget(page, '.msg.assistant .body').innerText()).toContain('Montag');
    await expect.poll(() => widget(page, '.handover').innerText()).toBe('Sie warten auf eine Person aus unserem Team. Unser Team ist gerade nicht da und antwortet, sobald es zurück ist.');
    const axe = await runAxe(page);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: `${ARTEFACTS}/closed-de-dark.png` });
    await expectClean(w);
    await w.context.close();
  });
});

describe('an answer by e-mail outside office hours', () => {
  it('offers the e-mail field with the consent unticked, and stores the address only once consent is given', async () => {
    // A real SMTP server on 127.0.0.1 makes the app offer e-mail; nothing is sent until staff reply.
    const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _session, done) => stream.on('end', () => done()).resume() });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    const mailing = await serveApp({ env: { LLM_MODE: 'offline', SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'assistant@ai-factory.lu' }, now: () => SATURDAY_11 });
    let w: Awaited<ReturnType<typeof watchedPage>> | undefined;
    try {
      w = await watchedPage(browser);
      const { page } = w;
      await page.goto(`${mailing.url}/en`);
      await widget(page, '.launcher').click();
      await widget(page, 'button.talk').click();
      const form = widget(page, 'form.notify');
      await form.waitFor();
      const axe = await runAxe(page);
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await form.locator('input[type=email]').fill('visitor@example.lu');
      // Without the tick the browser refuses to send the form: nothing is stored.
      await form.locator('button[type=submit]').click();
      const id = (await stored(page))!.id;
      const address = async () => (await mailing.db.client.execute({ sql: 'SELECT notify_email FROM conversations WHERE id = ?', args: [id] })).rows[0]!.notify_email;
      expect(await address()).toBeNull();
      await form.locator('input[type=checkbox]').check();
      await form.locator('button[type=submit]').click();
      await expect.poll(address).toBe('visitor@example.lu');
      // The address is stored before the widget hears back, so the form goes a moment after the row is written.
      await expect.poll(() => widget(page, 'form.notify').count()).toBe(0);
      await expectClean(w);
    } finally {
      // The page first: its open event stream would keep the app's server from closing, and a failed step would
      // show as a timeout instead of its own error.
      await w?.context.close();
      await mailing.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
