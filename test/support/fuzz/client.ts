// Sends one fuzz request over node:http (paths and latin1 headers verbatim), Node's fetch, or a raw socket (bytes no
// client library would write) and reports what came back; a connection that ends without an answer is an error.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export type Transport = 'http' | 'fetch' | 'raw';

export type FuzzRequest = {
  transport: Transport;
  method: string;
  /** Path and query as sent on the request line. */
  target: string;
  /** Values may hold bytes above 0x7f (latin1), which node:http and the raw socket send as they are. */
  headers: Record<string, string>;
  body?: string | Buffer | { chunks: Buffer[] };
  /** For `raw`: the whole request, bytes as they go on the wire (method, target, headers above are for the report). */
  raw?: Buffer;
  /** An event stream: the response head is enough, the body is left unread and the connection closed. */
  stream?: boolean;
};

export type FuzzOutcome = {
  status: number;
  contentType: string;
  body: string;
  ms: number;
  /** The connection failed, closed or timed out without a complete answer. */
  error?: string;
};

const TIMEOUT_MS = 15_000;

export function send(base: URL, req: FuzzRequest): Promise<FuzzOutcome> {
  if (req.transport === 'fetch') return viaFetch(base, req);
  if (req.transport === 'raw') return viaSocket(base, req);
  return viaHttp(base, req);
}

function viaHttp(base: URL, req: FuzzRequest): Promise<FuzzOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Omit<FuzzOutcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...outcome, ms: performance.now() - started });
    };
    // A new connection per request: a reused keep-alive socket the server has just closed would be our error, not its.
    let out: ReturnType<typeof httpRequest>;
    try {
      out = httpRequest({ host: base.hostname, port: base.port, method: req.method, path: req.target, headers: req.headers, agent: false, timeout: TIMEOUT_MS }, (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers['content-type'] ?? '');
        if (req.stream && status === 200 && contentType.startsWith('text/event-stream')) {
          res.destroy();
          return done({ status, contentType, body: '' });
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status, contentType, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => done({ status, contentType, body: '', error: `response: ${error.message}` }));
        res.on('aborted', () => done({ status, contentType, body: '', error: 'response aborted' }));
      });
    } catch (error) {
      // Refused by node:http before anything was sent: the generator's mistake, reported apart from server failures.
      return done({ status: 0, contentType: '', body: '', error: `client: ${(error as Error).message}` });
    }
    out.on('timeout', () => {
      out.destroy();
      done({ status: 0, contentType: '', body: '', error: `no answer within ${TIMEOUT_MS} ms` });
    });
    out.on('error', (error: NodeJS.ErrnoException) => done({ status: 0, contentType: '', body: '', error: error.code ?? error.message }));
    const body = req.body;
    if (body === undefined) out.end();
    else if (typeof body === 'string' || Buffer.isBuffer(body)) out.end(body);
    else {
      for (const chunk of body.chunks) out.write(chunk);
      out.end();
    }
  });
}

async function viaFetch(base: URL, req: FuzzRequest): Promise<FuzzOutcome> {
  const started = performance.now();
  const body = req.body === undefined || typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : streamOf(req.body.chunks);
  try {
    // Joined as text: `new URL('//api/x', base)` would be another host.
    const response = await fetch(`${base.origin}${req.target}`, { method: req.method, headers: req.headers, body, duplex: 'half', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) } as RequestInit);
    const contentType = response.headers.get('content-type') ?? '';
    if (req.stream && response.status === 200 && contentType.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, contentType, body: '', ms: performance.now() - started };
    }
    return { status: response.status, contentType, body: await response.text(), ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (!cause && (error as Error).name === 'TypeError') return { status: 0, contentType: '', body: '', ms: performance.now() - started, error: `client: ${(error as Error).message}` };
    return { status: 0, contentType: '', body: '', ms: performance.now() - started, error: cause?.code ?? cause?.message ?? String(error) };
  }
}

function streamOf(chunks: Buffer[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]!));
      else controller.close();
    },
  });
}

/** Writes the raw bytes, reads until the server closes, and parses the one response (content-length or chunked). */
function viaSocket(base: URL, req: FuzzRequest): Promise<FuzzOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const timer = setTimeout(() => {
      error = `no close within ${TIMEOUT_MS} ms`;
      socket.destroy();
    }, TIMEOUT_MS);
    socket.on('connect', () => socket.write(req.raw!));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // An event stream that opened never closes by itself: its head is the answer. A complete answer is enough too:
      // the server may keep the connection open after it despite our `connection: close` (streamed answers say keep-alive).
      const text = Buffer.concat(chunks).toString('latin1');
      if (req.stream && /(^|\r\n\r\n)HTTP\/1\.1 200 [^]*?\r\ncontent-type: text\/event-stream[^]*?\r\n\r\n/i.test(text)) socket.destroy();
      else if (complete(text, req.method)) socket.destroy();
    });
    // The server may close while we still write: that is fine as long as its answer came first.
    socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on('close', () => {
      clearTimeout(timer);
      const parsed = parseResponse(Buffer.concat(chunks), req.method);
      const ms = performance.now() - started;
      if (!parsed) resolve({ status: 0, contentType: '', body: '', ms, error: error ?? 'closed without an answer' });
      else resolve({ ...parsed, ms });
    });
  });
}

/** Whether the bytes hold a whole final answer: its head, and its body by content-length or chunked framing. */
function complete(text: string, method: string): boolean {
  const parsed = parseResponse(Buffer.from(text, 'latin1'), method);
  if (!parsed || parsed.error) return false;
  const head = /(?:^|\r\n\r\n)(HTTP\/1\.[01] [2-5]\d\d [^]*?)\r\n\r\n/.exec(text)?.[1] ?? '';
  if (method === 'HEAD' || /^HTTP\/1\.[01] (204|304) /.test(head)) return true;
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) return text.endsWith('\r\n0\r\n\r\n');
  return /\r\ncontent-length: *\d+/i.test(head);
}

function parseResponse(all: Buffer, method: string): Omit<FuzzOutcome, 'ms'> | null {
  // Interim answers (100 Continue) come before the one that counts.
  let bytes = all;
  while (/^HTTP\/1\.[01] 1\d\d /.test(bytes.subarray(0, 16).toString('latin1')) && bytes.indexOf('\r\n\r\n') >= 0) bytes = bytes.subarray(bytes.indexOf('\r\n\r\n') + 4);
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  if (!status) return null;
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  let body = bytes.subarray(headEnd + 4);
  // The answer to HEAD has no body; bytes after its head are a broken answer, which a client cannot read.
  if (method === 'HEAD') return body.length ? { status, contentType: headers['content-type'] ?? '', body: '', error: `${body.length} bytes of body after the head of an answer to HEAD` } : { status, contentType: headers['content-type'] ?? '', body: '' };
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (body.length < length) return { status, contentType: headers['content-type'] ?? '', body: '', error: `body cut at ${body.length} of ${length} bytes` };
    body = body.subarray(0, length);
  }
  return { status, contentType: headers['content-type'] ?? '', body: body.toString('utf8') };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
