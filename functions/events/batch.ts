// SSE events sent in the same turn of the event loop (tokens read in it included) leave in one socket write: a burst
// of tokens (an offline answer, or a model's tokens piling up while the process is busy) costs one write, not one each.
import { nextTurn } from '../../agents/next-turn.ts';
import { formatSse, type SseEvent, type SseSink } from './sse.ts';

/** Buffered beyond this many characters, a sender waits for the write: the socket's pace holds the producer back. */
const HIGH_WATER = 16 * 1024;

/** `send` queues an event (in order); `flush` writes what is queued, and must be awaited before the stream ends. */
export function batchedSse(stream: SseSink): { send: (event: SseEvent) => Promise<void>; flush: () => Promise<void> } {
  let queued = '';
  let pending: Promise<void> | null = null;
  const flush = async () => {
    const text = queued;
    queued = '';
    pending = null;
    if (text) await stream.write(text);
  };
  return {
    send: (event) => {
      queued += formatSse(event);
      if (!pending) {
        pending = new Promise<void>((resolve, reject) => nextTurn(() => flush().then(resolve, reject)));
        // A failed write is seen by whoever awaits it (a sender past the high-water mark, or flush), not left unhandled.
        pending.catch(() => undefined);
      }
      return queued.length > HIGH_WATER ? pending : Promise.resolve();
    },
    flush: async () => {
      await pending;
      await flush();
    },
  };
}
