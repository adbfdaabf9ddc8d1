// The Node entry's fetch for the Ollama hosts, through the ollama client against the stand-in: streamed lines arrive
// as they are written, every response is read to its end (so a connection serves the next call), aborts and
// network errors reject as Node's fetch rejects. The pool's own tests run with it as well (pool.test.ts).
import { createServer, connect, type Server } from 'node:net';
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostFetch } from '../../../agents/ollama/http-fetch.node.ts';
import { DEFAULT_500_MESSAGE, startOllamaStandIn, type OllamaStandIn } from '../../support/ollama/index.ts';

let host: OllamaStandIn | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  await host?.close();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  host = proxy = undefined;
});

const start = async () => (host = await startOllamaStandIn({ models: ['qwen3:8b', 'bge-m3'], embeddingOnlyModels: ['bge-m3'] }));
const ask = (client: Ollama, content = 'Hello?') => client.chat({ model: 'qwen3:8b', messages: [{ role: 'user', content }], stream: true });

/** A TCP relay in front of the stand-in that counts the connections clients open. */
async function countingProxy(target: OllamaStandIn): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  proxy = createServer((socket) => {
    connections++;
    const upstream = connect(target.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, connections: () => connections };
}

describe('createHostFetch', () => {
  it('hands over each streamed line as it arrives, not once the answer is complete', async () => {
    const standIn = await start();
    standIn.script.push({ content: 'one two three four five' });
    standIn.setFault({ path: '/api/chat', tokenDelayMs: 40 });
    const client = new Ollama({ host: standIn.url, fetch: createHostFetch() });
    const started = performance.now();
    const arrivals: number[] = [];
    let text = '';
    for await (const part of await ask(client)) {
      if (part.message.content) arrivals.push(performance.now() - started);
      text += part.message.content;
    }
    expect(text).toBe('one two three four five');
    expect(arrivals.length).toBeGreaterThanOrEqual(5);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(120);
  });

  it('gives a stream\'s first chunk at once and the rest when its share of a pass comes, joined; a whole body waits for nothing', async () => {
    const standIn = await start();
    standIn.script.push({ content: 'one two three four five' });
    standIn.setFault({ path: '/api/chat', tokenDelayMs: 10 });
    const held: (() => void)[] = [];
    const hostFetch = createHostFetch({ later: (run) => held.push(run) });
    const response = await hostFetch(`${standIn.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'Hello?' }], stream: true }),
    });
    const reader = response.body!.getReader();
    const lines = (chunk: Uint8Array) => new TextDecoder().decode(chunk).trim().split('\n').map((line) => JSON.parse(line) as { message: { content: string }; done: boolean });
    const text = (chunk: Uint8Array) => lines(chunk).map((line) => line.message.content).join('');
    const first = text((await reader.read()).value!);
    expect(first.trim()).toBe('one');
    let rest: { value?: Uint8Array } | undefined;
    const reading = reader.read().then((result) => (rest = result));
    // The whole answer has arrived meanwhile; it is not read until the share runs.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rest).toBeUndefined();
    expect(held).toHaveLength(1);
    held.shift()!();
    await reading;
    // Every line that came meanwhile, in one chunk: the four other words and the closing line.
    const after = lines(rest!.value!);
    expect(after.length).toBeGreaterThanOrEqual(5);
    expect(first + text(rest!.value!)).toBe('one two three four five');
    expect(after.at(-1)!.done).toBe(true);
    const end = reader.read();
    held.shift()!();
    expect((await end).done).toBe(true);
    // An embedding is read whole (json()), at once.
    const client = new Ollama({ host: standIn.url, fetch: hostFetch });
    expect((await client.embed({ model: 'bge-m3', input: 'MeluXina' })).embeddings[0]!.length).toBeGreaterThan(0);
    expect(held).toHaveLength(0);
  });

  it('reads every response to its end, so one connection serves consecutive calls, streamed or not', async () => {
    const standIn = await start();
    const relay = await countingProxy(standIn);
    const client = new Ollama({ host: relay.url, fetch: createHostFetch() });
    for (let i = 0; i < 5; i++) {
      // The client stops at the line that says done; the response must still be read to its end.
      for await (const part of await ask(client, `question ${i}`)) if (part.done) break;
      const { embeddings } = await client.embed({ model: 'bge-m3', input: `question ${i}` });
      expect(embeddings[0]!.length).toBeGreaterThan(0);
    }
    expect(relay.connections()).toBe(1);
  });

  it('closes a connection left idle, and opens a new one for the next call', async () => {
    const standIn = await start();
    const relay = await countingProxy(standIn);
    const client = new Ollama({ host: relay.url, fetch: createHostFetch({ idleMs: 100 }) });
    await client.embed({ model: 'bge-m3', input: 'one' });
    await client.embed({ model: 'bge-m3', input: 'two' });
    expect(relay.connections()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.embed({ model: 'bge-m3', input: 'three' });
    expect(relay.connections()).toBe(2);
    // Idle is between calls: a call waiting longer than that for its answer, on a reused connection, is not cut.
    standIn.setFault({ path: '/api/chat', firstTokenDelayMs: 400, times: 1 });
    let text = '';
    for await (const part of await ask(client)) text += part.message.content;
    expect(text.length).toBeGreaterThan(0);
    expect(relay.connections()).toBe(2);
  });

  it('answers an error status with what the host said, as the ollama client reads it', async () => {
    const standIn = await start();
    standIn.setFault({ path: '/api/chat', status500: true, times: 1 });
    const client = new Ollama({ host: standIn.url, fetch: createHostFetch() });
    await expect(ask(client)).rejects.toMatchObject({ status_code: 500, error: DEFAULT_500_MESSAGE });
    await expect(client.chat({ model: 'missing:1b', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({ status_code: 404 });
  });

  it('rejects with the signal\'s reason when aborted mid-stream, and drops the connection', async () => {
    const standIn = await start();
    standIn.setFault({ path: '/api/chat', tokenDelayMs: 200 });
    const hostFetch = createHostFetch();
    const controller = new AbortController();
    const reason = new Error('the visitor left');
    const response = await hostFetch(`${standIn.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'Hello?' }], stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
    await expect.poll(() => standIn.requests.at(-1)?.status).toBeUndefined();
  });

  it('gives up on a host that goes silent, before its answer starts or in the middle of it', async () => {
    const standIn = await start();
    const hostFetch = createHostFetch({ silentMs: 200 });
    standIn.setFault({ path: '/api/embed', stallAfterTokens: 0, times: 1 });
    const client = new Ollama({ host: standIn.url, fetch: hostFetch });
    await expect(client.embed({ model: 'bge-m3', input: 'MeluXina' })).rejects.toMatchObject({ message: 'fetch failed', cause: { message: 'the host sent nothing for 200 ms' } });
    standIn.setFault({ path: '/api/chat', stallAfterTokens: 2, times: 1 });
    const parts: string[] = [];
    const reading = (async () => {
      for await (const part of await ask(client)) parts.push(part.message.content);
    })();
    await expect(reading).rejects.toThrow('the host sent nothing for 200 ms');
    expect(parts.length).toBeGreaterThan(0);
  });

  it('rejects an already aborted call without sending it, and a refused connection as Node\'s fetch does', async () => {
    const standIn = await start();
    const hostFetch = createHostFetch();
    const reason = new Error('gone');
    await expect(hostFetch(`${standIn.url}/api/version`, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(standIn.requests).toHaveLength(0);
    const closed = standIn.url;
    await standIn.close();
    host = undefined;
    const refused = await hostFetch(`${closed}/api/version`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TypeError);
    expect(refused).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });
});
