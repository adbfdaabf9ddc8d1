// llm mode through the Ollama stand-in: token relay, citations, reset, dropped and stalled streams, fallback, load.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';
import { parseSse, tokensOf, type SseEvent } from '../support/sse.ts';

let ollama: OllamaStandIn;
let made: Awaited<ReturnType<typeof makeApp>>;

beforeAll(async () => {
  ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  made = await makeApp({
    env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' },
    llmTimeouts: { firstTokenMs: 2000, idleMs: 400, totalMs: 10_000 },
    cooldownMs: 0,
  });
});
// A failed stream cools the host off; the probe lets it back in, so every test starts with a healthy host.
beforeEach(() => made.deps.llm.probe());
afterAll(async () => {
  made.dispose();
  await ollama.close();
});

const QUESTION = 'How much more powerful will the MeluXina-AI supercomputer become?';

async function ask(message = QUESTION, extra: Record<string, unknown> = {}): Promise<SseEvent[]> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message, ...extra }),
  });
  return parseSse(await response.text());
}
const stored = async (messageId: string) => (await made.db.client.execute({ sql: 'SELECT * FROM messages WHERE id = ?', args: [messageId] })).rows[0]!;
/** The answer stored for the conversation these events opened: no error event carries a message id. */
const answerOf = async (events: { event: string; data: unknown }[]) => {
  const { conversationId } = events.find((e) => e.event === 'meta')!.data as { conversationId: string };
  return (await made.db.client.execute({ sql: "SELECT * FROM messages WHERE conversation_id = ? AND role = 'assistant'", args: [conversationId] })).rows[0]!;
};

describe('POST /api/chat in llm mode', () => {
  it('relays the model tokens, cites the sources it used and stores the answer with its model', async () => {
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will become ', '15 times ', 'more powerful [1].'] });
    const before = ollama.requests.length;
    const events = await ask();
    expect(events[0]).toMatchObject({ event: 'meta', data: { mode: 'llm', lang: 'en' } });
    const text = tokensOf(events);
    expect(text.endsWith('MeluXina-AI will become 15 times more powerful [1].')).toBe(true);
    const sources = (events.find((e) => e.event === 'sources')!.data as { sources: { n: number; docId: string }[] }).sources;
    expect(sources.map((s) => s.n)).toEqual([1]);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ event: 'done', data: { answered: true } });
    const row = await stored((done.data as { messageId: string }).messageId);
    expect(row).toMatchObject({ state: 'complete', mode: 'llm', model: 'qwen3:8b', content: text });

    const sent = ollama.requests.slice(before).find((r) => r.path === '/api/chat')!.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(sent.model).toBe('qwen3:8b');
    expect(sent.stream).toBe(true);
    expect(sent.messages[0]!.role).toBe('system');
    expect(sent.messages[0]!.content).toContain('Answer in English');
    expect(sent.messages[0]!.content).toMatch(/\[1\] .*MeluXina/);
    expect(sent.messages.at(-1)).toEqual({ role: 'user', content: QUESTION });
  });

  it('asks the model in the user\'s language and sends the earlier turns as history', async () => {
    ollama.script.push({ content: 'MeluXina gëtt vu LuxProvide bedriwwen [1].' }, { content: 'MeluXina-AI gëtt 15 Mol méi staark [1].' });
    const first = await ask('Wien bedreift de Supercomputer MeluXina zu Lëtzebuerg?');
    const meta = first[0]!.data as { conversationId: string; conversationToken: string };
    const before = ollama.requests.length;
    await ask('Wéi vill méi staark gëtt MeluXina-AI?', { conversationId: meta.conversationId, conversationToken: meta.conversationToken });
    const sent = ollama.requests.slice(before).find((r) => r.path === '/api/chat')!.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]!.content).toContain('Äntwert op Lëtzebuergesch');
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sent.messages[2]!.content).toContain('LuxProvide');
  });

  it('resets an uncited model answer and replaces it with the quoted passages', async () => {
    ollama.script.push({ content: 'It will be very powerful, trust me.' });
    const events = await ask();
    const reset = events.findIndex((e) => e.event === 'reset');
    expect(reset).toBeGreaterThan(0);
    expect(events[reset]!.data).toEqual({ reason: 'uncited' });
    const after = tokensOf(events.slice(reset));
    expect(after).toContain('[1]');
    expect(after).not.toContain('trust me');
    const done = events.at(-1)!.data as { messageId: string; answered: boolean };
    expect(done.answered).toBe(true);
    expect((await stored(done.messageId)).content).toBe(after);
  });

  it('marks the answer incomplete and sends an error event when the model stream drops', async () => {
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will ', 'become ', 'much ', 'more [1].'] });
    ollama.setFault({ path: '/api/chat', times: 1, dropAfterTokens: 2 });
    const events = await ask();
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'stream_failed', message: expect.stringContaining('interrupted') } });
    expect(events.some((e) => e.event === 'done')).toBe(false);
    const row = await answerOf(events);
    expect(row.state).toBe('incomplete');
    expect(String(row.content)).toContain('MeluXina-AI will');
  });

  it('stops the model call when the visitor leaves mid-answer, and keeps the answer as incomplete', async () => {
    // 40 tokens 50 ms apart: two seconds of answer if nothing stops it.
    ollama.script.push({ tokens: Array.from({ length: 40 }, (_, i) => `word${i} `) });
    ollama.setFault({ path: '/api/chat', tokenDelayMs: 50, times: 1 });
    const response = await made.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: QUESTION }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('word0')) received += decoder.decode((await reader.read()).value);
    const { conversationId } = parseSse(received).find((e) => e.event === 'meta')!.data as { conversationId: string };
    await reader.cancel();
    const answer = async () => (await made.db.client.execute({ sql: "SELECT state, content FROM messages WHERE conversation_id = ? AND role = 'assistant'", args: [conversationId] })).rows[0];
    await expect.poll(async () => (await answer())?.state, { timeout: 1000 }).toBe('incomplete');
    expect(String((await answer())!.content)).not.toContain('word39');
  });

  it('opens no stream on a question it could not store: the request fails at once and nothing is kept', async () => {
    const message = 'Which GPUs does MeluXina-AI have, and how fast will it be after the upgrade?';
    await made.db.client.execute("CREATE TRIGGER refuse_questions BEFORE INSERT ON messages WHEN NEW.role = 'user' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      const started = Date.now();
      const response = await made.app.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-language': 'fr' },
        body: JSON.stringify({ message }),
      });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ error: { code: 'internal', message: expect.any(String) } });
      expect(Date.now() - started).toBeLessThan(1000);
      const kept = await made.db.client.execute({ sql: 'SELECT count(*) AS n FROM messages WHERE content = ? OR conversation_id IN (SELECT id FROM conversations WHERE created_at >= ?)', args: [message, started] });
      expect(kept.rows[0]!.n).toBe(0);
    } finally {
      await made.db.client.execute('DROP TRIGGER refuse_questions');
    }
    // The same question is answered once it can be stored.
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will be ', '15 times more powerful [1].'] });
    const events = await ask(message);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
    expect((await made.db.client.execute({ sql: 'SELECT count(*) AS n FROM messages WHERE content = ?', args: [message] })).rows[0]!.n).toBe(1);
  });

  it('gives up on a stalled stream after the idle timeout', async () => {
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will ', 'become [1].'] });
    ollama.setFault({ path: '/api/chat', times: 1, stallAfterTokens: 1 });
    const started = Date.now();
    const events = await ask();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'stream_failed' } });
    expect((await answerOf(events)).state).toBe('incomplete');
  });

  it('answers offline when the model fails before its first token', async () => {
    ollama.setFault({ path: '/api/chat', times: 1, status500: true });
    const events = await ask();
    expect(events[0]).toMatchObject({ event: 'meta', data: { mode: 'offline' } });
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
    expect(tokensOf(events)).toContain('[1]');
  });

  it('stores every message of 50 concurrent conversations', async () => {
    ollama.script.setFallback({ tokens: ['MeluXina-AI ', 'grows ', '15 times [1].'] });
    const results = await Promise.all(Array.from({ length: 50 }, () => ask()));
    const ids = results.map((events) => (events[0]!.data as { conversationId: string }).conversationId);
    expect(new Set(ids).size).toBe(50);
    expect(results.every((events) => events.at(-1)!.event === 'done')).toBe(true);
    const counts = await made.db.client.execute({
      sql: `SELECT count(*) AS n, sum(state = 'complete') AS complete FROM messages WHERE conversation_id IN (${ids.map(() => '?').join(',')})`,
      args: ids,
    });
    expect(counts.rows[0]).toMatchObject({ n: 100, complete: 100 });
  });
});

describe('a host without the chat model', () => {
  it('is reported as missing and the assistant answers offline', async () => {
    const bare = await startOllamaStandIn({ models: ['bge-m3'] });
    const offline = await makeApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: bare.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'nomic-embed-text' } });
    try {
      expect(offline.deps.llm.missingModels()).toEqual(['qwen3:8b', 'nomic-embed-text']);
      expect(await (await offline.app.request('/healthz')).json()).toMatchObject({ llm: 'offline' });
      const response = await offline.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: QUESTION }) });
      expect(await response.json()).toMatchObject({ mode: 'offline', answered: true });
      expect(bare.requests.some((r) => r.path === '/api/chat')).toBe(false);
    } finally {
      offline.dispose();
      await bare.close();
    }
  });
});
