// The staff inbox: the queue longest waiting first, a conversation's transcript, and claim, reply, hand back, resolve.
import { Hono } from 'hono';
import { z } from 'zod';
import { LANGS } from '../../agents/language/languages.ts';
import { firstResponses } from '../../agents/staff/first-response.ts';
import { claim, release, reply, resolve } from '../../agents/staff/handover.ts';
import { interleaveNotes } from '../../agents/staff/notes.ts';
import { findConversation, listMessages } from '../../db/queries/conversations.ts';
import { eventsAfter, lastEventId } from '../../db/queries/events.ts';
import { listConversationEvents, listQueue } from '../../db/queries/handover.ts';
import { listNotes } from '../../db/queries/notes.ts';
import { AppError } from '../errors.ts';
import { tailEvents } from '../events/stream.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { atWork, sessionIsLive } from '../../agents/staff/sessions.ts';
import { requireStaff, staffOf } from './auth.ts';
import { sessionToken } from './cookie.ts';

const STATUSES = ['bot', 'escalated', 'staff', 'resolved'] as const;
/** What the inbox follows live: new escalations, who claims, replies and visitor messages, status changes, notes. */
export const STAFF_EVENT_TYPES = ['status', 'staff_joined', 'staff_message', 'staff_left', 'visitor_message', 'staff_note'] as const;
export const MAX_STAFF_MESSAGE = 4000;
const MAX_NOTE = 2000;

const QueueQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(',') : undefined))
    .pipe(z.array(z.enum(STATUSES, { error: 'status_invalid' })).optional()),
  lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional(),
  assistant: z.enum(['public', 'education'], { error: 'not_available' }).optional(),
});
const ReplySchema = z.object({ text: z.string({ error: 'message_missing' }).trim().min(1, { error: 'message_missing' }).max(MAX_STAFF_MESSAGE, { error: 'message_too_long' }) });
/** An optional JSON body: none is `{}`, one that is not JSON is null. */
function optionalJson(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const ResolveSchema = z.object({ note: z.string({ error: 'note_invalid' }).trim().max(MAX_NOTE, { error: 'note_too_long' }).optional() }, { error: 'bad_request' });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function staffConversationRoutes() {
  return new Hono<AppBindings>()
    .use('/api/staff/conversations/*', requireStaff())
    .use('/api/staff/conversations', requireStaff())
    .use('/api/staff/events', requireStaff())
    .get('/api/staff/conversations', validate('query', QueueQuerySchema), async (c) => {
      const rows = await listQueue(c.var.deps.db, c.req.valid('query'));
      return c.json({
        conversations: rows.map((row) => ({
          id: row.id,
          status: row.status,
          lang: row.lang,
          assistant: row.assistant,
          waitingSince: iso(row.waitingSince),
          escalatedAt: iso(row.escalatedAt),
          firstStaffReplyAt: iso(row.firstStaffReplyAt),
          updatedAt: iso(row.updatedAt),
          lastMessage: row.lastMessage,
          assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName } : null,
        })),
      });
    })
    .get('/api/staff/conversations/:id', async (c) => {
      const { db } = c.var.deps;
      const conversation = await findConversation(db, c.req.param('id'));
      if (!conversation) throw new AppError(404, 'conversation_not_found');
      const [messages, events, notes, present] = await Promise.all([
        listMessages(db, conversation.id),
        listConversationEvents(db, conversation.id),
        listNotes(db, conversation.id),
        // Whether the holder is at work: one who is not leaves the conversation to be taken over (claim).
        conversation.assigneeId ? atWork(db, conversation.assigneeId, c.var.deps.now()) : Promise.resolve(false),
      ]);
      return c.json({
        conversation: {
          id: conversation.id,
          status: conversation.status,
          lang: conversation.lang,
          assistant: conversation.assistant,
          createdAt: iso(conversation.createdAt),
          escalatedAt: iso(conversation.escalatedAt),
          waitingSince: iso(conversation.waitingSince),
          firstStaffReplyAt: iso(conversation.firstStaffReplyAt),
          resolvedAt: iso(conversation.resolvedAt),
          resolutionNote: conversation.resolutionNote,
          assignee: conversation.assigneeId ? { id: conversation.assigneeId, name: conversation.assigneeName, present } : null,
        },
        // Each answer with what staff need to judge it: its sources, mode, model and timings. Staff notes sit among
        // the messages in time order, as role `note` (this transcript is staff-only; the visitor's reads never see them).
        messages: interleaveNotes(messages, notes).map((m) =>
          'authorId' in m
            ? { id: m.id, role: 'note' as const, content: m.text, author: m.authorName, authorId: m.authorId, lang: null, state: 'complete' as const, sources: [], answered: null, approvedAnswerId: null, mode: null, model: null, timings: null, createdAt: iso(m.createdAt) }
            : {
                id: m.id,
                role: m.role,
                content: m.content,
                author: m.author,
                lang: m.lang,
                state: m.state,
                sources: m.sources ?? [],
                answered: m.answered,
                approvedAnswerId: m.approvedAnswerId,
                mode: m.mode,
                model: m.model,
                timings: m.timings,
                createdAt: iso(m.createdAt),
              },
        ),
        events: events.map((e) => ({ id: e.id, type: e.type, data: e.data, createdAt: iso(e.createdAt) })),
        // Each escalation and how long the visitor waited for a first staff reply (null: not answered by staff).
        firstResponses: firstResponses(events.map((e) => ({ conversationId: e.conversationId, type: e.type, status: e.data['status'], createdAt: e.createdAt }))).map((r) => ({
          escalatedAt: iso(r.escalatedAt),
          repliedAt: iso(r.repliedAt),
          waitedMs: r.repliedAt === null ? null : r.repliedAt - r.escalatedAt,
        })),
      });
    })
    .post('/api/staff/conversations/:id/claim', async (c) => {
      await claim(c.var.deps, c.req.param('id'), staffOf(c));
      return c.json({ status: 'staff' });
    })
    .post('/api/staff/conversations/:id/messages', jsonBody(), validate('json', ReplySchema, { max: MAX_STAFF_MESSAGE }), async (c) => {
      const { messageId } = await reply(c.var.deps, c.req.param('id'), staffOf(c), c.req.valid('json').text);
      return c.json({ messageId }, 201);
    })
    .post('/api/staff/conversations/:id/release', async (c) => {
      await release(c.var.deps, c.req.param('id'), staffOf(c));
      return c.json({ status: 'bot' });
    })
    .post('/api/staff/conversations/:id/resolve', async (c) => {
      // The note is optional, and so is the body that carries it (read whole: a chunked body has no content-length).
      const raw = optionalJson(await c.req.text());
      const body = ResolveSchema.safeParse(raw);
      if (!body.success) throw new AppError(400, raw === null ? 'json_invalid' : (body.error.issues[0]?.message ?? 'bad_request'), { max: MAX_NOTE });
      await resolve(c.var.deps, c.req.param('id'), staffOf(c), body.data.note || null);
      return c.json({ status: 'resolved' });
    })
    // The inbox follows every conversation live; it starts at the newest event unless it resumes.
    .get('/api/staff/events', async (c) => {
      const { db, now } = c.var.deps;
      const token = sessionToken(c) ?? '';
      return tailEvents(c, {
        // A sign-out, a deactivation or a new password ends an open stream at its next poll, not when it times out.
        live: () => sessionIsLive(db, token, now()),
        load: (afterId) => eventsAfter(db, afterId, STAFF_EVENT_TYPES),
        start: () => lastEventId(db),
        present: (row) => ({ conversationId: row.conversationId, ...row.data }),
      });
    });
}
