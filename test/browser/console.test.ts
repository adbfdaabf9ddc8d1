// The staff console in Debian's chromium against the real app on 127.0.0.1: sign-in, the live inbox, claim, reply,
// hand back and resolve by keyboard alone; a second staff member who sees who holds it; axe in light, dark and at
// 320 px; the console in Luxembourgish; and the full path from a visitor's widget on /lb to the resolved conversation.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';
import { focused, poll, serious, signInByKeyboard, tabTo } from '../support/console-page.ts';
import { readSse } from '../support/sse.ts';

const ARTEFACTS = 'test-results/console';
const ANNA = { email: 'anna@ai-factory.lu', name: 'Anna Weber', password: 'correct horse battery', lang: 'en' } as const;
const MARC = { email: 'marc@ai-factory.lu', name: 'Marc Thill', password: 'another long password', lang: 'en' } as const;
const LEA = { email: 'lea@ai-factory.lu', name: 'Léa Schmit', password: 'Moien, ech sinn d’Léa', lang: 'lb' } as const;
type Account = typeof ANNA | typeof MARC | typeof LEA;

let browser: Browser;
let served: Served;

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  // Staff are in every day and all day, so what the visitor is told does not depend on when the suite runs.
  [served, browser] = await Promise.all([serveApp({ env: { LLM_MODE: 'offline', STAFF_HOURS: 'mon-sun 00:00-24:00' } }), launchChromium()]);
  for (const account of [ANNA, MARC, LEA]) {
    await saveAccount(served.deps, { email: account.email, name: account.name, role: 'reviewer', lang: account.lang }, account.password, 'test');
  }
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const rows = async (sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows.map((row) => ({ ...row }));

type Visitor = { conversationId: string; conversationToken: string; answer: string };

/** A visitor's message through the public chat API, as the widget sends it. */
async function visitorSays(message: string, lang: string, visitor?: Visitor): Promise<Visitor> {
  const response = await fetch(`${served.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang, ...(visitor ? { authorization: `Bearer ${visitor.conversationToken}` } : {}) },
    body: JSON.stringify({ message, ...(visitor ? { conversationId: visitor.conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Visitor;
}

/** The widget's "talk to a person" request: POST /api/conversations/:id/escalate with the conversation's token. */
async function escalate(visitor: Visitor) {
  const response = await fetch(`${served.url}/api/conversations/${visitor.conversationId}/escalate`, { method: 'POST', headers: { authorization: `Bearer ${visitor.conversationToken}` } });
  expect(response.status).toBe(200);
}

/** Signs in by keyboard only and waits for the inbox. */
const signIn = (page: Page, account: Account) => signInByKeyboard(page, served.url, account);

const item = (page: Page, id: string) => page.locator(`.queue [data-id="${id}"]`);
const status = (page: Page) => page.locator('[role="status"]').innerText();

describe('GET /console', () => {
  it('serves the shell uncached under the strict CSP, with versioned assets and no inline script or style', async () => {
    const response = await fetch(`${served.url}/console`, { headers: { 'accept-language': 'de-LU,de;q=0.9' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'; style-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const page = await response.text();
    expect(page).toContain('<html lang="de"');
    expect(page).toContain('<title>Mitarbeiterkonsole · Assistent der AI Factory</title>');
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\ssrc=)/i);
    const js = /<script src="(\/console\/assets\/console\.[0-9a-f]{12}\.js)" defer>/.exec(page)?.[1];
    const css = /<link rel="stylesheet" href="(\/console\/assets\/console\.[0-9a-f]{12}\.css)">/.exec(page)?.[1];
    for (const path of [js, css]) {
      const asset = await fetch(`${served.url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    // No address outside the page's own origin in the bundle (XML namespaces aside), no HTML strings.
    const bundle = await (await fetch(`${served.url}${js}`)).text();
    expect([...bundle.matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
    expect(bundle).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the staff console', () => {
  it('is used by keyboard alone: sign in, a live escalation, claim, reply, hand back, resolve with a note; a colleague sees who holds it', async () => {
    const anna = await watchedPage(browser);
    const { page } = anna;
    let loads = 0;
    page.on('load', () => loads++);
    await signIn(page, ANNA);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('Staff console');

    // A visitor asks, then asks for a person, while the console is open: the conversation appears without a reload.
    const visitor = await visitorSays('Which services does the AI Factory offer to SMEs?', 'en');
    await escalate(visitor);
    await item(page, visitor.conversationId).waitFor({ timeout: 10_000 });
    expect(loads).toBe(1);
    expect(await item(page, visitor.conversationId).innerText()).toMatch(/Waiting[\s\S]*Waiting less than 1 min/);
    await poll(() => status(page)).toBe('A new conversation is waiting.');

    // j opens it: the transcript with the assistant's mode, timings and sources; no reply before a claim.
    expect(await focused(page)).toBe('h2#inbox-title');
    await page.keyboard.press('j');
    await poll(() => page.locator('#conversation-title').innerText()).toBe('Conversation in English');
    expect(await focused(page)).toBe('h2#conversation-title');
    expect(await item(page, visitor.conversationId).getAttribute('aria-current')).toBe('true');
    const answer = page.locator('.msg.role-assistant').first();
    expect(await page.locator('.msg.role-user').first().innerText()).toContain('Which services does the AI Factory offer to SMEs?');
    expect(await answer.locator('.facts').innerText()).toMatch(/Mode[\s\S]*Offline \(quoted passages\)[\s\S]*total \d+ ms/);
    expect(await answer.locator('.sources summary').innerText()).toMatch(/^\d+ sources?$/);
    expect(await page.locator('#reply').isDisabled()).toBe(true);
    expect(await page.locator('#reply-reason').innerText()).toBe('Claim this conversation (C) to reply.');
    await page.keyboard.press('r');
    expect(await focused(page)).toBe('h2#conversation-title');
    await poll(() => status(page)).toBe('Claim this conversation (C) to reply.');

    // c claims; r goes to the reply box; Ctrl+Enter sends.
    await page.keyboard.press('c');
    await poll(() => page.locator('.holder').innerText()).toBe('You hold this conversation.');
    await poll(() => status(page)).toBe('You hold the conversation now. Press R to reply.');
    expect(await page.locator('#reply').isDisabled()).toBe(false);
    await page.keyboard.press('r');
    expect(await focused(page)).toBe('textarea#reply');
    // Shortcut letters typed in the reply box are text, not moves.
    await page.keyboard.type('Hello, I am Anna from the AI Factory. Could you tell me the size of your company?');
    await page.keyboard.press('Control+Enter');
    await poll(() => page.locator('.msg.role-staff').count()).toBe(1);
    expect(await page.locator('.msg.role-staff').innerText()).toContain('Anna (staff)');
    expect(await page.locator('#reply').inputValue()).toBe('');
    expect(await focused(page)).toBe('textarea#reply');
    expect(await rows("SELECT role, content, author FROM messages WHERE conversation_id = ? AND role = 'staff'", [visitor.conversationId])).toEqual([
      { role: 'staff', content: 'Hello, I am Anna from the AI Factory. Could you tell me the size of your company?', author: 'Anna' },
    ]);
    expect(await page.locator('.conversation').innerText()).not.toContain('Claim');

    // A colleague in another browser context sees who holds it and cannot reply or claim.
    const marc = await watchedPage(browser);
    await signIn(marc.page, MARC);
    expect(await item(marc.page, visitor.conversationId).innerText()).toContain('Held by Anna Weber');
    await marc.page.keyboard.press('j');
    await poll(() => marc.page.locator('.holder').innerText()).toBe('Anna Weber holds this conversation.');
    expect(await marc.page.locator('#reply').isDisabled()).toBe(true);
    expect(await marc.page.locator('#reply-reason').innerText()).toBe('Anna Weber holds this conversation: only they can reply.');
    // Only a private note is left to a colleague who does not hold it.
    expect(await marc.page.locator('.actions button').evaluateAll((buttons) => buttons.map((b) => b.id))).toEqual(['move-note']);
    await marc.page.keyboard.press('c');
    await poll(() => status(marc.page)).toBe('Anna Weber holds this conversation: only they can reply.');
    await marc.page.keyboard.press('r');
    expect(await focused(marc.page)).toBe('h2#conversation-title');
    expect(await marc.page.locator('.msg.role-staff').innerText()).toContain('Anna (staff)');

    // The visitor writes back: it reaches Anna live, and the assistant stays silent.
    const more = await visitorSays('We are 40 people in logistics.', 'en', visitor);
    expect(more).toMatchObject({ answer: '' });
    await poll(() => page.locator('.msg.role-user').last().innerText()).toContain('We are 40 people in logistics.');
    await poll(() => status(page)).toBe('The visitor has written.');

    // Escape leaves the reply box; h hands the conversation back; Marc's console follows live.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('h2#conversation-title');
    await page.keyboard.press('h');
    await poll(() => page.locator('.holder').innerText()).toBe('The assistant answers; no person holds it.');
    await poll(() => status(page)).toBe('The conversation is back with the assistant.');
    expect(await rows('SELECT status, assignee_id FROM conversations WHERE id = ?', [visitor.conversationId])).toEqual([{ status: 'bot', assignee_id: null }]);
    await poll(() => marc.page.locator('.holder').innerText()).toBe('The assistant answers; no person holds it.');

    // Claimed again, then e asks to confirm the resolve, with a note; the confirm is reached by Tab.
    await page.keyboard.press('c');
    await poll(() => page.locator('.holder').innerText()).toBe('You hold this conversation.');
    await page.keyboard.press('e');
    expect(await page.locator('dialog.resolve').isVisible()).toBe(true);
    expect(await focused(page)).toBe('textarea#resolve-note');
    await page.keyboard.type('Logistics SME, 40 people: sent the AI readiness offer.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Resolve');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.resolution').innerText()).toMatch(/Resolved at .+\. Note: Logistics SME, 40 people: sent the AI readiness offer\./);
    await poll(() => status(page)).toBe('The conversation is resolved.');
    expect(await page.locator('dialog.resolve').isVisible()).toBe(false);
    expect(await page.locator('#reply-reason').innerText()).toBe('This conversation is resolved.');
    expect(await rows('SELECT status, resolution_note FROM conversations WHERE id = ?', [visitor.conversationId])).toEqual([
      { status: 'resolved', resolution_note: 'Logistics SME, 40 people: sent the AI readiness offer.' },
    ]);
    // Resolved conversations leave the default view (waiting and held), for both staff members.
    await poll(() => item(page, visitor.conversationId).count()).toBe(0);
    await poll(() => item(marc.page, visitor.conversationId).count()).toBe(0);

    // ? lists the shortcuts; Escape closes the list and gives the focus back.
    await page.keyboard.press('?');
    const list = page.locator('dialog.shortcuts');
    expect(await list.isVisible()).toBe(true);
    expect(await list.locator('dt').allTextContents()).toEqual(['j', 'k', 'c', 'r', 'Ctrl+Enter', 'h', 'e', 'n', 't', 's', 'i', 'g', 'a', 'Esc', '?']);
    await page.keyboard.press('Escape');
    expect(await list.isVisible()).toBe(false);
    expect(await focused(page)).toBe('h2#conversation-title');

    // Signing out (Tab to the button, Enter) ends the session: the sign-in form again, and the API refuses the cookie.
    await tabTo(page, '.bar-actions button:not(.help):not(.notify-toggle)');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.login-form [role="alert"]').innerText()).toBe('You are signed out.');
    expect(await focused(page)).toBe('input#login-email');
    expect((await page.evaluate(() => fetch('/api/staff/me').then((r) => r.status)))).toBe(401);

    expect(loads).toBe(1);
    await expectClean(anna);
    await expectClean(marc);
    await Promise.all([anna.context.close(), marc.context.close()]);
  });

  // Thirteen axe runs with screenshots across four browser contexts: 20-30 s on this machine, past vitest's 30 s on a
  // slow day (CI at 648a23f stopped it at 30.0 s with every check done and clean).
  it('keeps a reply being typed through a reload, and forgets it once sent', async () => {
    const { page } = await watchedPage(browser);
    await signIn(page, MARC);
    const visitor = await visitorSays('Do you help start-ups with funding?', 'en');
    await escalate(visitor);
    await item(page, visitor.conversationId).click();
    // C claims the conversation shown: under a loaded machine the click's conversation can still be on its way.
    await poll(() => page.locator('#reply-reason').innerText()).toBe('Claim this conversation (C) to reply.');
    await page.keyboard.press('c');
    await poll(() => page.locator('.holder').innerText()).toBe('You hold this conversation.');
    await page.locator('#reply').fill('Thanks for waiting. The Finance pillar');
    await page.locator('#reply').press('End');
    await page.keyboard.type(' helps');

    // The session runs out or the tab reloads: the words are still there when the conversation opens again.
    // The reload opens the conversation from the address; a click on it while that is shown refreshes it, and a
    // Ctrl+Enter during the refresh (held back here) sends the reply rather than finding no conversation open.
    await page.reload();
    await poll(() => page.locator('#reply').inputValue()).toBe('Thanks for waiting. The Finance pillar helps');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/staff/conversations/${visitor.conversationId}`, async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    await item(page, visitor.conversationId).click();
    await page.locator('#reply').press('Control+Enter');
    release();
    await poll(() => page.locator('.msg.role-staff').count()).toBe(1);
    await page.reload();
    await item(page, visitor.conversationId).click();
    await poll(() => page.locator('#conversation-title').innerText()).toBe('Conversation in English');
    expect(await page.locator('#reply').inputValue()).toBe('');
  });

  it('passes axe with zero serious or critical findings in light and dark, and at 320 px, signed out and in', { timeout: 90_000 }, async () => {
    // Two conversations: one Anna holds (with a cited answer and a reply), one waiting; Marc sees Anna's as held.
    const held = await visitorSays('How many training courses does the AI Factory coordinate every year?', 'en');
    await escalate(held);
    const waiting = await visitorSays('Ech wéilt mat engem Mënsch schwätzen', 'lb');
    expect((await rows('SELECT status FROM conversations WHERE id = ?', [waiting.conversationId]))[0]).toEqual({ status: 'escalated' });
    const report: Record<string, { violations: { id: string; impact: string | null; nodes: number }[] }> = {};
    const check = async (name: string, page: Page) => {
      const summary = await runAxe(page, 'none');
      report[name] = { violations: summary.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes })) };
      expect(serious(summary), name).toEqual([]);
      await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: true });
    };

    for (const scheme of ['light', 'dark'] as const) {
      const anna = await watchedPage(browser, { colorScheme: scheme });
      const { page } = anna;
      await page.goto(`${served.url}/console`);
      await page.locator('#login-email').waitFor();
      await check(`login-${scheme}`, page);
      await signIn(page, ANNA);
      await item(page, held.conversationId).click();
      await poll(() => page.locator('#conversation-title').innerText()).toBe('Conversation in English');
      await page.keyboard.press('c');
      await poll(() => page.locator('.holder').innerText()).toBe('You hold this conversation.');
      if (scheme === 'light') {
        await page.keyboard.press('r');
        await page.keyboard.type('Hello! The AI Factory coordinates more than 140 courses a year. Which topic interests you?');
        await page.keyboard.press('Control+Enter');
        await poll(() => page.locator('.msg.role-staff').count()).toBe(1);
        await page.keyboard.press('Escape');
      }
      await page.locator('.msg.role-assistant .sources summary').first().click();
      await check(`held-${scheme}`, page);
      await page.keyboard.press('?');
      await check(`shortcuts-${scheme}`, page);
      await page.keyboard.press('Escape');
      await page.keyboard.press('e');
      await check(`resolve-${scheme}`, page);
      await page.keyboard.press('Escape');

      const marc = await watchedPage(browser, { colorScheme: scheme });
      await signIn(marc.page, MARC);
      await item(marc.page, held.conversationId).click();
      await poll(() => marc.page.locator('.holder').innerText()).toBe('Anna Weber holds this conversation.');
      await check(`held-by-other-${scheme}`, marc.page);
      await expectClean(anna);
      await expectClean(marc);
      await Promise.all([anna.context.close(), marc.context.close()]);
    }

    // 320 px wide, reduced motion: one pane at a time, nothing wider than the window.
    const narrow = await watchedPage(browser, { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
    const { page } = narrow;
    await page.goto(`${served.url}/console`);
    await page.locator('#login-email').waitFor();
    await check('login-320', page);
    await signIn(page, MARC);
    const overflow = () =>
      page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        wider: [...document.querySelectorAll<HTMLElement>('.app *')].filter((el) => el.getBoundingClientRect().right > 320.5 && el.getClientRects().length > 0).map((el) => el.className || el.tagName),
      }));
    await check('inbox-320', page);
    expect(await overflow()).toEqual({ page: 320, wider: [] });
    await page.keyboard.press('j');
    await poll(() => page.locator('#conversation-title').innerText()).toMatch(/^Conversation in /);
    expect(await page.locator('.inbox').isVisible()).toBe(false);
    await check('conversation-320', page);
    expect(await overflow()).toEqual({ page: 320, wider: [] });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.item')!).transitionDuration)).toBe('0s');
    // "Back to the inbox" (or i) shows the list again, with the focus on the conversation that was open.
    await page.keyboard.press('i');
    expect(await page.locator('.inbox').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
    await expectClean(narrow);
    await narrow.context.close();
    console.log(`axe: ${JSON.stringify(report)}`);
  });

  it("speaks the staff member's language: the browser's before sign-in, the account's after", async () => {
    const w = await watchedPage(browser, { locale: 'fr-LU' });
    const { page } = w;
    await page.goto(`${served.url}/console`);
    await poll(() => page.locator('h1').innerText()).toBe('Connexion');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    // A refused sign-in is explained in the console's language, by the server.
    await page.locator('#login-email').fill(LEA.email);
    await page.locator('#login-password').fill('not the password at all');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.login-form [role="alert"]').innerText()).not.toBe('');
    expect(await page.locator('.login-form [role="alert"]').innerText()).toBe(served.deps.i18n.forLang('fr')('api:errors.login_failed'));

    await signIn(page, LEA);
    expect(await page.getAttribute('html', 'lang')).toBe('lb');
    expect(await page.title()).toBe('Konsol vun der Equipe · Assistent vun der AI Factory');
    expect(await page.locator('h1').innerText()).toContain('Konsol vun der Equipe');
    expect(await page.locator('#inbox-title').innerText()).toBe('Gespréicher');
    expect(await page.locator('label[for="filter-status"]').innerText()).toBe('Status');
    const visitor = await visitorSays('Wat ass MeluXina-AI?', 'lb');
    await escalate(visitor);
    await item(page, visitor.conversationId).waitFor({ timeout: 10_000 });
    expect(await item(page, visitor.conversationId).innerText()).toMatch(/Waart[\s\S]*Waart zënter manner wéi 1 Min\./);
    await poll(() => status(page)).toBe('En neit Gespréich waart.');
    await item(page, visitor.conversationId).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#conversation-title').innerText()).toBe('Gespréich op Lëtzebuergesch');
    expect(await page.locator('#reply-reason').innerText()).toBe('Iwwerhuelt dëst Gespréich (C), fir z’äntweren.');
    expect(await page.locator('.actions').innerText()).toMatch(/Iwwerhuelen[\s\S]*Ofschléissen/);
    await page.keyboard.press('?');
    expect(await page.locator('dialog.shortcuts h2').innerText()).toBe('Tastekierzelen');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${ARTEFACTS}/console-lb.png`, fullPage: true });
    await expectClean(w);
    await w.context.close();
  });
});

describe('the full path of a handover', () => {
  it('a visitor escalates in Luxembourgish through the widget; Léa claims and replies in the console; the visitor sees it live, then that it ended', async () => {
    const widget = (page: Page, selector: string) => page.locator(`ai-factory-assistant ${selector}`);
    const lb = served.deps.i18n.forLang('lb');
    const visitor = await watchedPage(browser);
    await visitor.page.goto(`${served.url}/lb`);
    await widget(visitor.page, '.launcher').click();
    // The widget's own "talk to a person" button, by keyboard.
    await widget(visitor.page, 'button.talk').focus();
    await visitor.page.keyboard.press('Enter');
    await widget(visitor.page, '.msg.assistant .feedback').waitFor();
    const { id } = (await visitor.page.evaluate(() => JSON.parse(localStorage.getItem('aif-assistant:conversation:public')!))) as { id: string };
    expect(await rows('SELECT status, lang FROM conversations WHERE id = ?', [id])).toEqual([{ status: 'escalated', lang: 'lb' }]);

    // Léa, whose console speaks Luxembourgish, signs in in another browser context and finds it waiting.
    const lea = await watchedPage(browser);
    const { page } = lea;
    await signIn(page, LEA);
    await item(page, id).waitFor();
    expect(await item(page, id).innerText()).toMatch(/Waart[\s\S]*LB[\s\S]*Waart zënter/);
    await tabTo(page, `.queue [data-id="${id}"]`);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#conversation-title').innerText()).toBe('Gespréich op Lëtzebuergesch');
    expect(await focused(page)).toBe('h2#conversation-title');
    await page.keyboard.press('c');
    await poll(() => page.locator('.holder').innerText()).toBe('Dir hutt dëst Gespréich iwwerholl.');
    await page.keyboard.press('r');
    await page.keyboard.type('Moien, ech sinn d’Léa vun der AI Factory. Wéi kann ech Iech hëllefen?');
    await page.keyboard.press('Control+Enter');
    await poll(() => status(page)).toBe('Äntwert geschéckt.');

    // The visitor sees Léa's reply live, marked as a person's.
    const reply = widget(visitor.page, '.msg.staff');
    await poll(() => reply.count()).toBe(1);
    expect(await reply.locator('.body').innerText()).toBe('Moien, ech sinn d’Léa vun der AI Factory. Wéi kann ech Iech hëllefen?');
    expect(await reply.locator('.who').innerText()).toContain('Léa');
    await visitor.page.screenshot({ path: `${ARTEFACTS}/path-visitor-reply-lb.png` });

    // The visitor answers in the widget; it reaches the console live.
    await widget(visitor.page, '#question').fill('Merci! Mir sinn eng kleng Firma zu Esch.');
    await widget(visitor.page, '#question').press('Enter');
    await poll(() => page.locator('.msg.role-user').last().innerText()).toContain('Merci! Mir sinn eng kleng Firma zu Esch.');
    // The console announces it; waiting for that keeps the announcement from landing after the resolve's.
    await poll(() => status(page)).toBe('De Visiteur huet geschriwwen.');
    await page.screenshot({ path: `${ARTEFACTS}/path-console-lb.png` });

    // Léa resolves with a note (Ctrl+Enter confirms in the dialog); the visitor sees that the conversation ended.
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    expect(await page.locator('dialog.resolve h2').innerText()).toBe('Dëst Gespréich ofschléissen?');
    await page.keyboard.type('Kleng Firma zu Esch: Offer fir d’Formatiounen geschéckt.');
    await page.keyboard.press('Control+Enter');
    await poll(() => status(page)).toBe('D’Gespréich ass ofgeschloss.');
    expect(await rows('SELECT status, resolution_note FROM conversations WHERE id = ?', [id])).toEqual([{ status: 'resolved', resolution_note: 'Kleng Firma zu Esch: Offer fir d’Formatiounen geschéckt.' }]);
    await poll(() => widget(visitor.page, '.system').last().innerText()).toBe(lb('chat:handover.resolved'));
    expect(await widget(visitor.page, '.handover').isHidden()).toBe(true);
    // The staff note never reaches the visitor.
    expect(await visitor.page.locator('ai-factory-assistant').evaluate((el) => el.shadowRoot!.textContent)).not.toContain('Kleng Firma zu Esch: Offer');
    await visitor.page.screenshot({ path: `${ARTEFACTS}/path-visitor-ended-lb.png` });

    await expectClean(visitor);
    await expectClean(lea);
    await Promise.all([visitor.context.close(), lea.context.close()]);
  });
});
