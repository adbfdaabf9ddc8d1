// Requires a JSON body: 415 for another media type, a localized 400 for JSON that does not parse.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

export function jsonBody() {
  return createMiddleware<AppBindings>(async function jsonBody(c, next) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError(415, 'unsupported_media_type');
    try {
      await c.req.json();
    } catch {
      throw new AppError(400, 'json_invalid');
    }
    await next();
  });
}
