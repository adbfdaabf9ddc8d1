// zod validation for route inputs; a failing field becomes a localized 400 whose code the schema names.
import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { LangSchema } from '../../agents/language/languages.ts';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';
import { setLanguage } from './language.ts';

/**
 * Schemas name their error codes as zod messages (e.g. `{ error: 'query_missing' }`); `params` fill the message.
 * `speaksBodyLang`: the body's `lang` is the language its sender chose (a visitor's chat or lead form), so they are
 * told what is wrong in it even when another field fails. Not for staff routes, whose `lang` is the content's.
 */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T, params: Record<string, unknown> = {}, { speaksBodyLang = false } = {}) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    if (speaksBodyLang) {
      const chosen = LangSchema.safeParse((result.data as { lang?: unknown } | null)?.lang);
      // Every route of the app runs with AppBindings; the validator's own type knows no bindings.
      if (chosen.success) setLanguage(c as unknown as Context<AppBindings>, chosen.data);
    }
    const issue = result.error.issues[0];
    const message = issue?.message ?? 'invalid';
    if (/^[a-z_]+$/.test(message)) throw new AppError(400, message, params);
    // zod's own message is English: the staff member or visitor is told which field, in their language.
    throw new AppError(400, 'field_invalid', { field: issue?.path.join('.') || 'body' });
  });
}
