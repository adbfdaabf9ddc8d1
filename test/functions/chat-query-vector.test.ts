// A turn asks the embedding model for its query's vector once, before its question is stored: the request travels
// while the question is written and the turn checks intents and approved answers, and the search uses that vector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../agents/public/agent.ts';
import { makeApp } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';
import { parseSse, type SseEvent } from '../support/sse.ts';

let ollama: OllamaStandIn;
let made: Awaited<ReturnType<typeof makeApp>>;

beforeAll(async () => {
  ollama = await startOllamaStandIn({ models: ['qwen3:8b', 'bge-m3'], embeddingOnlyModels: ['bge-m3'] });
  made = await makeApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' } });
});
afterAll(async () => {
  made.dispose();
  await ollama.close();
});

async function ask(body: Record<string, unknown>): Promise<SseEvent[]> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  return parseSse(await response.text());
}

/** What each embedding request since `from` asked for, and when it reached the model, next to the chat request. */
function since(from: number) {
  const requests = ollama.requests.slice(from);
  const inputs = (body: unknown) => [(body as { input: string | string[] }).input].flat();
  return {
    embedded: requests.filter((r) => r.path === '/api/embed').flatMap((r) => inputs(r.body)),
    order: requests.filter((r) => r.path === '/api/embed' || r.path === '/api/chat').map((r) => r.path),
  };
}

describe('the query vector of a turn', () => {
  it('is asked for once, before the model is, for a first question and for a follow-up that leans on it', async () => {
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will become ', 'more powerful [1].'] });
    const first = 'How much more powerful will the MeluXina-AI supercomputer become?';
    let from = ollama.requests.length;
    const opened = await ask({ message: first });
    expect(opened.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
    expect(since(from)).toEqual({ embedded: [first], order: ['/api/embed', '/api/chat'] });

    const meta = opened.find((e) => e.event === 'meta')!.data as { conversationId: string; conversationToken: string };
    ollama.script.push({ tokens: ['It is ', 'run by LuxProvide [1].'] });
    from = ollama.requests.length;
    const followUp = 'And who runs it?';
    await ask({ message: followUp, conversationId: meta.conversationId, conversationToken: meta.conversationToken });
    expect(since(from).embedded).toEqual([`${first} ${followUp}`]);
  });

  it('is not asked for when nothing will be searched: a message to staff who hold the conversation', async () => {
    const opened = await ask({ message: 'I would like to talk to a person, please.' });
    const meta = opened.find((e) => e.event === 'meta')!.data as { conversationId: string; conversationToken: string; mode: string };
    const from = ollama.requests.length;
    const waiting = await ask({ message: 'How much more powerful will MeluXina-AI become?', conversationId: meta.conversationId, conversationToken: meta.conversationToken });
    expect(waiting.find((e) => e.event === 'meta')).toMatchObject({ data: { mode: 'staff' } });
    expect(since(from)).toEqual({ embedded: [], order: [] });
  });

  it('still answers, from the words alone, when the embedding model fails, without asking it again', async () => {
    ollama.setFault({ path: '/api/embed', status500: true });
    try {
      ollama.script.push({ tokens: ['MeluXina-AI ', 'will become ', 'more powerful [1].'] });
      const from = ollama.requests.length;
      const events = await ask({ message: 'How much more powerful will MeluXina-AI become?' });
      expect(events.some((e) => e.event === 'error')).toBe(false);
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
      // A retry would come after a second's backoff, with the visitor waiting.
      expect(since(from).embedded).toHaveLength(1);
    } finally {
      ollama.setFault(null);
    }
  });

  it('waits for a stuck embedding host no longer than the query-vector time, then answers from the words alone', async () => {
    const quick = await makeApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' }, llmTimeouts: { ...DEFAULT_TIMEOUTS, queryVectorMs: 300 } });
    ollama.setFault({ path: '/api/embed', stallAfterTokens: 0 });
    try {
      ollama.script.push({ tokens: ['MeluXina-AI ', 'will become ', 'more powerful [1].'] });
      const started = performance.now();
      const response = await quick.app.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ message: 'How much more powerful will MeluXina-AI become?' }),
      });
      const events = parseSse(await response.text());
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
    } finally {
      ollama.setFault(null);
      quick.dispose();
    }
  });
});
