// What the knowledge lacks and the answers staff approve for it: GET /api/staff/gaps (reviewers and admins), the
// documents an answer may cite, and the approved answers (admins): list, write, retire.
import { Hono } from 'hono';
import { z } from 'zod';
import { reportGaps } from '../../agents/approved/gap-report.ts';
import { inScope } from '../../agents/chat/scope.ts';
import { LANGS } from '../../agents/language/languages.ts';
import { citableDocuments, listApprovedAnswers } from '../../db/queries/approved-answers.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { requireStaff, staffOf } from './auth.ts';

export const MAX_QUESTION = 300;
export const MAX_ANSWER = 4000;
export const MAX_CITATIONS = 6;
const LIMITS = { maxQuestion: MAX_QUESTION, maxAnswer: MAX_ANSWER, maxCitations: MAX_CITATIONS };

const lang = z.enum(LANGS, { error: (issue) => (issue.input === undefined ? 'lang_missing' : 'lang_unsupported') });
const GapsQuerySchema = z.object({ lang: lang.optional() });
const DocumentsQuerySchema = z.object({ lang });
const ApprovedQuerySchema = z.object({ lang: lang.optional(), retired: z.enum(['true', 'false'], { error: 'bad_request' }).optional() });
const ApprovedAnswerSchema = z.object(
  {
    lang,
    question: z.string({ error: 'question_missing' }).trim().min(1, { error: 'question_missing' }).max(MAX_QUESTION, { error: 'question_too_long' }),
    answer: z.string({ error: 'answer_missing' }).trim().min(1, { error: 'answer_missing' }).max(MAX_ANSWER, { error: 'answer_too_long' }),
    docIds: z
      .array(z.string({ error: 'citations_missing' }).trim().min(1, { error: 'citations_missing' }).max(100, { error: 'bad_request' }), { error: 'citations_missing' })
      .min(1, { error: 'citations_missing' })
      .max(MAX_CITATIONS, { error: 'citations_too_many' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'citations_duplicate' }),
  },
  { error: 'bad_request' },
);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function staffKnowledgeRoutes() {
  return new Hono<AppBindings>()
    .use('/api/staff/gaps', requireStaff())
    .use('/api/staff/documents', requireStaff())
    .use('/api/staff/approved-answers', requireStaff({ role: 'admin' }))
    .use('/api/staff/approved-answers/*', requireStaff({ role: 'admin' }))
    .get('/api/staff/gaps', validate('query', GapsQuerySchema), async (c) => {
      const { deps } = c.var;
      const groups = await reportGaps({ db: deps.db, now: deps.now, approved: deps.approved }, c.req.valid('query'));
      return c.json({ groups: groups.map(({ lastAt, ...group }) => ({ ...group, lastAskedAt: iso(lastAt) })) });
    })
    .get('/api/staff/documents', validate('query', DocumentsQuerySchema), async (c) => {
      const { lang } = c.req.valid('query');
      const documents = await citableDocuments(c.var.deps.db, lang);
      // The public assistant's documents only: approved answers are given there.
      return c.json({ documents: documents.filter((doc) => inScope('public', doc.docId)).map(({ docId, title, url }) => ({ docId, title, lang, url })) });
    })
    .get('/api/staff/approved-answers', validate('query', ApprovedQuerySchema), async (c) => {
      const { lang, retired } = c.req.valid('query');
      const rows = await listApprovedAnswers(c.var.deps.db, { lang, retired: retired === 'true' });
      return c.json({ answers: rows.map((row) => ({ ...row, createdAt: iso(row.createdAt), retiredAt: iso(row.retiredAt) })) });
    })
    .post('/api/staff/approved-answers', jsonBody(), validate('json', ApprovedAnswerSchema, LIMITS), async (c) => {
      const { id } = await c.var.deps.approved.create(c.req.valid('json'), staffOf(c));
      return c.json({ id }, 201);
    })
    .post('/api/staff/approved-answers/:id/retire', async (c) => {
      await c.var.deps.approved.retire(c.req.param('id'), staffOf(c));
      return c.json({ id: c.req.param('id'), retired: true });
    });
}
