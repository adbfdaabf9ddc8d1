// Conversation-scoped reads, each with the conversation's bearer token: the history restores the widget after a reload.
import { Hono, type Context } from 'hono';
import { deleteConversation, findConversation, listFeedback, listMessages, type Message } from '../../db/queries/conversations.ts';
import { bearerToken, matchesHash } from '../../agents/security/tokens.ts';
import { leaveNotifyAddress } from '../../agents/staff/handover.ts';
import { handOverToStaff, notifyConsent } from '../../agents/staff/notice.ts';
import { turnPorts } from '../deps.ts';
import { AppError } from '../errors.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { setLanguage } from '../middleware/language.ts';
import type { AppBindings } from '../types.ts';
import { NotifySchema } from './schema.ts';

/** The conversation of the route, for the holder of its token (by default the bearer header). */
export async function authorisedConversation(c: Context<AppBindings>, token = bearerToken(c.req.header('authorization'))) {
  const conversation = await findConversation(c.var.deps.db, c.req.param('id') ?? '');
  if (!conversation) throw new AppError(404, 'conversation_not_found');
  if (!matchesHash(conversation.tokenHash, token)) throw new AppError(403, 'token_invalid');
  return conversation;
}

const publicMessage = (m: Message) => ({
  id: m.id,
  role: m.role,
  content: m.content,
  ...(m.author ? { author: m.author } : {}),
  lang: m.lang,
  state: m.state,
  sources: m.sources ?? [],
  answered: m.answered,
  // An answer staff approved, given verbatim: the widget marks it.
  approved: m.approvedAnswerId !== null,
  createdAt: new Date(m.createdAt).toISOString(),
});

export function conversationRoutes() {
  return new Hono<AppBindings>()
    .get('/api/conversations/:id/messages', async (c) => {
      const conversation = await authorisedConversation(c);
      const rows = await listMessages(c.var.deps.db, conversation.id);
      return c.json({ conversationId: conversation.id, lang: conversation.lang, status: conversation.status, messages: rows.map(publicMessage) });
    })
    .get('/api/conversations/:id/export', async (c) => {
      const conversation = await authorisedConversation(c);
      const { db } = c.var.deps;
      const [rows, ratings] = await Promise.all([listMessages(db, conversation.id), listFeedback(db, conversation.id)]);
      c.header('content-disposition', `attachment; filename="conversation-${conversation.id}.json"`);
      return c.json({
        conversation: {
          id: conversation.id,
          assistant: conversation.assistant,
          lang: conversation.lang,
          status: conversation.status,
          createdAt: new Date(conversation.createdAt).toISOString(),
          retainUntil: new Date(conversation.retainUntil).toISOString(),
        },
        messages: rows.map(publicMessage),
        feedback: ratings.map((f) => ({ ...f, createdAt: new Date(f.createdAt).toISOString() })),
      });
    })
    .post('/api/conversations/:id/escalate', async (c) => {
      const conversation = await authorisedConversation(c);
      setLanguage(c, conversation.lang);
      const handed = await handOverToStaff(turnPorts(c.var.deps), conversation.id, 'button', c.var.t);
      const { status, position, open, waitMinutes, backAt, email } = handed.action;
      return c.json({ status, position, open, waitMinutes, backAt, ...(email ? { email } : {}), notice: handed.text });
    })
    // Outside office hours: an address, with consent, to which each staff reply is also mailed. Without a mailer
    // (no SMTP_URL, or workerd) the field is never offered and this answers 409 notify_unavailable.
    .post('/api/conversations/:id/notify', jsonBody(), async (c) => {
      const conversation = await authorisedConversation(c);
      setLanguage(c, conversation.lang);
      const { deps } = c.var;
      if (!deps.mailer) throw new AppError(409, 'notify_unavailable');
      const parsed = NotifySchema.safeParse(await c.req.json());
      if (!parsed.success) throw new AppError(400, parsed.error.issues[0]?.message === 'email_invalid' ? 'email_invalid' : 'consent_required');
      // Consent counts for the text the visitor was shown: the current version.
      if (parsed.data.consent.version !== notifyConsent(c.var.t).version) throw new AppError(400, 'consent_required');
      await leaveNotifyAddress(turnPorts(deps), conversation.id, parsed.data.email, parsed.data.consent.version);
      c.var.log.info('notify address stored', { conversationId: conversation.id });
      return c.body(null, 204);
    })
    .delete('/api/conversations/:id', async (c) => {
      const conversation = await authorisedConversation(c);
      await deleteConversation(c.var.deps.db, conversation.id);
      return c.body(null, 204);
    });
}
