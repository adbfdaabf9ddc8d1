// Browser-test helpers: Debian's chromium through playwright-core (never a downloaded browser), the real app served
// on 127.0.0.1 over a fresh database, and page probes for CSP violations, outgoing requests and axe-core.
import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { makeApp, type MakeAppOptions } from './app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Playwright gives every launch a fresh temporary --user-data-dir of its own (it refuses one in `args`). */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

export type Served = Awaited<ReturnType<typeof makeApp>> & { url: string; close: () => Promise<void> };

/** The real app (createApp over a fresh, migrated and indexed libSQL file) on an ephemeral port of 127.0.0.1. */
export async function serveApp(options: MakeAppOptions = {}): Promise<Served> {
  const made = await makeApp(options);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: made.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...made,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      made.dispose();
    },
  };
}

export type Watched = { context: BrowserContext; page: Page; requests: string[]; violations: () => Promise<string[]>; console: string[] };

/**
 * A fresh context and page that record every request and every CSP violation (the listener is installed by the
 * browser before page scripts run, so CSP does not apply to it).
 */
export async function watchedPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const requests: string[] = [];
  const console: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.push(message.text());
  });
  const violations = async () => {
    const seen: string[] = [];
    for (const p of context.pages()) seen.push(...(await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])));
    return seen;
  };
  return { context, page, requests, violations, console };
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export type AxeSummary = { violations: { id: string; impact: string | null; nodes: number; help: string }[]; shadowNodes: number; shadowChecks: number };

/**
 * Runs axe-core in the page. The source is evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the policy under test stays untouched (no bypassCSP context).
 */
export async function runAxe(page: Page, host = 'ai-factory-assistant'): Promise<AxeSummary> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async (hostTag) => {
    type Node = { target: unknown[] };
    type Result = { id: string; impact?: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Record<'violations' | 'passes' | 'incomplete', Result[]>> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    // A node inside a shadow root has a target path whose first step names the host.
    const inShadow = (node: Node) => Array.isArray(node.target[0]) && (node.target[0] as string[])[0] === hostTag;
    const checked = [...results.violations, ...results.passes, ...results.incomplete].flatMap((r) => r.nodes.filter(inShadow).map((n) => JSON.stringify(n.target)));
    return {
      violations: results.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.length, help: v.help })),
      shadowNodes: new Set(checked).size,
      shadowChecks: checked.length,
    };
  }, host);
}

/** The page made requests, all of them to 127.0.0.1, and never broke its own CSP. */
export async function expectClean(w: Watched) {
  expect(await w.violations()).toEqual([]);
  expect(w.console.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
  expect(w.requests.length).toBeGreaterThan(0);
  for (const url of w.requests) expect(new URL(url).hostname, url).toBe('127.0.0.1');
}

/** A short description of the focused element of the page: tag, id and classes. */
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
