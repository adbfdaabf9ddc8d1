// `npm run audit:verify`: checks the audit log's hash chain in DATABASE_URL and names the first broken row.
// Exit 0 when the chain holds (rows not sealed yet are counted, not judged), 1 when it is broken, 2 on error.
import { verifyChain } from '../agents/audit/chain.ts';
import { allAuditRows } from '../db/queries/audit.ts';
import { createDb } from '../db/client.ts';
import { openClient } from '../db/open.node.ts';
import { EnvError, parseEnv } from '../functions/env.ts';

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const client = await openClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    const verdict = verifyChain(await allAuditRows(createDb(client)));
    if (!verdict.ok) {
      console.error(`audit log BROKEN at row ${verdict.firstBroken}: ${verdict.reason} (${verdict.sealed} rows before it hold)`);
      return 1;
    }
    console.log(`audit log intact: ${verdict.sealed} rows sealed, ${verdict.unsealed} awaiting the seal-audit job`);
    return 0;
  } finally {
    client.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
