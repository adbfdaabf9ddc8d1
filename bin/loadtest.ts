// `npm run loadtest [-- --seconds 60 --conversations 200 --turns 5 --no-faults]`: the app as a real process (core 1) against two
// Ollama stand-ins, one flaky (500 on 10 % of chat calls, a stall before the first byte on 5 %) and one closed
// halfway; the SSE conversations run back to back from this process (core 0). Then the database file is checked:
// every accepted user message stored, no answer left `streaming`, every stream ended with `done` or `error`.
import { createClient } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chatTurn, streams, type TurnOutcome } from '../bench/side-by-side/client.ts';
import { MODEL_PACE, MODELS, SERVER_CORE } from '../bench/side-by-side/plan.ts';
import { npmStart, startServer, type ServerProcess } from '../bench/side-by-side/processes.ts';
import { buildServer } from './build-server.ts';
import { conversation, evalQuestions, firstWord, replyInLanguageOf, type Question } from '../bench/side-by-side/workload.ts';
import { percentile } from '../bench/stats.ts';
import { ms, table } from '../bench/table.ts';
import { UNLIMITED } from '../test/support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../test/support/ollama/index.ts';

const FLAKY = { status500: 0.1, stall: 0.05 };
// A turn the server has not finished in this long is reported as a client timeout; the run never waits longer.
const TURN_TIMEOUT_MS = 60_000;
// Visitors arrive over this long, as in `npm run bench` (200 at 200/s): opened in the same millisecond, 200 new
// connections to a server already at full load wait up to a minute for Node to accept some of them.
const RAMP_MS = 1_000;

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    conversations: { type: 'string', default: '200' },
    turns: { type: 'string', default: '5' },
    seed: { type: 'string', default: '17' },
    // The same load on two healthy hosts, for the figures without faults to set beside the others.
    'no-faults': { type: 'boolean', default: false },
  },
});
const seconds = Number(flags.seconds);
const concurrency = Number(flags.conversations);
const turnsPerConversation = Number(flags.turns);

/** mulberry32: the flaky host's faults drawn from a seed, so two runs face the same sequence of draws. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kind of a failed turn, for counting: the error event's code, the HTTP status, or how the stream ended. */
function errorKind(outcome: TurnOutcome): string {
  const error = outcome.error ?? 'no done event';
  if (error.startsWith('error event ')) return `error event: ${(JSON.parse(error.slice('error event '.length)) as { code?: string }).code ?? '?'}`;
  if (error.startsWith('no answer within')) return 'client timeout';
  return error;
}

/** Stream ends that are neither `done` nor `error`: what the check "every stream ended" counts. */
const UNENDED = new Set(['connection closed mid-stream', 'stream ended without done', 'client timeout']);

/** The questions the model answers (not a lead form or a canned reply), found by asking each once before the load. */
async function modelQuestions(url: string, candidates: Question[]): Promise<Question[]> {
  const kept: Question[] = [];
  for (const question of candidates) {
    const turn = await chatTurn(url, { message: question.text }, firstWord(question.lang));
    if (turn.ok && !turn.reset && Number.isFinite(turn.firstTokenMs)) kept.push(question);
  }
  return kept;
}

type Turn = { outcome: TurnOutcome; startedAt: number; endedAt: number };

/** One of the concurrent visitors: conversations of `turns` questions back to back until `deadline`; an error ends a conversation. */
async function visitor(url: string, questions: Question[], first: number, deadline: number): Promise<Turn[]> {
  const done: Turn[] = [];
  await new Promise((resolve) => setTimeout(resolve, (first * RAMP_MS) / concurrency));
  for (let c = first; performance.now() < deadline; c += concurrency) {
    let ids = {};
    for (const question of conversation(questions, c, turnsPerConversation)) {
      if (performance.now() >= deadline) break;
      const startedAt = Date.now();
      const outcome = await chatTurn(url, { message: question.text, ...ids }, firstWord(question.lang), TURN_TIMEOUT_MS);
      done.push({ outcome, startedAt, endedAt: Date.now() });
      if (!outcome.ok) break;
      if (outcome.conversationId && outcome.conversationToken) ids = { conversationId: outcome.conversationId, conversationToken: outcome.conversationToken };
    }
  }
  return done;
}

const chatCalls = (host: OllamaStandIn) => host.requests.filter((r) => r.path === '/api/chat');

function hostRows(hosts: { name: string; host: OllamaStandIn }[], killedAt: number): string[][] {
  return hosts.map(({ name, host }) => {
    const calls = chatCalls(host);
    const served = calls.filter((r) => r.status === 200);
    return [
      name,
      String(calls.length),
      String(served.length),
      String(served.filter((r) => r.time >= killedAt).length),
      String(calls.filter((r) => r.fault === 'status500').length),
      String(calls.filter((r) => r.fault === 'stall').length),
      String(calls.filter((r) => r.status === undefined && r.fault !== 'stall').length),
    ];
  });
}

/**
 * The database file, read directly once the server has stopped: user messages per conversation against the turns
 * the client saw accepted (a `meta` event), assistant rows by state, and each accepted turn's mode in turn order
 * (the stored mode says whether the model answered; the client only sees text).
 */
async function checkDatabase(dbUrl: string, turns: TurnOutcome[]) {
  const expected = new Map<string, number>();
  for (const turn of turns) if (turn.conversationId) expected.set(turn.conversationId, (expected.get(turn.conversationId) ?? 0) + 1);
  const client = createClient({ url: dbUrl });
  try {
    const ids = JSON.stringify([...expected.keys()]);
    const rows = await client.execute({ sql: "SELECT conversation_id AS id, role, state, mode, json_extract(timings, '$.firstTokenMs') AS first FROM messages WHERE conversation_id IN (SELECT value FROM json_each(?)) ORDER BY conversation_id, seq", args: [ids] });
    const users = new Map<string, number>();
    const modes = new Map<string, string[]>();
    const answers = new Map<string, number>();
    // The turn's first token as the server timed it, from accepting the question; the client's figure adds the wait
    // for the server to take the request (connections, its event loop) and the stream back.
    const serverFirst: number[] = [];
    for (const row of rows.rows) {
      const id = String(row.id);
      if (row.role === 'user') users.set(id, (users.get(id) ?? 0) + 1);
      if (row.role !== 'assistant') continue;
      modes.set(id, [...(modes.get(id) ?? []), String(row.mode)]);
      if (row.mode === 'llm' && row.first !== null) serverFirst.push(Number(row.first));
      const key = `${String(row.state)}, ${String(row.mode)}`;
      answers.set(key, (answers.get(key) ?? 0) + 1);
    }
    let missing = 0;
    for (const [id, n] of expected) missing += Math.max(0, n - (users.get(id) ?? 0));
    const streaming = await client.execute("SELECT count(*) AS n FROM messages WHERE role = 'assistant' AND state = 'streaming'");
    const seen = new Map<string, number>();
    const modeOf = turns.map((turn) => {
      if (!turn.conversationId) return undefined;
      const index = seen.get(turn.conversationId) ?? 0;
      seen.set(turn.conversationId, index + 1);
      return modes.get(turn.conversationId)?.[index];
    });
    return { accepted: [...expected.values()].reduce((a, b) => a + b, 0), missing, streaming: Number(streaming.rows[0]!.n), answers, modeOf, serverFirst };
  } finally {
    client.close();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-loadtest-'));
  const dbUrl = `file:${join(dir, 'assistant.db')}`;
  const candidates = evalQuestions(12);
  const standIn = (random?: () => number) => startOllamaStandIn({ models: [MODELS.chat, MODELS.embed], embeddingOnlyModels: [MODELS.embed], fallback: replyInLanguageOf(candidates), random });
  const flaky = await standIn(seeded(Number(flags.seed)));
  const killed = await standIn();
  const pace = { path: '/api/chat', firstTokenDelayMs: MODEL_PACE.firstTokenMs, tokenDelayMs: MODEL_PACE.tokenMs };
  for (const host of [flaky, killed]) host.setFault(pace);
  let server: ServerProcess | undefined;
  // Bounded whatever happens: startup, warm-up, the load, the drain of the last turns, the checks.
  const bound = setTimeout(() => {
    console.error(`loadtest: still running after ${seconds + 300} s, stopping`);
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(2));
  }, (seconds + 300) * 1000);
  bound.unref();
  try {
    // Every conversation here comes from 127.0.0.1, one client address: the rate limits are lifted.
    // The server as npm start builds and runs it.
    await buildServer();
    server = await startServer({
      ...npmStart(),
      env: { LLM_MODE: 'auto', OLLAMA_HOSTS: `${flaky.url},${killed.url}`, CHAT_MODEL: MODELS.chat, EMBED_MODEL: MODELS.embed, DATABASE_URL: dbUrl, RATE_LIMITS: UNLIMITED },
      core: SERVER_CORE,
      logFile: join(dir, 'server.log'),
    });
    const questions = await modelQuestions(server.url, candidates);
    if (questions.length === 0) throw new Error('no question was answered by the model during the warm-up');

    const faults = !flags['no-faults'];
    if (faults) {
      flaky.setFault({ path: '/api/chat', times: Infinity, chance: FLAKY.status500, status500: true });
      // Drawn only when the 500 was not: 5 % of all calls.
      flaky.setFault({ path: '/api/chat', times: Infinity, chance: FLAKY.stall / (1 - FLAKY.status500), stallAfterTokens: 0 });
    }
    const loadStartedAt = Date.now();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let killedAt = Infinity;
    const kill = setTimeout(() => {
      if (!faults) return;
      killedAt = Date.now();
      killed.close().catch((error: unknown) => console.error('closing the killed host:', error));
    }, (seconds * 1000) / 2);
    const turns = (await Promise.all(Array.from({ length: concurrency }, (_, i) => visitor(server!.url, questions, i, deadline)))).flat();
    clearTimeout(kill);
    const elapsed = (performance.now() - started) / 1000;
    await server.stop();

    const outcomes = turns.map((t) => t.outcome);
    const db = await checkDatabase(dbUrl, outcomes);
    const answered = turns.map((t, i) => ({ ...t, mode: db.modeOf[i] })).filter((t) => t.outcome.ok);
    const viaModel = answered.filter((t) => t.mode === 'llm' && Number.isFinite(t.outcome.firstTokenMs)).map((t) => t.outcome.firstTokenMs);
    const failed = turns.filter((t) => !t.outcome.ok);
    // Per kind: how many, and when the first and last of them started (seconds into the load), to set against the kill.
    const kinds = new Map<string, number[]>();
    for (const t of failed) kinds.set(errorKind(t.outcome), [...(kinds.get(errorKind(t.outcome)) ?? []), (t.startedAt - loadStartedAt) / 1000]);
    const unended = failed.filter((t) => UNENDED.has(errorKind(t.outcome))).length;
    const count = (mode: string, afterKill: boolean) => String(answered.filter((t) => t.mode === mode && (!afterKill || t.endedAt >= killedAt)).length);

    const lines = [
      `Load test: ${concurrency} conversations (up to ${turnsPerConversation} turns each, arriving over ${RAMP_MS / 1000} s) for ${seconds} s (ran ${elapsed.toFixed(1)} s, peak ${streams.peak} open streams), ${questions.length} questions;`,
      `load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (other work on the machine shares its cores); ` +
        (faults
          ? `flaky host: 500 on ${FLAKY.status500 * 100} % and a stall before the first byte on ${FLAKY.stall * 100} % of chat calls (seed ${flags.seed}); the other host closed at ${(seconds / 2).toFixed(0)} s (at ${((killedAt - loadStartedAt) / 1000).toFixed(1)} s).`
          : 'no faults: both hosts healthy throughout (--no-faults).'),
      '',
      ...table(
        ['measure', 'value'],
        [
          ['requests (turns)', String(outcomes.length)],
          ['answered (done)', String(answered.length)],
          ['  through the model', count('llm', false)],
          ['  without the model (offline answer)', count('offline', false)],
          ['  ended after the kill, through the model', count('llm', true)],
          ['  ended after the kill, offline', count('offline', true)],
          ['errors', String(failed.length)],
          ...[...kinds].sort((a, b) => b[1].length - a[1].length).map(([kind, at]) => [`  ${kind} (started ${Math.min(...at).toFixed(0)}–${Math.max(...at).toFixed(0)} s)`, String(at.length)]),
          ['first model token at the client, p50 / p95 / max (ms)', [50, 95, 100].map((p) => ms(percentile(viaModel, p), 0)).join(' / ')],
          ['  as the server timed it, p50 / p95 / max (ms)', [50, 95, 100].map((p) => ms(percentile(db.serverFirst, p), 0)).join(' / ')],
        ],
      ),
      '',
      ...table(['host', 'chat calls', 'answers served', 'served after the kill', '500s', 'stalls', 'cut off'], hostRows([{ name: 'flaky', host: flaky }, { name: 'killed halfway', host: killed }], killedAt)),
      '',
      ...table(
        ['database check', 'found', 'result'],
        [
          ['user messages stored (of accepted turns)', `${db.accepted - db.missing}/${db.accepted}`, db.missing === 0 ? 'ok' : 'LOST'],
          ["assistant rows left 'streaming'", String(db.streaming), db.streaming === 0 ? 'ok' : 'FAIL'],
          ['streams ended without done or error', String(unended), unended === 0 ? 'ok' : 'FAIL'],
          ...[...db.answers].sort().map(([kind, n]) => [`  assistant rows ${kind}`, String(n), '']),
        ],
      ),
    ];
    for (const line of lines) console.log(line);
    const passed = db.missing === 0 && db.streaming === 0 && unended === 0;
    if (passed) rmSync(dir, { recursive: true, force: true });
    else console.log(`Kept for inspection: ${dir}`);
    return passed ? 0 : 1;
  } finally {
    await server?.stop();
    await Promise.allSettled([flaky.close(), killed.close()]);
  }
}

process.exitCode = await main();
