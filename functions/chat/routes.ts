// POST /api/chat: validates, accepts the question, then frames one turn as SSE or JSON. The turn stores the question
// (even one it fails on); a stream opens only once it is stored.
import { Hono } from 'hono';
import { acceptQuestion } from '../../agents/chat/accept.ts';
import type { TurnEvent } from '../../agents/chat/events.ts';
import { startQueryVector } from '../../agents/chat/plan.ts';
import { runTurn } from '../../agents/chat/turn.ts';
import { bearerToken } from '../../agents/security/tokens.ts';
import { turnPorts } from '../deps.ts';
import { AppError } from '../errors.ts';
import { batchedSse } from '../events/batch.ts';
import { sseResponse } from '../events/sse.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { setLanguage } from '../middleware/language.ts';
import { validate } from '../middleware/validate.ts';
import { limitConversationTurns, spendsModel } from '../middleware/rate-limit.ts';
import { publicOrigin } from '../public-url.ts';
import type { AppBindings } from '../types.ts';
import { ChatRequestSchema, MAX_MESSAGE } from './schema.ts';

export function chatRoutes() {
  return new Hono<AppBindings>().post('/api/chat', jsonBody(), validate('json', ChatRequestSchema, { max: MAX_MESSAGE }, { speaksBodyLang: true }), async (c) => {
    const body = c.req.valid('json');
    // The language the client chose says how a refusal is worded (a missing access code, a wrong token), before
    // the turn has chosen its own.
    if (body.lang) setLanguage(c, body.lang);
    const { deps } = c.var;
    const ports = turnPorts(deps);
    const accepted = await acceptQuestion(ports, {
      message: body.message,
      assistant: body.assistant,
      lang: body.lang,
      conversationId: body.conversationId,
      token: bearerToken(c.req.header('authorization')) ?? body.conversationToken,
      acceptLanguage: c.req.header('accept-language'),
      accessCode: body.accessCode,
    }, (read) => startQueryVector(ports, read));
    // A conversation's turns are counted once its token is checked (a wrong one spends nothing of its limit), with the
    // query's embedding on its way; a turn refused here is not stored.
    if (spendsModel(c)) limitConversationTurns(c, accepted.askedAt);
    setLanguage(c, accepted.lang);
    const input = { ...accepted, baseUrl: publicOrigin(c) };

    if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
      const response = sseResponse(c, async (stream) => {
        const events = batchedSse(stream);
        try {
          await runTurn(ports, input, (event: TurnEvent) => events.send({ event: event.event, data: JSON.stringify(event.data) }), stream.signal);
        } finally {
          await events.flush();
        }
      });
      try {
        await input.pending.written;
      } catch (error) {
        // Not stored: the turn stops, and the request fails as any other whose database failed.
        await response.body?.cancel();
        throw error;
      }
      return response;
    }

    let meta: Extract<TurnEvent, { event: 'meta' }>['data'] | undefined;
    const result = await runTurn(ports, input, async (event) => {
      if (event.event === 'meta') meta = event.data;
    });
    if (!result.complete) throw new AppError(502, 'stream_failed');
    return c.json({ ...meta!, answer: result.answer, sources: result.sources, answered: result.answered, approved: result.approved, messageId: result.messageId, actions: result.actions });
  });
}
