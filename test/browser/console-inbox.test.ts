// The inbox additions and the metrics page in Debian's chromium against the real app: private notes, transfer, the
// saved-replies picker and the admins' saved-replies page, the first-response timer, desktop notifications (asked
// for only on a click), and the metrics charts with their tables — all by keyboard, each screen checked with axe.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';

const ARTEFACTS = 'test-results/console-inbox';
const ANNA = { email: 'anna@ai-factory.lu', name: 'Anna Weber', password: 'correct horse battery', role: 'reviewer', lang: 'en' } as const;
const MARC = { email: 'marc@ai-factory.lu', name: 'Marc Thill', password: 'another long password', role: 'reviewer', lang: 'en' } as const;
const ADA = { email: 'ada@ai-factory.lu', name: 'Ada Admin', password: 'admin password 12', role: 'admin', lang: 'en' } as const;
const LEA = { email: 'lea@ai-factory.lu', name: 'Léa Schmit', password: 'Moien, ech sinn d’Léa', role: 'reviewer', lang: 'lb' } as const;
type Account = typeof ANNA | typeof MARC | typeof ADA | typeof LEA;

let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline', STAFF_HOURS: 'mon-sun 00:00-24:00' } }), launchChromium()]);
  for (const a of [ANNA, MARC, ADA, LEA]) await saveAccount(served.deps, { email: a.email, name: a.name, role: a.role, lang: a.lang }, a.password, 'test');
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const rows = async (sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows.map((row) => ({ ...row }));
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });
const serious = (summary: Awaited<ReturnType<typeof runAxe>>) => summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
const item = (page: Page, id: string) => page.locator(`.queue [data-id="${id}"]`);
const status = (page: Page) => page.locator('.app > [role="status"]').innerText();
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : '';
});

type Visitor = { conversationId: string; conversationToken: string };
async function visitorEscalates(message: string, lang: string): Promise<Visitor> {
  const response = await fetch(`${served.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang }, body: JSON.stringify({ message, lang }) });
  const visitor = (await response.json()) as Visitor;
  const escalated = await fetch(`${served.url}/api/conversations/${visitor.conversationId}/escalate`, { method: 'POST', headers: { authorization: `Bearer ${visitor.conversationToken}` } });
  expect(escalated.status).toBe(200);
  return visitor;
}

async function tabTo(page: Page, selector: string, max = 50) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${selector}; it is on ${await focused(page)}`);
}

async function signIn(page: Page, account: Account, hash = '') {
  await page.goto(`${served.url}/console${hash}`);
  await page.locator('#login-email').fill(account.email);
  await page.locator('#login-password').fill(account.password);
  await page.keyboard.press('Enter');
  await page.locator('.app').waitFor();
  await poll(() => page.locator('.live').getAttribute('class')).toBe('live on');
}

async function axe(page: Page, name: string) {
  const summary = await runAxe(page, 'none');
  expect(serious(summary), name).toEqual([]);
  await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: true });
}

describe('notes, transfer and the first-response timer', () => {
  it('by keyboard: a note only staff see, the wait counting, a claim, a transfer to a colleague who then holds it', async () => {
    const anna = await watchedPage(browser);
    const { page } = anna;
    await signIn(page, ANNA);
    const visitor = await visitorEscalates('Which services does the AI Factory offer to SMEs?', 'en');
    await item(page, visitor.conversationId).waitFor({ timeout: 10_000 });

    // The timer counts the seconds since the visitor asked, without a redraw of the list.
    const timer = item(page, visitor.conversationId).locator('.timer');
    expect(await timer.innerText()).toMatch(/^No staff reply yet: 0:0\d$/);
    const first = await timer.innerText();
    await poll(() => timer.innerText()).not.toBe(first);

    await page.keyboard.press('j');
    await poll(() => page.locator('#conversation-title').innerText()).toBe('Conversation in English');
    expect(await page.locator('.meta .timer').innerText()).toMatch(/^Waiting for a first staff reply: \d:\d\d$/);

    // n: a private note, saved with Ctrl+Enter; it sits in the transcript, marked, and is kept from the visitor.
    await page.keyboard.press('n');
    expect(await page.locator('dialog.note-dialog').isVisible()).toBe(true);
    expect(await focused(page)).toBe('textarea#note-text');
    await axe(page, 'note-dialog');
    await page.keyboard.type('Asked twice before; wants a call back in French.');
    await page.keyboard.press('Control+Enter');
    await poll(() => page.locator('.msg.role-note').count()).toBe(1);
    expect(await page.locator('.msg.role-note').innerText()).toMatch(/Note by Anna Weber[\s\S]*Staff only[\s\S]*Asked twice before; wants a call back in French\./);
    await poll(() => status(page)).toBe('Note saved. Only staff can see it.');
    const history = await (await fetch(`${served.url}/api/conversations/${visitor.conversationId}/messages`, { headers: { authorization: `Bearer ${visitor.conversationToken}` } })).text();
    expect(history).not.toContain('call back in French');

    // c claims, a reply stops the timer and the head says how long the first reply took.
    await page.keyboard.press('c');
    await poll(() => page.locator('.holder').innerText()).toBe('You hold this conversation.');
    await page.keyboard.press('r');
    await page.keyboard.type('Hello, I am Anna.');
    await page.keyboard.press('Control+Enter');
    await poll(() => page.locator('.msg.role-staff').count()).toBe(1);
    await poll(() => page.locator('.meta .first-reply').innerText()).toMatch(/^First staff reply after \d:\d\d$/);
    await poll(() => item(page, visitor.conversationId).locator('.timer').count()).toBe(0);
    await page.keyboard.press('Escape');
    await axe(page, 'conversation-with-note');

    // t: the transfer dialog lists the active colleagues (not Anna herself); Marc is chosen by typing, confirmed by Tab, Enter.
    await page.keyboard.press('t');
    await poll(() => page.locator('dialog.transfer-dialog').isVisible()).toBe(true);
    expect(await focused(page)).toBe('select#transfer-to');
    expect(await page.locator('#transfer-to option').allTextContents()).toEqual(['Ada Admin', 'Léa Schmit', 'Marc Thill']);
    await axe(page, 'transfer-dialog');
    await page.keyboard.type('Marc');
    expect(await page.locator('#transfer-to').inputValue()).toBe((await rows('SELECT id FROM staff_users WHERE email = ?', [MARC.email]))[0]!.id);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Transfer');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.holder').innerText()).toBe('Marc Thill holds this conversation.');
    await poll(() => status(page)).toBe('Marc Thill holds the conversation now.');
    expect(await rows('SELECT assignee_name FROM conversations WHERE id = ?', [visitor.conversationId])).toEqual([{ assignee_name: 'Marc Thill' }]);
    expect(await page.locator('#reply').isDisabled()).toBe(true);

    // Marc finds it held by him, with Anna's note.
    const marc = await watchedPage(browser);
    await signIn(marc.page, MARC);
    expect(await item(marc.page, visitor.conversationId).innerText()).toContain('Held by you');
    await item(marc.page, visitor.conversationId).click();
    await poll(() => marc.page.locator('.holder').innerText()).toBe('You hold this conversation.');
    expect(await marc.page.locator('.msg.role-note').innerText()).toContain('wants a call back in French');
    // A note Anna adds now reaches Marc's open transcript live.
    await page.keyboard.press('n');
    await page.keyboard.type('Passed to Marc: he speaks French.');
    await page.keyboard.press('Control+Enter');
    await poll(() => marc.page.locator('.msg.role-note').count()).toBe(2);
    expect(await marc.page.locator('.msg.role-note').last().innerText()).toContain('Passed to Marc: he speaks French.');

    await expectClean(anna);
    await expectClean(marc);
    await Promise.all([anna.context.close(), marc.context.close()]);
  });
});

describe('saved replies', () => {
  it('an admin writes them on their page; a reviewer inserts one in the conversation’s language with the picker', async () => {
    const ada = await watchedPage(browser);
    await signIn(ada.page, ADA);
    // The section links are in the header: Tab to "Saved replies", Enter.
    await tabTo(ada.page, '.sections a[href="#canned-replies"]');
    await ada.page.keyboard.press('Enter');
    await poll(() => focused(ada.page)).toBe('h2#canned-page-title');
    expect(await ada.page.locator('.sections a[aria-current="page"]').innerText()).toBe('Saved replies');
    const add = async (lang: string, title: string, text: string) => {
      await tabTo(ada.page, '#canned-form-lang');
      await ada.page.keyboard.type(lang);
      await ada.page.keyboard.press('Tab');
      await ada.page.keyboard.type(title);
      await ada.page.keyboard.press('Tab');
      await ada.page.keyboard.type(text);
      await ada.page.keyboard.press('Tab');
      await ada.page.keyboard.press('Enter');
      await poll(() => ada.page.locator('.canned-table tbody').innerText()).toContain(title);
    };
    // An empty form is refused by the server, in words, in the form.
    await ada.page.locator('.canned-form button[type="submit"]').click();
    await poll(() => ada.page.locator('.canned-form .error').innerText()).toBe('Give the saved reply a title of 1 to 120 characters.');
    await add('Luxembourgish', 'Merci fir d’Gedold', 'Merci fir Är Gedold! Ech kucken dat elo no.');
    await add('Luxembourgish', 'Formatiounen', 'Hei fannt Dir eis Formatiounen iwwer KI.');
    await add('English', 'Thanks for waiting', 'Thank you for waiting, I am looking into it now.');
    await poll(() => status(ada.page)).toBe('Saved reply added.');
    expect(await rows('SELECT lang, title FROM canned_replies ORDER BY lang, title')).toEqual([
      { lang: 'en', title: 'Thanks for waiting' },
      { lang: 'lb', title: 'Formatiounen' },
      { lang: 'lb', title: 'Merci fir d’Gedold' },
    ]);
    await axe(ada.page, 'canned-page');
    // Deleting asks first, in place; "Keep" has the focus.
    await ada.page.locator('.canned-table button[aria-label="Delete: Formatiounen"]').focus();
    await ada.page.keyboard.press('Enter');
    expect(await ada.page.locator('.canned-table .confirm').innerText()).toBe('Delete “Formatiounen”?');
    expect(await ada.page.evaluate(() => document.activeElement?.textContent)).toBe('Keep');
    await ada.page.keyboard.press('Shift+Tab');
    await ada.page.keyboard.press('Enter');
    await poll(() => status(ada.page)).toBe('Saved reply deleted.');
    expect(await rows("SELECT count(*) AS n FROM canned_replies WHERE title = 'Formatiounen'")).toEqual([{ n: 0 }]);

    // Léa (a reviewer; her console speaks Luxembourgish) has no saved-replies page, only the picker.
    const lea = await watchedPage(browser);
    const { page } = lea;
    await signIn(page, LEA);
    expect(await page.locator('.sections a').allTextContents()).toEqual(['Gespréicher', 'Wëssenslücken', 'Zuelen']);
    const visitor = await visitorEscalates('Ech wéilt mat engem Mënsch schwätzen', 'lb');
    await item(page, visitor.conversationId).waitFor({ timeout: 10_000 });
    await item(page, visitor.conversationId).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#conversation-title').innerText()).toBe('Gespréich op Lëtzebuergesch');
    // Before a claim the picker is not offered: there is no reply to put the text in.
    expect(await page.locator('.canned-open').isDisabled()).toBe(true);
    await page.keyboard.press('c');
    await poll(() => page.locator('.holder').innerText()).toBe('Dir hutt dëst Gespréich iwwerholl.');
    await page.keyboard.press('r');
    await page.keyboard.type('Moien!');
    await page.keyboard.press('Escape');
    await page.keyboard.press('s');
    await poll(() => page.locator('.canned-option').count()).toBe(1);
    expect(await focused(page)).toBe('input#canned-filter');
    expect(await page.locator('#canned-lang').inputValue()).toBe('lb');
    expect(await page.locator('.canned-option .canned-name').allTextContents()).toEqual(['Merci fir d’Gedold']);
    await axe(page, 'canned-picker-lb');
    // Another language is one choice away; the filter narrows, the arrows move, Enter inserts.
    await page.keyboard.type('zzz');
    expect(await page.locator('.canned-picker .empty').innerText()).toBe('Keng gespäichert Äntwert passt.');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('gedold');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('canned-option'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('dialog.canned-picker').isVisible()).toBe(false);
    expect(await focused(page)).toBe('textarea#reply');
    expect(await page.locator('#reply').inputValue()).toBe('Moien!\nMerci fir Är Gedold! Ech kucken dat elo no.');
    await page.keyboard.press('Control+Enter');
    await poll(() => page.locator('.msg.role-staff').count()).toBe(1);
    expect(await rows("SELECT content FROM messages WHERE conversation_id = ? AND role = 'staff'", [visitor.conversationId])).toEqual([{ content: 'Moien!\nMerci fir Är Gedold! Ech kucken dat elo no.' }]);

    await expectClean(ada);
    await expectClean(lea);
    await Promise.all([ada.context.close(), lea.context.close()]);
  });
});

describe('desktop notifications', () => {
  /** Records every Notification the page makes and every permission request, before any page script runs. */
  const recordNotifications = () => {
    const made: { title: string; body?: string; tag?: string }[] = [];
    const asked: string[] = [];
    const Original = window.Notification;
    class Recorded extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        made.push({ title, body: options?.body, tag: options?.tag });
      }
      static override async requestPermission() {
        asked.push('asked');
        return Original.requestPermission();
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
    (window as unknown as { Notification: typeof Notification }).Notification = Recorded as unknown as typeof Notification;
    (window as unknown as { __notifications: unknown }).__notifications = { made, asked };
  };
  const record = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: { made: { title: string; body?: string; tag?: string }[]; asked: string[] } }).__notifications);

  it('are off until turned on; then a new escalation shows one, and the choice is remembered', async () => {
    const w = await watchedPage(browser);
    await w.context.grantPermissions(['notifications'], { origin: served.url });
    await w.context.addInitScript(recordNotifications);
    const { page } = w;
    await signIn(page, ANNA);
    const toggle = page.locator('.notify-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // Off: an escalation is announced in the page, but no notification is made.
    const quiet = await visitorEscalates('I would like to talk to a person', 'en');
    await item(page, quiet.conversationId).waitFor({ timeout: 10_000 });
    // The list may show it before the stream delivers its event: the announcement comes with the event itself.
    await poll(() => status(page)).toBe('A new conversation is waiting.');
    expect((await record(page)).made).toEqual([]);

    await tabTo(page, '.notify-toggle');
    await page.keyboard.press('Enter');
    await poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await poll(() => status(page)).toBe('Desktop notifications are on: you are told of each new waiting conversation.');
    expect(await page.evaluate(() => localStorage.getItem('aif-console:notifications'))).toBe('on');
    await axe(page, 'notifications-on');

    const loud = await visitorEscalates('Can a person call me back?', 'en');
    await poll(async () => (await record(page)).made).toEqual([{ title: 'A visitor is waiting', body: expect.stringMatching(/^A new conversation waits for a person \(place \d+ in the queue\)\.$/), tag: `escalated-${loud.conversationId}` }]);

    // A reload keeps the choice; Enter again turns them off.
    await page.reload();
    await page.locator('.notify-toggle').waitFor();
    expect(await page.locator('.notify-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.locator('.notify-toggle').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.notify-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => localStorage.getItem('aif-console:notifications'))).toBe('off');
    await expectClean(w);
    await w.context.close();
  });

  it('ask the browser for permission only when the button is pressed, and say so when the browser refuses', async () => {
    const w = await watchedPage(browser);
    await w.context.addInitScript(recordNotifications);
    const { page } = w;
    await signIn(page, MARC);
    expect((await record(page)).asked).toEqual([]);
    await page.locator('.notify-toggle').click();
    await poll(async () => (await record(page)).asked).toEqual(['asked']);
    // Headless chromium refuses when nobody is there to answer the prompt.
    await poll(() => status(page)).toBe('This browser blocks notifications from the console. Allow them in the site settings, then try again.');
    expect(await page.locator('.notify-toggle').getAttribute('aria-pressed')).toBe('false');
    await w.context.close();
  });
});

describe('the metrics page', () => {
  it('draws a chart per measure with its numbers in a table, for all languages or one, by keyboard', async () => {
    // Some data for today: two conversations in English (one escalated and answered by staff), one in French.
    const visitor = await visitorEscalates('Which services does the AI Factory offer to SMEs?', 'en');
    await fetch(`${served.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: 'Quels services propose l’AI Factory ?', lang: 'fr' }) });
    const counts = async (lang?: string) => Number((await rows(`SELECT count(*) AS n FROM conversations${lang ? ' WHERE lang = ?' : ''}`, lang ? [lang] : []))[0]!.n);

    for (const scheme of ['light', 'dark'] as const) {
      const w = await watchedPage(browser, { colorScheme: scheme });
      const { page } = w;
      await signIn(page, ANNA);
      await tabTo(page, '.sections a[href="#metrics"]');
      await page.keyboard.press('Enter');
      await poll(() => focused(page)).toBe('h2#metrics-title');
      await poll(() => page.locator('figure.metric').count()).toBe(8);
      expect(await page.locator('figure.metric figcaption').allTextContents()).toEqual([
        'Conversations',
        'Answered rate',
        'Escalations to staff',
        'Median wait for a first staff reply',
        'Feedback: share of thumbs up',
        'Time to first token',
        'Language drifts (answers the guard caught in another language)',
        'Leads',
      ]);
      expect(await page.locator('figure.metric svg[role="img"]').count()).toBe(8);
      expect(await page.locator('#metric-conversations svg').getAttribute('aria-label')).toMatch(/^Conversations\. Bar chart over 14 days, .+ to .+\.$/);
      // The numbers behind the first chart: 14 rows, today's last, counting every conversation so far.
      await tabTo(page, '#metric-conversations summary');
      await page.keyboard.press('Enter');
      const table = page.locator('#metric-conversations table');
      expect(await table.locator('tbody tr').count()).toBe(14);
      expect(await table.locator('tbody tr').last().locator('td').innerText()).toBe(String(await counts()));
      expect(await table.locator('thead th').allTextContents()).toEqual(['Day', 'Conversations']);
      expect(await page.locator('#metric-conversations rect').count()).toBe(14);
      expect(await page.locator('#metric-first-token .legend li').allTextContents()).toEqual(['Median (p50)', '95th percentile (p95)']);
      await axe(page, `metrics-${scheme}`);

      if (scheme === 'light') {
        // French only: the form by keyboard (the language select, then Show).
        await page.locator('#metrics-lang').focus();
        await page.keyboard.type('French');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await poll(() => page.locator('.metrics-status').innerText()).toMatch(/, French\.$/);
        await page.locator('#metric-conversations summary').click();
        await poll(() => page.locator('#metric-conversations tbody tr').last().locator('td').innerText()).toBe(String(await counts('fr')));
        // A reversed range is refused by the server, in words.
        await page.locator('#metrics-from').fill('2026-12-10');
        await page.locator('#metrics-to').fill('2026-12-01');
        await page.locator('.metrics-form button').click();
        await poll(() => status(page)).toBe('The period must end on or after its first day and last at most 92 days.');
        // i goes back to the inbox.
        await page.locator('#metrics-title').focus();
        await page.keyboard.press('i');
        await poll(() => page.locator('.inbox').isVisible()).toBe(true);
        expect(await page.locator('.metrics').isVisible()).toBe(false);
        expect(await item(page, visitor.conversationId).count()).toBe(1);
      }
      await expectClean(w);
      await w.context.close();
    }

    // 320 px: the charts fit the window.
    const narrow = await watchedPage(browser, { viewport: { width: 320, height: 640 } });
    await signIn(narrow.page, ADA, '#metrics');
    await poll(() => narrow.page.locator('figure.metric').count()).toBe(8);
    expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    await axe(narrow.page, 'metrics-320');
    await expectClean(narrow);
    await narrow.context.close();
  });
});
