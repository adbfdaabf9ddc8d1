// The fetch the Node entry gives the Ollama clients: node:http(s) on keep-alive agents, answering with the part of a
// Response the ollama client reads (ok, status, headers, json/text, and the body's reader for a stream). Node's own
// fetch takes every chunk of a streamed answer through web streams: measured in one process against the Ollama
// stand-in, an embedding cost 0.45 ms of CPU and a 30-token answer 0.61 ms through it, 0.24 and 0.41 ms here (issue 15).
// workerd keeps its own fetch, which has no such cost.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { passShare, type PassShare } from './pass-share.node.ts';

/** What the ollama client reads of a Response; the rest of the interface is not offered. */
export type HostResponse = {
  ok: boolean;
  status: number;
  statusText: string;
  headers: Headers;
  body: { getReader(): { read(): Promise<IteratorResult<Uint8Array, undefined>>; releaseLock(): void; cancel(): Promise<void> } };
  json(): Promise<unknown>;
  text(): Promise<string>;
};

/**
 * The body's chunks as a reader. The response is read to its end whatever the reader's user does: the ollama client
 * stops at the line that says `done`, and a response not read to its end never gives its connection back to the agent.
 * A stream (a body read through `getReader`) gives its first chunk, which holds the first token, as soon as it
 * arrives; the chunks after it wait for `later` and come joined into one: under load, the rest of an answer already
 * streaming goes after the work a visitor is waiting on (pass-share.node.ts).
 */
function chunkReader(response: IncomingMessage, later: PassShare) {
  const queue: Uint8Array[] = [];
  let ended = false;
  let failure: unknown;
  let streaming = false;
  let given = 0;
  let deferred = false;
  let waiting: { resolve(result: IteratorResult<Uint8Array, undefined>): void; reject(error: unknown): void } | undefined;
  const give = () => {
    deferred = false;
    if (!waiting) return;
    const { resolve, reject } = waiting;
    if (queue.length) resolve({ done: false, value: queue.length === 1 ? queue.shift()! : Buffer.concat(queue.splice(0)) });
    else if (failure !== undefined) reject(failure);
    else if (ended) resolve({ done: true, value: undefined });
    else return;
    given++;
    waiting = undefined;
  };
  const settle = () => {
    if (!streaming || given === 0) return give();
    if (!waiting || deferred || (!queue.length && failure === undefined && !ended)) return;
    deferred = true;
    later(give);
  };
  response.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    settle();
  });
  response.once('end', () => {
    ended = true;
    settle();
  });
  response.once('error', (error) => {
    failure = error;
    settle();
  });
  const read = () =>
    new Promise<IteratorResult<Uint8Array, undefined>>((resolve, reject) => {
      waiting = { resolve, reject };
      settle();
    });
  return {
    read,
    stream() {
      streaming = true;
      return {
        read,
        releaseLock() {},
        async cancel() {
          response.destroy();
        },
      };
    },
  };
}

async function readAll(read: () => Promise<IteratorResult<Uint8Array, undefined>>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (let next = await read(); !next.done; next = await read()) chunks.push(next.value);
  return Buffer.concat(chunks).toString('utf8');
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}

function hostResponse(response: IncomingMessage, later: PassShare): HostResponse {
  const status = response.statusCode ?? 0;
  const reader = chunkReader(response, later);
  let headers: Headers | undefined;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: response.statusMessage ?? '',
    // Made when read: the ollama client reads them only from an error response.
    get headers() {
      return (headers ??= headersOf(response));
    },
    body: { getReader: () => reader.stream() },
    json: async () => JSON.parse(await readAll(reader.read)),
    text: () => readAll(reader.read),
  };
}

/** A request's headers as node:http takes them; the ollama client passes a plain object, which goes as it is. */
const headerRecord = (headers: RequestInit['headers']): Record<string, string> =>
  headers === undefined ? {} : headers instanceof Headers || Array.isArray(headers) ? Object.fromEntries(new Headers(headers)) : headers;

const bodyOf = (body: RequestInit['body']): string | Uint8Array | undefined => {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) return body ?? undefined;
  throw new TypeError('this fetch sends a string or bytes');
};

/** Node's fetch gives up on a host silent this long, before its response head or within its body (undici's timeouts). */
export const SILENT_HOST_MS = 300_000;
/**
 * And closes a connection idle this long (sooner when the host's Keep-Alive header says so), so that one a firewall
 * dropped in silence is not used again; Node's agents keep them forever.
 */
export const IDLE_CONNECTION_MS = 4_000;

/**
 * How many streams a pass of the event loop reads on from (pass-share.node.ts). The bench's c50 phase, three A/B runs
 * of 4 rounds each against the same process reading every chunk at once: p95 overhead 112 → 39, 100 → 39 ms (2 a
 * pass), and 73 → 43 ms against reading them at the end of the pass without a limit.
 */
export const STREAMS_PER_PASS = 4;

/** A fetch for the Ollama hosts; failures reject as Node's fetch does (`signal.reason`, or a TypeError with a cause). */
export function createHostFetch({
  silentMs = SILENT_HOST_MS,
  idleMs = IDLE_CONNECTION_MS,
  later = passShare(STREAMS_PER_PASS),
}: { silentMs?: number; idleMs?: number; later?: PassShare } = {}): typeof fetch {
  const agents = { 'http:': new HttpAgent({ keepAlive: true, timeout: idleMs }), 'https:': new HttpsAgent({ keepAlive: true, timeout: idleMs }) };
  const hostFetch = (input: RequestInfo | URL, init: RequestInit = {}) =>
    new Promise<HostResponse>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const signal = init.signal;
      if (signal?.aborted) return reject(signal.reason);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(new TypeError(`fetch of ${url.protocol} is not supported`));
      const body = bodyOf(init.body);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      let response: IncomingMessage | undefined;
      const onAbort = () => {
        request.destroy(signal!.reason);
        response?.destroy(signal!.reason);
      };
      const request = send(url, { agent: agents[url.protocol], method: init.method ?? 'GET', headers: headerRecord(init.headers) }, (received) => {
        response = received;
        received.once('close', () => signal?.removeEventListener('abort', onAbort));
        resolve(hostResponse(received, later));
      });
      request.setTimeout(silentMs, () => {
        const silent = new Error(`the host sent nothing for ${silentMs} ms`);
        request.destroy(silent);
        response?.destroy(silent);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
      });
      request.end(body);
    });
  // The ollama client reads only what HostResponse offers (see above); the tests hold it to that.
  return hostFetch as unknown as typeof fetch;
}
