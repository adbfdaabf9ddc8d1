// One error type for the whole app: it carries its HTTP status, a stable code and the i18n key of its message.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}
