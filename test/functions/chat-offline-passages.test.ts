// Offline, the answer may quote any passage of the documents the search found, not only the one it shows for each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' } });
});
afterAll(() => made.dispose());

type Passage = { docId: string; text: string };

describe('an offline answer from a found document', () => {
  it.each([
    ['en', 'Who is the head of Luxinnovation?', 'Mario Grotz'],
    ['de', 'Wann haben sich LNDS und DFKI getroffen?', '29. Oktober 2025'],
    ['lb', "Wéini war d'Reunioun tëscht dem LNDS an dem DFKI?", '29. Oktober 2025'],
  ])('(%s) "%s" quotes "%s" from a passage the search did not show, citing each document once', async (lang, question, fact) => {
    const search = await made.app.request(`/api/search?q=${encodeURIComponent(question)}&lang=${lang}&k=4`);
    expect(search.status).toBe(200);
    const shown = ((await search.json()) as { results: Passage[] }).results;
    expect(shown.some((passage) => passage.text.includes(fact))).toBe(false);

    const response = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: question }) });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { lang: string; answer: string; answered: boolean; sources: { n: number; docId: string }[] };
    expect(reply.lang).toBe(lang);
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain(fact);
    const cited = reply.sources.map((source) => source.docId);
    expect(new Set(cited).size).toBe(cited.length);
    for (const docId of cited) expect(shown.map((passage) => passage.docId)).toContain(docId);
    for (const source of reply.sources) expect(reply.answer).toContain(`[${source.n}]`);
  });
});
