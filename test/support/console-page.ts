// Keyboard helpers for the staff console in a browser: sign in by keyboard alone, polling for live changes, and (from
// browser.ts) what has the focus and Tab until something has it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { focused, tabTo, type AxeSummary } from './browser.ts';

export { focused, tabTo };

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
