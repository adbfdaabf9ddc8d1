// One HTTP error type for the app, and what each domain error code means in HTTP.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../agents/errors.ts';

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

/** The status of each domain error; a code missing here is a bug, answered as 500. */
const STATUS_BY_DOMAIN_CODE: Record<string, ContentfulStatusCode> = {
  conversation_not_found: 404,
  access_code_required: 401,
  access_code_not_found: 404,
  conversation_held: 409,
  conversation_not_held: 409,
  conversation_resolved: 409,
  conversation_not_claimed: 409,
  email_missing: 400,
  password_missing: 400,
  note_invalid: 400,
  note_too_long: 400,
  field_invalid: 400,
  conversation_changed: 409,
  conversation_not_waiting: 409,
  token_invalid: 403,
  withdraw_link_invalid: 404,
  lead_not_found: 404,
  lead_not_promotable: 409,
  job_unknown: 404,
  job_failed: 500,
  unavailable: 503,
  unauthorized: 401,
  session_expired: 401,
  login_failed: 401,
  forbidden: 403,
  csrf_invalid: 403,
  too_many_attempts: 429,
  account_not_found: 404,
  password_too_short: 400,
  password_too_long: 400,
  transfer_target_invalid: 400,
  canned_reply_not_found: 404,
  date_invalid: 400,
  range_invalid: 400,
  question_too_vague: 400,
  document_unknown: 400,
  citation_invalid: 400,
  citation_marker_missing: 400,
  lang_missing: 400,
  approved_answer_not_found: 404,
  account_exists: 409,
  own_account: 409,
  last_admin: 409,
};

/** A domain error as the AppError the error handler renders; anything else unchanged. */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new AppError(STATUS_BY_DOMAIN_CODE[error.code] ?? 500, Object.hasOwn(STATUS_BY_DOMAIN_CODE, error.code) ? error.code : 'internal', error.params);
}
