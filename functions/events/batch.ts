// SSE events sent in the same turn of the event loop (tokens read in it included) leave in one socket write: a burst
// of tokens (an offline answer, or a model's tokens piling up while the process is busy) costs one write, not one each.
// Once the answer's first token has left, what follows waits up to a short window for more to share its write: the
// visitor waits for the first token, not for the ones after it, and a model sends one every 10–30 ms.
import { nextTurn } from '../../agents/next-turn.ts';
import { formatSse, type SseEvent, type SseSink } from './sse.ts';

/** Buffered beyond this many characters, a sender waits for the write: the socket's pace holds the producer back. */
const HIGH_WATER = 16 * 1024;

/**
 * How long events after the first token wait to share a write. A write per token cost the Node server a fifth more
 * CPU for a long answer (600 tokens, one every 2 ms: 320 → 261 ms, issue 15); twenty updates a second still read as
 * a stream.
 */
export const TOKEN_WINDOW_MS = 50;

/** `now`: a monotonic clock in milliseconds; `windowMs`: TOKEN_WINDOW_MS unless a test says otherwise. */
export type BatchOptions = { now?: () => number; windowMs?: number };

type Scheduled = { written: Promise<void>; writeNow: () => void };

/** `send` queues an event (in order); `flush` writes what is queued at once, and must be awaited before the stream ends. */
export function batchedSse(stream: SseSink, { now = () => performance.now(), windowMs = TOKEN_WINDOW_MS }: BatchOptions = {}): { send: (event: SseEvent) => Promise<void>; flush: () => Promise<void> } {
  let queued = '';
  let queuedToken = false;
  let tokenWrittenAt = -Infinity;
  let scheduled: Scheduled | null = null;
  const write = async () => {
    const text = queued;
    if (queuedToken) tokenWrittenAt = now();
    queued = '';
    queuedToken = false;
    scheduled = null;
    if (text) await stream.write(text);
  };
  const schedule = (wait: number): Scheduled => {
    let writeNow = () => {};
    const written = new Promise<void>((resolve, reject) => {
      const run = () => write().then(resolve, reject);
      if (wait <= 0) return void nextTurn(run);
      const timer = setTimeout(run, wait);
      writeNow = () => {
        clearTimeout(timer);
        run();
      };
    });
    // A failed write is seen by whoever awaits it (a sender past the high-water mark, or flush), not left unhandled.
    written.catch(() => undefined);
    return { written, writeNow };
  };
  return {
    send: (event) => {
      queued += formatSse(event);
      queuedToken ||= event.event === 'token';
      const next = (scheduled ??= schedule(tokenWrittenAt + windowMs - now()));
      if (queued.length <= HIGH_WATER) return Promise.resolve();
      // The socket's pace, not the window, holds back a sender this far ahead.
      next.writeNow();
      return next.written;
    },
    flush: async () => {
      const waiting = scheduled;
      waiting?.writeNow();
      await waiting?.written;
      await write();
    },
  };
}
