// Caps request bodies. An oversize body is read to its end (within a budget) before the 413 leaves: a server that
// answers and closes while the client still sends resets the connection, and the client never reads the answer.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

export type BodyLimitOptions = {
  maxBytes: number;
  /** How much of an oversize body is read and thrown away, and for how long, before the 413 leaves regardless. */
  drainBytes?: number;
  drainMs?: number;
};

/** Reads and discards the rest of a body; true when it ended within `maxBytes` and `ms`. */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(resolve, ms, 'expired')));
  let seen = 0;
  try {
    for (;;) {
      const chunk = await Promise.race([reader.read(), expired]);
      if (chunk === 'expired') return false;
      if (chunk.done) return true;
      seen += chunk.value.byteLength;
      if (seen > maxBytes) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function limitBody({ maxBytes, drainBytes = 32 * 1024 * 1024, drainMs = 5_000 }: BodyLimitOptions) {
  // Not cancelled when the budget runs out: cancelling destroys the socket at once, and a late answer beats none.
  const tooLarge = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
    await discardRest(reader, drainBytes, drainMs);
    throw new AppError(413, 'payload_too_large');
  };

  return createMiddleware<AppBindings>(async function limitBody(c, next) {
    // A declared length is what the body will be (Node's parser holds the client to it); chunked bodies, and
    // bodies a runtime hands on as a stream without a length, are measured while read.
    const declared = c.req.header('content-length');
    const length = declared !== undefined && c.req.header('transfer-encoding') === undefined ? Number(declared) : undefined;
    if (length !== undefined && length <= maxBytes) return next();
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    if (length !== undefined) return tooLarge(reader);

    // No declared length: read up to the limit, and hand the bytes on as the body.
    const buffer = new Uint8Array(maxBytes);
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > maxBytes) return tooLarge(reader);
      buffer.set(value, size);
      size += value.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: buffer.subarray(0, size) });
    return next();
  });
}
