// Stream registry: hands out single-use batons, and expires streams a client abandoned, as sqld does.
import { randomBytes } from 'node:crypto';
import { ProtocolError, StreamExpiredError } from './errors.ts';
import type { HranaStream } from './stream.ts';

export interface StreamRegistry {
  /** The stream a baton names, spending the baton; a new stream when there is none. Throws for a bad baton. */
  acquire(baton: string | null | undefined): HranaStream;
  /** Parks the stream under a fresh baton for the client's next request; null once the stream is closed. */
  release(stream: HranaStream): string | null;
  /** Streams currently open (parked or in use). */
  readonly size: number;
  /** Closes every stream; later acquires fail. */
  closeAll(): void;
}

interface Parked {
  stream: HranaStream;
  timer: NodeJS.Timeout;
}

export function createStreamRegistry(open: () => HranaStream, expiryMs: number): StreamRegistry {
  const parked = new Map<string, Parked>();
  const live = new Set<HranaStream>();
  // Remembered so a second use, or a use after expiry, gets sqld's specific error instead of "invalid baton".
  const spent = new Set<string>();
  const expired = new Set<string>();
  let shutDown = false;

  const expire = (baton: string): void => {
    const entry = parked.get(baton);
    if (!entry) return;
    parked.delete(baton);
    expired.add(baton);
    entry.stream.close(); // rolls back whatever transaction the client left open, freeing the write lock
    live.delete(entry.stream);
  };

  return {
    acquire(baton) {
      if (shutDown) throw new Error('The server is shutting down');
      if (baton == null) {
        const stream = open();
        live.add(stream);
        return stream;
      }
      const entry = parked.get(baton);
      if (entry) {
        parked.delete(baton);
        clearTimeout(entry.timer);
        spent.add(baton);
        return entry.stream;
      }
      if (expired.has(baton)) throw new StreamExpiredError();
      if (spent.has(baton)) throw new ProtocolError('The baton was already used: stream requests must be sequential');
      throw new ProtocolError('Invalid baton');
    },
    release(stream) {
      if (shutDown) stream.close();
      if (stream.closed) {
        live.delete(stream);
        return null;
      }
      // Random and unguessable, like sqld's HMAC-signed batons; a new one per response.
      const baton = randomBytes(32).toString('base64url');
      const timer = setTimeout(() => expire(baton), expiryMs);
      timer.unref();
      parked.set(baton, { stream, timer });
      return baton;
    },
    get size() {
      return live.size;
    },
    closeAll() {
      shutDown = true;
      for (const { timer } of parked.values()) clearTimeout(timer);
      parked.clear();
      for (const stream of live) stream.close();
      live.clear();
    },
  };
}
