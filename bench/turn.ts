// Turn bench: the assistant's own overhead per turn (first token out of /api/chat minus the model's own first
// token, tool round included), under load at a stated arrival rate, and the relay cost per streamed token.
import { serve, type ServerType } from '@hono/node-server';
import { Ollama } from 'ollama';
import { makeApp } from '../test/support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../test/support/ollama/server.ts';
import { percentile } from './stats.ts';

const QUESTION = 'How much more powerful will the MeluXina-AI supercomputer become?';
const ANSWER = 'MeluXina-AI will become 15 times more powerful [1].';
const TOOL_ROUND = [{ toolCalls: [{ name: 'search_knowledge', arguments: { query: 'MeluXina power' } }] }, { content: ANSWER }];

/** Time to the first model token through /api/chat (SSE), and whether the turn ended with `done`. */
async function timeTurn(base: string): Promise<{ firstTokenMs: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message: QUESTION }) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let firstTokenMs = NaN;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    // The first model token is the answer's first word; everything before it (meta, AI notice) is ours.
    if (Number.isNaN(firstTokenMs) && text.includes('"text":"MeluXina-AI')) firstTokenMs = performance.now() - started;
  }
  return { firstTokenMs, ok: text.includes('event: done') && text.includes('"mode":"llm"') };
}

/** The stand-in's own time for the same tool round, asked directly: the part of the latency that is the model's. */
async function modelOwnMs(ollama: OllamaStandIn): Promise<number> {
  const client = new Ollama({ host: ollama.url });
  const started = performance.now();
  ollama.script.push(...TOOL_ROUND);
  await client.chat({ model: 'qwen3:8b', messages: [{ role: 'user', content: QUESTION }], stream: false });
  const second = await client.chat({ model: 'qwen3:8b', messages: [{ role: 'user', content: QUESTION }], stream: true });
  for await (const _ of second) break;
  second.abort();
  return performance.now() - started;
}

async function load(base: string, ollama: OllamaStandIn, conversations: number, perSecond: number, modelDelayMs: number) {
  ollama.setFault({ path: '/api/chat', firstTokenDelayMs: modelDelayMs });
  ollama.script.setFallback({ content: ANSWER });
  const runs: Promise<{ firstTokenMs: number; ok: boolean }>[] = [];
  for (let i = 0; i < conversations; i++) {
    runs.push(timeTurn(base).catch(() => ({ firstTokenMs: NaN, ok: false })));
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  const results = await Promise.all(runs);
  ollama.setFault(null);
  const ok = results.filter((r) => r.ok && !Number.isNaN(r.firstTokenMs));
  return { p95: percentile(ok.map((r) => r.firstTokenMs), 95), errors: results.length - ok.length };
}

export async function benchTurn(): Promise<string[]> {
  const ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  const made = await makeApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' } });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: made.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    // Concurrency 1, tool round included.
    const overheads: number[] = [];
    for (let i = 0; i < 120; i++) {
      const own = await modelOwnMs(ollama);
      ollama.script.push(...TOOL_ROUND);
      const turn = await timeTurn(base);
      if (i >= 20 && turn.ok) overheads.push(turn.firstTokenMs - own);
    }

    // Relay: a 2,000-token answer, the stand-in sending as fast as it can.
    const tokens = Array.from({ length: 2000 }, (_, i) => `w${i} `);
    const direct = new Ollama({ host: ollama.url });
    ollama.script.push({ tokens: ['MeluXina-AI ', ...tokens, '[1].'] });
    let started = performance.now();
    for await (const _ of await direct.chat({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'x' }], stream: true })) void _;
    const directMs = performance.now() - started;
    ollama.script.push({ tokens: ['MeluXina-AI ', ...tokens, '[1].'] });
    started = performance.now();
    await timeTurn(base);
    const relayMs = performance.now() - started;

    const modelDelayMs = 200;
    const at50 = await load(base, ollama, 50, 25, modelDelayMs);
    const at200 = await load(base, ollama, 200, 50, modelDelayMs);
    const row = (name: string, p50: string, p95: string, note: string) => `| ${name.padEnd(46)} | ${p50.padStart(7)} | ${p95.padStart(7)} | ${note}`;
    return [
      'Turn overhead: /api/chat over HTTP on 127.0.0.1, Ollama stand-in, real libSQL file, one process (taskset -c 0)',
      `| ${'measure'.padEnd(46)} | p50 ms  | p95 ms  | note`,
      `|${'-'.repeat(48)}|---------|---------|------`,
      row('overhead per turn, concurrency 1 (tool round)', percentile(overheads, 50).toFixed(2), percentile(overheads, 95).toFixed(2), 'target p95 ≤ 15'),
      row('first token, 50 conversations at 25/s', '', at50.p95.toFixed(1), `model's own first token ${modelDelayMs} ms; errors ${at50.errors}`),
      row('first token, 200 conversations at 50/s', '', at200.p95.toFixed(1), `model's own first token ${modelDelayMs} ms; errors ${at200.errors}`),
      row('relay cost per token (2,000 tokens)', ((relayMs - directMs) / 2000).toFixed(4), '', 'target < 1 ms'),
    ];
  } finally {
    server.close();
    made.dispose();
    await ollama.close();
  }
}
