// One request/response pair: validated JSON and NDJSON writers, fault-aware delays, stalls and drops.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Fault } from './faults.ts';
import { ErrorResponseSchema } from './schemas.ts';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  body: unknown;
  fault: Fault | undefined;
  /** Aborted when the client goes away or the stand-in closes: every wait must end then. */
  signal: AbortSignal;
  startedNs: bigint;
  /** Records a response the stand-in refused to send because it broke the schema (a stand-in bug). */
  reportViolation(error: Error): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';

function violation(ex: Exchange, what: string, error: z.ZodError): Error {
  const failure = new Error(`Ollama stand-in bug: ${ex.req.method} ${ex.path} ${what} breaks its schema:\n${z.prettifyError(error)}`);
  ex.reportViolation(failure);
  return failure;
}

export function sendJson<S extends z.ZodType>(ex: Exchange, status: number, schema: S, body: z.input<S>): void {
  const checked = schema.safeParse(body);
  if (!checked.success) {
    const failure = violation(ex, `response (${status})`, checked.error);
    // An invalid error body cannot be replaced by another error body: stop instead of recursing.
    if ((schema as z.ZodType) === ErrorResponseSchema) throw failure;
    return sendJson(ex, 500, ErrorResponseSchema, { error: failure.message });
  }
  const text = JSON.stringify(body);
  ex.res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  ex.res.end(text);
}

export function sendError(ex: Exchange, status: number, message: string): void {
  sendJson(ex, status, ErrorResponseSchema, { error: message });
}

export function sendText(ex: Exchange, status: number, text: string): void {
  ex.res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  ex.res.end(text);
}

/** Resolves true after `ms`, or false as soon as the exchange is aborted. */
export function sleep(ex: Exchange, ms: number): Promise<boolean> {
  if (ex.signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      ex.signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    ex.signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A stalled model: nothing more is written, the socket stays open until the client or close() ends it. */
async function stall(ex: Exchange): Promise<void> {
  if (!ex.signal.aborted) await new Promise((resolve) => ex.signal.addEventListener('abort', resolve, { once: true }));
  ex.req.socket.destroy();
}

/** A crashed runner or a cut network: the socket dies with the response unfinished. */
function drop(ex: Exchange): void {
  ex.req.socket.destroy();
}

/**
 * Applies the current fault before a whole-body answer: the wait stands for generating `tokens` tokens,
 * a stall never answers, a drop cuts the connection. True when the answer should still be sent.
 */
export async function faultsBeforeBody(ex: Exchange, tokens = 0): Promise<boolean> {
  const fault = ex.fault;
  const waitMs = (fault?.firstTokenDelayMs ?? 0) + (fault?.tokenDelayMs ?? 0) * Math.max(0, tokens - 1);
  if (!(await sleep(ex, waitMs))) return false;
  if (fault?.stallAfterTokens !== undefined) {
    await stall(ex);
    return false;
  }
  if (fault?.dropAfterTokens !== undefined) {
    drop(ex);
    return false;
  }
  return true;
}

export async function sendJsonWithFaults<S extends z.ZodType>(ex: Exchange, schema: S, body: () => NoInfer<z.input<S>>, tokens = 0): Promise<void> {
  if (await faultsBeforeBody(ex, tokens)) sendJson(ex, 200, schema, body());
}

/**
 * Streams NDJSON the way Ollama does: one object per line, headers only with the first line, and an
 * `{"error": …}` line if something goes wrong after the 200 is out. Lines are built lazily so their
 * created_at and the final durations reflect the real timing.
 */
export async function streamNdjson(ex: Exchange, schema: z.ZodType, chunks: readonly (() => unknown)[], final: () => unknown): Promise<void> {
  const fault = ex.fault;
  // A stall or drop asked for "after N tokens" always happens, at the latest just before the final line.
  const stallAt = fault?.stallAfterTokens === undefined ? undefined : Math.min(fault.stallAfterTokens, chunks.length);
  const dropAt = fault?.dropAfterTokens === undefined ? undefined : Math.min(fault.dropAfterTokens, chunks.length);
  for (let i = 0; i <= chunks.length; i += 1) {
    const delay = i === 0 ? fault?.firstTokenDelayMs : fault?.tokenDelayMs;
    if (!(await sleep(ex, delay ?? 0))) return;
    if (stallAt === i) return stall(ex);
    if (dropAt === i) return drop(ex);
    const line = (i < chunks.length ? chunks[i]! : final)();
    const checked = schema.safeParse(line);
    if (!checked.success) {
      const failure = violation(ex, `stream line ${i}`, checked.error);
      // Like Ollama: an error before any line gets a real status, after that only an error line is possible.
      if (!ex.res.headersSent) return sendError(ex, 500, failure.message);
      ex.res.end(`${JSON.stringify({ error: failure.message })}\n`);
      return;
    }
    if (!ex.res.headersSent) ex.res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    // Waiting for the flush makes every line reach the client on its own, and a later drop cut after it, not before.
    await new Promise((resolve) => ex.res.write(`${JSON.stringify(line)}\n`, resolve));
  }
  ex.res.end();
}
