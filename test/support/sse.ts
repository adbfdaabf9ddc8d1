// Reads a text/event-stream body into events, for tests that speak SSE like a browser does.
export type SseEvent = { event: string; data: unknown; id?: string };

export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        const at = line.indexOf(':');
        if (at > 0) fields[line.slice(0, at)] = (fields[line.slice(0, at)] ? `${fields[line.slice(0, at)]}\n` : '') + line.slice(at + 1).trimStart();
      }
      return { event: fields.event ?? 'message', data: fields.data ? JSON.parse(fields.data) : null, ...(fields.id ? { id: fields.id } : {}) };
    });
}

export const tokensOf = (events: SseEvent[]) => events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text).join('');

/** An SSE response read as it arrives: events and comment lines, in order, until the server ends it or we close. */
export type SseReader = {
  readonly events: SseEvent[];
  readonly comments: string[];
  /** Resolves once at least `count` events have arrived (all of them so far); rejects after `timeoutMs`. */
  waitForEvents(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  waitForComments(count: number, timeoutMs?: number): Promise<string[]>;
  /** Resolves when the server ends the stream; rejects after `timeoutMs`. */
  waitForEnd(timeoutMs?: number): Promise<void>;
  /** Drops the connection as a closed browser tab would. */
  close(): Promise<void>;
};

/** `request` is aborted on close(), so a fetched stream drops its connection rather than draining it. */
export function readSse(response: Response, request?: AbortController): SseReader {
  if (!response.body) throw new Error(`no body (status ${response.status})`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let buffer = '';
  const settle = () => {
    for (const check of [...waiters]) check();
  };
  const take = (block: string) => {
    const lines = block.split('\n');
    for (const line of lines.filter((l) => l.startsWith(':'))) comments.push(line.slice(1).trim());
    const fields = lines.filter((l) => !l.startsWith(':')).join('\n');
    if (fields.trim()) events.push(...parseSse(fields));
  };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          take(buffer.slice(0, at));
          buffer = buffer.slice(at + 2);
        }
        settle();
      }
    } catch {
      // Cancelled by close(): the stream simply ends here.
    }
    ended = true;
    settle();
  })();
  const waitFor = <T>(ready: () => T | undefined, what: () => string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined && !ended) return;
        waiters.delete(check);
        clearTimeout(timer);
        if (value === undefined) reject(new Error(`stream ended while waiting for ${what()}`));
        else resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what()}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const got = () => `; got events ${JSON.stringify(events)} and comments ${JSON.stringify(comments)}`;
  return {
    events,
    comments,
    waitForEvents: (count, timeoutMs = 5_000) => waitFor(() => (events.length >= count ? [...events] : undefined), () => `${count} events${got()}`, timeoutMs),
    waitForComments: (count, timeoutMs = 5_000) => waitFor(() => (comments.length >= count ? [...comments] : undefined), () => `${count} comments${got()}`, timeoutMs),
    waitForEnd: (timeoutMs = 5_000) => waitFor(() => (ended ? true : undefined), () => `the end of the stream${got()}`, timeoutMs).then(() => undefined),
    close: async () => {
      request?.abort();
      await reader.cancel().catch(() => {});
    },
  };
}

/** Opens an SSE stream over HTTP; the response is returned whatever its status, so refusals can be asserted too. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<{ response: Response; sse: SseReader }> {
  const request = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: request.signal });
  return { response, sse: readSse(response, request) };
}
