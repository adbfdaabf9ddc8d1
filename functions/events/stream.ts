// One SSE tail over the `events` table, for the visitor's conversation stream and the staff inbox stream alike.
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppBindings } from '../types.ts';
import { formatSse, sseResponse, type SseSink } from './sse.ts';

/** A row the tail can send: its id becomes the SSE `id:` a reconnecting browser sends back as `Last-Event-ID`. */
export type TailRow = { id: number; type: string; data: unknown };

export type TailTiming = {
  /** How often the database is asked for new rows. */
  pollMs: number;
  /** Quiet time after which a comment line is sent, so proxies and load balancers keep the connection open. */
  keepaliveMs: number;
  /** The stream closes itself after this long; EventSource then reconnects with Last-Event-ID and misses nothing. */
  maxLifetimeMs: number;
};

export const DEFAULT_TAIL_TIMING: Readonly<TailTiming> = Object.freeze({ pollMs: 500, keepaliveMs: 15_000, maxLifetimeMs: 5 * 60_000 });

export type TailOptions<Row extends TailRow> = {
  /** Rows after `afterId`, oldest first (a page of them is enough: the tail asks again at once while rows come). */
  load: (afterId: number) => Promise<readonly Row[]>;
  /** Where to start when the client does not resume: an id, or a function asked only then (e.g. the newest id). */
  start: number | (() => Promise<number>);
  /** The `data` sent for a row, `null` or `undefined` to skip it (the cursor still moves past it); the row's data by default. */
  present?: (row: Row) => unknown;
  /** Asked before each poll; false ends the stream (a staff stream whose session was revoked since it opened). */
  live?: () => Promise<boolean>;
  timing?: Partial<TailTiming>;
};

// Ids only ever come from our own `id:` lines; anything else is treated as absent rather than refused, since the
// start the caller chose is always safe (a visitor's stream replays from the beginning: repeats, never a loss).
const ResumeId = z.string().trim().regex(/^\d{1,15}$/).transform(Number);

/** The id a client resumes after: the `Last-Event-ID` header (EventSource's reconnect), else `?lastEventId=`. */
export function resumeId(c: Context): number | undefined {
  for (const raw of [c.req.header('last-event-id'), c.req.query('lastEventId')]) {
    const parsed = ResumeId.safeParse(raw);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/**
 * Streams the rows `load` returns as SSE (`id:`, `event:` the row's type, `data:` JSON) until the client goes away
 * or `maxLifetimeMs` passes. It polls the database rather than listening to anything in process memory: the
 * database is the one source of truth, a row written by any instance reaches a client connected to any other,
 * and polling needs nothing workerd lacks. SQLite serialises writers, so ids become visible in increasing order
 * and a cursor on the last id sent never skips a row.
 */
export async function tailEvents<Row extends TailRow, E extends AppBindings = AppBindings>(c: Context<E>, options: TailOptions<Row>): Promise<Response> {
  const timing = { ...DEFAULT_TAIL_TIMING, ...options.timing };
  const resumed = resumeId(c);
  const startId = resumed ?? (typeof options.start === 'number' ? options.start : await options.start());
  const present = options.present ?? ((row: Row) => row.data);
  const log = c.var.log;
  // Hono answers HEAD by running this GET handler and dropping the body, so the stream would never see its client
  // leave and would poll for its whole lifetime: a HEAD gets the stream's headers and nothing is started.
  if (c.req.method === 'HEAD') return new Response(null, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
  return sseResponse(c, async (stream) => {
    try {
      // A shutting-down process ends its tails at once: a tail never ends by itself, and the process would wait for it.
      const closing = c.var.deps?.closing;
      await pump(stream, startId, { load: options.load, present, live: options.live }, timing, closing ? AbortSignal.any([stream.signal, closing]) : stream.signal);
    } catch (error) {
      // The client reconnects with the last id it got; the message stays in the log, not in the stream.
      log.warn('event stream failed', { error: error instanceof Error ? error.message : String(error) });
    }
  });
}

async function pump<Row extends TailRow>(
  stream: SseSink,
  startId: number,
  source: { load: (afterId: number) => Promise<readonly Row[]>; present: (row: Row) => unknown; live?: () => Promise<boolean> },
  timing: TailTiming,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timing.maxLifetimeMs;
  let afterId = startId;
  let lastWrite = Date.now();
  while (!signal.aborted && Date.now() < deadline) {
    if (source.live && !(await source.live())) return;
    const rows = await source.load(afterId);
    for (const row of rows) {
      if (signal.aborted) return;
      const data = source.present(row);
      if (data != null) await stream.write(formatSse({ id: String(row.id), event: row.type, data: JSON.stringify(data) }));
      afterId = row.id;
      lastWrite = Date.now();
    }
    if (rows.length > 0) continue; // more may be waiting behind a full page: ask again before sleeping
    if (Date.now() - lastWrite >= timing.keepaliveMs) {
      await stream.write(': keepalive\n\n');
      lastWrite = Date.now();
    }
    const untilKeepalive = lastWrite + timing.keepaliveMs - Date.now();
    await pause(Math.max(0, Math.min(timing.pollMs, untilKeepalive, deadline - Date.now())), signal);
  }
}

/** Waits `ms`, or less when the client goes away, leaving no timer behind. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
