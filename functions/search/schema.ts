// GET /api/search input: the schema names the localized error code of each field.
import { z } from 'zod';
import { LANGS } from '../../agents/language/languages.ts';

export const MAX_QUERY = 500;
export const MAX_K = 20;

export const SearchQuerySchema = z.object({
  q: z.string({ error: 'query_missing' }).trim().min(1, { error: 'query_missing' }).max(MAX_QUERY, { error: 'query_too_long' }),
  lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
  assistant: z.enum(['public', 'education'], { error: 'not_available' }).default('public'),
  k: z.coerce.number({ error: 'k_invalid' }).int({ error: 'k_invalid' }).min(1, { error: 'k_invalid' }).max(MAX_K, { error: 'k_invalid' }).default(5),
});
