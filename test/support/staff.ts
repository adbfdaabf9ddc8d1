// A staff session for HTTP tests: signs in through POST /api/staff/login and returns the headers later requests send.
import { expect } from 'vitest';

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** The session cookie and the CSRF token, as `cookie` and `x-csrf-token` headers. */
export async function staffSession(app: Requester, email: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await app.request('http://localhost/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
}
