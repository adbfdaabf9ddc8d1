// `npm run staff:add`: the script itself, spawned with a temporary DATABASE_URL and a piped password, then a login
// through the real app on that database file. Tests share the file but not their accounts.
import { spawn } from 'node:child_process';
import { createClient } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { createDeps } from '../../functions/deps.ts';
import { parseEnv } from '../../functions/env.ts';
import { createLogger } from '../../functions/logger.ts';

const dir = mkdtempSync(join(tmpdir(), 'aif-staff-add-'));
const url = `file:${join(dir, 'assistant.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function staffAdd(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/staff-add.ts', ...args], { env: { ...process.env, DATABASE_URL: url }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

function app() {
  const client = createClient({ url });
  const deps = createDeps(parseEnv({ LLM_MODE: 'offline', DATABASE_URL: url }), client, { log: createLogger('error', () => {}) });
  return { app: createApp(deps), close: () => client.close() };
}

async function login(email: string, password: string): Promise<Response> {
  const { app: instance, close } = app();
  try {
    return await instance.request('http://127.0.0.1:8787/api/staff/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  } finally {
    close();
  }
}

describe('npm run staff:add', () => {
  it('refuses a password under 12 characters with a clear message and writes nothing', async () => {
    const result = await staffAdd(['--email', 'ana@example.lu', '--name', 'Ana', '--role', 'admin'], 'too-short\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('staff:add: the password must have at least 12 characters (it has 9); nothing was written\n');
    expect(result.stdout).toBe('');
  });

  it('refuses unknown roles and missing arguments with the usage', async () => {
    const result = await staffAdd(['--email', 'ana@example.lu', '--role', 'owner'], 'long enough password\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--name');
    expect(result.stderr).toContain('--role');
    expect(result.stderr).toContain('usage: npm run staff:add');
  });

  it('migrates the database, creates the account from a piped password, prints one line without it, and the account signs in', async () => {
    const password = 'Mir wëlle bleiwe wat mer sinn';
    const result = await staffAdd(['--email', 'Ana@Example.lu', '--name', 'Ana Schmit', '--role', 'admin', '--lang', 'lb'], `${password}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('created admin account ana@example.lu (Ana Schmit, console in lb)\n');
    expect(result.stdout + result.stderr).not.toContain(password);
    const response = await login('ana@example.lu', password);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 'Ana Schmit', role: 'admin', csrfToken: expect.any(String) });
  });

  it('updates the account with a new password (ending its sessions) and deactivates it with --deactivate', async () => {
    expect((await staffAdd(['--email', 'ben@example.lu', '--name', 'Ben', '--role', 'admin'], 'the first long passphrase\n')).code).toBe(0);
    const first = await login('ben@example.lu', 'the first long passphrase');
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const updated = await staffAdd(['--email', 'ben@example.lu', '--name', 'Ben Kayser', '--role', 'reviewer'], 'a second long passphrase');
    expect(updated.code).toBe(0);
    expect(updated.stdout).toBe('updated reviewer account ben@example.lu (Ben Kayser, console in en); 1 session(s) revoked\n');
    const { app: instance, close } = app();
    expect((await instance.request('http://127.0.0.1:8787/api/staff/me', { headers: { cookie } })).status).toBe(401);
    close();
    expect((await login('ben@example.lu', 'the first long passphrase')).status).toBe(401);
    expect((await login('ben@example.lu', 'a second long passphrase')).status).toBe(200);

    const deactivated = await staffAdd(['--email', 'ben@example.lu', '--deactivate'], '');
    expect(deactivated.code).toBe(0);
    expect(deactivated.stdout).toBe('deactivated reviewer account ben@example.lu; 1 session(s) revoked\n');
    expect((await login('ben@example.lu', 'a second long passphrase')).status).toBe(401);
  });

  it('says so when the account to deactivate does not exist', async () => {
    const result = await staffAdd(['--email', 'nobody@example.lu', '--deactivate'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('staff:add: there is no staff account with this e-mail address\n');
  });
});
