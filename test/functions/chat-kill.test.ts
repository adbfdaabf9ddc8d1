// The Node app killed with SIGKILL while 40 SSE chat answers stream from the model, then restarted on the same
// database: every question whose stream opened is stored, no answer is left `streaming`, and every stream the
// client saw either ended (`done` or `error`) or was cut by the kill — nothing else.
import { createClient } from '@libsql/client';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chatTurn, type TurnOutcome } from '../../bench/side-by-side/client.ts';
import { UNLIMITED } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn, type ReplyFunction } from '../support/ollama/index.ts';
import { freePort, startEntry, stopProcess } from '../support/process.ts';
import { waitFor } from '../support/webhook-receiver.ts';

const CONVERSATIONS = 40;
const QUESTION = 'How much more powerful will the MeluXina-AI supercomputer become?';
// Sixty tokens 60 ms apart: an answer streams for about 4 s, long enough to be killed halfway through; every fourth
// visitor gets a short answer that is done before the kill.
const LONG = ['MeluXina-AI ', 'will ', 'become ', '15 ', 'times ', 'more ', 'powerful [1]. ', ...Array.from({ length: 52 }, (_, i) => `word${i} `), 'The end [1].'];
const SHORT = ['MeluXina-AI ', 'will be 15 times ', 'more powerful [1].'];
const isShort = (i: number) => i % 4 === 0;
const reply: ReplyFunction = (request) => {
  const asked = (request.messages ?? []).findLast((m) => m.role === 'user')?.content ?? '';
  const visitor = Number(/visitor (\d+)/.exec(asked)?.[1] ?? -1);
  return { tokens: isShort(visitor) ? SHORT : LONG };
};

const dir = mkdtempSync(join(tmpdir(), 'aif-chat-kill-'));
const children: ChildProcess[] = [];
let ollama: OllamaStandIn | undefined;
afterAll(async () => {
  for (const child of children) await stopProcess(child, 'SIGKILL');
  await ollama?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startApp(env: Record<string, string>) {
  const started = await startEntry(env, 60_000);
  children.push(started.child);
  return started;
}

type Seen = TurnOutcome & { message: string; endedAt: number };
/** What the client saw: `done`, an `error` event, cut by the kill, or anything else (a failure). */
function classify(outcome: Seen, killedAt: number): 'done' | 'error' | 'cut' | 'other' {
  if (outcome.ok) return 'done';
  if (outcome.error?.startsWith('error event')) return 'error';
  return outcome.endedAt >= killedAt ? 'cut' : 'other';
}

describe('the app killed with SIGKILL while chat answers stream', () => {
  it(`keeps every question, leaves no answer streaming after the restart, and ends each of ${CONVERSATIONS} streams with done, error or the kill`, { timeout: 60_000 }, async () => {
    ollama = await startOllamaStandIn({ models: ['qwen3:8b', 'bge-m3'], fallback: reply });
    const port = await freePort();
    const dbUrl = `file:${join(dir, 'assistant.db')}`;
    const env = {
      PORT: String(port),
      DATABASE_URL: dbUrl,
      LLM_MODE: 'auto',
      OLLAMA_HOSTS: ollama.url,
      CHAT_MODEL: 'qwen3:8b',
      EMBED_MODEL: 'bge-m3',
      // Forty conversations from one address within a second.
      RATE_LIMITS: UNLIMITED,
    };
    const t0 = performance.now();
    const first = await startApp(env);
    const startupMs = performance.now() - t0;
    const base = `http://127.0.0.1:${port}`;

    // Slow answers only from here on: the startup's probes and embeddings went at full speed.
    ollama.setFault({ path: '/api/chat', firstTokenDelayMs: 300, tokenDelayMs: 60 });
    const chatsBefore = ollama.requests.filter((r) => r.path === '/api/chat').length;
    const turns = Array.from({ length: CONVERSATIONS }, (_, i) => {
      const message = `${QUESTION} (visitor ${i})`;
      return chatTurn(base, { message, lang: 'en' }, 'MeluXina-AI', 30_000).then((outcome): Seen => ({ ...outcome, message, endedAt: performance.now() }));
    });

    // Every turn has reached the model and its first tokens are out (the meta event leaves with the first one).
    await waitFor(() => ollama!.requests.filter((r) => r.path === '/api/chat').length - chatsBefore >= CONVERSATIONS, 'every turn to reach the model', 20_000, 20);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    const killedAt = performance.now();
    first.child.kill('SIGKILL');
    await exited;
    const outcomes = await Promise.all(turns);

    const db = createClient({ url: dbUrl, timeout: 5_000 });
    try {
      const count = async (sql: string) => Number((await db.execute(sql)).rows[0]!.n);
      const streamingAtKill = await count("SELECT count(*) AS n FROM messages WHERE role = 'assistant' AND state = 'streaming'");

      const second = await startApp(env);
      const interrupted = second.ready.interruptedAnswers;
      const streamingAfter = await count("SELECT count(*) AS n FROM messages WHERE state = 'streaming'");
      const states = Object.fromEntries((await db.execute("SELECT state, count(*) AS n FROM messages WHERE role = 'assistant' GROUP BY state")).rows.map((r) => [String(r.state), Number(r.n)]));

      const kinds = { done: 0, error: 0, cut: 0, other: 0 };
      for (const outcome of outcomes) kinds[classify(outcome, killedAt)]++;
      const opened = outcomes.filter((o) => o.conversationId);
      const lost: string[] = [];
      const doneNotComplete: string[] = [];
      for (const o of opened) {
        const stored = await db.execute({ sql: "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND role = 'user' AND content = ?", args: [o.conversationId!, o.message] });
        if (Number(stored.rows[0]!.n) !== 1) lost.push(o.message);
        const answer = await db.execute({ sql: "SELECT state FROM messages WHERE conversation_id = ? AND role = 'assistant'", args: [o.conversationId!] });
        if (o.ok && answer.rows[0]?.state !== 'complete') doneNotComplete.push(o.message);
      }

      // The restarted app carries on a conversation whose answer the kill cut off (at full speed now).
      ollama.setFault(null);
      const resumed = opened.find((o) => !o.ok)!;
      const again = await chatTurn(base, { message: `${QUESTION} Again, please.`, lang: 'en', conversationId: resumed.conversationId, conversationToken: resumed.conversationToken }, 'MeluXina-AI', 20_000);

      console.log('CHAT-KILL', JSON.stringify({ conversations: CONVERSATIONS, startupMs: Math.round(startupMs), streams: kinds, metaSeen: opened.length, userMessagesLost: lost.length, streamingAtKill, interruptedAtRestart: interrupted, streamingAfterRestart: streamingAfter, assistantStates: states, resumedAfterRestart: again.ok }));
      expect(kinds.other, JSON.stringify(outcomes.filter((o) => classify(o, killedAt) === 'other'))).toBe(0);
      expect(kinds.done + kinds.error + kinds.cut).toBe(CONVERSATIONS);
      // The kill landed while answers streamed: every long answer was cut, its row left `streaming` until the restart.
      expect(kinds.cut).toBeGreaterThanOrEqual(outcomes.filter((_, i) => !isShort(i)).length);
      expect(streamingAtKill).toBeGreaterThan(0);
      expect(streamingAtKill).toBeLessThanOrEqual(kinds.cut);
      // The meta event leaves with the model's first token, 300 ms in, a second before the kill (all 40 in every run
      // so far; a loaded machine may be late for a few; what follows is checked over those that had it).
      expect(opened.length).toBeGreaterThanOrEqual(CONVERSATIONS / 2);
      expect(lost).toEqual([]);
      expect(doneNotComplete).toEqual([]);
      expect(interrupted).toBe(streamingAtKill);
      expect(streamingAfter).toBe(0);
      expect(states.incomplete).toBe(streamingAtKill + kinds.error);
      expect(again.ok, again.error).toBe(true);
    } finally {
      db.close();
    }
  });
});
