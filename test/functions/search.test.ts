import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureKnowledge } from '../fixtures/knowledge.ts';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ files: fixtureKnowledge });
});
afterAll(() => made.dispose());

type Results = { results: { docId: string; chunkId: string; title: string; lang: string; score: number; text: string }[] };
const search = async (query: string, headers: Record<string, string> = {}) => {
  const response = await made.app.request(`/api/search?${query}`, { headers });
  return { status: response.status, body: (await response.json()) as Results & { error?: { code: string; message: string } } };
};

describe('GET /api/search', () => {
  it.each([
    ['en', 'Where can a small firm find subsidies for innovation?', 'funding'],
    ['fr', 'Où trouver des subventions pour un projet innovant ?', 'funding'],
    ['de', 'Wie stark wird der Supercomputer nach dem Ausbau?', 'supercomputer'],
    ['lb', 'Wéi vill Formatioune ginn et all Joer?', 'training'],
  ])('answers a %s question with the right document in that language, detected from q', async (lang, q, docId) => {
    const { status, body } = await search(`q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ docId, lang, chunkId: expect.stringContaining(`${docId}:${lang}:`), text: expect.any(String) });
  });

  it('returns one result per document, best first, the requested language first', async () => {
    const { body } = await search('q=MeluXina+Horizon+Europe+140&lang=de&k=5');
    const docIds = body.results.map((result) => result.docId);
    expect(new Set(docIds).size).toBe(docIds.length);
    expect(body.results.every((result) => result.lang === 'de')).toBe(true);
    const scores = body.results.map((result) => result.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('honours k and an explicit lang over detection', async () => {
    const { body } = await search(`q=${encodeURIComponent('Wie leistungsfähig wird MeluXina nach dem Ausbau?')}&lang=fr&k=1`);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({ docId: 'supercomputer', lang: 'fr' });
  });

  it('falls back to another language\'s version when the query language has no match', async () => {
    const { body } = await search('q=supercomputer+powerful&lang=fr&k=5');
    expect(body.results[0]).toMatchObject({ docId: 'supercomputer', lang: 'en' });
  });

  it('returns no results, not an error, when nothing matches', async () => {
    const { status, body } = await search('q=zzzz+qqqq&lang=en');
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
  });

  it.each([
    ['q=', 'en', 'query_missing', 'Please type a question'],
    ['lang=fr', 'fr', 'query_missing', 'Veuillez saisir'],
    [`q=${'a'.repeat(501)}&lang=de`, 'de', 'query_too_long', 'höchstens 500 Zeichen'],
    ['q=hello&lang=pt', 'lb', 'lang_unsupported', 'Dës Sprooch ass net disponibel'],
    ['q=hello&k=0&lang=lb', 'en', 'k_invalid', 'tëscht 1 an 20'],
    ['q=hello&k=abc', 'fr', 'k_invalid', 'entre 1 et 20'],
  ])('rejects %s with a localized 400', async (query, acceptLanguage, code, message) => {
    const { status, body } = await search(query, { 'accept-language': acceptLanguage });
    expect(status).toBe(400);
    expect(body.error?.code).toBe(code);
    expect(body.error?.message).toContain(message);
  });
});

describe('request logs', () => {
  it('carry a request id and never the query, an email or an IP', async () => {
    await made.app.request('/api/search?q=my+email+is+jean%40example.lu&lang=en', { headers: { 'x-forwarded-for': '203.0.113.7' } });
    const line = made.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((entry) => entry.msg === 'request' && entry.path === '/api/search');
    expect(line).toMatchObject({ requestId: expect.any(String), status: 200 });
    const all = made.logs.join('\n');
    expect(all).not.toContain('example.lu');
    expect(all).not.toContain('203.0.113.7');
    expect(all).not.toContain('email');
  });
});
