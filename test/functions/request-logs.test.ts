// What the request log says about a path: the route's pattern, never what a person put in the URL (an e-mail, a
// phone number), and phone numbers masked wherever else they reach a log line.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../functions/logger.ts';
import { withDeps } from '../../functions/middleware/deps.ts';
import { onError } from '../../functions/middleware/errors.ts';
import type { AppBindings } from '../../functions/types.ts';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ files: [] });
});
afterAll(() => made.dispose());

type Line = { msg: string; level: string; path?: string; status?: number };
const entries = (lines: string[]) => lines.map((line) => JSON.parse(line) as Line);

describe('the request log', () => {
  it.each([
    ['GET', '/api/conversations/jean.muller@example.lu/messages?phone=%2B352621123456', '/api/conversations/:id/messages', 404],
    ['POST', '/api/leads/+352%20621%20123%20456/withdraw?token=jean.muller@example.lu', '/api/leads/:id/withdraw', 404],
    ['GET', '/api/leads/00352621123456/withdraw', '/api/leads/:id/withdraw', 200],
    ['GET', '/api/no-such-route/jean.muller@example.lu/621123456', '/api/*', 404],
    ['GET', '/nothing/here/621123456', '/*', 404],
  ])('logs %s %s as the pattern %s', async (method, url, pattern, status) => {
    made.logs.length = 0;
    const response = await made.app.request(url, { method });
    expect(response.status).toBe(status);
    const line = entries(made.logs).find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({ path: pattern, status });
    const all = made.logs.join('\n');
    for (const personal of ['example.lu', 'jean.muller', '+352', '%2B352', '352621123456', '352%20621', '621 123 456', '621123456']) expect(all).not.toContain(personal);
  });

  it('names the route pattern, not the path, when a route fails', async () => {
    const lines: string[] = [];
    const app = new Hono<AppBindings>()
      .use(withDeps({ ...made.deps, log: createLogger('debug', (line) => lines.push(line)) }))
      .get('/boom/:id', () => {
        throw new Error('kaboom');
      });
    app.onError(onError);
    expect((await app.request('/boom/+352621123456')).status).toBe(500);
    expect(entries(lines).map(({ msg, path }) => ({ msg, path }))).toEqual([
      { msg: 'unhandled', path: '/boom/:id' },
      { msg: 'request', path: '/boom/:id' },
    ]);
  });
});

describe('redact', () => {
  it('masks phone numbers written in the usual ways', () => {
    const phones = ['+352 621 123 456', '(+352) 621-123-456', '00352621123456', '621123456', '621 12 34 56', '+49 (0)30 1234567', '+352.621.123.456'];
    for (const phone of phones) {
      const note = String(redact({ note: `call me on ${phone}, thanks` }).note);
      // Dotted like an IPv4 address, a number is masked as one; either way no digit is left.
      expect(note, phone).toMatch(/^call me on \(?\+?\[(phone|ip)\], thanks$/);
    }
  });

  it('leaves ids, dates, clock times, ports and small numbers alone', () => {
    const values = ['12345678-1234-4234-8234-123456789012', '2026-11-30T05:40:22.000Z', '2026-11-30 05:40:22', '10:00:00', 'lead.created:6f1c1d8e-0000-4000-8000-000000000000:1', 'host :11434 answered 503', 'score 12 of 100', 'v1.22.333'];
    for (const value of values) expect(redact({ note: value }).note).toBe(value);
  });
});
