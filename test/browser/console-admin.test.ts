// The admin pages of the staff console in Debian's chromium against the real app on 127.0.0.1: a lead promoted by
// keyboard alone and the audit log naming the admin who did it; withdrawal on request and the CSV download; staff
// accounts created and deactivated (the deactivated colleague's open console is signed out at its next request);
// reviewers without the admin pages; axe on every page and dialog in light, dark and at 320 px; Luxembourgish.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitLead, type LeadSubmission } from '../../agents/leads/submit.ts';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';
import { expectClean, launchChromium, runAxe, serveApp, watchedPage, type Served } from '../support/browser.ts';
import { focused, poll, serious, signInByKeyboard, tabTo } from '../support/console-page.ts';

const ARTEFACTS = 'test-results/console-admin';
const ADA = { email: 'ada@ai-factory.lu', name: 'Ada Admin', password: 'ada admin password', lang: 'en' } as const;
const REV = { email: 'rita@ai-factory.lu', name: 'Rita Reviewer', password: 'rita reviewer password', lang: 'en' } as const;
const JANG = { email: 'jang@ai-factory.lu', name: 'Jang Lëtz', password: 'Moien, ech sinn de Jang', lang: 'lb' } as const;

let browser: Browser;
let served: Served;
const leads: Record<'weak' | 'strong' | 'old', string> = { weak: '', strong: '', old: '' };
const ids = { rita: '' };

const lead = (extra: Partial<LeadSubmission>): LeadSubmission => ({
  source: 'form',
  organisation: 'Bäckerei Muller',
  orgType: 'large',
  sector: 'retail',
  maturity: 'exploring',
  need: 'AI',
  pillars: [],
  contact: { name: 'Marie Muller', email: 'marie@baeckerei.lu' },
  lang: 'fr',
  consent: { version: PRIVACY_VERSION },
  ...extra,
});

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [served, browser] = await Promise.all([serveApp({ files: [] }), launchChromium()]);
  await saveAccount(served.deps, { email: ADA.email, name: ADA.name, role: 'admin', lang: ADA.lang }, ADA.password, 'test');
  ids.rita = (await saveAccount(served.deps, { email: REV.email, name: REV.name, role: 'reviewer', lang: REV.lang }, REV.password, 'test')).account.id;
  await saveAccount(served.deps, { email: JANG.email, name: JANG.name, role: 'admin', lang: JANG.lang }, JANG.password, 'test');
  const settings = { threshold: 50, retentionDays: 90, baseUrl: served.url };
  leads.old = (await submitLead(served.deps.db, lead({ organisation: 'Vieux Moulin SA' }), { ...settings, now: Date.parse('2024-01-10T10:00:00Z') })).leadId;
  leads.weak = (await submitLead(served.deps.db, lead({}), { ...settings, now: Date.now() - 60_000 })).leadId;
  leads.strong = (
    await submitLead(
      served.deps.db,
      lead({ organisation: 'Späicher SARL', orgType: 'startup', sector: 'space', maturity: 'piloting', need: 'Mir wëllen Satellittebiller mat engem eegene Modell klasséieren an dat fir eis Clienten', pillars: ['build-test'], timeline: '3_months', contact: { name: 'Jos Weber', email: 'jos@spaicher.lu', phone: '+352 621 123 456' }, lang: 'lb' }),
      { ...settings, now: Date.now() },
    )
  ).leadId;
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const rows = async (sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows.map((row) => ({ ...row }));
const status = (page: Page) => page.locator('[role="status"]').innerText();

/** Tab to the navigation link of a section and follow it with Enter; its heading takes the focus. */
async function goTo(page: Page, section: 'inbox' | 'leads' | 'audit' | 'accounts', heading: string) {
  await tabTo(page, `.sections a[href="#${section}"]`);
  await page.keyboard.press('Enter');
  await poll(() => focused(page)).toBe(heading);
}

describe('the Leads page', () => {
  it('promotes a lead by keyboard alone, behind a confirmation with a reason; the audit log names the admin who did it', async () => {
    const ada = await watchedPage(browser);
    const { page } = ada;
    let loads = 0;
    page.on('load', () => loads++);
    await signInByKeyboard(page, served.url, ADA);
    expect(await page.locator('.sections a').allInnerTexts()).toEqual(['Inbox', 'Knowledge gaps', 'Approved answers', 'Metrics', 'Saved replies', 'Leads', 'Audit log', 'Staff accounts']);
    expect(await page.locator('.sections a[aria-current="page"]').innerText()).toBe('Inbox');

    await goTo(page, 'leads', 'h2#leads-title');
    expect(page.url()).toMatch(/#leads$/);
    expect(await page.locator('.sections a[aria-current="page"]').innerText()).toBe('Leads');
    expect(await page.locator('.inbox').isVisible()).toBe(false);
    await poll(() => page.locator('.leads-view tbody tr').count()).toBe(3);
    expect(await page.locator('.leads-view tbody tr').first().innerText()).toMatch(/Späicher SARL[\s\S]*Jos Weber[\s\S]*Qualified[\s\S]*LB[\s\S]*Waiting/);
    expect(await page.locator('.leads-view .count').innerText()).toBe('3 leads');

    // Filter by keyboard: status "Not qualified", from a day this year; Enter applies.
    await tabTo(page, '#leads-status');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#leads-status').inputValue()).toBe('unqualified');
    await tabTo(page, '#leads-from');
    await page.locator('#leads-from').fill(`${new Date().getUTCFullYear()}-01-01`);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.leads-view tbody tr').count()).toBe(1);
    expect(await page.locator('.leads-view .count').innerText()).toBe('1 lead');
    expect(await page.locator('a.download').getAttribute('href')).toBe(`/api/staff/leads.csv?status=unqualified&from=${new Date().getUTCFullYear()}-01-01`);

    // Open it: the detail with its consent record, its score reasons and no delivery yet.
    await tabTo(page, `.leads-view tbody a[href="#leads/${leads.weak}"]`);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#lead-title').innerText()).toBe('Bäckerei Muller');
    expect(await focused(page)).toBe('h2#lead-title');
    const body = page.locator('.lead-body');
    expect(await body.innerText()).toMatch(/Type of organisation\s+Large company/);
    expect(await body.innerText()).toMatch(new RegExp(`Text version\\s+${PRIVACY_VERSION}`));
    expect(await body.locator('blockquote').getAttribute('lang')).toBe('fr');
    expect(await body.locator('blockquote').innerText()).toBe(served.deps.i18n.forLang('fr')('leads:consent.text', { version: PRIVACY_VERSION }));
    expect(await body.innerText()).toContain('Nothing was sent: the lead is not qualified.');
    expect(await body.innerText()).toContain('The lead came through the form, outside a conversation.');

    // Promote: the dialog asks for a reason; an empty one is refused in the dialog; Ctrl+Enter confirms.
    await tabTo(page, '.lead-detail .actions button.primary');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Promote');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.confirm');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('h2').innerText()).toBe('Promote this lead?');
    expect(await focused(page)).toBe('textarea#confirm-input');
    await page.keyboard.press('Control+Enter');
    expect(await dialog.locator('[role="alert"]').innerText()).toBe('Please give a reason: it is kept in the audit log.');
    await page.keyboard.type('Called us: a regional chain with 40 shops');
    await page.keyboard.press('Control+Enter');
    await poll(() => status(page)).toBe('The lead is promoted and queued for Luxinnovation.');
    expect(await dialog.isVisible()).toBe(false);
    expect(await focused(page)).toBe('h2#lead-title');
    expect(await page.locator('.lead-detail .meta').innerText()).toContain('Qualified');
    expect(await body.innerText()).toMatch(/New lead\s+2\s+Waiting\s+0/);
    expect(await body.locator('.history').innerText()).toContain(`${ADA.email} · Lead promoted`);
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'lead.promoted' AND subject_id = ?", [leads.weak])).toEqual([
      { actor: ADA.email, details: expect.stringContaining('"reason":"Called us: a regional chain with 40 shops"') },
    ]);

    // The audit log page shows the promotion with Ada's name and e-mail; the chain verifies.
    await goTo(page, 'audit', 'h2#audit-title');
    await poll(() => page.locator('.chain').innerText()).toMatch(/^The hash chain verifies: \d+ entries sealed, \d+ waiting for the next seal\.$/);
    await tabTo(page, '#audit-action');
    await page.keyboard.type('lead.');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.audit-view tbody tr').count()).toBe(1);
    expect(await page.locator('.audit-view tbody tr').innerText()).toMatch(new RegExp(`Ada Admin\\s+${ADA.email.replace('.', '\\.')}\\s+Lead promoted\\s+lead\\.promoted\\s+Lead\\s+${leads.weak}[\\s\\S]*reason: Called us`));
    expect(await page.locator('.audit-view tbody tr .seal').innerText()).toBe('Not sealed yet');

    // Back (the browser's own) returns to the lead, then to the list; i brings the inbox back from anywhere.
    await page.goBack();
    await poll(() => page.locator('#lead-title').innerText()).toBe('Bäckerei Muller');
    await page.keyboard.press('i');
    await poll(() => page.locator('.inbox').isVisible()).toBe(true);
    expect(await page.locator('.sections a[aria-current="page"]').innerText()).toBe('Inbox');
    expect(loads).toBe(1);
    await expectClean(ada);
    await ada.context.close();
  });

  it('withdraws a lead on the person’s request and downloads the CSV, both in the audit log', async () => {
    const ada = await watchedPage(browser, { acceptDownloads: true });
    const { page } = ada;
    await signInByKeyboard(page, served.url, ADA);
    await page.goto(`${served.url}/console#leads/${leads.strong}`);
    await poll(() => page.locator('#lead-title').innerText()).toBe('Späicher SARL');
    expect(await page.locator('.lead-body').innerText()).toMatch(/E-mail address\s+jos@spaicher\.lu/);
    await tabTo(page, '.lead-detail .actions button.danger');
    await page.keyboard.press('Enter');
    expect(await page.locator('dialog.confirm h2').innerText()).toBe('Withdraw this lead?');
    // Escape changes nothing.
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.confirm').isVisible()).toBe(false);
    // The focus goes back to the button that opened the dialog, and stays there.
    await poll(() => page.evaluate(() => !!document.activeElement?.matches('.lead-detail .actions button.danger'))).toBe(true);
    expect(await rows('SELECT status FROM leads WHERE id = ?', [leads.strong])).toEqual([{ status: 'qualified' }]);
    // Opened again before the close event of the last closing has run (a key press goes before queued events), the
    // dialog stays open with its reason focused.
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('.lead-detail .actions button.danger')!.click();
      document.querySelector<HTMLDialogElement>('dialog.confirm')!.close();
      document.querySelector<HTMLButtonElement>('.lead-detail .actions button.danger')!.click();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await page.locator('dialog.confirm').isVisible()).toBe(true);
    expect(await focused(page)).toBe('textarea#confirm-input');
    await page.keyboard.press('Escape');
    await poll(() => page.evaluate(() => !!document.activeElement?.matches('.lead-detail .actions button.danger'))).toBe(true);
    await tabTo(page, '.lead-detail .actions button.danger');
    await page.keyboard.press('Enter');
    // The dialog opens with the reason focused; typing before it is would land on the page behind.
    await poll(() => focused(page)).toBe('textarea#confirm-input');
    await page.keyboard.type('Phoned on Monday: asked us to forget his details');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Withdraw on request');
    await page.keyboard.press('Enter');
    await poll(() => status(page)).toBe('The lead is withdrawn and its contact details are erased.');
    expect(await page.locator('.lead-body').innerText()).toMatch(/Contact\s+Erased/);
    expect(await page.locator('.lead-body').innerText()).toMatch(/New lead\s+1\s+Cancelled[\s\S]*Lead withdrawn\s+2\s+Waiting/);
    expect(await rows('SELECT contact_name, contact_email FROM leads WHERE id = ?', [leads.strong])).toEqual([{ contact_name: null, contact_email: null }]);

    // The CSV link downloads the filtered leads; the export is audited with the count, not the data.
    await page.locator('.leads-view .back-link').focus();
    await page.keyboard.press('Enter');
    // Back in the list, the focus is on the lead it came from.
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`#leads/${leads.strong}`);
    await tabTo(page, 'a.download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain('Vieux Moulin SA');
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'leads.exported'")).toEqual([{ actor: ADA.email, details: '{"count":3,"filters":{}}' }]);
    await expectClean(ada);
    await ada.context.close();
  });
});

describe('the Staff accounts page', () => {
  it('creates an account and deactivates a colleague by keyboard: the colleague’s open console signs itself out', async () => {
    const rita = await watchedPage(browser);
    await signInByKeyboard(rita.page, served.url, REV);
    // Reviewers have no admin pages: none in the navigation, and the address of one shows the inbox.
    expect(await rita.page.locator('.sections a').allInnerTexts()).toEqual(['Inbox', 'Knowledge gaps', 'Metrics']);
    await rita.page.goto(`${served.url}/console#leads`);
    await rita.page.locator('#inbox-title').waitFor();
    expect(await rita.page.locator('.leads-view').count()).toBe(0);
    // No conversation named "leads" was looked for: the conversation pane shows no error (the other alerts sit in
    // closed dialogs and hidden sections).
    expect(await rita.page.locator('.conversation .error').allInnerTexts()).toEqual(['']);
    expect(await rita.page.evaluate(() => fetch('/api/staff/leads').then((r) => r.status))).toBe(403);

    const ada = await watchedPage(browser);
    const { page } = ada;
    await signInByKeyboard(page, served.url, ADA);
    await goTo(page, 'accounts', 'h2#accounts-title');
    await poll(() => page.locator('.accounts-view tbody tr').count()).toBe(3);
    const own = page.locator(`.accounts-view tbody tr:has-text("${ADA.email}")`);
    expect(await own.innerText()).toContain('you');
    // No deactivation or role change on one's own row.
    expect(await own.locator('button').allTextContents()).toEqual([`New password ${ADA.name}`]);

    // Create an account by keyboard; a short password is refused by the server, in the console's language.
    await tabTo(page, '#account-email');
    await page.keyboard.type('nora@ai-factory.lu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nora Nilles');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#account-password');
    await page.keyboard.type('too short');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.account-form [role="alert"]').innerText()).toBe('The password must be at least 12 characters long.');
    await page.locator('#account-password').focus();
    await page.keyboard.type('Nora’s long password');
    await page.keyboard.press('Enter');
    await poll(() => status(page)).toBe('The account of Nora Nilles is created.');
    expect(await focused(page)).toBe('input#account-email');
    await poll(() => page.locator('.accounts-view tbody tr').count()).toBe(4);
    expect(await rows("SELECT name, role, active FROM staff_users WHERE email = 'nora@ai-factory.lu'")).toEqual([{ name: 'Nora Nilles', role: 'reviewer', active: 1 }]);

    // Deactivate Rita, who has the console open: confirm in the dialog.
    const ritaRow = page.locator(`.accounts-view tbody tr[data-id="${ids.rita}"]`);
    await tabTo(page, `.accounts-view tbody tr[data-id="${ids.rita}"] button.danger`);
    await page.keyboard.press('Enter');
    expect(await page.locator('dialog.confirm h2').innerText()).toBe(`Deactivate the account of ${REV.name}?`);
    expect(await focused(page)).toBe('button.primary');
    await page.keyboard.press('Enter');
    await poll(() => status(page)).toBe(`The account of ${REV.name} is deactivated; its sessions have ended.`);
    expect(await ritaRow.innerText()).toMatch(/Deactivated[\s\S]*Reactivate/);
    expect(await rows("SELECT actor FROM audit_log WHERE action = 'staff.account_deactivated'")).toEqual([{ actor: ADA.email }]);

    // Rita's console, open all along, loses its live stream and shows the sign-in form by itself; her cookie is refused.
    await poll(() => rita.page.locator('.login-form [role="alert"]').innerText().catch(() => '')).toBe('Your session has ended. Please sign in again.');
    expect(await rita.page.evaluate(() => fetch('/api/staff/conversations').then((r) => r.status))).toBe(401);
    await expectClean(ada);
    await Promise.all([ada.context.close(), rita.context.close()]);
  });
});

describe('accessibility', () => {
  // Eighteen axe runs with screenshots: 20-25 s on this machine, too close to vitest's 30 s on a slow day.
  it('passes axe with zero serious or critical findings on every admin page and dialog, light and dark, and at 320 px', { timeout: 90_000 }, async () => {
    const report: Record<string, { id: string; impact: string | null; nodes: number }[]> = {};
    const check = async (name: string, page: Page) => {
      const summary = await runAxe(page, 'none');
      report[name] = summary.violations.map(({ id, impact, nodes }) => ({ id, impact, nodes }));
      expect(serious(summary), name).toEqual([]);
      // Not even a moderate or minor finding on these pages.
      expect(report[name], name).toEqual([]);
      await page.screenshot({ path: `${ARTEFACTS}/${name}.png`, fullPage: true });
    };
    const pages = async (page: Page, suffix: string) => {
      await page.goto(`${served.url}/console#leads`);
      await poll(() => page.locator('.leads-view tbody tr').count()).toBeGreaterThan(0);
      await check(`leads-${suffix}`, page);
      await page.goto(`${served.url}/console#leads/${leads.old}`);
      await poll(() => page.locator('#lead-title').innerText()).toBe('Vieux Moulin SA');
      await check(`lead-${suffix}`, page);
      await page.locator('.lead-detail .actions button.primary').click();
      await check(`promote-dialog-${suffix}`, page);
      await page.keyboard.press('Escape');
      await page.goto(`${served.url}/console#audit`);
      await poll(() => page.locator('.chain').getAttribute('class')).toBe('chain ok');
      await check(`audit-${suffix}`, page);
      await page.goto(`${served.url}/console#accounts`);
      await poll(() => page.locator('.accounts-view tbody tr').count()).toBeGreaterThan(2);
      await check(`accounts-${suffix}`, page);
      await page.locator('.accounts-view tbody tr button:has-text("New password")').last().click();
      await check(`password-dialog-${suffix}`, page);
      await page.keyboard.press('Escape');
    };
    for (const scheme of ['light', 'dark'] as const) {
      const w = await watchedPage(browser, { colorScheme: scheme });
      await signInByKeyboard(w.page, served.url, ADA);
      await pages(w.page, scheme);
      await expectClean(w);
      await w.context.close();
    }
    const narrow = await watchedPage(browser, { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
    await signInByKeyboard(narrow.page, served.url, ADA);
    await pages(narrow.page, '320');
    // Nothing wider than the window but inside a table's own sideways scroller.
    const overflow = await narrow.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wider: [...document.querySelectorAll<HTMLElement>('.app *')].filter((el) => !el.closest('.table-scroll') && el.getClientRects().length > 0 && el.getBoundingClientRect().right > 320.5).map((el) => el.className || el.tagName),
    }));
    expect(overflow).toEqual({ page: 320, wider: [] });
    await expectClean(narrow);
    await narrow.context.close();
    console.log(`axe: ${JSON.stringify(report)}`);
  });
});

describe('in Luxembourgish', () => {
  it('names the admin pages and their actions in the admin’s language', async () => {
    const w = await watchedPage(browser);
    const { page } = w;
    await signInByKeyboard(page, served.url, JANG);
    expect(await page.locator('.sections a').allInnerTexts()).toEqual(['Gespréicher', 'Wëssenslücken', 'Approuvéiert Äntwerten', 'Zuelen', 'Gespäichert Äntwerten', 'Ufroen', 'Audit-Protokoll', 'Mataarbechterkonten']);
    await goTo(page, 'leads', 'h2#leads-title');
    expect(await page.locator('#leads-title').innerText()).toBe('Ufroen');
    expect(await page.locator('label[for="leads-minScore"]').innerText()).toBe('Mindestscore');
    await page.goto(`${served.url}/console#leads/${leads.old}`);
    await poll(() => page.locator('#lead-title').innerText()).toBe('Vieux Moulin SA');
    expect(await page.locator('.lead-detail .actions').innerText()).toMatch(/Opstufen[\s\S]*Op Wonsch zeréckzéien/);
    expect(await page.locator('.lead-body').innerText()).toContain(`Zort Organisatioun\n${served.deps.i18n.forLang('lb')('leads:options.orgType.large')}`);
    await goTo(page, 'audit', 'h2#audit-title');
    await poll(() => page.locator('.chain').innerText()).toMatch(/^D’Hash-Kette stëmmt/);
    await page.screenshot({ path: `${ARTEFACTS}/audit-lb.png`, fullPage: true });
    await expectClean(w);
    await w.context.close();
  });
});
