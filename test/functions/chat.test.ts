import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';
import { parseSse, tokensOf } from '../support/sse.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' } });
});
afterAll(() => made.dispose());

type ChatJson = {
  conversationId: string;
  conversationToken: string;
  lang: string;
  mode: string;
  answer: string;
  answered: boolean;
  messageId: string;
  sources: { n: number; docId: string; title: string; lang: string; snippet: string }[];
  actions: { type: string; lang: string; consent: { version: string; text: string } }[];
  error?: { code: string; message: string };
};

const chat = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ChatJson };
};
const rows = async (sql: string, args: (string | number)[] = []) => (await made.db.client.execute({ sql, args })).rows;

describe('POST /api/chat (JSON, offline)', () => {
  it.each([
    ['en', 'How many training courses does the AI Factory coordinate every year?', 'You are chatting with an AI assistant', '140'],
    ['fr', 'Combien de cours de formation l’AI Factory coordonne-t-elle chaque année ?', 'Vous échangez avec un assistant', '140'],
    ['de', 'Wie viel leistungsfähiger soll der Supercomputer MeluXina-AI werden?', 'Sie chatten mit einem KI-Assistenten', '15'],
    ['lb', 'Wéi vill Formatioune organiséiert d’AI Factory all Joer?', 'Dir chatt mat engem KI-Assistent', '140'],
  ])('answers a %s question with quoted, numbered citations and the AI notice first', async (lang, message, notice, figure) => {
    const { status, body } = await chat({ message });
    expect(status).toBe(200);
    expect(body).toMatchObject({ lang, mode: 'offline', answered: true, conversationId: expect.any(String), conversationToken: expect.any(String) });
    expect(body.answer.startsWith(notice)).toBe(true);
    expect(body.answer).toContain(figure);
    expect(body.sources.length).toBeGreaterThan(0);
    for (const source of body.sources) expect(body.answer).toContain(`[${source.n}]`);
    expect(body.sources.every((s) => s.lang === lang && s.snippet.length > 0)).toBe(true);

    const stored = await rows('SELECT role, content, state, answered, mode FROM messages WHERE conversation_id = ? ORDER BY seq', [body.conversationId]);
    expect(stored.map((r) => [r.role, r.state])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(stored[0]!.content).toBe(message);
    expect(stored[1]!.content).toBe(body.answer);
    const conversation = await rows('SELECT token_hash FROM conversations WHERE id = ?', [body.conversationId]);
    expect(conversation[0]!.token_hash).not.toBe(body.conversationToken);
  });

  it.each([
    ['en', 'What is the best pizza in Luxembourg City?', 'can’t find an answer'],
    ['fr', 'Quelle est la recette de la quiche lorraine ?', 'je ne trouve pas de réponse'],
    ['de', 'Wie lange muss ein Schweinebraten in den Ofen?', 'finde ich in der Dokumentation'],
    ['lb', 'Wéi gëtt d’Wieder dëse Weekend zu Lëtzebuerg?', 'keng Äntwert'],
  ])('refuses an out-of-scope %s question in that language, without sources', async (lang, message, refusal) => {
    const { body } = await chat({ message });
    expect(body).toMatchObject({ lang, answered: false, sources: [] });
    expect(body.answer).toContain(refusal);
  });

  it.each([
    ['en', 'What is the Luxembourg AI Factory?', 'ai-factory-overview'],
    ['fr', 'Qu’est-ce que la Luxembourg AI Factory ?', 'ai-factory-overview'],
    ['de', 'Was ist die Luxembourg AI Factory?', 'ai-factory-overview'],
    ['lb', 'Wat ass d’Luxembourg AI Factory?', 'ai-factory-overview'],
    ['en', 'What is MeluXina?', 'meluxina-supercomputer'],
  ])('answers the short first question people ask (%s: %s)', async (lang, message, docId) => {
    const { body } = await chat({ message }, { 'accept-language': lang });
    expect(body).toMatchObject({ lang, answered: true });
    // The FAQ answers these first questions too.
    expect(body.sources.some((s) => s.docId === docId || s.docId === 'faq')).toBe(true);
  });

  it.each([
    ['financement ?', 'fr'],
    ['Finanzéierung?', 'lb'],
  ] as const)('answers a one-word question that no detector reads in the language whose documents write it (%s)', async (message, lang) => {
    const { body } = await chat({ message });
    expect(body).toMatchObject({ lang, answered: true });
    expect(body.sources.length).toBeGreaterThan(0);
  });

  it('does not answer from another language\'s passage when the question only matches there', async () => {
    const { body } = await chat({ message: 'Who won the Tour de France?' });
    expect(body).toMatchObject({ lang: 'en', answered: false, sources: [] });
  });

  it('names the four languages, in the interface language, for a message in another language', async () => {
    const { body } = await chat({ message: 'Come posso ottenere un finanziamento per la mia azienda di software?' }, { 'accept-language': 'de-LU' });
    expect(body).toMatchObject({ lang: 'de', answered: false, sources: [] });
    expect(body.answer).toContain('Englisch, Französisch, Deutsch und Luxemburgisch');
  });

  it('continues a conversation with the bearer token or the body token, without repeating the AI notice', async () => {
    const first = await chat({ message: 'Who runs the MeluXina supercomputer?' });
    const second = await chat({ message: 'How many AI Factories are there in the European Union?', conversationId: first.body.conversationId }, { authorization: `Bearer ${first.body.conversationToken}` });
    expect(second.status).toBe(200);
    expect(second.body.conversationId).toBe(first.body.conversationId);
    expect(second.body.answer).not.toContain('You are chatting with an AI assistant');
    const third = await chat({ message: 'Which sectors are strategic?', conversationId: first.body.conversationId, conversationToken: first.body.conversationToken });
    expect(third.status).toBe(200);
    const stored = await rows('SELECT seq, role FROM messages WHERE conversation_id = ? ORDER BY seq', [first.body.conversationId]);
    expect(stored.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('answers 403 for a wrong token and 404 for an unknown conversation, localized', async () => {
    const first = await chat({ message: 'Who runs the MeluXina supercomputer?' });
    const wrong = await chat({ message: 'and then?', conversationId: first.body.conversationId }, { authorization: 'Bearer nope', 'accept-language': 'fr' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'token_invalid', message: expect.stringContaining('quelqu’un d’autre') });
    const missing = await chat({ message: 'and then?', conversationId: 'no-such-id', conversationToken: first.body.conversationToken });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('conversation_not_found');
    const stored = await rows('SELECT count(*) AS n FROM messages WHERE conversation_id = ?', [first.body.conversationId]);
    expect(stored[0]!.n).toBe(2);
  });

  it.each([
    ['message_missing', { message: '' }, 400],
    ['message_too_long', { message: 'x'.repeat(4001) }, 400],
    ['lang_unsupported', { message: 'hello', lang: 'pt' }, 400],
    ['not_available', { message: 'Teacher question about lessons', assistant: 'students' }, 400],
    ['json_invalid', '{"message": "unterminated', 400],
  ])('rejects bad input with a localized %s', async (code, body, status) => {
    const response = await chat(body, { 'accept-language': 'lb' });
    expect(response.status).toBe(status);
    expect(response.body.error?.code).toBe(code);
    expect(response.body.error?.message.length).toBeGreaterThan(5);
  });

  it.each(['fr', 'de', 'lb'] as const)('tells a visitor who chose %s in the body what is wrong, in that language, whatever the browser says', async (lang) => {
    const t = made.deps.i18n.forLang(lang);
    for (const [code, message] of [['message_missing', ''], ['message_too_long', 'x'.repeat(4001)]] as const) {
      const response = await chat({ message, lang }, { 'accept-language': 'en' });
      expect(response.status).toBe(400);
      expect(response.body.error?.code).toBe(code);
      expect(response.body.error?.message).toBe(t(`errors.${code}`, { detail: '', max: 4000 }));
      expect(response.body.error?.message).not.toBe(made.deps.i18n.forLang('en')(`errors.${code}`, { detail: '', max: 4000 }));
    }
  });

  it('answers 415 for a body that is not JSON and 413 for one that is too large', async () => {
    const plain = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(plain.status).toBe(415);
    const large = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'x'.repeat(70_000) }) });
    expect(large.status).toBe(413);
    expect(((await large.json()) as ChatJson).error?.code).toBe('payload_too_large');
  });
});

describe('the lead form offline', () => {
  it.each([
    ['en', 'We are a small company and would like funding and support for an AI project. Can someone contact us?'],
    ['fr', 'Nous sommes une PME et nous voudrions un financement pour un projet d’IA. Pouvez-vous nous aider ?'],
    ['de', 'Wir sind ein kleines Unternehmen und möchten Förderung für ein KI-Projekt. Können Sie uns helfen?'],
    ['lb', 'Mir sinn eng kleng Firma a mir wëllen eng Finanzéierung fir e KI-Projet. Kënnt Dir eis hëllefen?'],
  ])('is offered, with the consent text, to a %s request for support', async (lang, message) => {
    const { body } = await chat({ message });
    expect(body.lang).toBe(lang);
    expect(body.actions).toEqual([expect.objectContaining({ type: 'lead_form', lang, consent: expect.objectContaining({ version: expect.any(String), text: expect.stringContaining('Luxinnovation') }) })]);
  });

  it('is not offered for a plain question', async () => {
    const { body } = await chat({ message: 'How much more powerful will the MeluXina-AI supercomputer become?' });
    expect(body.actions).toEqual([]);
  });
});

describe('POST /api/chat (SSE, offline)', () => {
  it('streams meta, tokens, sources and done, and stores exactly what it streamed', async () => {
    const response = await made.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'Welche Sektoren sind für die AI Factory strategisch?' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    expect(events[0]).toMatchObject({ event: 'meta', data: { lang: 'de', mode: 'offline', conversationToken: expect.any(String) } });
    expect(events.slice(-2).map((e) => e.event)).toEqual(['sources', 'done']);
    const done = events.at(-1)!.data as { messageId: string; answered: boolean };
    expect(done.answered).toBe(true);
    const stored = await rows('SELECT content, sources FROM messages WHERE id = ?', [done.messageId]);
    expect(stored[0]!.content).toBe(tokensOf(events));
    expect(JSON.parse(String(stored[0]!.sources))).toEqual((events.at(-2)!.data as { sources: unknown }).sources);
  });
});

describe('GET /api/conversations/:id/messages', () => {
  it('returns the history in order with the bearer token, and refuses others', async () => {
    const first = await chat({ message: 'Who runs the MeluXina supercomputer?' });
    const url = `/api/conversations/${first.body.conversationId}/messages`;
    const ok = await made.app.request(url, { headers: { authorization: `Bearer ${first.body.conversationToken}` } });
    expect(ok.status).toBe(200);
    const history = (await ok.json()) as { messages: { role: string; content: string; state: string; sources: unknown[] }[] };
    expect(history.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(history.messages[1]).toMatchObject({ content: first.body.answer, state: 'complete', sources: first.body.sources });
    expect((await made.app.request(url)).status).toBe(403);
    expect((await made.app.request(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    expect((await made.app.request('/api/conversations/unknown/messages', { headers: { authorization: 'Bearer x' } })).status).toBe(404);
  });
});
