// `npm run docs:inventory`: builds a fresh database from the committed migrations (and the vector tables ingestion
// adds) and checks that docs/data-inventory.md describes every table and column of it, and nothing that is gone.
// Exit 0 when it does, 1 naming each problem, 2 on error.
import { createClient } from '@libsql/client';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInventory } from './data-inventory/check.ts';
import { buildFullSchema, readSchema } from './data-inventory/schema.ts';

const INVENTORY = new URL('../docs/data-inventory.md', import.meta.url);

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-inventory-'));
  const client = createClient({ url: `file:${join(dir, 'inventory.db')}` });
  try {
    await buildFullSchema(client);
    const schema = await readSchema(client);
    const problems = checkInventory(readFileSync(INVENTORY, 'utf8'), schema);
    for (const problem of problems) console.error(`docs/data-inventory.md: ${problem}`);
    if (problems.length > 0) return 1;
    const described = schema.filter((table) => table.kind !== 'shadow');
    const columns = described.reduce((sum, table) => sum + table.columns.length, 0);
    console.log(`docs/data-inventory.md describes all ${described.length} tables and ${columns} columns (FTS5 shadow tables under their virtual table)`);
    return 0;
  } finally {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`docs:inventory failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
