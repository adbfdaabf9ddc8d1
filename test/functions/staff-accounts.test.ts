// Staff accounts in the console through a real server on 127.0.0.1: create (hashed as staff:add does), deactivate
// (the account's open session is refused at its very next request, its open event stream ends, and it cannot sign
// in), reactivate, a new password (sessions end), a new role; no admin deactivates or demotes themselves and an
// active admin always remains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole, deactivateAccountById } from '../../agents/staff/account-admin.ts';
import { saveAccount, type StaffMember } from '../../agents/staff/accounts.ts';
import { verifyPassword } from '../../agents/security/passwords.ts';
import { openSse } from '../support/sse.ts';
import { errorOf, serveMadeApp, signIn, staffRequest, type ServedApp, type StaffSession } from '../support/staff.ts';

const ADA = { email: 'ada@ai-factory.lu', name: 'Ada Admin', password: 'ada admin password' };
let served: ServedApp;
let ada: StaffSession;
let adaId: string;

beforeAll(async () => {
  served = await serveMadeApp({ files: [] });
  adaId = (await saveAccount(served.deps, { email: ADA.email, name: ADA.name, role: 'admin' }, ADA.password, 'test')).account.id;
  ada = await signIn(served.url, ADA.email, ADA.password);
});
afterAll(() => served.close());

const get = (path: string, session: StaffSession | null = ada) => staffRequest(served.url, session, 'GET', path);
const post = (path: string, body?: unknown, session: StaffSession | null = ada) => staffRequest(served.url, session, 'POST', path, body);
const rows = async (sql: string, args: string[] = []) => (await served.db.client.execute({ sql, args })).rows.map((row) => ({ ...row }));

type Account = { id: string; email: string; name: string; role: string; lang: string; active: boolean; createdAt: string; updatedAt: string };
let n = 0;
async function create(extra: Record<string, unknown> = {}) {
  const body = { email: `person${++n}@ai-factory.lu`, name: `Person ${n}`, role: 'reviewer', password: 'a fine long password', ...extra };
  const response = await post('/api/staff/accounts', body);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return { ...((await response.json()) as { account: Account }).account, password: body.password as string };
}

describe('POST /api/staff/accounts', () => {
  it('creates an account with an argon2id hash, lists it without the hash, and audits it with the admin’s e-mail', async () => {
    const response = await post('/api/staff/accounts', { email: '  Mia.Kremer@AI-Factory.lu ', name: 'Mia Kremer', role: 'reviewer', lang: 'lb', password: 'Moien, ech sinn d’Mia!' });
    expect(response.status).toBe(201);
    const { account } = (await response.json()) as { account: Account };
    expect(account).toEqual({ id: expect.any(String), email: 'mia.kremer@ai-factory.lu', name: 'Mia Kremer', role: 'reviewer', lang: 'lb', active: true, createdAt: expect.any(String), updatedAt: expect.any(String) });
    const [stored] = await rows('SELECT password_hash FROM staff_users WHERE id = ?', [account.id]);
    expect(String(stored!.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(String(stored!.password_hash), 'Moien, ech sinn d’Mia!')).toBe(true);
    const listed = (await (await get('/api/staff/accounts')).json()) as { accounts: Record<string, unknown>[] };
    expect(listed.accounts.find((a) => a.id === account.id)).toEqual(account);
    expect(JSON.stringify(listed)).not.toContain('argon2');
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'staff.account_created' AND subject_id = ?", [account.id])).toEqual([{ actor: ADA.email, details: '{"role":"reviewer"}' }]);
    // The new account signs in with the password the admin gave.
    await signIn(served.url, 'mia.kremer@ai-factory.lu', 'Moien, ech sinn d’Mia!');
  });

  it('answers 409 for an address that has an account, and localized 400s for bad fields', async () => {
    const taken = await post('/api/staff/accounts', { email: ADA.email.toUpperCase(), name: 'Another Ada', role: 'admin', password: 'another long password' });
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toEqual({ code: 'account_exists', message: 'There is already a staff account with this e-mail address.' });
    const good = { email: 'new@ai-factory.lu', name: 'New Person', role: 'reviewer', password: 'a fine long password' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, email: 'not-an-address' }, 'email_invalid'],
      [{ ...good, name: '  ' }, 'name_missing'],
      [{ ...good, name: 'x'.repeat(121) }, 'name_too_long'],
      [{ ...good, role: 'owner' }, 'role_invalid'],
      [{ ...good, lang: 'it' }, 'lang_unsupported'],
      [{ ...good, password: 'short' }, 'password_too_short'],
      // Twelve characters as people count them: eleven emoji are 22 UTF-16 units but still too short.
      [{ ...good, password: '🔑'.repeat(11) }, 'password_too_short'],
      [{ ...good, password: undefined }, 'password_too_short'],
    ];
    for (const [body, code] of cases) {
      const response = await post('/api/staff/accounts', body);
      expect(response.status, code).toBe(400);
      expect((await errorOf(response)).code, JSON.stringify(body)).toBe(code);
    }
    expect((await errorOf(await post('/api/staff/accounts', { ...good, password: 'short' }))).message).toBe('The password must be at least 12 characters long.');
    expect(await rows("SELECT 1 FROM staff_users WHERE email = 'new@ai-factory.lu'")).toEqual([]);
  });
});

describe('deactivating an account', () => {
  it('ends its session at once: the next request with the old cookie is 401, and it cannot sign in again until reactivated', async () => {
    const person = await create();
    const session = await signIn(served.url, person.email, person.password);
    const other = await signIn(served.url, person.email, person.password);
    expect((await get('/api/staff/me', session)).status).toBe(200);
    // The inbox's live stream, open before the deactivation.
    const stream = await openSse(`${served.url}/api/staff/events`, { cookie: session.cookie });
    expect(stream.response.status).toBe(200);

    const response = await post(`/api/staff/accounts/${person.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ account: expect.objectContaining({ id: person.id, active: false }), changed: true, sessionsRevoked: 2 });
    for (const cookie of [session, other]) {
      const refused = await get('/api/staff/conversations', cookie);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    }
    expect(await rows('SELECT count(*) AS open FROM staff_sessions s WHERE user_id = ? AND revoked_at IS NULL', [person.id])).toEqual([{ open: 0 }]);
    // The open stream ends at its next poll (every 500 ms), not when it would have timed out.
    await stream.sse.waitForEnd(3_000);
    const login = await fetch(`${served.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: person.password }) });
    expect(login.status).toBe(401);
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'staff.account_deactivated' AND subject_id = ?", [person.id])).toEqual([{ actor: ADA.email, details: '{"role":"reviewer","sessionsRevoked":2}' }]);

    // Deactivating again changes nothing and audits nothing; reactivating lets the person back in.
    expect(await (await post(`/api/staff/accounts/${person.id}/deactivate`)).json()).toMatchObject({ changed: false, sessionsRevoked: 0 });
    expect(await rows("SELECT 1 FROM audit_log WHERE action = 'staff.account_deactivated' AND subject_id = ?", [person.id])).toHaveLength(1);
    expect(await (await post(`/api/staff/accounts/${person.id}/reactivate`)).json()).toMatchObject({ account: { active: true }, changed: true });
    // The sessions ended with the deactivation stay ended.
    expect((await get('/api/staff/me', session)).status).toBe(401);
    await signIn(served.url, person.email, person.password);
    expect(await rows("SELECT actor FROM audit_log WHERE action = 'staff.account_reactivated' AND subject_id = ?", [person.id])).toEqual([{ actor: ADA.email }]);
  });

  it('refuses an admin’s own account (409) and an unknown one (404)', async () => {
    const own = await post(`/api/staff/accounts/${adaId}/deactivate`);
    expect(own.status).toBe(409);
    expect((await errorOf(own)).code).toBe('own_account');
    expect((await get('/api/staff/me')).status).toBe(200);
    const unknown = await post('/api/staff/accounts/no-such-account/deactivate');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('account_not_found');
  });
});

describe('the last active admin', () => {
  it('stays: two admins deactivating each other at the same moment leave exactly one active admin', async () => {
    // A fresh pair in a database of their own, so no other admin counts.
    const fresh = await serveMadeApp({ files: [] });
    try {
      const a = (await saveAccount(fresh.deps, { email: 'a@ai-factory.lu', name: 'Anna', role: 'admin' }, 'anna admin password', 'test')).account;
      const b = (await saveAccount(fresh.deps, { email: 'b@ai-factory.lu', name: 'Ben', role: 'admin' }, 'ben admin password', 'test')).account;
      const [sa, sb] = await Promise.all([signIn(fresh.url, a.email, 'anna admin password'), signIn(fresh.url, b.email, 'ben admin password')]);
      const answers = await Promise.all([
        staffRequest(fresh.url, sa, 'POST', `/api/staff/accounts/${b.id}/deactivate`),
        staffRequest(fresh.url, sb, 'POST', `/api/staff/accounts/${a.id}/deactivate`),
      ]);
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      // The other was refused: as the last admin (409), or because its own session had just ended (401).
      expect([401, 409]).toContain(statuses[1]);
      expect(await fresh.db.client.execute("SELECT count(*) AS n FROM staff_users WHERE role = 'admin' AND active = 1").then((r) => r.rows[0]!.n)).toBe(1);
    } finally {
      await fresh.close();
    }
    // Whoever asks, the domain keeps the last admin: an actor without an account of its own cannot remove it either.
    const lone = await serveMadeApp({ files: [] });
    try {
      const only = (await saveAccount(lone.deps, { email: 'only@ai-factory.lu', name: 'Only', role: 'admin' }, 'only admin password', 'test')).account;
      const outsider: StaffMember = { id: 'cli', email: 'cli:test', name: 'CLI', role: 'admin', lang: 'en' };
      await expect(deactivateAccountById(lone.deps, only.id, outsider)).rejects.toMatchObject({ code: 'last_admin' });
      await expect(changeRole(lone.deps, only.id, 'reviewer', outsider)).rejects.toMatchObject({ code: 'last_admin' });
      expect((await lone.db.client.execute("SELECT role, active FROM staff_users")).rows.map((r) => ({ ...r }))).toEqual([{ role: 'admin', active: 1 }]);
      expect((await lone.db.client.execute("SELECT count(*) AS n FROM audit_log WHERE action IN ('staff.account_deactivated', 'staff.role_changed')")).rows[0]!.n).toBe(0);
    } finally {
      await lone.close();
    }
  });
});

describe('a new password', () => {
  it('replaces the old one and ends the account’s sessions', async () => {
    const person = await create();
    const session = await signIn(served.url, person.email, person.password);
    expect((await errorOf(await post(`/api/staff/accounts/${person.id}/password`, { password: 'too short' }))).code).toBe('password_too_short');
    const response = await post(`/api/staff/accounts/${person.id}/password`, { password: 'a brand new long password' });
    expect(await response.json()).toMatchObject({ changed: true, sessionsRevoked: 1 });
    expect((await get('/api/staff/me', session)).status).toBe(401);
    const old = await fetch(`${served.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: person.password }) });
    expect(old.status).toBe(401);
    await signIn(served.url, person.email, 'a brand new long password');
    const [row] = await rows("SELECT actor, details FROM audit_log WHERE action = 'staff.password_reset' AND subject_id = ?", [person.id]);
    expect(row).toEqual({ actor: ADA.email, details: '{"own":false,"sessionsRevoked":1}' });
    expect(JSON.stringify(row)).not.toContain('brand new');
  });
});

describe('a new role', () => {
  it('takes effect at the account’s next request; an admin cannot change their own', async () => {
    const person = await create();
    const session = await signIn(served.url, person.email, person.password);
    expect((await get('/api/staff/accounts', session)).status).toBe(403);
    expect((await errorOf(await post(`/api/staff/accounts/${person.id}/role`, { role: 'owner' }))).code).toBe('role_invalid');
    expect(await (await post(`/api/staff/accounts/${person.id}/role`, { role: 'admin' })).json()).toMatchObject({ account: { role: 'admin' }, changed: true });
    expect((await get('/api/staff/accounts', session)).status).toBe(200);
    expect(await (await post(`/api/staff/accounts/${person.id}/role`, { role: 'reviewer' })).json()).toMatchObject({ account: { role: 'reviewer' } });
    expect((await get('/api/staff/accounts', session)).status).toBe(403);
    expect(await rows("SELECT actor, details FROM audit_log WHERE action = 'staff.role_changed' AND subject_id = ? ORDER BY id", [person.id])).toEqual([
      { actor: ADA.email, details: '{"from":"reviewer","to":"admin"}' },
      { actor: ADA.email, details: '{"from":"admin","to":"reviewer"}' },
    ]);
    const own = await post(`/api/staff/accounts/${adaId}/role`, { role: 'reviewer' });
    expect(own.status).toBe(409);
    expect((await errorOf(own)).code).toBe('own_account');
  });
});
