// SSE on the wire as the app sends it: sseResponse (one ReadableStream) behind a real Hono app, with batchedSse on it.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { batchedSse, type BatchOptions } from '../../functions/events/batch.ts';
import { formatSse, sseResponse, type SseSink } from '../../functions/events/sse.ts';
import { createLogger } from '../../functions/logger.ts';
import type { AppBindings } from '../../functions/types.ts';
import { parseSse } from '../support/sse.ts';

/** A Hono app answering GET / with `produce`'s stream; every enqueued write is one chunk the client reads (`chunks`). */
async function sseStream(produce: (sink: SseSink, chunks: string[]) => Promise<void>, log = createLogger('error')) {
  const chunks: string[] = [];
  const app = new Hono<AppBindings>().get('/', (c) => {
    c.set('log', log);
    return sseResponse(c, (sink) => produce(sink, chunks));
  });
  const response = await app.request('/');
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) chunks.push(decoder.decode(chunk));
  })();
  return { response, chunks, done: () => reading };
}

/** The stream of a batchedSse whose events `send` queues; it ends when `send` has flushed. */
const batched = (send: (events: ReturnType<typeof batchedSse>, chunks: string[]) => Promise<void>, options?: BatchOptions) =>
  sseStream(async (sink, chunks) => {
    const events = batchedSse(sink, options);
    await send(events, chunks);
    await events.flush();
  });

const turn = () => new Promise((resolve) => setImmediate(resolve));
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await turn();
};
const token = (text: string) => ({ event: 'token', data: text });
const frame = (text: string) => `event: token\ndata: ${text}\n\n`;

describe('batchedSse', () => {
  it('sends a burst of events from one turn of the event loop in one write, in order, framed line by line', async () => {
    const { chunks, done } = await batched(async (events) => {
      for (let i = 0; i < 100; i++) await events.send({ event: 'token', data: JSON.stringify({ text: `w${i} ` }) });
      await events.send({ event: 'note', data: 'two\nlines' });
    });
    await done();
    expect(chunks).toHaveLength(1);
    const [tokens, note] = chunks[0]!.split('event: note');
    expect(parseSse(tokens!).map((e) => (e.data as { text: string }).text)).toEqual(Array.from({ length: 100 }, (_, i) => `w${i} `));
    expect(note).toBe('\ndata: two\ndata: lines\n\n');
  });

  it('writes events of different loop turns separately, and nothing is left behind by flush', async () => {
    const { chunks, done } = await batched(async (events) => {
      await events.send({ event: 'token', data: '1' });
      await turn();
      await turn();
      await events.send({ event: 'token', data: '2' });
    });
    await done();
    expect(chunks).toEqual(['event: token\ndata: 1\n\n', 'event: token\ndata: 2\n\n']);
  });

  // A producer's exception only ends the stream (sseResponse logs it), so what a producer sees is asserted after it.
  it('writes the first token in the next loop turn, whatever was sent before it, and what is queued at once on flush', async () => {
    let seen: string[] = [];
    // A window no test waits out: a token held by it would not be written until flush.
    const { chunks, done } = await batched(
      async (events, written) => {
        await events.send({ event: 'meta', data: '{}' });
        await turns(2);
        await events.send(token('a'));
        await turns(2);
        seen = [...written];
        await events.send(token('b'));
      },
      { now: () => 0, windowMs: 60_000 },
    );
    await done();
    expect(seen).toEqual(['event: meta\ndata: {}\n\n', frame('a')]);
    expect(chunks).toEqual([...seen, frame('b')]);
  });

  it('after the first token, holds what follows for the window, so events of several loop turns share one write', async () => {
    let seen: string[] = [];
    const { chunks, done } = await batched(
      async (events, written) => {
        await events.send(token('a'));
        await turns(2);
        await events.send(token('b'));
        await turn();
        await events.send({ event: 'sources', data: '[]' });
        await turns(2);
        seen = [...written];
      },
      { now: () => 0, windowMs: 60_000 },
    );
    await done();
    expect(seen).toEqual([frame('a')]);
    expect(chunks).toEqual([frame('a'), `${frame('b')}event: sources\ndata: []\n\n`]);
  });

  it('writes at once, without waiting out the window, once more than 16 KiB is queued after the first token', async () => {
    const big = 'x'.repeat(10_000);
    let seen: string[] = [];
    const { done } = await batched(
      async (events, written) => {
        await events.send(token('a'));
        await turns(2);
        await events.send(token(big));
        await events.send(token(big));
        seen = [...written];
      },
      { now: () => 0, windowMs: 60_000 },
    );
    await done();
    expect(seen).toEqual([frame('a'), frame(big) + frame(big)]);
  });

  it('writes in the next loop turn again once the window since the last token has passed', async () => {
    let clock = 0;
    let seen: string[] = [];
    const { done } = await batched(
      async (events, written) => {
        await events.send(token('a'));
        await turns(2);
        clock = 50;
        await events.send(token('b'));
        await turns(2);
        seen = [...written];
      },
      { now: () => clock, windowMs: 50 },
    );
    await done();
    expect(seen).toEqual([frame('a'), frame('b')]);
  });

  it('makes a sender wait for the write once more than 16 KiB is queued', async () => {
    const big = 'x'.repeat(10_000);
    let second = false;
    let chunksWhenDone = -1;
    const { done } = await batched(async (events, chunks) => {
      await events.send({ event: 'token', data: big });
      const waiting = events.send({ event: 'token', data: big }).then(() => (second = true));
      await Promise.resolve();
      expect(second).toBe(false);
      await waiting;
      chunksWhenDone = chunks.length;
    });
    await done();
    expect(chunksWhenDone).toBe(1);
  });
});

describe('sseResponse', () => {
  it('answers text/event-stream, not cached, with each event framed line by line and its id first', async () => {
    const { response, chunks, done } = await sseStream(async (sink) => {
      await sink.write(formatSse({ id: '7', event: 'message', data: 'one\r\ntwo' }));
    });
    await done();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(chunks).toEqual(['id: 7\nevent: message\ndata: one\ndata: two\n\n']);
  });

  it('tells the producer when the client leaves, and drops what it writes after', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: { aborted: boolean; wrote: boolean }[] = [];
    const app = new Hono<AppBindings>().get('/', (c) =>
      sseResponse(c, async (sink) => {
        await sink.write('event: a\ndata: 1\n\n');
        await held;
        await sink.write('event: b\ndata: 2\n\n');
        seen.push({ aborted: sink.signal.aborted, wrote: true });
      }),
    );
    const response = await app.request('/');
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('event: a\ndata: 1\n\n');
    await reader.cancel();
    release();
    await expect.poll(() => seen).toEqual([{ aborted: true, wrote: true }]);
  });

  it('ends the stream when the producer throws, and logs its message', async () => {
    const lines: string[] = [];
    const { chunks, done } = await sseStream(async (sink) => {
      await sink.write('event: a\ndata: 1\n\n');
      throw new Error('the database went away');
    }, createLogger('error', (line) => lines.push(line)));
    await done();
    expect(chunks).toEqual(['event: a\ndata: 1\n\n']);
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ level: 'error', msg: 'event stream failed', error: 'the database went away' })]);
  });
});
