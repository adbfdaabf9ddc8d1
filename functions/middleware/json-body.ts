// Requires a JSON body: 415 for another media type, a localized 400 for JSON that does not parse or whose text holds
// a NUL character: SQLite text ends at one, so what was stored would not be what was sent (a staff reply that starts
// with one was stored empty). Other control characters a paste may bring are stored as they are.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

const CONTROL = /\u0000/;

/** Whether any string in a parsed JSON value (keys included) holds a NUL; iterative, for deep nesting. */
export function holdsControlCharacters(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (CONTROL.test(item)) return true;
    } else if (Array.isArray(item)) for (const inner of item) pending.push(inner);
    else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (CONTROL.test(key)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

export function jsonBody() {
  return createMiddleware<AppBindings>(async function jsonBody(c, next) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError(415, 'unsupported_media_type');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError(400, 'json_invalid');
    }
    if (holdsControlCharacters(body)) throw new AppError(400, 'control_characters');
    await next();
  });
}
