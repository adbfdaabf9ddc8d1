// The load generator's HTTP side: one SSE chat turn over node:http, on one keep-alive agent with room for every
// stream of the 200-conversation phase, timing the first model token as the client receives it.
import { Agent, request } from 'node:http';
import { parseSse } from '../../test/support/sse.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

export type TurnOutcome = {
  ok: boolean;
  /** Request sent → the chunk carrying the model's first word; NaN when it never came. */
  firstTokenMs: number;
  /** Request sent → the end of the stream. */
  totalMs: number;
  /** The stream carried a `reset` (the answer was replaced): a turn that did not go as scripted. */
  reset: boolean;
  conversationId?: string;
  conversationToken?: string;
  error?: string;
};

/** Streams currently open across all turns, for the concurrency actually reached. */
export const streams = { open: 0, peak: 0 };

/** POST /api/chat with `accept: text/event-stream`; `firstWord` is how the model's answer begins. */
export function chatTurn(base: string, body: Record<string, unknown>, firstWord: string, timeoutMs = 60_000): Promise<TurnOutcome> {
  const url = new URL('/api/chat', base);
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const outcome: TurnOutcome = { ok: false, firstTokenMs: NaN, totalMs: NaN, reset: false };
    let text = '';
    let buffer = '';
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      streams.open--;
      clearTimeout(timer);
      outcome.totalMs = performance.now() - started;
      if (error) outcome.error = error;
      resolve(outcome);
    };
    streams.open++;
    streams.peak = Math.max(streams.peak, streams.open);
    const started = performance.now();
    const req = request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return finish(`HTTP ${res.statusCode}`);
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const [event] = parseSse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (!event) continue;
          const data = event.data as Record<string, unknown>;
          if (event.event === 'meta') {
            outcome.conversationId = data.conversationId as string;
            outcome.conversationToken = data.conversationToken as string;
          } else if (event.event === 'token') {
            text += data.text as string;
            // Text the server writes before the model speaks (the AI notice) does not count as the first token.
            if (Number.isNaN(outcome.firstTokenMs) && text.includes(firstWord)) outcome.firstTokenMs = performance.now() - started;
          } else if (event.event === 'reset') outcome.reset = true;
          else if (event.event === 'done') outcome.ok = true;
          else if (event.event === 'error') return finish(`error event ${JSON.stringify(data)}`);
        }
      });
      res.on('end', () => finish(outcome.ok ? undefined : 'stream ended without done'));
      res.on('error', (error) => finish(error.message));
      res.on('close', () => finish('connection closed mid-stream'));
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(`no answer within ${timeoutMs} ms`);
    }, timeoutMs);
    req.on('error', (error) => finish(error.message));
    req.end(payload);
  });
}
