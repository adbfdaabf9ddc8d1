// The agent through POST /api/chat on two Ollama stand-ins, one failing: tool calls, citations, language guard.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';
import { parseSse, tokensOf, type SseEvent } from '../support/sse.ts';

let failing: OllamaStandIn;
let good: OllamaStandIn;
let made: Awaited<ReturnType<typeof makeApp>>;

beforeAll(async () => {
  failing = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  good = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  made = await makeApp({
    env: { LLM_MODE: 'auto', OLLAMA_HOSTS: `${failing.url},${good.url}`, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' },
    llmTimeouts: { firstTokenMs: 2000, idleMs: 1000, totalMs: 10_000 },
    cooldownMs: 0,
  });
});
afterAll(async () => {
  made.dispose();
  await Promise.all([failing.close(), good.close()]);
});
beforeEach(async () => {
  failing.setFault({ path: '/api/chat', status500: true });
  await made.deps.llm.probe();
});

async function ask(message: string): Promise<SseEvent[]> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message }),
  });
  return parseSse(await response.text());
}
type ChatBody = { messages: { role: string; content: string }[]; tools?: { function: { name: string } }[] };
const chatBodies = (host: OllamaStandIn, from: number) => host.requests.slice(from).filter((r) => r.path === '/api/chat').map((r) => r.body as ChatBody);

describe('the agent with two hosts, one failing', () => {
  it.each([
    ['en', 'How much more powerful will the MeluXina-AI supercomputer become?', 'MeluXina', 'MeluXina-AI will become 15 times more powerful [1].'],
    ['fr', 'Combien de fois plus puissant le supercalculateur MeluXina-AI deviendra-t-il ?', 'MeluXina', 'MeluXina-AI deviendra 15 fois plus puissant [1].'],
    ['de', 'Wie viel leistungsfähiger wird der Supercomputer MeluXina-AI?', 'MeluXina', 'MeluXina-AI wird 15-mal leistungsfähiger [1].'],
    ['lb', 'Wéi vill méi staark gëtt de Supercomputer MeluXina-AI?', 'MeluXina', 'MeluXina-AI gëtt 15 Mol méi staark [1].'],
  ])('streams a cited %s answer after a search_knowledge tool call', async (lang, question, query, answer) => {
    const fromGood = good.requests.length;
    const fromFailing = failing.requests.length;
    good.script.push({ toolCalls: [{ name: 'search_knowledge', arguments: { query } }] }, { content: answer });
    const events = await ask(question);

    expect(events[0]).toMatchObject({ event: 'meta', data: { lang, mode: 'llm' } });
    expect(tokensOf(events).endsWith(answer)).toBe(true);
    expect(events.at(-2)).toMatchObject({ event: 'sources', data: { sources: [expect.objectContaining({ n: 1 })] } });
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });

    // The failing host was tried first and failed before any token; the good one ran the tool round.
    expect(chatBodies(failing, fromFailing)).toHaveLength(1);
    const calls = chatBodies(good, fromGood);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.tools!.map((t) => t.function.name).sort()).toEqual(['capture_lead', 'escalate_to_staff', 'recommend_services', 'search_knowledge']);
    const toolMessage = calls[1]!.messages.find((m) => m.role === 'tool');
    expect(toolMessage?.content).toMatch(/\[\d+\] .*MeluXina/s);
    await made.deps.llm.probe();
  });

  it('recommends service pillars for a described need, with numbered sources', async () => {
    const from = good.requests.length;
    good.script.push(
      { toolCalls: [{ name: 'recommend_services', arguments: { need: 'funding and grants for a research and innovation project' } }] },
      { content: 'The Finance pillar fits your need [1].' },
    );
    const events = await ask('We need funding for an AI research project, which service fits?');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
    const toolMessage = chatBodies(good, from)[1]!.messages.find((m) => m.role === 'tool')!;
    expect(toolMessage.content).toMatch(/\[\d+\] Finance/);
  });
});

describe('language guard', () => {
  it('resets a drifting answer and regenerates it once with a stronger instruction', async () => {
    const from = good.requests.length;
    good.script.push(
      { content: 'Die Luxembourg AI Factory koordiniert jedes Jahr zwischen 140 und 200 Schulungen für Unternehmen und Verwaltungen [1].' },
      { content: 'La Luxembourg AI Factory coordonne chaque année entre 140 et 200 formations pour les entreprises et les administrations [1].' },
    );
    const events = await ask('Combien de formations l’AI Factory coordonne-t-elle chaque année ?');
    const reset = events.findIndex((e) => e.event === 'reset');
    expect(events[reset]).toMatchObject({ data: { reason: 'language' } });
    const final = tokensOf(events.slice(reset));
    expect(final).toContain('coordonne chaque année entre 140 et 200 formations');
    expect(final).not.toContain('koordiniert');
    const calls = chatBodies(good, from);
    expect(calls[1]!.messages[0]!.content).toContain('n’était pas en français');
    const done = events.at(-1)!.data as { messageId: string };
    const row = (await made.db.client.execute({ sql: 'SELECT content, timings FROM messages WHERE id = ?', args: [done.messageId] })).rows[0]!;
    expect(JSON.parse(String(row.timings)).drifts).toBe(1);
    expect(String(row.content)).not.toContain('koordiniert');
  });

  it('falls back to the offline answer in the right language when it drifts again', async () => {
    const german = { content: 'Die Luxembourg AI Factory koordiniert jedes Jahr zwischen 140 und 200 Schulungen für Unternehmen und Verwaltungen [1].' };
    good.script.push(german, german);
    const events = await ask('Combien de formations l’AI Factory coordonne-t-elle chaque année ?');
    const lastReset = events.map((e) => e.event).lastIndexOf('reset');
    const final = tokensOf(events.slice(lastReset));
    expect(final).toContain('Voici ce que dit la documentation');
    expect(final).toContain('[1]');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });
  });
});
