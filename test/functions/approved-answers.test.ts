// Knowledge gaps and approved answers through HTTP on the real app: the staff gate of every new route (401, CSRF,
// roles), bad input as localized 400s, the audit rows; and what must show: a staff member finds a gap, writes an
// approved answer in French, and a visitor asking a paraphrase gets it verbatim, cited and marked approved — offline
// and with a model (which is then not called).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { makeApp } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';
import { parseSse, tokensOf } from '../support/sse.ts';
import { errorOf, staffSession } from '../support/staff.ts';

type App = Awaited<ReturnType<typeof makeApp>>;
type Headers = Record<string, string>;
type Session = Awaited<ReturnType<typeof staffSession>>;
type ChatAnswer = { conversationId: string; conversationToken: string; messageId: string; lang: string; mode: string; answer: string; answered: boolean; approved: boolean; sources: { n: number; docId: string; title: string; lang: string; snippet: string }[] };

const ADMIN = { email: 'ada@ai-factory.lu', name: 'Ada Admin', password: 'admin password long' };
const REVIEWER = { email: 'rita@ai-factory.lu', name: 'Rita Reviewer', password: 'reviewer password long' };
const ANSWER_FR =
  'Les nouvelles de la Luxembourg AI Factory, comme le lancement de son catalogue de services [1], sont publiées sur les canaux officiels de Luxinnovation, son guichet unique [2].';

async function withStaff(made: App) {
  await saveAccount(made.deps, { ...ADMIN, role: 'admin', lang: 'fr' }, ADMIN.password, 'test');
  await saveAccount(made.deps, { ...REVIEWER, role: 'reviewer', lang: 'en' }, REVIEWER.password, 'test');
  return { admin: await staffSession(made.app, ADMIN.email, ADMIN.password), reviewer: await staffSession(made.app, REVIEWER.email, REVIEWER.password) };
}

const post = (made: App, path: string, body: unknown, headers: Headers = {}) =>
  made.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
const get = (made: App, path: string, headers: Headers = {}) => made.app.request(path, { headers });
const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

/** A visitor's question as the widget sends it, a new conversation each time unless one is given. */
async function ask(made: App, message: string, lang = 'fr', conversation?: ChatAnswer): Promise<ChatAnswer> {
  const response = await post(made, '/api/chat', { message, lang, ...(conversation ? { conversationId: conversation.conversationId } : {}) }, conversation ? { authorization: `Bearer ${conversation.conversationToken}` } : {});
  expect(response.status).toBe(200);
  return json<ChatAnswer>(response);
}

describe('knowledge gaps and approved answers, offline', () => {
  let made: App;
  let admin: Session;
  let reviewer: Session;
  beforeAll(async () => {
    made = await makeApp({ env: { LLM_MODE: 'offline' } });
    ({ admin, reviewer } = await withStaff(made));
  });
  afterAll(() => made.dispose());

  const ID = '00000000-0000-4000-8000-000000000000';
  const VALID = { lang: 'fr', question: 'L’AI Factory a-t-elle une newsletter ?', answer: ANSWER_FR, docIds: ['service-catalogue-launch', 'getting-support'] };
  const ROUTES = [
    { method: 'GET', path: '/api/staff/gaps?lang=fr' },
    { method: 'GET', path: '/api/staff/documents?lang=fr' },
    { method: 'GET', path: '/api/staff/approved-answers', admin: true },
    { method: 'POST', path: '/api/staff/approved-answers', body: VALID, admin: true },
    { method: 'POST', path: `/api/staff/approved-answers/${ID}/retire`, admin: true },
  ] as const;
  const send = (route: (typeof ROUTES)[number], headers: Headers = {}) =>
    route.method === 'GET' ? get(made, route.path, headers) : post(made, route.path, 'body' in route ? route.body : {}, headers);

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 401 without a session', async (_, route) => {
    const response = await send(route);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthorized');
  });

  it.each(ROUTES.filter((route) => route.method === 'POST').map((route) => [route.path, route] as const))('POST %s answers 403 without the CSRF token, even to an admin', async (_, route) => {
    const attempts: Headers[] = [{ cookie: admin.cookie }, { cookie: admin.cookie, 'x-csrf-token': 'not-the-token' }];
    for (const headers of attempts) {
      const response = await send(route, headers);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('csrf_invalid');
    }
  });

  it.each(ROUTES.filter((route) => 'admin' in route).map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers 403 to a reviewer', async (_, route) => {
    const response = await send(route, reviewer);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('forbidden');
  });

  it('lets a reviewer read the gaps and the documents an answer may cite (the public assistant\'s, in the language asked)', async () => {
    expect((await get(made, '/api/staff/gaps', reviewer)).status).toBe(200);
    const response = await get(made, '/api/staff/documents?lang=lb', reviewer);
    expect(response.status).toBe(200);
    const { documents } = await json<{ documents: { docId: string; title: string; lang: string }[] }>(response);
    expect(documents.length).toBeGreaterThanOrEqual(18);
    expect(documents.every((doc) => doc.lang === 'lb' && !doc.docId.startsWith('edu-'))).toBe(true);
    expect(documents.map((doc) => doc.docId)).toContain('meluxina-supercomputer');
    for (const [path, text] of [['/api/staff/documents', 'Choose the language'], ['/api/staff/documents?lang=pt', 'This language is not available'], ['/api/staff/gaps?lang=xx', 'This language is not available']]) {
      const refused = await get(made, path!, reviewer);
      expect(refused.status, path).toBe(400);
      expect((await errorOf(refused)).message).toContain(text);
    }
    const retired = await get(made, '/api/staff/approved-answers?retired=maybe', admin);
    expect(retired.status).toBe(400);
  });

  it.each([
    ['no question', { ...VALID, question: '  ' }, 'question_missing', 'Veuillez écrire la question'],
    ['a question too long', { ...VALID, question: 'x'.repeat(301) }, 'question_too_long', '300 caractères au maximum'],
    ['no answer', { ...VALID, answer: undefined }, 'answer_missing', 'Veuillez écrire la réponse'],
    ['an answer too long', { ...VALID, answer: 'a'.repeat(4001) }, 'answer_too_long', '4000 caractères'],
    ['no citation', { ...VALID, docIds: [] }, 'citations_missing', 'au moins un document'],
    ['citations that are not a list', { ...VALID, docIds: 'faq' }, 'citations_missing', 'au moins un document'],
    ['too many citations', { ...VALID, docIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'citations_too_many', 'au maximum 6 documents'],
    ['a document cited twice', { ...VALID, docIds: ['faq', 'faq'] }, 'citations_duplicate', 'qu’une fois'],
    ['an unknown language', { ...VALID, lang: 'pt' }, 'lang_unsupported', 'Cette langue n’est pas disponible'],
    ['an unknown document', { ...VALID, docIds: ['faq', 'no-such-doc'] }, 'document_unknown', '« no-such-doc »'],
    ['a teachers\' document', { ...VALID, docIds: ['edu-gdpr-pupils'] }, 'document_unknown', '« edu-gdpr-pupils »'],
    ['a citation marker past its documents', { ...VALID, docIds: ['faq'] }, 'citation_invalid', 'cite [2]'],
    ['an answer that cites nothing', { ...VALID, answer: 'Oui, il y en a une.' }, 'citation_marker_missing', 'mettez [1]'],
    ['no language', { ...VALID, lang: undefined }, 'lang_missing', 'Choisissez la langue'],
    ['a question with no word that names a subject', { ...VALID, question: 'Comment ?' }, 'question_too_vague', 'aucun mot'],
  ])('refuses %s with a 400 in the admin\'s language', async (_, body, code, text) => {
    const response = await post(made, '/api/staff/approved-answers', body, admin);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('answers 404 when retiring an answer that does not exist', async () => {
    const response = await post(made, `/api/staff/approved-answers/${ID}/retire`, {}, admin);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('approved_answer_not_found');
  });

  it('must show: a gap found, a French approved answer written, and a visitor asking a paraphrase gets it verbatim, cited and marked approved', async () => {
    // Visitors ask about a newsletter the knowledge does not mention: no answer.
    const first = await ask(made, 'Comment s’abonner à la newsletter de l’AI Factory ?');
    expect(first).toMatchObject({ answered: false, approved: false, mode: 'offline' });
    await ask(made, 'Y a-t-il une newsletter de l’AI Factory ?');
    // One gets passages that do not answer it, and rates them down; another asks for a person after asking.
    const rated = await ask(made, 'Où puis-je m’inscrire à la newsletter de la Luxembourg AI Factory ?');
    expect(rated.answered).toBe(true);
    const feedback = await post(made, '/api/feedback', { messageId: rated.messageId, rating: 'down' }, { authorization: `Bearer ${rated.conversationToken}` });
    expect(feedback.status).toBe(201);
    const escalating = await ask(made, 'Est-ce que la newsletter de l’AI Factory est gratuite ?');
    await ask(made, 'Je veux parler à une personne', 'fr', escalating);
    // Unrelated noise, in French and in English.
    await ask(made, 'Bonjour !');
    await ask(made, 'Is there a newsletter from the AI Factory?', 'en');

    // A staff member finds the gap: one French group, with counts per kind and the wordings asked.
    const gaps = await json<{ groups: { lang: string; count: number; kinds: Record<string, number>; examples: string[]; approvedAnswerId: string | null }[] }>(await get(made, '/api/staff/gaps?lang=fr', reviewer));
    expect(gaps.groups).toHaveLength(1);
    const [gap] = gaps.groups;
    expect(gap).toMatchObject({ lang: 'fr', count: 4, kinds: { unanswered: 3, thumbs_down: 1, escalated: 1 }, approvedAnswerId: null });
    expect(gap!.examples).toEqual(expect.arrayContaining(['Comment s’abonner à la newsletter de l’AI Factory ?', 'Est-ce que la newsletter de l’AI Factory est gratuite ?']));
    expect(gap!.examples.join(' ')).not.toMatch(/personne|Bonjour/);
    const all = await json<{ groups: { lang: string }[] }>(await get(made, '/api/staff/gaps', reviewer));
    expect(all.groups.map((g) => g.lang).sort()).toEqual(['en', 'fr']);

    // An admin writes the approved answer in French, citing two documents.
    const created = await post(made, '/api/staff/approved-answers', { ...VALID, question: gap!.examples[0] }, admin);
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const audit = await made.db.client.execute({ sql: "SELECT actor, action, details FROM audit_log WHERE subject_type = 'approved_answer' AND subject_id = ?", args: [id] });
    expect(audit.rows.map((row) => ({ ...row }))).toEqual([{ actor: ADMIN.email, action: 'approved_answer.created', details: JSON.stringify({ lang: 'fr', docIds: VALID.docIds }) }]);

    // A visitor asks a paraphrase: the approved answer, verbatim, cited and marked approved; no lead form, no retrieval.
    const answer = await ask(made, 'Comment recevoir la newsletter de l’AI Factory ?');
    expect(answer).toMatchObject({ lang: 'fr', mode: 'offline', answered: true, approved: true });
    expect(answer.answer.endsWith(ANSWER_FR)).toBe(true);
    expect(answer.sources.map((s) => [s.n, s.docId, s.lang])).toEqual([
      [1, 'service-catalogue-launch', 'fr'],
      [2, 'getting-support', 'fr'],
    ]);
    expect(answer.sources.every((s) => s.title.length > 0 && s.snippet.length > 0)).toBe(true);
    // Streamed like any answer: tokens, then the cited documents, then done with approved: true.
    const stream = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message: 'L’AI Factory a-t-elle une newsletter ?', lang: 'fr' }) });
    const events = parseSse(await stream.text());
    expect(events.map((e) => e.event).filter((e, i, all) => e !== all[i - 1])).toEqual(['meta', 'token', 'sources', 'done']);
    expect(tokensOf(events).endsWith(ANSWER_FR)).toBe(true);
    expect(events.at(-1)!.data).toMatchObject({ answered: true, approved: true });

    // The transcript says it was approved, for the widget and for staff.
    const history = await json<{ messages: { role: string; approved: boolean }[] }>(await get(made, `/api/conversations/${answer.conversationId}/messages`, { authorization: `Bearer ${answer.conversationToken}` }));
    expect(history.messages.map((m) => [m.role, m.approved])).toEqual([
      ['user', false],
      ['assistant', true],
    ]);
    const detail = await json<{ messages: { role: string; approvedAnswerId: string | null; mode: string; model: string | null }[] }>(await get(made, `/api/staff/conversations/${answer.conversationId}`, reviewer));
    expect(detail.messages[1]).toMatchObject({ role: 'assistant', approvedAnswerId: id, mode: 'offline', model: null });

    // The gap now shows the answer that covers it; the admin's list shows it with its uses.
    const covered = await json<{ groups: { approvedAnswerId: string | null }[] }>(await get(made, '/api/staff/gaps?lang=fr', reviewer));
    expect(covered.groups[0]!.approvedAnswerId).toBe(id);
    const list = await json<{ answers: { id: string; author: string; uses: number; retiredAt: string | null }[] }>(await get(made, '/api/staff/approved-answers?lang=fr', admin));
    expect(list.answers).toEqual([expect.objectContaining({ id, author: ADMIN.name, uses: 2, retiredAt: null })]);

    // A question it does not answer, in French or another language, gets the usual answer, not approved.
    const other = await ask(made, 'Qui exploite le supercalculateur MeluXina ?');
    expect(other).toMatchObject({ answered: true, approved: false });
    const streamed = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message: 'Qui exploite le supercalculateur MeluXina ?', lang: 'fr' }) });
    expect(parseSse(await streamed.text()).at(-1)).toMatchObject({ event: 'done', data: { answered: true, approved: false } });
    expect(await ask(made, 'Is there a newsletter from the AI Factory?', 'en')).toMatchObject({ approved: false });

    // Retired (twice: the second changes nothing), it is given no more, and stays in the list of retired ones.
    for (let i = 0; i < 2; i++) expect((await post(made, `/api/staff/approved-answers/${id}/retire`, {}, admin)).status).toBe(200);
    expect(await ask(made, 'Comment recevoir la newsletter de l’AI Factory ?')).toMatchObject({ answered: false, approved: false });
    expect((await json<{ answers: unknown[] }>(await get(made, '/api/staff/approved-answers', admin))).answers).toEqual([]);
    const retired = await json<{ answers: { id: string; retiredAt: string | null }[] }>(await get(made, '/api/staff/approved-answers?retired=true', admin));
    expect(retired.answers).toEqual([expect.objectContaining({ id, retiredAt: expect.any(String) })]);
    const actions = await made.db.client.execute({ sql: "SELECT action FROM audit_log WHERE subject_type = 'approved_answer' ORDER BY id", args: [] });
    expect(actions.rows.map((row) => row.action)).toEqual(['approved_answer.created', 'approved_answer.retired']);
  });
});

describe('approved answers with a model', () => {
  let ollama: OllamaStandIn;
  let made: App;
  let admin: Session;
  beforeAll(async () => {
    ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
    made = await makeApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' }, cooldownMs: 0 });
    ({ admin } = await withStaff(made));
  });
  afterAll(async () => {
    made.dispose();
    await ollama.close();
  });

  it('gives the approved answer verbatim without calling the model, and marks every other answer not approved', async () => {
    const created = await post(made, '/api/staff/approved-answers', { lang: 'fr', question: 'L’AI Factory a-t-elle une newsletter ?', answer: ANSWER_FR, docIds: ['service-catalogue-launch', 'getting-support'] }, admin);
    expect(created.status).toBe(201);
    const chats = () => ollama.requests.filter((r) => r.path === '/api/chat').length;
    const before = chats();
    const stream = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ message: 'Où puis-je m’inscrire à la newsletter de la Luxembourg AI Factory ?', lang: 'fr' }) });
    const events = parseSse(await stream.text());
    expect(events[0]).toMatchObject({ event: 'meta', data: { mode: 'llm', lang: 'fr' } });
    expect(tokensOf(events).endsWith(ANSWER_FR)).toBe(true);
    expect((events.find((e) => e.event === 'sources')!.data as { sources: { docId: string }[] }).sources.map((s) => s.docId)).toEqual(['service-catalogue-launch', 'getting-support']);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true, approved: true } });
    expect(chats()).toBe(before);

    // The model answers the rest, not approved.
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will become ', '15 times ', 'more powerful [1].'] });
    const modelled = await ask(made, 'How much more powerful will the MeluXina-AI supercomputer become?', 'en');
    expect(modelled).toMatchObject({ mode: 'llm', answered: true, approved: false });
    expect(chats()).toBe(before + 1);
  });
});
