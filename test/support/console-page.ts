// Keyboard helpers for the staff console in a browser: what has the focus, Tab until something has it, sign in by
// keyboard alone, and polling for live changes.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AxeSummary } from './browser.ts';

/** A short description of the focused element: tag, id and classes. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.split(' ').join('.')}` : ''}`;
  });

/** Presses Tab until the focused element matches `selector`, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${selector}; it is on ${await focused(page)}`);
}

/** Live changes go through the database and a stream that polls it every 500 ms: allow for a busy machine. */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

/** Signs in at `url`/console by keyboard only and waits for the inbox, live. */
export async function signInByKeyboard(page: Page, url: string, account: { email: string; password: string }) {
  await page.goto(`${url}/console`);
  await page.locator('#login-email').waitFor();
  await tabTo(page, '#login-email');
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('input#login-password');
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await page.locator('#inbox-title').waitFor();
  await poll(() => page.locator('.live').getAttribute('class')).toBe('live on');
}

export const serious = (summary: AxeSummary) => summary.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
