// `npm run staff:add -- --email E --name N --role reviewer|admin [--lang en|fr|de|lb]`: creates or updates a staff
// account in DATABASE_URL, the password read from standard input (typed without echo, or piped). With
// `--email E --deactivate` it deactivates the account and revokes its sessions. Prints one line, never the password.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DomainError } from '../agents/errors.ts';
import { AccountInputSchema, deactivateAccount, saveAccount } from '../agents/staff/accounts.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from '../agents/security/passwords.ts';
import { createDb } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { openClient } from '../db/open.node.ts';
import { EnvError, parseEnv } from '../functions/env.ts';

const USAGE = `usage: npm run staff:add -- --email E --name N --role reviewer|admin [--lang en|fr|de|lb]   (password on standard input)
       npm run staff:add -- --email E --deactivate`;
const ACTOR = 'cli:staff-add';

const DeactivateSchema = z.object({ deactivate: z.literal(true), email: z.email() }).strict();
const SaveSchema = AccountInputSchema.extend({ deactivate: z.literal(false).optional() }).strict();

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, lang: { type: 'string' }, deactivate: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const parsed = values.deactivate ? DeactivateSchema.safeParse(values) : SaveSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'arguments'}: ${issue.message}`);
  throw new UsageError(`${problems.join('; ')}\n${USAGE}`);
}

/** The password: typed without echo on a terminal (asked twice), or everything piped in, minus the final newline. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    if (/[\r\n]/.test(text)) throw new UsageError('the password must be a single line');
    return text;
  }
  const first = await promptHidden(`Password (${MIN_PASSWORD_LENGTH}+ characters): `);
  checkLength(first);
  if ((await promptHidden('Repeat the password: ')) !== first) throw new UsageError('the two passwords differ');
  return first;
}

function checkLength(password: string) {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${length}); nothing was written`);
  if (length > MAX_PASSWORD_LENGTH) throw new UsageError(`the password must have at most ${MAX_PASSWORD_LENGTH} characters; nothing was written`);
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C aborts. */
function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  const args = parseCommandLine(process.argv.slice(2));
  const password = args.deactivate ? null : await readPassword();
  if (password !== null) checkLength(password);
  const env = parseEnv(process.env);
  const client = await openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await runMigrations(client);
    const ports = { db: createDb(client), now: Date.now };
    if (args.deactivate) {
      const { account, sessionsRevoked } = await deactivateAccount(ports, args.email, ACTOR);
      console.log(`deactivated ${account.role} account ${account.email}; ${sessionsRevoked} session(s) revoked`);
      return;
    }
    const { account, created, sessionsRevoked } = await saveAccount(ports, args, password!, ACTOR);
    console.log(created ? `created ${account.role} account ${account.email} (${account.name}, console in ${account.lang})` : `updated ${account.role} account ${account.email} (${account.name}, console in ${account.lang}); ${sessionsRevoked} session(s) revoked`);
  } finally {
    client.close();
  }
}

try {
  await main();
} catch (error) {
  const message =
    error instanceof UsageError || error instanceof EnvError
      ? error.message
      : error instanceof DomainError && error.code === 'account_not_found'
        ? 'there is no staff account with this e-mail address'
        : `failed: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`staff:add: ${message}`);
  process.exitCode = 1;
}
