// Turns every failure into the one JSON error shape, localized; never a stack trace, never a 500 for bad input.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, toAppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';

const CODE_BY_STATUS: Partial<Record<number, string>> = { 400: 'bad_request', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited', 503: 'unavailable' };

export function errorBody(c: Context<AppBindings>, code: string, params: Record<string, unknown> = {}) {
  const t = c.var.t ?? c.var.deps?.i18n.forLang('en');
  const message = t ? t(`errors.${code}`, { detail: '', ...params }) : code;
  return { error: { code, message } };
}

export const onError: ErrorHandler<AppBindings> = (thrown, c) => {
  const error = toAppError(thrown);
  if (error instanceof AppError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(c, error.code, error.params), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    return c.json(errorBody(c, CODE_BY_STATUS[status] ?? 'bad_request'), status);
  }
  c.var.log?.error('unhandled', { error: error instanceof Error ? error.message : String(error), path: routePath(c) });
  return c.json(errorBody(c, 'internal'), 500);
};

export const notFound: NotFoundHandler<AppBindings> = (c) => c.json(errorBody(c, 'not_found'), 404);
