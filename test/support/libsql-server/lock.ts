// The server-wide write lock: one stream writes at a time and the others queue, as in sqld.

// Every stream has its own SQLite connection in this one process, and the libsql binding is synchronous, so
// SQLite's own busy handler would block the event loop (and with it the stream holding the lock). Waiting here,
// asynchronously, keeps SQLite from ever seeing two of our writers at once.

export interface WriteLock {
  /** The stream that holds the lock, if any. */
  readonly holder: unknown;
  /** Resolves true once `owner` holds the lock (at once if it already does), false after `timeoutMs`. */
  acquire(owner: unknown, timeoutMs: number): Promise<boolean>;
  /** Hands the lock to the next waiter; a no-op unless `owner` holds it. */
  release(owner: unknown): void;
  /** Fails every waiter, for server shutdown. */
  dispose(): void;
}

interface Waiter {
  owner: unknown;
  grant: (granted: boolean) => void;
  timer: NodeJS.Timeout;
}

export function createWriteLock(): WriteLock {
  let holder: unknown;
  const waiters: Waiter[] = [];

  const handOver = (): void => {
    const next = waiters.shift();
    holder = next?.owner;
    if (next) {
      clearTimeout(next.timer);
      next.grant(true);
    }
  };

  return {
    get holder() {
      return holder;
    },
    acquire(owner, timeoutMs) {
      if (holder === owner) return Promise.resolve(true);
      if (holder === undefined && waiters.length === 0) {
        holder = owner;
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const waiter: Waiter = {
          owner,
          grant: resolve,
          timer: setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            resolve(false);
          }, timeoutMs),
        };
        waiters.push(waiter);
      });
    },
    release(owner) {
      if (holder === owner) handOver();
    },
    dispose() {
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.grant(false);
      }
      holder = undefined;
    },
  };
}
