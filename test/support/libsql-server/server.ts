// A libSQL server (sqld) stand-in for tests: Hrana over HTTP (JSON, v2 and v3) on 127.0.0.1, backed by a libSQL file.
import Database from 'libsql';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { createStreamRegistry } from './batons.ts';
import { ProtocolError, StreamExpiredError } from './errors.ts';
import { createFaultState, type Fault } from './faults.ts';
import { createWriteLock } from './lock.ts';
import {
  CursorReqBodySchema, PipelineReqBodySchema, type CursorEntry, type CursorRespBody, type HranaVersion,
  type PipelineRespBody, type StreamResult,
} from './protocol.ts';
import type { RecordedRequest } from './requests.ts';
import { openStream, type StepOutcome } from './stream.ts';

export type { Fault } from './faults.ts';
export { sentSql, type RecordedRequest } from './requests.ts';

export interface LibsqlServerOptions {
  /** Path of the backing libSQL file (created if missing, switched to WAL like sqld's databases). */
  dbPath: string;
  /** When set, POST requests must carry `Authorization: Bearer <authToken>` or get 401. */
  authToken?: string;
  /** How long a writer queues behind another stream's transaction before SQLITE_BUSY. Default 5000. */
  lockTimeoutMs?: number;
  /** Idle time after which a stream is closed (its transaction rolled back), as sqld does after 10 s. */
  streamExpiryMs?: number;
  /** Port on 127.0.0.1; default 0 picks a free one. */
  port?: number;
}

export interface LibsqlServer {
  /** http://127.0.0.1:PORT, for createClient({ url }) from @libsql/client/web. */
  url: string;
  /** Every request received, in arrival order; tests may clear it with `requests.length = 0`. */
  requests: RecordedRequest[];
  /** Replaces the injected fault; undefined clears it. */
  setFault(fault: Fault | undefined): void;
  /** Streams currently open, e.g. to check that a client closed its transactions. */
  openStreams(): number;
  /** Closes every stream and connection; in-flight requests see their sockets destroyed. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function startLibsqlServer(options: LibsqlServerOptions): Promise<LibsqlServer> {
  const { dbPath, authToken, lockTimeoutMs = 5000, streamExpiryMs = 10_000 } = options;
  if (dbPath === '' || dbPath === ':memory:' || dbPath.startsWith('file:')) {
    // Each stream opens its own connection, so only a real file gives them one shared database.
    throw new Error(`startLibsqlServer needs a plain file path, got ${JSON.stringify(dbPath)}`);
  }
  prepareFile(dbPath);

  const lock = createWriteLock();
  const registry = createStreamRegistry(() => openStream({ dbPath, lock, lockTimeoutMs }), streamExpiryMs);
  const faults = createFaultState();
  const requests: RecordedRequest[] = [];
  let closing = false;

  async function pipeline(req: IncomingMessage, record: RecordedRequest, version: HranaVersion): Promise<PipelineRespBody> {
    const body = parseBody(PipelineReqBodySchema, await readJson(req));
    record.body = body;
    const stream = registry.acquire(body.baton);
    const results: StreamResult[] = [];
    try {
      for (const request of body.requests) results.push(await stream.handle(request, version));
    } catch (error) {
      // Like sqld, a request that breaks the protocol takes its stream down with it.
      stream.close();
      registry.release(stream);
      throw error;
    }
    record.baton = registry.release(stream);
    return { baton: record.baton, base_url: null, results };
  }

  async function cursor(req: IncomingMessage, record: RecordedRequest): Promise<string> {
    const body = parseBody(CursorReqBodySchema, await readJson(req));
    record.body = body;
    const stream = registry.acquire(body.baton);
    let outcomes: StepOutcome[];
    try {
      outcomes = await stream.runBatch(body.batch, 3);
    } catch (error) {
      stream.close();
      registry.release(stream);
      throw error;
    }
    record.baton = registry.release(stream);
    const head: CursorRespBody = { baton: record.baton, base_url: null };
    // The batch has already run (the binding is synchronous), so the lines go out in one piece.
    return [head, ...cursorEntries(outcomes)].map((line) => `${JSON.stringify(line)}\n`).join('');
  }

  async function handle(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const reply = (status: number, contentType: string, body: string): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': contentType }).end(body);
    };
    const plan = faults.next();
    if (plan.latencyMs > 0) {
      record.faults.push('latency');
      await sleep(plan.latencyMs);
    }
    if (closing) return void req.socket.destroy();
    if (plan.action?.type === 'drop') {
      record.faults.push('drop');
      return void req.socket.destroy();
    }
    if (plan.action?.type === 'status5xx') {
      record.faults.push('status5xx');
      return reply(plan.action.status, 'text/plain', 'Injected fault: service unavailable');
    }

    const route = `${req.method} ${record.path.replace(/\/+$/, '') || '/'}`;
    if (req.method === 'POST' && authToken !== undefined && req.headers.authorization !== `Bearer ${authToken}`) {
      // sqld's shape for auth failures: 401 with {"error": …}, which clients surface as an HTTP error.
      return reply(401, 'application/json', JSON.stringify({ error: 'Unauthorized: `missing or invalid bearer token`' }));
    }
    try {
      switch (route) {
        case 'GET /':
        case 'GET /v2':
        case 'GET /v3':
          // Version probes. v3-protobuf is deliberately absent (404), so negotiating clients settle on JSON.
          return reply(200, 'text/plain', 'Hello, this is HTTP API v2 (Hrana over HTTP)');
        case 'GET /health':
          return reply(200, 'text/plain', '');
        case 'POST /v2/pipeline':
          return reply(200, 'application/json', JSON.stringify(await pipeline(req, record, 2)));
        case 'POST /v3/pipeline':
          return reply(200, 'application/json', JSON.stringify(await pipeline(req, record, 3)));
        case 'POST /v3/cursor':
          return reply(200, 'text/plain', await cursor(req, record));
        default:
          return reply(404, 'text/plain', `Not found: ${route}`);
      }
    } catch (error) {
      if (error instanceof ProtocolError) return reply(400, 'text/plain', error.message);
      if (error instanceof StreamExpiredError) {
        return reply(500, 'application/json', JSON.stringify({ message: error.message, code: error.code }));
      }
      const message = error instanceof Error ? error.message : String(error);
      return reply(500, 'application/json', JSON.stringify({ error: `Internal Error: \`${message}\`` }));
    }
  }

  const server = createServer((req, res) => {
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://stand-in').pathname,
      authorization: req.headers.authorization,
      body: undefined,
      baton: undefined,
      status: undefined,
      faults: [],
    };
    requests.push(record);
    handle(req, res, record).catch(() => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFault: (fault) => faults.set(fault),
    openStreams: () => registry.size,
    async close() {
      if (closing) return;
      closing = true;
      registry.closeAll();
      lock.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Creates the file (and its folder) and switches it to WAL, so readers never wait on the writer. */
function prepareFile(dbPath: string): void {
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath, { timeout: 5000 });
  try {
    db.exec('PRAGMA journal_mode=WAL');
  } finally {
    db.close();
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ProtocolError('Request body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new ProtocolError(`Could not deserialize JSON request body: ${(error as Error).message}`);
  }
}

function parseBody<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ProtocolError(`Could not deserialize JSON request body: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A batch's outcome as cursor lines: step_begin, rows, step_end per executed step; step_error per failed one. */
function cursorEntries(outcomes: StepOutcome[]): CursorEntry[] {
  return outcomes.flatMap((outcome, step): CursorEntry[] => {
    if (outcome.type === 'skipped') return [];
    if (outcome.type === 'error') return [{ type: 'step_error', step, error: outcome.error }];
    const { cols, rows, affected_row_count, last_insert_rowid } = outcome.result;
    return [
      { type: 'step_begin', step, cols },
      ...rows.map((row): CursorEntry => ({ type: 'row', row })),
      { type: 'step_end', affected_row_count, last_insert_rowid },
    ];
  });
}
