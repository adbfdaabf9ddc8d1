// Inbox additions: private notes on a conversation, transfer to a colleague, and the colleagues one may transfer to.
// POST /api/staff/conversations/:id/notes {text} → 201 {note}; POST …/transfer {staffId} → {status, assignee};
// GET /api/staff/members → {members:[{id, name}]} (active accounts only, no e-mail addresses).
import { Hono } from 'hono';
import { z } from 'zod';
import { transfer } from '../../agents/staff/handover.ts';
import { addNote, MAX_NOTE_LENGTH, NoteInputSchema } from '../../agents/staff/notes.ts';
import { listActiveMembers } from '../../db/queries/members.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff, staffOf } from './auth.ts';

const TransferSchema = z.object({ staffId: z.string({ error: 'transfer_target_invalid' }).trim().min(1, { error: 'transfer_target_invalid' }).max(100, { error: 'transfer_target_invalid' }) });

export function staffInboxRoutes() {
  return new Hono<AppBindings>()
    .post('/api/staff/conversations/:id/notes', requireStaff(), jsonBody(), validate('json', NoteInputSchema, { max: MAX_NOTE_LENGTH }), async (c) => {
      const note = await addNote(c.var.deps, c.req.param('id'), staffOf(c), c.req.valid('json').text);
      return c.json({ note: { id: note.id, role: 'note', content: note.text, author: note.authorName, authorId: note.authorId, createdAt: new Date(note.createdAt).toISOString() } }, 201);
    })
    .post('/api/staff/conversations/:id/transfer', requireStaff(), jsonBody(), validate('json', TransferSchema), async (c) => {
      const assignee = await transfer(c.var.deps, c.req.param('id'), staffOf(c), c.req.valid('json').staffId);
      return c.json({ status: 'staff', assignee });
    })
    .get('/api/staff/members', requireStaff(), async (c) => c.json({ members: await listActiveMembers(c.var.deps.db) }));
}
