// POST /api/chat input: the schema names the localized error code of each field.
import { z } from 'zod';
import { LANGS } from '../../agents/language/languages.ts';

export const MAX_MESSAGE = 4000;

export const ChatRequestSchema = z.object({
  message: z.string({ error: 'message_missing' }).trim().min(1, { error: 'message_missing' }).max(MAX_MESSAGE, { error: 'message_too_long' }),
  conversationId: z.string({ error: 'conversation_not_found' }).min(1).max(100).optional(),
  conversationToken: z.string().max(200).optional(),
  lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
  assistant: z.enum(['public', 'education'], { error: 'not_available' }).default('public'),
  accessCode: z.string().max(64).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;
