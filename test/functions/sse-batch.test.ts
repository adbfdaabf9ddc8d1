import { SSEStreamingApi } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { batchedSse } from '../../functions/events/batch.ts';
import { parseSse } from '../support/sse.ts';

/** Hono's own SSE stream over a real TransformStream; every write it makes is one chunk on the readable side. */
function sseStream() {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const api = new SSEStreamingApi(writable, readable);
  const chunks: string[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of api.responseReadable as unknown as AsyncIterable<Uint8Array>) chunks.push(decoder.decode(chunk));
  })();
  return { api, chunks, done: async () => { await api.close(); await reading; } };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('batchedSse', () => {
  it('sends a burst of events from one turn of the event loop in one write, in order, as Hono would frame them', async () => {
    const { api, chunks, done } = sseStream();
    const events = batchedSse(api);
    for (let i = 0; i < 100; i++) await events.send({ event: 'token', data: JSON.stringify({ text: `w${i} ` }) });
    await events.send({ event: 'note', data: 'two\nlines' });
    await events.flush();
    await done();
    expect(chunks).toHaveLength(1);
    const [tokens, note] = chunks[0]!.split('event: note');
    expect(parseSse(tokens!).map((e) => (e.data as { text: string }).text)).toEqual(Array.from({ length: 100 }, (_, i) => `w${i} `));
    expect(note).toBe('\ndata: two\ndata: lines\n\n');
  });

  it('writes events of different loop turns separately, and nothing is left behind by flush', async () => {
    const { api, chunks, done } = sseStream();
    const events = batchedSse(api);
    await events.send({ event: 'token', data: '1' });
    await turn();
    await turn();
    await events.send({ event: 'token', data: '2' });
    await events.flush();
    await done();
    expect(chunks).toEqual(['event: token\ndata: 1\n\n', 'event: token\ndata: 2\n\n']);
  });

  it('makes a sender wait for the write once more than 16 KiB is queued', async () => {
    const { api, chunks, done } = sseStream();
    const events = batchedSse(api);
    const big = 'x'.repeat(10_000);
    let second = false;
    await events.send({ event: 'token', data: big });
    const waiting = events.send({ event: 'token', data: big }).then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
    await waiting;
    expect(chunks).toHaveLength(1);
    await events.flush();
    await done();
  });
});
