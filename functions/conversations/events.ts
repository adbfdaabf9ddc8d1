// The visitor's live events of one conversation (status, staff joined, staff messages, staff left) as SSE.
import { Hono, type Context } from 'hono';
import { conversationEventsAfter } from '../../db/queries/events.ts';
import { bearerToken } from '../../agents/security/tokens.ts';
import { tailEvents, type TailTiming } from '../events/stream.ts';
import type { AppBindings } from '../types.ts';
import { authorisedConversation } from './routes.ts';

/** The only event types a visitor sees; everything else in `events` (their own messages, staff notes…) stays inside. */
export const VISITOR_EVENT_TYPES = ['status', 'staff_joined', 'staff_message', 'staff_left'] as const;

// EventSource cannot send headers, so this route also takes the token as `?token=`. It is then in the URL, which is
// why the request log (middleware/deps.ts) prints the path only, never the query string.
const presentedToken = (c: Context<AppBindings>) => bearerToken(c.req.header('authorization')) ?? c.req.query('token');

/** `timing` shortens the poll, keepalive and lifetime intervals (tests); the app mounts it with the defaults. */
export function conversationEventRoutes(timing: Partial<TailTiming> = {}) {
  return new Hono<AppBindings>().get('/api/conversations/:id/events', async (c) => {
    const conversation = await authorisedConversation(c, presentedToken(c));
    const { db } = c.var.deps;
    return tailEvents(c, {
      load: (afterId) => conversationEventsAfter(db, conversation.id, afterId, VISITOR_EVENT_TYPES),
      // From the conversation's first event: a visitor who reloads the widget must not miss a staff reply.
      start: 0,
      timing,
    });
  });
}
