// Canned replies: every staff member lists them (GET /api/staff/canned-replies?lang=); admins create (POST), change
// (PUT /:id) and delete (DELETE /:id) them, each change audited.
import { Hono } from 'hono';
import { z } from 'zod';
import { CannedReplyInputSchema, changeCannedReply, createCannedReply, MAX_CANNED_TEXT, MAX_CANNED_TITLE, removeCannedReply } from '../../agents/staff/canned-replies.ts';
import { LANGS } from '../../agents/language/languages.ts';
import { listCannedReplies, type CannedReply } from '../../db/queries/canned-replies.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff, staffOf } from './auth.ts';

const ListQuerySchema = z.object({ lang: z.enum(LANGS, { error: 'lang_unsupported' }).optional() });
const LIMITS = { max: MAX_CANNED_TEXT, maxTitle: MAX_CANNED_TITLE };
const PATH = '/api/staff/canned-replies';

const present = (r: CannedReply) => ({ id: r.id, lang: r.lang, title: r.title, text: r.text, updatedAt: new Date(r.updatedAt).toISOString() });

export function staffCannedRoutes() {
  return new Hono<AppBindings>()
    .get(PATH, requireStaff(), validate('query', ListQuerySchema), async (c) => c.json({ replies: (await listCannedReplies(c.var.deps.db, c.req.valid('query').lang)).map(present) }))
    .post(PATH, requireStaff({ role: 'admin' }), jsonBody(), validate('json', CannedReplyInputSchema, LIMITS), async (c) => {
      const reply = await createCannedReply(c.var.deps, c.req.valid('json'), staffOf(c));
      return c.json({ reply: present(reply) }, 201);
    })
    .put(`${PATH}/:id`, requireStaff({ role: 'admin' }), jsonBody(), validate('json', CannedReplyInputSchema, LIMITS), async (c) => {
      await changeCannedReply(c.var.deps, c.req.param('id'), c.req.valid('json'), staffOf(c));
      return c.json({ id: c.req.param('id'), ...c.req.valid('json') });
    })
    .delete(`${PATH}/:id`, requireStaff({ role: 'admin' }), async (c) => {
      await removeCannedReply(c.var.deps, c.req.param('id'), staffOf(c));
      return c.body(null, 204);
    });
}
