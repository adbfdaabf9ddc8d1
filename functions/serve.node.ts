// The app on Node's HTTP server, with the limits Node leaves loose: how long headers, a whole request and an idle
// socket may take, and a JSON error (not a bare status line, not a closed socket) for what never reaches the app:
// requests Node refuses, a Host or path the adapter cannot make a URL of, and CONNECT.
import { getRequestListener, RequestError } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { clientErrorStatus, rawErrorResponse, type ClientError } from './client-error.node.ts';

export type ServerTimeouts = {
  /** Until a request's headers are in (a client trickling headers is answered 408). */
  headersMs: number;
  /**
   * Until the whole request, body included, is in. Node stops this clock once the request is read, so a response
   * that streams for minutes (the SSE routes) is not bound by it.
   */
  requestMs: number;
  /**
   * An open connection waiting for its next request. Longer than the idle time of the balancers in front (nginx and
   * most others close theirs at 60 s): the side that closes first must be the client, or a request it sends at that
   * moment is reset unanswered (Node's 5 s did that to 6–19 of 1,200 turns at 200 conversations in the bench).
   */
  keepAliveMs: number;
  /**
   * Nothing moving either way on a socket (a client that stopped reading). Above the longest silence of a working
   * request: a JSON chat answer waits up to 2 min for the model, streams send something every 15 to 30 s.
   */
  idleMs: number;
};

export const DEFAULT_SERVER_TIMEOUTS: Readonly<ServerTimeouts> = Object.freeze({ headersMs: 20_000, requestMs: 30_000, keepAliveMs: 65_000, idleMs: 300_000 });

// How long a refused connection is read on before it is closed.
const LINGER_MS = 1_000;
// How much of a body the app cannot read (one sent with GET or HEAD) is read and thrown away before the app answers.
const UNREAD_BODY_BYTES = 32 * 1024 * 1024;

export type ServeOptions = {
  port: number;
  hostname?: string;
  timeouts?: Partial<ServerTimeouts>;
  /** The message for an error code (English: nothing says the client's language before the app has the request). */
  message: (code: string) => string;
};

/** Starts listening and resolves with the server once it does (rejects when it cannot, e.g. the port is taken). */
export function serveNode(fetch: (request: Request, env: unknown) => Response | Promise<Response>, options: ServeOptions): Promise<Server> {
  const timeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
  // Node refuses a header timeout above the request timeout; the request includes its headers anyway.
  const headersMs = Math.min(timeouts.headersMs, timeouts.requestMs);
  const serverOptions = {
    headersTimeout: headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the two timeouts above on this beat (30 s by default, which would let them run up to twice as long).
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, headersMs / 4)),
  };
  // What the adapter cannot turn into a Request (a Host that is not a host, a backslash in the path) never reaches
  // the app; the adapter's own answer is a bare 400. The connection ends with it, as with Node's refusals.
  const errorHandler = (error: unknown) => {
    const { status, code } = error instanceof RequestError ? { status: 400, code: 'request_malformed' } : { status: 500, code: 'internal' };
    const body = JSON.stringify({ error: { code, message: options.message(code) } });
    return new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'close' } });
  };
  const listener = getRequestListener(fetch, { hostname: options.hostname, errorHandler });
  const server = createServer(serverOptions, readUnreadBodyFirst(listener, Math.min(5_000, timeouts.requestMs / 2)));
  server.timeout = timeouts.idleMs;
  answerRefusals(server, options.message);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * A GET or HEAD that comes with a body: the Fetch API gives the app no body for them, so nobody would read it. Node
 * closes a `connection: close` socket once the answer is written, and closing with the client's bytes unread resets
 * the connection, which loses the end of an answer larger than the socket's buffers (the console's script, to a GET
 * with a megabyte of body). So that body is read and thrown away first, within a budget of bytes and time.
 */
function readUnreadBodyFirst(listener: (request: IncomingMessage, response: ServerResponse) => unknown, ms: number) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const { 'content-length': length, 'transfer-encoding': encoding } = request.headers;
    const hasBody = (length !== undefined && length !== '0') || encoding !== undefined;
    if (!hasBody || !/^(GET|HEAD)$/.test(request.method ?? '')) return void listener(request, response);
    let seen = 0;
    let answered = false;
    const answer = (complete: boolean) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      // Node may have answered already (408 for a body that never ended): then there is nothing left to do.
      if (response.headersSent || response.destroyed || request.socket.destroyed) return;
      // A body still coming when the answer goes: the connection closes after it, or Node's request timeout would
      // later write a 408 on the same socket, after the answer.
      if (!complete) response.shouldKeepAlive = false;
      void listener(request, response);
    };
    const timer = setTimeout(() => answer(false), ms);
    request.on('data', (chunk: Buffer) => {
      seen += chunk.byteLength;
      if (seen > UNREAD_BODY_BYTES) answer(false);
    });
    request.once('end', () => answer(true));
    request.once('close', () => answer(false));
  };
}

/** Answers on the raw socket, then reads on a little: closing with the client's bytes unread resets the connection. */
function refuse(socket: Duplex, status: number, code: string, message: (code: string) => string, rawPacket?: Buffer) {
  socket.end(rawErrorResponse(status, code, message(code), rawPacket));
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

function answerRefusals(server: Server, message: (code: string) => string) {
  // The response the app is writing on a socket: once its headers left, a second answer would corrupt the stream.
  const responses = new WeakMap<Duplex, ServerResponse>();
  const answered = new WeakSet<Duplex>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    responses.set(socket, response);
    response.once('finish', () => responses.get(socket) === response && responses.delete(socket));
  });
  server.on('clientError', (error: Error & ClientError, socket: Duplex) => {
    // Node reports each later parse error on the same socket again.
    if (answered.has(socket)) return;
    answered.add(socket);
    if (error.code === 'ECONNRESET' || !socket.writable || responses.get(socket)?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, code } = clientErrorStatus(error);
    refuse(socket, status, code, message, error.rawPacket);
  });
  // Node hands CONNECT (a proxy's method) to this event and closes the socket when nobody listens; the app has no
  // route for it, and answers any method it has no route for with 404.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => refuse(socket, 404, 'not_found', message));
}
