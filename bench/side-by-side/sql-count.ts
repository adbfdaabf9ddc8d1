// SQL statements per chat turn, counted on the wire: the assistant runs against the libSQL-server stand-in
// (Hrana over HTTP) serving the bench's database file, and every statement it sends during a turn is counted.
import { sentSql, type LibsqlServer } from '../../test/support/libsql-server/server.ts';
import { runConversation } from './load.ts';
import { npmStart, startServer } from './processes.ts';
import type { Question } from './workload.ts';

/** `statements` leaves out the ROLLBACK step @libsql/client appends to each batch, which runs only if the batch fails. */
export type TurnStatements = { statements: number; requests: number; byVerb: Record<string, number>; conditionalRollbacks: number };

const CONVERSATIONS = 4;
const TURNS = 3;

function count(requests: Parameters<typeof sentSql>[0]): TurnStatements {
  const byVerb: Record<string, number> = {};
  for (const sql of sentSql(requests)) {
    const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '?';
    byVerb[verb] = (byVerb[verb] ?? 0) + 1;
  }
  const conditionalRollbacks = byVerb.ROLLBACK ?? 0;
  delete byVerb.ROLLBACK;
  return { statements: Object.values(byVerb).reduce((a, b) => a + b, 0), requests: requests.length, byVerb, conditionalRollbacks };
}

/** The median turn of each position: a conversation's first turn, and its follow-ups. */
export async function statementsPerTurn(libsql: LibsqlServer, env: Record<string, string>, questions: readonly Question[], core: number, logFile: string) {
  const server = await startServer({ ...npmStart(), env: { ...env, DATABASE_URL: libsql.url }, core, logFile });
  const first: TurnStatements[] = [];
  const followUps: TurnStatements[] = [];
  try {
    for (let i = 0; i < CONVERSATIONS; i++) {
      await runConversation(server.url, questions, i, TURNS, {
        before: () => void (libsql.requests.length = 0),
        after: async (t, outcome) => {
          if (!outcome.ok) throw new Error(`turn failed while counting statements: ${outcome.error}`);
          // Whatever the turn still writes after `done` belongs to it too.
          await new Promise((resolve) => setTimeout(resolve, 50));
          (t === 0 ? first : followUps).push(count(libsql.requests));
        },
      });
    }
  } finally {
    await server.stop();
  }
  const median = (turns: TurnStatements[]) => turns.sort((a, b) => a.statements - b.statements)[Math.floor(turns.length / 2)]!;
  // readyMs: the cold start against a libSQL server, a deployment of its own.
  return { first: median(first), followUp: median(followUps), readyMs: server.readyMs };
}
