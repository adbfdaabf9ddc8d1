// Fault injection for the libSQL stand-in: standing latency plus counted 5xx answers and dropped sockets.

export interface Fault {
  /** Delay every request by this long before handling it, until the fault is replaced or cleared. */
  latencyMs?: number;
  /** Answer the next `count` requests (default 1) with `status` (default 503, text/plain) instead of handling them. */
  status5xx?: { status?: number; count?: number };
  /** Destroy the socket of the next `count` requests (default 1) without answering: the client's fetch fails. */
  drop?: { count?: number };
}

export type FaultKind = 'latency' | 'status5xx' | 'drop';

/** What to do to one incoming request. */
export interface FaultPlan {
  latencyMs: number;
  action: { type: 'drop' } | { type: 'status5xx'; status: number } | undefined;
}

export interface FaultState {
  /** Replaces the current fault; undefined clears it. */
  set(fault: Fault | undefined): void;
  /** Consumes one request's worth of the current fault. */
  next(): FaultPlan;
}

export function createFaultState(): FaultState {
  let latencyMs = 0;
  let dropsLeft = 0;
  let errorsLeft = 0;
  let status = 503;

  return {
    set(fault) {
      const wanted = fault?.status5xx?.status ?? 503;
      if (!Number.isInteger(wanted) || wanted < 500 || wanted > 599) {
        throw new RangeError(`status5xx.status must be a 5xx code, got ${wanted}`);
      }
      latencyMs = fault?.latencyMs ?? 0;
      dropsLeft = fault?.drop ? (fault.drop.count ?? 1) : 0;
      errorsLeft = fault?.status5xx ? (fault.status5xx.count ?? 1) : 0;
      status = wanted;
    },
    next() {
      // A drop wins over a 5xx when both are pending: the request is gone before it could be answered.
      if (dropsLeft > 0) {
        dropsLeft--;
        return { latencyMs, action: { type: 'drop' } };
      }
      if (errorsLeft > 0) {
        errorsLeft--;
        return { latencyMs, action: { type: 'status5xx', status } };
      }
      return { latencyMs, action: undefined };
    },
  };
}
