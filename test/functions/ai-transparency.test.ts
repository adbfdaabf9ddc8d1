// AI Act Art. 50 over HTTP, against the real app on 127.0.0.1: a new conversation opens with the AI notice in its
// language, in both assistants; every answer, JSON or SSE, says how it was made (`mode`), before its first token on
// a stream; an answer from the model is stored with its model; while a person holds a conversation the chat answers
// `mode: "staff"` with no AI text, and the history tells the AI's answers from a person's by role and author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../agents/language/languages.ts';
import { saveAccount } from '../../agents/staff/accounts.ts';
import { serveApp, type Served } from '../support/browser.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';
import { parseSse, tokensOf } from '../support/sse.ts';

const QUESTIONS: Record<Lang, string> = {
  en: 'Who operates the MeluXina supercomputer?',
  fr: 'Qui exploite le supercalculateur MeluXina ?',
  de: 'Wer betreibt den Supercomputer MeluXina?',
  lb: 'Wien bedreift de Supercomputer MeluXina zu Lëtzebuerg?',
};
const PASSWORD = 'correct horse battery';

let offline: Served;
let llm: Served;
let ollama: OllamaStandIn;

beforeAll(async () => {
  ollama = await startOllamaStandIn({ models: ['mistral-small3.2'], embeddingOnlyModels: [] });
  [offline, llm] = await Promise.all([
    serveApp({ env: { LLM_MODE: 'offline' } }),
    serveApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'mistral-small3.2', EMBED_MODEL: 'bge-m3' }, cooldownMs: 0 }),
  ]);
  await saveAccount(offline.deps, { email: 'lea@ai-factory.lu', name: 'Léa Muller', role: 'reviewer', lang: 'fr' }, PASSWORD, 'test');
});
afterAll(async () => {
  await offline?.close();
  await llm?.close();
  await ollama?.close();
});

// The teachers' assistant says it is theirs, and to check its answers before class.
const notice = (served: Served, lang: Lang, assistant: 'public' | 'education' = 'public') => served.deps.i18n.forLang(lang)(assistant === 'education' ? 'chat:edu.ai_notice' : 'chat:ai_notice');

type JsonAnswer = { conversationId: string; conversationToken: string; lang: Lang; mode: string; answer: string; answered: boolean; messageId: string };

async function chat(served: Served, body: Record<string, unknown>, accept = 'application/json', token?: string): Promise<Response> {
  return fetch(`${served.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function ask(served: Served, body: Record<string, unknown>, token?: string): Promise<JsonAnswer> {
  const response = await chat(served, body, 'application/json', token);
  expect(response.status).toBe(200);
  return (await response.json()) as JsonAnswer;
}

describe('AI transparency of the chat API (AI Act Art. 50)', () => {
  it('opens a new conversation in each language and in both assistants with the AI notice, and every JSON answer carries its mode', async () => {
    for (const lang of LANGS)
      for (const assistant of ['public', 'education'] as const) {
        const first = await ask(offline, { message: QUESTIONS[lang], lang, assistant });
        expect(first, `${assistant} ${lang}`).toMatchObject({ lang, mode: 'offline', answered: true });
        expect(first.answer.startsWith(`${notice(offline, lang, assistant)}\n\n`), `${assistant} ${lang}: ${first.answer}`).toBe(true);
        const next = await ask(offline, { message: QUESTIONS[lang], lang, conversationId: first.conversationId }, first.conversationToken);
        expect(next, `${assistant} ${lang}`).toMatchObject({ lang, mode: 'offline' });
      }
  });

  it('streams the mode in the meta event before the first token, and the first words are the notice', async () => {
    for (const lang of LANGS) {
      const response = await chat(offline, { message: QUESTIONS[lang], lang }, 'text/event-stream');
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = parseSse(await response.text());
      expect(events[0], lang).toMatchObject({ event: 'meta', data: { lang, mode: 'offline' } });
      expect(events.findIndex((e) => e.event === 'token')).toBeGreaterThan(0);
      expect(tokensOf(events).startsWith(notice(offline, lang)), lang).toBe(true);
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
    }
  });

  it('says mode "llm" when the model answers, on the stream and in JSON, and stores the answer with its model', async () => {
    ollama.script.push({ tokens: ['LuxProvide ', 'operates ', 'MeluXina [1].'] }, { content: 'LuxProvide bedreift MeluXina [1].' });
    const events = parseSse(await (await chat(llm, { message: QUESTIONS.en, lang: 'en' }, 'text/event-stream')).text());
    expect(events[0]).toMatchObject({ event: 'meta', data: { lang: 'en', mode: 'llm' } });
    expect(tokensOf(events)).toBe(`${notice(llm, 'en')}\n\nLuxProvide operates MeluXina [1].`);
    const { messageId } = events.at(-1)!.data as { messageId: string };

    const json = await ask(llm, { message: QUESTIONS.lb, lang: 'lb' });
    expect(json).toMatchObject({ lang: 'lb', mode: 'llm', answered: true, answer: `${notice(llm, 'lb')}\n\nLuxProvide bedreift MeluXina [1].` });

    const stored = await llm.db.client.execute({ sql: 'SELECT mode, model FROM messages WHERE id IN (?, ?) ORDER BY mode', args: [messageId, json.messageId] });
    expect(stored.rows.map((row) => ({ ...row }))).toEqual([
      { mode: 'llm', model: 'mistral-small3.2' },
      { mode: 'llm', model: 'mistral-small3.2' },
    ]);
  });

  it('answers mode "staff" without AI text while a person holds the conversation, and the history labels who wrote what', async () => {
    const first = await ask(offline, { message: QUESTIONS.fr, lang: 'fr' });
    const auth = { authorization: `Bearer ${first.conversationToken}` };
    expect((await fetch(`${offline.url}/api/conversations/${first.conversationId}/escalate`, { method: 'POST', headers: auth })).status).toBe(200);

    const login = await fetch(`${offline.url}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lea@ai-factory.lu', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const staff = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const base = `${offline.url}/api/staff/conversations/${first.conversationId}`;
    expect((await fetch(`${base}/claim`, { method: 'POST', headers: staff })).status).toBe(200);
    const reply = await fetch(`${base}/messages`, { method: 'POST', headers: { ...staff, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Bonjour, je regarde votre question.' }) });
    expect(reply.status).toBe(201);

    const held = await ask(offline, { message: 'Merci, j’attends.', conversationId: first.conversationId }, first.conversationToken);
    expect(held).toMatchObject({ mode: 'staff', answered: false, answer: '' });

    const history = (await (await fetch(`${offline.url}/api/conversations/${first.conversationId}/messages`, { headers: auth })).json()) as { messages: { role: string; author?: string; content: string }[] };
    const authors = history.messages.map(({ role, author }) => (author ? `${role}:${author}` : role));
    // The assistant's answer, then Léa's message with her first name, then what the visitor wrote to her.
    expect(authors).toEqual(['user', 'assistant', 'staff:Léa', 'user']);
    expect(history.messages[1]!.content.startsWith(notice(offline, 'fr'))).toBe(true);

    const transcript = (await (await fetch(base, { headers: staff })).json()) as { messages: { role: string; mode: string | null }[] };
    expect(transcript.messages.filter((m) => m.role === 'assistant').map((m) => m.mode)).toEqual(['offline']);
  });
});
