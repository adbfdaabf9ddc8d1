// GET /api/search: cited passages for a query, in the query's language first.
import { Hono } from 'hono';
import { chooseLanguage } from '../../agents/language/choose.ts';
import { searchInScope } from '../../agents/chat/scope.ts';
import { setLanguage } from '../middleware/language.ts';
import { validate } from '../middleware/validate.ts';
import type { AppBindings } from '../types.ts';
import { MAX_K, MAX_QUERY, SearchQuerySchema } from './schema.ts';

export function searchRoutes() {
  return new Hono<AppBindings>().get('/api/search', validate('query', SearchQuerySchema, { max: MAX_QUERY, maxK: MAX_K }), async (c) => {
    const { q, lang: explicit, k, assistant } = c.req.valid('query');
    const { lang } = chooseLanguage({ explicit, message: q, acceptLanguage: c.req.header('accept-language'), vocabulary: (await c.var.deps.knowledge()).vocabulary });
    setLanguage(c, lang);
    // The public assistant's documents by default; `assistant=education` searches the teachers' ones.
    const results = await searchInScope({ db: c.var.deps.db, knowledge: c.var.deps.knowledge, embeddings: await c.var.deps.queryEmbeddings() }, { query: q, lang, k }, assistant);
    return c.json({
      results: results.map(({ docId, chunkId, title, lang, score, text, url }) => ({ docId, chunkId, title, lang, score, text, ...(url ? { url } : {}) })),
    });
  });
}
