// Conversation-scoped reads, each with the conversation's bearer token: the history restores the widget after a reload.
import { Hono, type Context } from 'hono';
import { findConversation, listMessages } from '../../db/queries/conversations.ts';
import { AppError } from '../errors.ts';
import type { AppBindings } from '../types.ts';
import { presentedToken, tokenMatches } from './token.ts';

export async function authorisedConversation(c: Context<AppBindings>) {
  const conversation = await findConversation(c.var.deps.db, c.req.param('id') ?? '');
  if (!conversation) throw new AppError(404, 'conversation_not_found');
  if (!tokenMatches(conversation.tokenHash, presentedToken(c.req.header('authorization')))) throw new AppError(403, 'token_invalid');
  return conversation;
}

export function conversationRoutes() {
  return new Hono<AppBindings>().get('/api/conversations/:id/messages', async (c) => {
    const conversation = await authorisedConversation(c);
    const rows = await listMessages(c.var.deps.db, conversation.id);
    return c.json({
      conversationId: conversation.id,
      lang: conversation.lang,
      status: conversation.status,
      messages: rows.map((m) => ({
        id: m.id,
        role: m.role,
        content: m.content,
        lang: m.lang,
        state: m.state,
        sources: m.sources ?? [],
        answered: m.answered,
        createdAt: new Date(m.createdAt).toISOString(),
      })),
    });
  });
}
