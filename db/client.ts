// drizzle over a libSQL client the caller made: the file client on Node, the /web client on workerd.
import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { prepareQueries } from './prepared.ts';
import * as schema from './schema/index.ts';

export type Db = ReturnType<typeof createDb>;

/** drizzle with the schema, and the hot statements prepared once (`prepared`). */
export function createDb(client: Client) {
  const db = drizzle({ client, schema });
  return Object.assign(db, { prepared: prepareQueries(db) });
}

/** true when the database answers within the deadline. */
export async function pingDb(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$client.execute('select 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
