// Every POST route × odd bodies (JSON null, arrays, numbers, strings, wrong field types, broken JSON and multipart,
// other media types): a 4xx with the JSON error shape, or the route's usual answer when it takes no body — never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { makeApp } from '../support/app.ts';
import { PRIVACY_VERSION } from '../../legal/documents.ts';

const JOBS_TOKEN = 'jobs-token-0123456789';
let made: Awaited<ReturnType<typeof makeApp>>;
let conversation: { conversationId: string; conversationToken: string };
let leadId: string;
let withdrawToken: string;
let reviewerId: string;

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function staffSession() {
  const response = await made.app.request('/api/staff/login', json({ email: 'anna@ai-factory.lu', password: 'a long staff password' }));
  expect(response.status).toBe(200);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken };
}

beforeAll(async () => {
  made = await makeApp({ env: { JOBS_TOKEN }, mailer: { send: async () => {} } });
  await saveAccount(made.deps, { email: 'anna@ai-factory.lu', name: 'Anna', role: 'admin' }, 'a long staff password', 'test');
  reviewerId = (await saveAccount(made.deps, { email: 'rita@ai-factory.lu', name: 'Rita', role: 'reviewer' }, 'a long staff password', 'test')).account.id;
  conversation = (await (await made.app.request('/api/chat', json({ message: 'Who runs MeluXina?' }))).json()) as typeof conversation;
  const lead = await made.app.request(
    '/api/leads',
    json({
      organisation: 'Fintech Lëtz',
      orgType: 'sme',
      sector: 'Finance',
      maturity: 'piloting',
      need: 'We want to detect fraud in card payments using machine learning on our own transaction data',
      contact: { name: 'Zoë Weiß', email: 'zoe@example.lu' },
      consent: { given: true, version: PRIVACY_VERSION },
    }),
  );
  expect(lead.status).toBe(201);
  const created = (await lead.json()) as { leadId: string; withdrawUrl: string };
  leadId = created.leadId;
  withdrawToken = new URL(created.withdrawUrl).searchParams.get('token')!;
});
afterAll(() => made.dispose());

/** `refused`: no route may take it — each route that reads a body answers it with a 4xx. */
type Body = { type?: string; body: string; refused?: true };
const BODIES: Record<string, Body> = {
  'JSON null': { type: 'application/json', body: 'null', refused: true },
  'a JSON array': { type: 'application/json', body: '[1,"two",{"token":3}]', refused: true },
  'a JSON number': { type: 'application/json', body: '42', refused: true },
  'a JSON string': { type: 'application/json', body: '"hello"', refused: true },
  'JSON true': { type: 'application/json', body: 'true', refused: true },
  'broken JSON': { type: 'application/json', body: '{"message": ', refused: true },
  'fields of the wrong types': {
    type: 'application/json',
    body: JSON.stringify({ token: 5, message: ['x'], text: { a: 1 }, note: 7, email: false, password: 1, rating: null, messageId: 3, consent: { given: 'yes' }, actor: [], reason: {} }),
    refused: true,
  },
  'an empty JSON object': { type: 'application/json', body: '{}' },
  'a token that is not a string': { type: 'application/json', body: JSON.stringify({ token: { $ne: null } }) },
  'an empty JSON body': { type: 'application/json', body: '' },
  'plain text': { type: 'text/plain', body: 'hello' },
  'XML': { type: 'application/xml', body: '<a/>' },
  'broken multipart': { type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc' },
  'multipart without a boundary': { type: 'multipart/form-data', body: 'token=abc' },
  'a form with broken escapes': { type: 'application/x-www-form-urlencoded', body: 'token=%E0%A4%A&x=%ZZ' },
  'no media type': { body: '{"message":"hi"}' },
};

/** Every POST route the app registers, with the id and credentials that get a request as far as its body. */
function postRoutes(): { path: string; headers: Record<string, string> }[] {
  const paths = [...new Set(made.app.routes.filter((route) => route.method === 'POST' && !route.path.includes('*')).map((route) => route.path))];
  return paths.map((pattern) => {
    const id = pattern.startsWith('/api/leads/') || pattern.startsWith('/api/staff/leads/') ? leadId : pattern.startsWith('/api/staff/accounts/') ? reviewerId : conversation.conversationId;
    const path = pattern.replace(':id', id).replace(':name', 'no-such-job');
    const headers: Record<string, string> = pattern.startsWith('/internal/') ? { authorization: `Bearer ${JOBS_TOKEN}` } : pattern.startsWith('/api/conversations/') ? { authorization: `Bearer ${conversation.conversationToken}` } : {};
    return { path, headers };
  });
}

// The routes that read a body (the others answer as usual, whatever they are sent).
const READS_BODY = /\/(chat|feedback|leads|withdraw|notify|login|messages|resolve|promote|approved-answers|accounts|password|role)$/;

/** `400`, or what is wrong with the answer: a 5xx, an error that is not `{ error: { code, message } }`. */
async function outcome(response: Response, path: string, type = ''): Promise<string> {
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status >= 500) return `${response.status} (server error)`;
  if (response.status < 400) return String(response.status);
  // The withdraw link's confirmation page posts a form, and is answered with a page.
  if (contentType.includes('text/html') && path.endsWith('/withdraw') && /form/.test(type)) return String(response.status);
  if (!contentType.includes('application/json')) return `${response.status} (not JSON)`;
  const { error } = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  return typeof error?.code === 'string' && typeof error.message === 'string' ? String(response.status) : `${response.status} (not the error shape)`;
}

describe('POST routes with odd bodies', () => {
  it('covers every POST route the app has', () => {
    expect(postRoutes().length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(BODIES))('answer %s with a 4xx JSON error (or the usual answer of a route that takes no body), never a 5xx', { timeout: 60_000 }, async (_, { type, body, refused }) => {
    const outcomes: Record<string, string> = {};
    // One session for the staff routes (a sign-in costs an argon2id hash); the sign-out gets one of its own.
    const session = await staffSession();
    for (const { path, headers } of postRoutes()) {
      const staff = !path.startsWith('/api/staff/') || path.endsWith('/login') ? {} : path.endsWith('/logout') ? await staffSession() : session;
      // As it arrives over HTTP: with its length (app.request sets none).
      const length = { 'content-length': String(Buffer.byteLength(body)) };
      const response = await made.app.request(path, { method: 'POST', headers: { ...(type ? { 'content-type': type } : {}), ...length, ...headers, ...staff }, body });
      outcomes[path] = await outcome(response, path, type);
    }
    const expected = (path: string) => (refused && READS_BODY.test(path) ? expect.stringMatching(/^4\d\d$/) : expect.stringMatching(/^[24]\d\d$/));
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((path) => [path, expected(path)])));
  });
});

describe('POST /api/leads/:id/withdraw', () => {
  const withdraw = (type: string, body: string) => made.app.request(`/api/leads/${leadId}/withdraw`, { method: 'POST', headers: { 'content-type': type }, body });
  const code = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

  it.each([
    ['JSON null', 'application/json', 'null', 'bad_request'],
    ['a token that is a number', 'application/json', '{"token":5}', 'bad_request'],
    ['a token that is an object', 'application/json', '{"token":{"$ne":null}}', 'bad_request'],
    ['broken JSON', 'application/json', '{"token":', 'json_invalid'],
    ['broken multipart', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc', 'form_invalid'],
  ])('answers %s with a 400 naming what is wrong', async (_, type, body, expected) => {
    const response = await withdraw(type, body);
    expect(response.status).toBe(400);
    expect(await code(response)).toBe(expected);
  });

  it('still withdraws with the token as JSON (a null token is no token: the link is not valid)', async () => {
    expect((await withdraw('application/json', '{"token":null}')).status).toBe(404);
    const response = await withdraw('application/json', JSON.stringify({ token: withdrawToken }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ leadId, status: expect.stringMatching(/withdrawn$/) });
  });
});
