// POST /api/chat: stores the question first, then answers as SSE or JSON through one turn runner.
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { chooseLanguage } from '../../agents/language/choose.ts';
import { appendMessage, countAssistantMessages, createConversationWithMessage, findConversation } from '../../db/queries/conversations.ts';
import { hashToken, newToken, presentedToken, tokenMatches } from '../conversations/token.ts';
import { AppError } from '../errors.ts';
import { publicOrigin } from '../public-url.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { setLanguage } from '../middleware/language.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { ChatRequestSchema, MAX_MESSAGE, type ChatRequest } from './schema.ts';
import { runTurn, type TurnEvent, type TurnInput } from './turn.ts';

// How long a conversation is kept before the retention job deletes it.
export const RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Authorises or creates the conversation and stores the user's message, before any answering starts. */
async function acceptQuestion(c: Context<AppBindings>, body: ChatRequest): Promise<TurnInput> {
  const { db, now } = c.var.deps;
  const at = now();
  const acceptLanguage = c.req.header('accept-language');
  const userMessage = (conversationId: string, lang: TurnInput['lang']) =>
    ({ id: crypto.randomUUID(), conversationId, role: 'user', content: body.message, lang, state: 'complete', createdAt: at }) as const;

  if (body.conversationId) {
    const token = presentedToken(c.req.header('authorization'), body.conversationToken);
    const conversation = await findConversation(db, body.conversationId);
    if (!conversation) throw new AppError(404, 'conversation_not_found');
    if (!tokenMatches(conversation.tokenHash, token)) throw new AppError(403, 'token_invalid');
    const choice = chooseLanguage({ explicit: body.lang, message: body.message, conversation: conversation.lang, acceptLanguage });
    setLanguage(c, choice.lang);
    await appendMessage(db, userMessage(conversation.id, choice.lang), choice.lang);
    return {
      conversationId: conversation.id,
      conversationToken: token!,
      question: body.message,
      lang: choice.lang,
      foreign: choice.foreign,
      firstReply: (await countAssistantMessages(db, conversation.id)) === 0,
      baseUrl: publicOrigin(c),
    };
  }

  const choice = chooseLanguage({ explicit: body.lang, message: body.message, acceptLanguage });
  setLanguage(c, choice.lang);
  const id = crypto.randomUUID();
  const token = newToken();
  await createConversationWithMessage(
    db,
    { id, assistant: body.assistant, lang: choice.lang, tokenHash: hashToken(token), createdAt: at, updatedAt: at, retainUntil: at + RETENTION_DAYS * DAY_MS },
    userMessage(id, choice.lang),
  );
  return { conversationId: id, conversationToken: token, question: body.message, lang: choice.lang, foreign: choice.foreign, firstReply: true, baseUrl: publicOrigin(c) };
}

export function chatRoutes() {
  return new Hono<AppBindings>().post('/api/chat', jsonBody(), validate('json', ChatRequestSchema, { max: MAX_MESSAGE }), async (c) => {
    const body = c.req.valid('json');
    if (body.assistant === 'education') throw new AppError(400, 'not_available');
    const input = await acceptQuestion(c, body);
    const { deps } = c.var;

    if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
      return streamSSE(c, async (stream) => {
        const aborted = new AbortController();
        stream.onAbort(() => aborted.abort());
        await runTurn(deps, input, (event: TurnEvent) => stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) }), aborted.signal);
      });
    }

    let meta: Extract<TurnEvent, { event: 'meta' }>['data'] | undefined;
    const result = await runTurn(deps, input, async (event) => {
      if (event.event === 'meta') meta = event.data;
    });
    if (!result.complete) throw new AppError(502, 'stream_failed');
    return c.json({ ...meta!, answer: result.answer, sources: result.sources, answered: result.answered, messageId: result.messageId, actions: result.actions });
  });
}
