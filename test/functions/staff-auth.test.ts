// Staff accounts, sessions and the requireStaff gate through the real app on a real libSQL file: login, the same
// 401 for every wrong credential, throttling shared by two instances, idle and absolute expiry on an injected clock,
// logout and deactivation, cookie flags, CSRF, roles, and the audit rows each attempt leaves.
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { deactivateAccount, saveAccount, type AccountInput } from '../../agents/staff/accounts.ts';
import { createApp } from '../../functions/app.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { createLogger } from '../../functions/logger.ts';
import { makeDb, type TestDb } from '../support/app.ts';

const ORIGIN = 'https://assistant.example.lu';
const MINUTE = 60_000;
const PASSWORD = 'correct horse battery staple';

type Instance = ReturnType<typeof instance>;
type Setup = { db: TestDb; clock: { now: number }; logs: string[]; app: Instance['app']; second: () => Instance };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** An app over the database file at `url`, on the shared clock; a second call is a second instance. */
function instance(url: string, clock: { now: number }, logs: string[], env: Record<string, string> = {}) {
  const client = createClient({ url });
  cleanups.push(() => client.close());
  const deps = createDeps(parseEnv({ LLM_MODE: 'offline', DATABASE_URL: url, ...env }), client, { now: () => clock.now, log: createLogger('debug', (line) => logs.push(line)) });
  return { app: createApp(deps), deps };
}

async function setup(env: Record<string, string> = {}): Promise<Setup> {
  const db = await makeDb();
  cleanups.push(db.dispose);
  const clock = { now: Date.UTC(2026, 10, 23, 9, 0) };
  const logs: string[] = [];
  return { db, clock, logs, app: instance(db.url, clock, logs, env).app, second: () => instance(db.url, clock, logs, env) };
}

async function account(s: Setup, input: Partial<AccountInput> = {}, password = PASSWORD) {
  const fields = { email: 'alice@example.lu', name: 'Alice Weber', role: 'reviewer' as const, ...input };
  return (await saveAccount({ db: s.db.drizzle, now: () => s.clock.now }, fields, password, 'test')).account;
}

type App = Setup['app'];
const json = { 'content-type': 'application/json' };

function login(app: App, email: string, password: string, { origin = ORIGIN, client = '203.0.113.7', headers = {} }: { origin?: string; client?: string; headers?: Record<string, string> } = {}) {
  return app.request(`${origin}/api/staff/login`, { method: 'POST', headers: { ...json, 'x-forwarded-for': client, ...headers }, body: JSON.stringify({ email, password }) });
}

/** The `name=value` pair of a response's Set-Cookie, for the next request's Cookie header. */
const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;

async function signIn(app: App, email = 'alice@example.lu', password = PASSWORD) {
  const response = await login(app, email, password);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { name: string; role: string; csrfToken: string };
  return { cookie: cookieOf(response), csrfToken: body.csrfToken, body, response };
}

const me = (app: App, cookie?: string, origin = ORIGIN) => app.request(`${origin}/api/staff/me`, { headers: cookie ? { cookie } : {} });
const logout = (app: App, cookie: string, csrfToken?: string) =>
  app.request(`${ORIGIN}/api/staff/logout`, { method: 'POST', headers: { cookie, ...(csrfToken === undefined ? {} : { 'x-csrf-token': csrfToken }) } });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const audit = async (s: Setup) => (await s.db.client.execute('SELECT actor, action, subject_id, details FROM audit_log ORDER BY id')).rows.map((row) => ({ ...row }));

describe('POST /api/staff/login', () => {
  it('answers {name, role, csrfToken}, sets a Secure HttpOnly SameSite=Strict __Host- cookie and audits the login', async () => {
    const s = await setup();
    const alice = await account(s, { role: 'admin' });
    const { body, response, cookie } = await signIn(s.app, '  Alice@Example.LU ');
    expect(body).toEqual({ name: 'Alice Weber', role: 'admin', csrfToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-aif_staff=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${12 * 60 * 60}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Only the token's hash is stored.
    const stored = (await s.db.client.execute('SELECT id FROM staff_sessions')).rows.map((row) => row.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(cookie.split('=')[1]);
    expect(await audit(s)).toContainEqual(expect.objectContaining({ actor: 'alice@example.lu', action: 'staff.login', subject_id: alice.id }));
  });

  it('gives a wrong password, an unknown address and a deactivated account the same 401, and audits unknown ones as a hash', async () => {
    const s = await setup();
    await account(s);
    await account(s, { email: 'gone@example.lu' });
    await deactivateAccount({ db: s.db.drizzle, now: () => s.clock.now }, 'gone@example.lu', 'test');
    const wrong = await login(s.app, 'alice@example.lu', 'not the password at all');
    const unknown = await login(s.app, 'nobody@example.lu', PASSWORD);
    const inactive = await login(s.app, 'gone@example.lu', PASSWORD);
    for (const response of [wrong, unknown, inactive]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const bodies = await Promise.all([wrong, unknown, inactive].map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({ error: { code: 'login_failed', message: 'The e-mail address or the password is wrong.' } });

    const rows = await audit(s);
    const failed = rows.filter((row) => row.action === 'staff.login_failed');
    expect(failed.map((row) => row.actor)).toEqual(['alice@example.lu', expect.stringMatching(/^sha256:[0-9a-f]{64}$/), 'gone@example.lu']);
    expect(JSON.stringify(rows)).not.toContain('nobody@example.lu');
    // Logs carry neither addresses nor passwords.
    const logs = s.logs.join('\n');
    for (const secret of ['alice@example.lu', 'nobody@example.lu', PASSWORD, 'not the password at all', '203.0.113.7']) expect(logs).not.toContain(secret);
  });

  it('takes about as long for an unknown address as for a wrong password (both verify one argon2id hash)', async () => {
    const s = await setup();
    await account(s);
    const time = async (email: string) => {
      const started = performance.now();
      await login(s.app, email, 'not the password at all');
      return performance.now() - started;
    };
    const known = await time('alice@example.lu');
    const unknown = await time('nobody@example.lu');
    console.log(`login failure: known address ${known.toFixed(0)} ms, unknown address ${unknown.toFixed(0)} ms`);
    // Both pay for a hash; an unknown address that skipped it would answer in a few milliseconds.
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it('localizes the error, answers 400 for a missing field and 415 for a form, and refuses a login from another site', async () => {
    const s = await setup();
    const french = await login(s.app, 'x@example.lu', 'wrong-password-1', { headers: { 'accept-language': 'fr' } });
    expect(await errorOf(french)).toEqual({ code: 'login_failed', message: 'L’adresse e-mail ou le mot de passe est incorrect.' });
    const missing = await s.app.request(`${ORIGIN}/api/staff/login`, { method: 'POST', headers: { ...json, 'accept-language': 'de' }, body: JSON.stringify({ email: 'x@example.lu' }) });
    expect(missing.status).toBe(400);
    // Said in the staff member's language, without zod's English.
    expect(await errorOf(missing)).toEqual({ code: 'password_missing', message: 'Bitte geben Sie Ihr Passwort ein.' });
    const empty = await s.app.request(`${ORIGIN}/api/staff/login`, { method: 'POST', headers: { ...json, 'accept-language': 'fr' }, body: JSON.stringify({ email: '', password: '' }) });
    expect(await errorOf(empty)).toEqual({ code: 'email_missing', message: 'Veuillez saisir votre adresse e-mail.' });
    const form = await s.app.request(`${ORIGIN}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x&password=y' });
    expect(form.status).toBe(415);
    await account(s);
    const crossSite = await login(s.app, 'alice@example.lu', PASSWORD, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After after five failures for one address, counted across two instances on one database', async () => {
    const s = await setup();
    await account(s);
    const other = s.second().app;
    // Failures from different clients, alternating instances: the address's count lives in the database.
    for (let i = 0; i < 5; i++) {
      const response = await login(i % 2 ? other : s.app, 'alice@example.lu', `wrong password ${i}!`, { client: `198.51.100.${i}` });
      expect(response.status).toBe(401);
    }
    for (const app of [s.app, other]) {
      const locked = await login(app, 'alice@example.lu', PASSWORD, { client: '198.51.100.99' });
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe(String(15 * 60));
      expect(await errorOf(locked)).toEqual({ code: 'too_many_attempts', message: 'Too many failed sign-in attempts. Please try again in 15 min.' });
    }
    // The lock is audited once, when the fifth failure sets it; refusals while locked write nothing.
    const locks = (await audit(s)).filter((row) => row.action === 'staff.login_locked');
    expect(locks).toEqual([expect.objectContaining({ actor: 'alice@example.lu', details: JSON.stringify({ by: ['email'], until: new Date(s.clock.now + 15 * MINUTE).toISOString() }) })]);

    s.clock.now += 10 * MINUTE;
    expect((await login(other, 'alice@example.lu', PASSWORD)).headers.get('retry-after')).toBe(String(5 * 60));
    s.clock.now += 5 * MINUTE;
    expect((await login(other, 'alice@example.lu', PASSWORD)).status).toBe(200);
  });

  it('answers 429 to a client address after twenty failures, whichever addresses it tries', async () => {
    const s = await setup();
    await account(s);
    for (let i = 0; i < 20; i++) expect((await login(s.app, `guess${i}@example.lu`, 'wrong password!', { client: '192.0.2.66' })).status).toBe(401);
    const locked = await login(s.app, 'alice@example.lu', PASSWORD, { client: '192.0.2.66' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client may still sign in to the same account: the address itself was never wrong.
    expect((await login(s.app, 'alice@example.lu', PASSWORD, { client: '192.0.2.67' })).status).toBe(200);
    // The table holds hashes only.
    const keys = (await s.db.client.execute('SELECT key FROM login_failures')).rows.map((row) => String(row.key));
    expect(keys.join()).not.toMatch(/192\.0\.2|@example/);
  });

  it('forgets the address\'s failures after a successful login', async () => {
    const s = await setup();
    await account(s);
    for (let i = 0; i < 4; i++) await login(s.app, 'alice@example.lu', 'wrong password!');
    await signIn(s.app);
    for (let i = 0; i < 4; i++) expect((await login(s.app, 'alice@example.lu', 'wrong password!', { client: '198.51.100.1' })).status).toBe(401);
    expect((await login(s.app, 'alice@example.lu', PASSWORD, { client: '198.51.100.2' })).status).toBe(200);
  });
});

describe('staff sessions', () => {
  it('end after 30 minutes without a request, and activity keeps them alive', async () => {
    const s = await setup();
    await account(s, { lang: 'de' });
    const { cookie, csrfToken } = await signIn(s.app);
    s.clock.now += 29 * MINUTE;
    const alive = await me(s.app, cookie);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ id: expect.any(String), name: 'Alice Weber', role: 'reviewer', lang: 'de', csrfToken });
    s.clock.now += 29 * MINUTE;
    expect((await me(s.app, cookie)).status).toBe(200);
    s.clock.now += 30 * MINUTE;
    const expired = await me(s.app, cookie);
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe('session_expired');
    expect(expired.headers.get('set-cookie')).toMatch(/^__Host-aif_staff=; Max-Age=0/);
  });

  it('end 12 hours after login however active', async () => {
    const s = await setup();
    await account(s);
    const { cookie } = await signIn(s.app);
    const start = s.clock.now;
    while (s.clock.now + 20 * MINUTE < start + 12 * 60 * MINUTE) {
      s.clock.now += 20 * MINUTE;
      expect((await me(s.app, cookie)).status).toBe(200);
    }
    s.clock.now = start + 12 * 60 * MINUTE;
    const expired = await me(s.app, cookie);
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe('session_expired');
  });

  it('are revoked at logout, which needs the CSRF token and clears the cookie', async () => {
    const s = await setup();
    const alice = await account(s);
    const { cookie, csrfToken } = await signIn(s.app);
    const response = await logout(s.app, cookie, csrfToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-aif_staff=; Max-Age=0;.*HttpOnly; Secure; SameSite=Strict/);
    const after = await me(s.app, cookie);
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('unauthorized');
    expect(await audit(s)).toContainEqual(expect.objectContaining({ actor: 'alice@example.lu', action: 'staff.logout', subject_id: alice.id }));
  });

  it('are revoked when the account is deactivated, and when its password changes', async () => {
    const s = await setup();
    await account(s);
    await account(s, { email: 'bob@example.lu', name: 'Bob' });
    const alice = await signIn(s.app);
    const bob = await signIn(s.app, 'bob@example.lu');
    const { sessionsRevoked } = await deactivateAccount({ db: s.db.drizzle, now: () => s.clock.now }, 'ALICE@example.lu', 'admin@example.lu');
    expect(sessionsRevoked).toBe(1);
    expect((await me(s.app, alice.cookie)).status).toBe(401);
    expect((await me(s.app, bob.cookie)).status).toBe(200);
    await account(s, { email: 'bob@example.lu', name: 'Bob' }, 'a brand new passphrase');
    expect((await me(s.app, bob.cookie)).status).toBe(401);
    expect((await login(s.app, 'bob@example.lu', PASSWORD)).status).toBe(401);
    expect((await login(s.app, 'bob@example.lu', 'a brand new passphrase')).status).toBe(200);
  });
});

describe('requireStaff', () => {
  it('answers 401 without a cookie or with an unknown one', async () => {
    const s = await setup();
    for (const response of [await me(s.app), await me(s.app, '__Host-aif_staff=forged-token'), await s.app.request(`${ORIGIN}/api/staff/accounts`)]) {
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
    expect((await s.app.request(`${ORIGIN}/api/staff/logout`, { method: 'POST' })).status).toBe(401);
  });

  it('answers 403 to an unsafe request without the CSRF token or with a wrong one; GET needs none', async () => {
    const s = await setup();
    await account(s);
    const { cookie, csrfToken } = await signIn(s.app);
    for (const token of [undefined, '', 'f'.repeat(64), csrfToken.toUpperCase()]) {
      const response = await logout(s.app, cookie, token);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('csrf_invalid');
    }
    expect((await me(s.app, cookie)).status).toBe(200);
    // Another session's token does not fit this one.
    await account(s, { email: 'bob@example.lu', name: 'Bob' });
    const bob = await signIn(s.app, 'bob@example.lu');
    expect((await logout(s.app, cookie, bob.csrfToken)).status).toBe(403);
    expect((await logout(s.app, cookie, csrfToken)).status).toBe(200);
  });

  it('answers 403 to a reviewer on an admin route, in the staff member\'s language, and lists accounts without hashes for an admin', async () => {
    const s = await setup();
    await account(s, { lang: 'lb' });
    await account(s, { email: 'root@example.lu', name: 'Root', role: 'admin' });
    const reviewer = await signIn(s.app);
    const denied = await s.app.request(`${ORIGIN}/api/staff/accounts`, { headers: { cookie: reviewer.cookie } });
    expect(denied.status).toBe(403);
    expect(await errorOf(denied)).toEqual({ code: 'forbidden', message: 'Dir hutt net d’Recht, dat ze maachen.' });
    const admin = await signIn(s.app, 'root@example.lu');
    const listed = await s.app.request(`${ORIGIN}/api/staff/accounts`, { headers: { cookie: admin.cookie } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const text = await listed.text();
    expect(text).not.toContain('argon2');
    expect(JSON.parse(text)).toEqual({
      accounts: [
        expect.objectContaining({ email: 'alice@example.lu', role: 'reviewer', lang: 'lb', active: true }),
        expect.objectContaining({ email: 'root@example.lu', role: 'admin', lang: 'en', active: true }),
      ],
    });
  });
});

describe('the session cookie', () => {
  it('drops Secure only for plain http on localhost and 127.0.0.1', async () => {
    const s = await setup();
    await account(s);
    const flags = async (origin: string) => (await login(s.app, 'alice@example.lu', PASSWORD, { origin })).headers.get('set-cookie')!;
    for (const origin of ['http://localhost:8787', 'http://127.0.0.1:8787']) {
      const cookie = await flags(origin);
      expect(cookie).toMatch(/^aif_staff=/);
      expect(cookie).not.toContain('Secure');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
    }
    for (const origin of ['https://localhost', 'https://assistant.example.lu', 'http://assistant.example.lu', 'http://10.0.0.5:8787']) {
      const cookie = await flags(origin);
      expect(cookie, origin).toMatch(/^__Host-aif_staff=/);
      expect(cookie, origin).toContain('; Secure');
    }
    // A local cookie works locally: the session is read under the name that origin sets.
    const local = await login(s.app, 'alice@example.lu', PASSWORD, { origin: 'http://127.0.0.1:8787' });
    expect((await me(s.app, cookieOf(local), 'http://127.0.0.1:8787')).status).toBe(200);
    expect((await me(s.app, cookieOf(local), ORIGIN)).status).toBe(401);
  });

  it('stays Secure behind a TLS proxy that reaches the app on the loopback when PUBLIC_URL is https', async () => {
    const s = await setup({ PUBLIC_URL: 'https://assistant.example.lu' });
    await account(s);
    const cookie = (await login(s.app, 'alice@example.lu', PASSWORD, { origin: 'http://127.0.0.1:8787' })).headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-aif_staff=.*; Secure/);
  });
});
