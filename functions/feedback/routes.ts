// POST /api/feedback: a thumbs up or down (and an optional comment) on an answer, with the conversation's token.
import { Hono } from 'hono';
import { z } from 'zod';
import { findConversation, findMessage, saveFeedback } from '../../db/queries/conversations.ts';
import { bearerToken, matchesHash } from '../../agents/security/tokens.ts';
import type { Lang } from '../../agents/language/languages.ts';
import { AppError } from '../errors.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';

export const MAX_COMMENT = 1000;

export const FeedbackSchema = z.object({
  messageId: z.string({ error: 'message_not_found' }).min(1, { error: 'message_not_found' }).max(100),
  rating: z.enum(['up', 'down'], { error: 'rating_invalid' }),
  comment: z.string().trim().max(MAX_COMMENT, { error: 'comment_too_long' }).optional(),
});

export function feedbackRoutes() {
  return new Hono<AppBindings>().post('/api/feedback', jsonBody(), validate('json', FeedbackSchema, { max: MAX_COMMENT }), async (c) => {
    const { messageId, rating, comment } = c.req.valid('json');
    const { db, now } = c.var.deps;
    const message = await findMessage(db, messageId);
    if (!message || message.role !== 'assistant') throw new AppError(404, 'message_not_found');
    const conversation = await findConversation(db, message.conversationId);
    if (!conversation || !matchesHash(conversation.tokenHash, bearerToken(c.req.header('authorization')))) throw new AppError(403, 'token_invalid');
    const id = crypto.randomUUID();
    // A teacher's comment is redacted like a teacher's message: pupils' names and contact details are never stored.
    const kept = comment && conversation.assistant === 'education' ? c.var.deps.redact(comment, conversation.lang as Lang).text : comment;
    await saveFeedback(db, { id, messageId, rating, comment: kept || null, createdAt: now() });
    return c.json({ feedbackId: id }, 201);
  });
}
