// The next turn of the event loop, after the I/O of this one: Node's setImmediate, and timers where there is none
// (workerd). Work queued for it sees what this turn read, and lets what this turn started reach the socket first.

export const nextTurn = (run: () => void): unknown => (typeof setImmediate === 'function' ? setImmediate(run) : setTimeout(run, 0));

export const afterThisTurn = (): Promise<void> => new Promise((resolve) => nextTurn(resolve));
