// zod validation for route inputs; a failing field becomes a localized 400 whose code the schema names.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from '../errors.ts';

/** Schemas name their error codes as zod messages (e.g. `{ error: 'query_missing' }`); `params` fill the message. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T, params: Record<string, unknown> = {}) {
  return zValidator(target, schema, (result) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    const message = issue?.message ?? 'invalid';
    if (/^[a-z_]+$/.test(message)) throw new AppError(400, message, params);
    // zod's own message is English: the staff member or visitor is told which field, in their language.
    throw new AppError(400, 'field_invalid', { field: issue?.path.join('.') || 'body' });
  });
}
