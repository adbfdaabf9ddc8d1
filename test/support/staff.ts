// Staff API helpers for tests: the real app served on 127.0.0.1, signing in as a browser would (the session cookie and
// the CSRF token), and requests that carry both — over HTTP or through app.request.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { makeApp, type MakeAppOptions } from './app.ts';

export type ServedApp = Awaited<ReturnType<typeof makeApp>> & { url: string; close: () => Promise<void> };

/** makeApp() behind a real HTTP server on an ephemeral port of 127.0.0.1. */
export async function serveMadeApp(options: MakeAppOptions = {}): Promise<ServedApp> {
  const made = await makeApp(options);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: made.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    ...made,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      made.dispose();
    },
  };
}

export type StaffSession = { cookie: string; csrf: string };

export async function signIn(url: string, email: string, password: string): Promise<StaffSession> {
  const response = await fetch(`${url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status, `sign-in of ${email}`).toBe(200);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** Signs in through app.request; the session cookie and the CSRF token, as `cookie` and `x-csrf-token` headers. */
export async function staffSession(app: Requester, email: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
}

/** A request as the console sends it: the cookie always, the CSRF token on unsafe methods, JSON in and out. */
export function staffRequest(url: string, session: StaffSession | null, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}${path}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

export const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
