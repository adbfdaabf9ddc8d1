// A real HTTP server on 127.0.0.1 speaking Ollama's API for tests: scripted chat, lexical embeddings, injected faults.
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_EMBEDDING_DIMENSIONS } from './embedding.ts';
import { handleEmbed } from './embed.ts';
import { type Exchange, faultsBeforeBody, sendError, sendJsonWithFaults, sendText } from './exchange.ts';
import { createFaultBook, DEFAULT_500_MESSAGE, type Fault, type FaultKind, faultKind } from './faults.ts';
import { handleChat, handleGenerate } from './generation.ts';
import { createModelCatalog, DEFAULT_EMBEDDING_ONLY_MODELS, DEFAULT_MODELS } from './models.ts';
import { PsResponseSchema, TagsResponseSchema, VersionResponseSchema } from './schemas.ts';
import { type ChatScript, createScript, type ScriptStep } from './script.ts';

export const DEFAULT_VERSION = '0.12.6';

export interface StandInOptions {
  /** Installed models (default qwen3:8b, bge-m3); a name without a tag means `:latest`, as in Ollama. */
  models?: readonly string[];
  /** Installed models that only embed, so chat/generate on them answer 400 (default bge-m3). */
  embeddingOnlyModels?: readonly string[];
  /** Models already in memory for /api/ps (default: all installed); requests load models too. */
  loadedModels?: readonly string[];
  /** Size of /api/embed vectors (default 1024, bge-m3's). */
  embeddingDimensions?: number;
  /** Replies queued from the start. */
  replies?: readonly ScriptStep[];
  /** Reply once the queue is empty (default: DEFAULT_FALLBACK_TEXT). */
  fallback?: ScriptStep;
  /** What /api/version reports. */
  version?: string;
  /** A fault in force from the first request (same rules as setFault). */
  fault?: Fault;
  /** Draws the `chance` of faults (default Math.random); a seeded one makes a flaky run reproducible. */
  random?: () => number;
}

export interface RecordedRequest {
  method: string;
  /** Pathname only, e.g. '/api/chat'. */
  path: string;
  /** Raw query string including '?', or ''. */
  query: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON; the raw text when it is not JSON; undefined when there was no body. */
  body: unknown;
  /** Arrival time, ms since the epoch. */
  time: number;
  /** The fault applied to this request, if any. */
  fault?: FaultKind;
  /** The status sent, set once the whole response is written; absent while it runs or when it was cut off. */
  status?: number;
}

export interface OllamaStandIn {
  /** Base URL for clients, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  port: number;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  script: ChatScript;
  /** Responses the stand-in refused to send because they broke the schemas; close() rejects while any remain. */
  violations: Error[];
  /**
   * Without `times`, replaces the standing fault; with `times`, adds a fault for the next N matching requests
   * (used before the standing one); null clears everything.
   */
  setFault(fault: Fault | null): void;
  /** Stops the server and destroys open sockets, stalled streams included. */
  close(): Promise<void>;
}

type Route = (ex: Exchange) => void | Promise<void>;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startOllamaStandIn(options: StandInOptions = {}): Promise<OllamaStandIn> {
  const catalog = createModelCatalog(
    options.models ?? DEFAULT_MODELS,
    options.embeddingOnlyModels ?? DEFAULT_EMBEDDING_ONLY_MODELS,
    options.loadedModels ?? options.models ?? DEFAULT_MODELS,
  );
  const { script, next } = createScript(options.replies, options.fallback);
  const faults = createFaultBook(options.fault, options.random);
  const requests: RecordedRequest[] = [];
  const violations: Error[] = [];
  const closing = new AbortController();
  let toolCalls = 0;
  // Ollama's ids are random `call_` + 8 characters; counting keeps them unique and runs reproducible.
  const nextToolCallId = () => `call_${(toolCalls += 1).toString(36).padStart(8, '0')}`;
  const generation = { catalog, nextReply: next, nextToolCallId };
  const version = options.version ?? DEFAULT_VERSION;

  const running: Route = async (ex) => {
    if (await faultsBeforeBody(ex)) sendText(ex, 200, 'Ollama is running');
  };
  const versionRoute: Route = (ex) => sendJsonWithFaults(ex, VersionResponseSchema, () => ({ version }));
  const tagsRoute: Route = (ex) => sendJsonWithFaults(ex, TagsResponseSchema, () => catalog.tags());
  const routes: Record<string, Record<string, Route>> = {
    '/': { GET: running, HEAD: running },
    '/api/version': { GET: versionRoute, HEAD: versionRoute },
    '/api/tags': { GET: tagsRoute, HEAD: tagsRoute },
    '/api/ps': { GET: (ex) => sendJsonWithFaults(ex, PsResponseSchema, () => catalog.ps()) },
    '/api/chat': { POST: (ex) => handleChat(ex, generation) },
    '/api/generate': { POST: (ex) => handleGenerate(ex, generation) },
    '/api/embed': { POST: (ex) => handleEmbed(ex, { catalog, dimensions: options.embeddingDimensions ?? DEFAULT_EMBEDDING_DIMENSIONS }) },
  };

  const server = createServer((req, res) => {
    const startedNs = process.hrtime.bigint();
    const clientGone = new AbortController();
    res.on('close', () => clientGone.abort());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const body = parseBody(await readBody(req));
      const fault = faults.take(url.pathname);
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search,
        headers: req.headers,
        body,
        time: Date.now(),
        ...(fault ? { fault: faultKind(fault) } : {}),
      };
      requests.push(record);
      // 'finish' means the last byte went out; a destroyed socket (drop, stall, close()) never finishes.
      res.once('finish', () => (record.status = res.statusCode));
      const ex: Exchange = {
        req,
        res,
        path: url.pathname,
        body,
        fault,
        signal: AbortSignal.any([closing.signal, clientGone.signal]),
        startedNs,
        reportViolation: (error) => violations.push(error),
      };
      if (fault?.refuse) return req.socket.destroy();
      if (fault?.status500) return sendError(ex, 500, typeof fault.status500 === 'string' ? fault.status500 : DEFAULT_500_MESSAGE);
      const route = routes[url.pathname]?.[req.method ?? ''];
      // Gin answers unknown routes and wrong methods alike with a plain-text 404.
      if (!route) return sendText(ex, 404, '404 page not found');
      await route(ex);
    })().catch((error: unknown) => {
      // A client hanging up mid-request is not a stand-in bug; anything else is.
      if (clientGone.signal.aborted || closing.signal.aborted) return;
      violations.push(error instanceof Error ? error : new Error(String(error)));
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: `Ollama stand-in crashed: ${String(error)}` }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      closing.abort();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (violations.length > 0) {
        throw new AggregateError(violations, `Ollama stand-in refused ${violations.length} invalid response(s): ${violations[0]!.message}`);
      }
    })());

  return { url: `http://127.0.0.1:${port}`, port, requests, script, violations, setFault: faults.set, close };
}
