// `npm run edu:code -- --label "Lycée X, 3e" [--days 180]`: makes an access code for the teachers' assistant
// (EDU_ACCESS=codes) in DATABASE_URL and prints it once; `--list` lists the codes (never the codes themselves, only
// their labels and dates); `--revoke ID` revokes one.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { accessCodes, createAccessCode, revokeCode } from '../agents/edu/access.ts';
import { DomainError } from '../agents/errors.ts';
import { createDb } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { openClient } from '../db/open.node.ts';
import { EnvError, parseEnv } from '../functions/env.ts';

const USAGE = 'usage: npm run edu:code -- --label "School, class" [--days 180] | --list | --revoke ID';

const CommandSchema = z.union([
  z.object({ label: z.string().trim().min(1).max(120), days: z.coerce.number().int().min(1).max(730).default(180) }).strict(),
  z.object({ list: z.literal(true) }).strict(),
  z.object({ revoke: z.string().min(1) }).strict(),
]);

const iso = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().slice(0, 10));

try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { label: { type: 'string' }, days: { type: 'string' }, list: { type: 'boolean' }, revoke: { type: 'string' } }, strict: true });
  const command = CommandSchema.safeParse(values);
  if (!command.success) throw new EnvError(USAGE);
  const env = parseEnv(process.env);
  const client = await openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await runMigrations(client);
  const ports = { db: createDb(client), now: Date.now };
  if ('label' in command.data) {
    const made = await createAccessCode(ports, command.data.label, command.data.days);
    console.log(`access code for "${command.data.label}": ${made.code} (id ${made.id}, valid until ${iso(made.expiresAt)}); it is shown only now`);
  } else if ('list' in command.data) {
    for (const code of await accessCodes(ports)) console.log(`${code.id}  ${code.label}  created ${iso(code.createdAt)}  expires ${iso(code.expiresAt)}  revoked ${iso(code.revokedAt)}`);
  } else {
    await revokeCode(ports, command.data.revoke);
    console.log(`revoked ${command.data.revoke}`);
  }
  client.close();
} catch (error) {
  if (!(error instanceof EnvError) && !(error instanceof DomainError) && !(error instanceof TypeError)) throw error;
  console.error(error instanceof DomainError ? `no access code with that id (${error.code})` : error.message);
  process.exit(1);
}
