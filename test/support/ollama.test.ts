// Drives the Ollama stand-in with the real clients (ollama-js, @langchain/ollama) so it stays faithful to what they send and expect.
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOllama, OllamaEmbeddings } from '@langchain/ollama';
import { type ChatResponse, Ollama } from 'ollama';
import { it as base, describe, expect } from 'vitest';
import { z } from 'zod';
import {
  ChatStreamLineSchema,
  cosineSimilarity,
  DEFAULT_500_MESSAGE,
  DEFAULT_FALLBACK_TEXT,
  DEFAULT_VERSION,
  embedText,
  modelNotFoundMessage,
  type OllamaStandIn,
  startOllamaStandIn,
} from './ollama/index.ts';

const CHAT_MODEL = 'qwen3:8b';
const EMBED_MODEL = 'bge-m3';

// Fixtures rather than module-level variables: a test that outlives its timeout cannot touch the next test's server.
const it = base.extend<{ standIn: OllamaStandIn; client: Ollama }>({
  // Vitest reads fixture dependencies from the destructuring pattern, so the unused first argument stays `{}`.
  standIn: async ({}, use) => {
    const standIn = await startOllamaStandIn();
    await use(standIn);
    await standIn.close();
  },
  client: async ({ standIn }, use) => {
    const client = new Ollama({ host: standIn.url });
    await use(client);
    client.abort();
  },
});

const delay = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** Parts read before the stream failed, and the failure. */
async function collectUntilError<T>(stream: AsyncIterable<T>): Promise<{ parts: T[]; error: unknown }> {
  const parts: T[] = [];
  try {
    for await (const part of stream) parts.push(part);
  } catch (error) {
    return { parts, error };
  }
  return { parts, error: undefined };
}

const ask = (content: string) => ({ model: CHAT_MODEL, messages: [{ role: 'user', content }] });

const chatModel = (standIn: OllamaStandIn) => new ChatOllama({ baseUrl: standIn.url, model: CHAT_MODEL, temperature: 0 });
const plainChatModel = (standIn: OllamaStandIn) => new ChatOllama({ baseUrl: standIn.url, model: CHAT_MODEL });

const searchDocs = tool(async ({ query }) => `results for ${query}`, {
  name: 'search_docs',
  description: 'Search the AI Factory documentation',
  schema: z.object({ query: z.string(), limit: z.number().int().optional() }),
});

const searchDocsDefinition = {
  type: 'function',
  function: {
    name: 'search_docs',
    description: 'Search the AI Factory documentation',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  },
};

describe('ollama-js client', () => {
  it('streams one scripted token per line and ends with done statistics', async ({ standIn, client }) => {
    standIn.script.push({ tokens: ['Bon', 'jour', ' !'] });
    const parts = await collect(await client.chat({ ...ask('Salut'), stream: true }));

    expect(parts.map((p) => p.message.content)).toEqual(['Bon', 'jour', ' !', '']);
    expect(parts.slice(0, -1).every((p) => !p.done && p.message.role === 'assistant')).toBe(true);
    const last = parts.at(-1)!;
    expect(last).toMatchObject({ model: CHAT_MODEL, done: true, done_reason: 'stop', eval_count: 3 });
    expect(last.total_duration).toBeGreaterThan(0);
    expect(last.prompt_eval_count).toBeGreaterThan(0);
    for (const part of parts) expect(ChatStreamLineSchema.safeParse(part).success).toBe(true);
  });

  it('answers application/x-ndjson when streaming and a single JSON object with stream:false', async ({ standIn }) => {
    standIn.script.push({ content: 'one two' }, { content: 'one two' });
    const streamed = await fetch(`${standIn.url}/api/chat`, { method: 'POST', body: JSON.stringify(ask('hi')) });
    expect(streamed.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await streamed.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as ChatResponse);
    expect(lines.map((l) => l.done)).toEqual([false, false, true]);

    const single = await fetch(`${standIn.url}/api/chat`, { method: 'POST', body: JSON.stringify({ ...ask('hi'), stream: false }) });
    expect(single.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await single.json()).toMatchObject({ message: { role: 'assistant', content: 'one two' }, done: true, done_reason: 'stop' });
  });

  it('honours stream:false and done_reason length', async ({ standIn, client }) => {
    standIn.script.push({ content: 'The quota is 500 GPU hours', doneReason: 'length' });
    const response = await client.chat({ ...ask('quota?'), stream: false });
    expect(response.message.content).toBe('The quota is 500 GPU hours');
    expect(response).toMatchObject({ done: true, done_reason: 'length', eval_count: 6 });
  });

  it('uses the fallback once the queue is empty and lets a reply be a function of the request', async ({ standIn, client }) => {
    standIn.script.push((request) => ({ content: `echo: ${request.messages?.at(-1)?.content}` }));
    expect(standIn.script.remaining()).toBe(1);
    expect((await client.chat(ask('ping'))).message.content).toBe('echo: ping');
    expect((await client.chat(ask('ping'))).message.content).toBe(DEFAULT_FALLBACK_TEXT);
    standIn.script.setFallback({ content: 'fixed' });
    expect((await client.chat(ask('ping'))).message.content).toBe('fixed');
  });

  it('streams thinking only when the request asks for it', async ({ standIn, client }) => {
    standIn.script.push({ thinking: 'Let me check', content: 'Yes' }, { thinking: 'Let me check', content: 'Yes' });
    const thinking = await collect(await client.chat({ ...ask('?'), think: true, stream: true }));
    expect(thinking.map((p) => p.message.thinking ?? '').join('')).toBe('Let me check');
    const plain = await client.chat({ ...ask('?'), stream: false });
    expect(plain.message).toEqual({ role: 'assistant', content: 'Yes' });
  });

  it('sends tool calls with object arguments on a line whose content is empty', async ({ standIn, client }) => {
    standIn.script.push({ toolCalls: [{ name: 'search_docs', arguments: { query: 'GPU quota', limit: 3 } }] });
    const parts = await collect(await client.chat({ ...ask('find the quota'), tools: [searchDocsDefinition], stream: true }));

    const withCalls = parts.filter((p) => p.message.tool_calls?.length);
    expect(withCalls).toHaveLength(1);
    expect(withCalls[0]!.message.content).toBe('');
    const call = withCalls[0]!.message.tool_calls![0]!;
    expect(call.function.name).toBe('search_docs');
    expect(call.function.arguments).toEqual({ query: 'GPU quota', limit: 3 });
    expect(typeof call.function.arguments).toBe('object');
    expect(parts.at(-1)).toMatchObject({ done: true, done_reason: 'stop' });
  });

  it('drops scripted tool calls when the request offers no tools, like a model that was never told about them', async ({ standIn, client }) => {
    standIn.script.push({ content: 'plain', toolCalls: [{ name: 'search_docs', arguments: {} }] });
    const response = await client.chat({ ...ask('x'), stream: false });
    expect(response.message).toEqual({ role: 'assistant', content: 'plain' });
  });

  it('embeds a string or a list into normalised, deterministic, lexically similar vectors', async ({ client }) => {
    const single = await client.embed({ model: EMBED_MODEL, input: 'GPU allocation for research projects' });
    expect(single.embeddings).toHaveLength(1);
    expect(single.embeddings[0]).toHaveLength(1024);
    expect(Math.hypot(...single.embeddings[0]!)).toBeCloseTo(1, 6);
    expect(single.embeddings[0]).toEqual(embedText('GPU allocation for research projects'));
    expect(single).toMatchObject({ model: EMBED_MODEL, prompt_eval_count: expect.any(Number) });

    const [query, related, unrelated] = (
      await client.embed({ model: EMBED_MODEL, input: ['How do I request GPU allocation?', 'GPU allocation requests are reviewed weekly', 'Le restaurant ferme à midi'] })
    ).embeddings;
    expect(cosineSimilarity(query!, related!)).toBeGreaterThan(0.3);
    expect(cosineSimilarity(query!, related!)).toBeGreaterThan(cosineSimilarity(query!, unrelated!) + 0.2);
  });

  it('truncates to the requested dimensions and renormalises', async ({ client }) => {
    const { embeddings } = await client.embed({ model: EMBED_MODEL, input: ['alpha beta gamma'], dimensions: 64 });
    expect(embeddings[0]).toHaveLength(64);
    expect(Math.hypot(...embeddings[0]!)).toBeCloseTo(1, 6);
  });

  it('lists installed models with Ollama details, running models and the version', async ({ client }) => {
    const { models } = await client.list();
    expect(models.map((m) => m.name)).toEqual(['qwen3:8b', 'bge-m3:latest']);
    expect(models[0]).toMatchObject({ model: 'qwen3:8b', details: { format: 'gguf', family: 'qwen3', parameter_size: '8B' } });
    expect(models[0]!.digest).toMatch(/^[0-9a-f]{64}$/);

    const running = await client.ps();
    expect(running.models.map((m) => m.name).sort()).toEqual(['bge-m3:latest', 'qwen3:8b']);
    expect(Date.parse(String(running.models[0]!.expires_at))).toBeGreaterThan(Date.now());

    expect(await client.version()).toEqual({ version: DEFAULT_VERSION });
  });

  it('reports in /api/ps only what requests loaded when it starts cold, and unloads on keep_alive 0', async () => {
    const cold = await startOllamaStandIn({ loadedModels: [], version: '0.99.0' });
    const coldClient = new Ollama({ host: cold.url });
    try {
      expect((await coldClient.ps()).models).toEqual([]);
      await coldClient.chat(ask('warm up'));
      expect((await coldClient.ps()).models.map((m) => m.name)).toEqual([CHAT_MODEL]);
      const unload = await coldClient.chat({ model: CHAT_MODEL, messages: [], keep_alive: 0 });
      expect(unload).toMatchObject({ done: true, done_reason: 'unload' });
      expect((await coldClient.ps()).models).toEqual([]);
      expect(await coldClient.version()).toEqual({ version: '0.99.0' });
    } finally {
      await cold.close();
    }
  });

  it('answers a missing model with 404 and the message real Ollama uses on that route', async ({ client }) => {
    const chat = client.chat({ ...ask('hi'), model: 'llama9:70b' });
    await expect(chat).rejects.toMatchObject({ name: 'ResponseError', status_code: 404, error: "model 'llama9:70b' not found" });

    const embed = client.embed({ model: 'nomic-embed-text', input: 'x' });
    await expect(embed).rejects.toMatchObject({ status_code: 404, error: 'model "nomic-embed-text" not found, try pulling it first' });
    expect(modelNotFoundMessage('/api/embed', 'x')).toBe('model "x" not found, try pulling it first');
  });

  it('refuses chat on an embedding-only model with 400', async ({ client }) => {
    await expect(client.chat({ ...ask('hi'), model: EMBED_MODEL })).rejects.toMatchObject({ status_code: 400, error: '"bge-m3" does not support chat' });
  });

  it('serves /api/generate from the same script', async ({ standIn, client }) => {
    standIn.script.push({ content: 'Generated text here' });
    const response = await client.generate({ model: CHAT_MODEL, prompt: 'Write', stream: false });
    expect(response).toMatchObject({ response: 'Generated text here', done: true, done_reason: 'stop' });
  });

  it('says "Ollama is running" on GET and HEAD /', async ({ standIn }) => {
    const get = await fetch(`${standIn.url}/`);
    expect(await get.text()).toBe('Ollama is running');
    const head = await fetch(`${standIn.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('records what the client sent: method, path, headers, model, messages and stream flag', async ({ standIn, client }) => {
    await client.chat({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'Moien' }], stream: false, options: { temperature: 0 } });
    const [recorded] = standIn.requests;
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/api/chat',
      body: { model: CHAT_MODEL, messages: [{ role: 'user', content: 'Moien' }], stream: false, options: { temperature: 0 } },
    });
    expect(recorded!.headers['user-agent']).toMatch(/^ollama-js\//);
    expect(recorded!.headers['content-type']).toBe('application/json');
    expect(recorded!.time).toBeLessThanOrEqual(Date.now());
  });
});

describe('@langchain/ollama', () => {
  it('ChatOllama.invoke joins the streamed tokens and reports usage', async ({ standIn }) => {
    standIn.script.push({ content: 'The AI Factory is in Bissen.' });
    const message = await chatModel(standIn).invoke([new SystemMessage('Answer briefly.'), new HumanMessage('Where is the AI Factory?')]);

    expect(message.content).toBe('The AI Factory is in Bissen.');
    expect(message.usage_metadata).toMatchObject({ output_tokens: 6, input_tokens: expect.any(Number) });
    expect(standIn.requests.at(-1)).toMatchObject({
      path: '/api/chat',
      body: {
        model: CHAT_MODEL,
        stream: true,
        options: { temperature: 0 },
        messages: [
          { role: 'system', content: 'Answer briefly.' },
          { role: 'user', content: 'Where is the AI Factory?' },
        ],
      },
    });
  });

  it('ChatOllama.stream yields the scripted tokens in order', async ({ standIn }) => {
    standIn.script.push({ tokens: ['Moien', ',', ' wéi', ' geet', "'s", '?'] });
    const chunks = await collect(await chatModel(standIn).stream('Say hello in Luxembourgish'));
    const texts = chunks.map((c) => c.content).filter((c) => c !== '');
    expect(texts).toEqual(['Moien', ',', ' wéi', ' geet', "'s", '?']);
  });

  it('bindTools sends the tool schema and parses tool_calls into AIMessage.tool_calls', async ({ standIn }) => {
    standIn.script.push({ toolCalls: [{ name: 'search_docs', arguments: { query: 'GPU quota' } }] });
    const message = await chatModel(standIn).bindTools([searchDocs]).invoke('How much GPU time do I get?');

    expect(message.tool_calls).toHaveLength(1);
    expect(message.tool_calls![0]).toMatchObject({ name: 'search_docs', args: { query: 'GPU quota' }, type: 'tool_call' });
    const body = standIn.requests.at(-1)!.body as { tools: { function: { name: string; parameters: { properties: object } } }[] };
    expect(body.tools[0]!.function.name).toBe('search_docs');
    expect(Object.keys(body.tools[0]!.function.parameters.properties)).toEqual(['query', 'limit']);
  });

  it('OllamaEmbeddings embeds queries and documents with the stand-in vectors', async ({ standIn }) => {
    const embeddings = new OllamaEmbeddings({ baseUrl: standIn.url, model: EMBED_MODEL });
    const docs = ['Storage quotas for projects', 'Requesting GPU hours on MeluXina', 'Cafeteria opening times'];
    const docVectors = await embeddings.embedDocuments(docs);
    const query = await embeddings.embedQuery('how many GPU hours can I request');

    expect(docVectors).toEqual(docs.map((d) => embedText(d)));
    const best = docVectors.map((v, i) => ({ i, score: cosineSimilarity(query, v) })).sort((a, b) => b.score - a.score)[0];
    expect(best!.i).toBe(1);
    expect(standIn.requests.at(-1)).toMatchObject({ path: '/api/embed', body: { model: EMBED_MODEL, input: ['how many GPU hours can I request'] } });
  });
});

describe('fault injection', () => {
  it('status500 surfaces as an error, for the next request only when counted', async ({ standIn, client }) => {
    standIn.setFault({ status500: true, times: 1, path: '/api/chat' });
    await expect(client.chat(ask('hi'))).rejects.toMatchObject({ status_code: 500, error: DEFAULT_500_MESSAGE });
    await expect(client.chat(ask('hi'))).resolves.toMatchObject({ done: true });
    expect(standIn.requests.map((r) => r.fault)).toEqual(['status500', undefined]);

    standIn.setFault({ status500: 'runner crashed' });
    await expect(plainChatModel(standIn).invoke('hi')).rejects.toThrow('runner crashed');
  });

  it('a dropped stream fails the consumer after the tokens already sent', async ({ standIn, client }) => {
    standIn.setFault({ dropAfterTokens: 2, path: '/api/chat' });
    standIn.script.push({ tokens: ['a', 'b', 'c', 'd'] }, { tokens: ['a', 'b', 'c', 'd'] });

    const { parts, error } = await collectUntilError(await client.chat({ ...ask('x'), stream: true }));
    expect(parts.map((p) => p.message.content)).toEqual(['a', 'b']);
    expect(error).toBeInstanceOf(Error);

    const langchain = await collectUntilError(await plainChatModel(standIn).stream('x'));
    expect(langchain.parts.map((c) => c.content).join('')).toBe('ab');
    expect(langchain.error).toBeInstanceOf(Error);
  });

  it('a slow first token measurably delays the first chunk', async ({ standIn, client }) => {
    const timeToFirstChunk = async () => {
      const started = performance.now();
      const stream = await client.chat({ ...ask('x'), stream: true });
      await stream[Symbol.asyncIterator]().next();
      const elapsed = performance.now() - started;
      stream.abort();
      return elapsed;
    };
    const baseline = await timeToFirstChunk();
    standIn.setFault({ firstTokenDelayMs: 300, times: 1 });
    const slowed = await timeToFirstChunk();
    expect(slowed).toBeGreaterThanOrEqual(290);
    expect(slowed - baseline).toBeGreaterThan(200);
  });

  it('tokenDelayMs spaces the tokens out', async ({ standIn, client }) => {
    standIn.setFault({ tokenDelayMs: 40 });
    standIn.script.push({ tokens: ['1', '2', '3', '4'] });
    const started = performance.now();
    await collect(await client.chat({ ...ask('count'), stream: true }));
    // Three gaps between four tokens plus the one before the final line.
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('a stall can be detected by a consumer timeout, and close() still returns promptly', async ({ standIn, client }) => {
    standIn.setFault({ stallAfterTokens: 1, path: '/api/chat' });
    standIn.script.push({ tokens: ['first', ' second'] });
    const stream = await client.chat({ ...ask('x'), stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.message.content).toBe('first');
    const pending = iterator.next();
    pending.catch(() => undefined);
    expect(await Promise.race([pending, delay(200)])).toBe('timeout');

    // Stalled before the first byte. ChatOllama 1.3 does not hand its call signal to fetch, so the
    // timeout has to live in the fetch it is given.
    standIn.setFault({ stallAfterTokens: 0, path: '/api/chat' });
    const withTimeout: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: AbortSignal.any([AbortSignal.timeout(200), ...(init?.signal ? [init.signal] : [])]) });
    const started = performance.now();
    await expect(new ChatOllama({ baseUrl: standIn.url, model: CHAT_MODEL, fetch: withTimeout }).invoke('x')).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);

    const closing = performance.now();
    await standIn.close();
    expect(performance.now() - closing).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it('refuse closes the connection before any answer', async ({ standIn, client }) => {
    standIn.setFault({ refuse: true, times: 1 });
    await expect(client.list()).rejects.toThrow();
    expect((await client.list()).models).toHaveLength(2);
    expect(standIn.requests.map((r) => [r.path, r.fault])).toEqual([
      ['/api/tags', 'refuse'],
      ['/api/tags', undefined],
    ]);
  });

  it('a fault scoped to a path leaves other routes alone, and null clears faults', async ({ standIn, client }) => {
    standIn.setFault({ status500: true, path: '/api/embed' });
    await expect(client.chat(ask('x'))).resolves.toMatchObject({ done: true });
    await expect(client.embed({ model: EMBED_MODEL, input: 'x' })).rejects.toMatchObject({ status_code: 500 });
    standIn.setFault(null);
    await expect(client.embed({ model: EMBED_MODEL, input: 'x' })).resolves.toMatchObject({ model: EMBED_MODEL });
  });
});

describe('schema guard', () => {
  it('refuses to send a response that breaks the schemas and makes close() fail loudly', async () => {
    const guarded = await startOllamaStandIn();
    const guardedClient = new Ollama({ host: guarded.url });
    guarded.script.push({ toolCalls: [{ name: '', arguments: {} }] });

    const chat = guardedClient.chat({ ...ask('x'), tools: [searchDocsDefinition], stream: false });
    await expect(chat).rejects.toMatchObject({ status_code: 500, error: expect.stringContaining('Ollama stand-in bug') });
    expect(guarded.violations).toHaveLength(1);
    await expect(guarded.close()).rejects.toThrow(/refused 1 invalid response/);
  });
});
