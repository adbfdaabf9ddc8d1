// `npm run audit:verify` on a real database file: the seal-audit job seals what staff did, the script finds the
// chain intact, the table refuses changes and deletions, and after one row is altered behind the triggers' back the
// script fails naming that row.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs } from '../../agents/jobs/registry.ts';
import { insertAudit } from '../../db/queries/leads.ts';
import { jobPorts } from '../../functions/deps.ts';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp();
});
afterAll(() => made.dispose());

function verify(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: made.db.url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const sealJob = () => createJobs()['seal-audit'].run(jobPorts(made.deps));

describe('npm run audit:verify', () => {
  it('passes on the sealed chain and fails naming the first row altered in the database file', async () => {
    for (let i = 1; i <= 4; i++) await insertAudit(made.deps.db, { at: 1_000 + i, actor: `staff:anna`, action: 'lead.promoted', subjectType: 'lead', subjectId: `lead-${i}`, details: { via: 'console' } });
    expect(await sealJob()).toEqual({ sealed: 4 });
    await insertAudit(made.deps.db, { at: 2_000, actor: 'staff:ben', action: 'conversation.exported', subjectType: 'conversation', subjectId: 'c-1', details: {} });
    expect(await verify()).toEqual({ code: 0, out: 'audit log intact: 4 rows sealed, 1 awaiting the seal-audit job\n' });
    expect(await sealJob()).toEqual({ sealed: 1 });

    const { client } = made.db;
    await expect(client.execute("UPDATE audit_log SET actor = 'staff:eve' WHERE id = 2")).rejects.toThrow(/append-only/);
    await expect(client.execute('DELETE FROM audit_log WHERE id = 5')).rejects.toThrow(/append-only/);

    await client.execute('DROP TRIGGER audit_log_sealed');
    await client.execute(`UPDATE audit_log SET details = '{"via":"script"}' WHERE id = 3`);
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN at row 3: its fields do not match its hash/);
  });
});
