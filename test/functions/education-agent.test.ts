// The teachers' assistant with a model on the Ollama stand-in: its own prompt and tools (no lead capture), a
// lesson_outline round, and a cited answer; the model never sees the personal data the teacher typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../support/ollama/server.ts';
import { parseSse, tokensOf } from '../support/sse.ts';

let ollama: OllamaStandIn;
let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
  made = await makeApp({ env: { LLM_MODE: 'auto', OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' }, llmTimeouts: { firstTokenMs: 2000, idleMs: 1000, totalMs: 10_000 } });
});
afterAll(async () => {
  made.dispose();
  await ollama.close();
});

type ChatBody = { messages: { role: string; content: string }[]; tools?: { function: { name: string } }[] };

describe('the teachers’ assistant with a model', () => {
  it('drafts a lesson through lesson_outline, cites it, and sends the model only the redacted question', async () => {
    const from = ollama.requests.length;
    ollama.script.push(
      { toolCalls: [{ name: 'lesson_outline', arguments: { topic: 'how AI makes mistakes', ageGroup: '13-15', durationMinutes: 50 } }] },
      { content: 'Start with a short game where the class spots the errors of a chatbot [1], then discuss why they happen [2].' },
    );
    const response = await made.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ assistant: 'education', lang: 'en', message: 'My pupil Max (max@example.lu) asked how AI makes mistakes. Can you plan a 50-minute lesson on how AI makes mistakes for 13-year-olds?' }),
    });
    const events = parseSse(await response.text());
    expect(events[0]).toMatchObject({ event: 'meta', data: { mode: 'llm' } });
    expect(tokensOf(events)).toContain('spots the errors of a chatbot [1]');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { answered: true } });

    const calls = ollama.requests.slice(from).filter((r) => r.path === '/api/chat').map((r) => r.body as ChatBody);
    expect(calls[0]!.tools!.map((t) => t.function.name).sort()).toEqual(['escalate_to_staff', 'explain_concept', 'lesson_outline', 'quiz', 'search_knowledge']);
    expect(calls[0]!.messages[0]!.content).toContain('teaching assistant');
    const sent = JSON.stringify(calls);
    expect(sent).not.toContain('max@example.lu');
    expect(sent).not.toContain('Max (');
    expect(calls[0]!.messages.at(-1)!.content).toContain('[name]');
    const toolResult = calls[1]!.messages.find((m) => m.role === 'tool')!.content;
    expect(JSON.parse(toolResult)).toMatchObject({ topic: 'how AI makes mistakes', durationMinutes: 50, phases: expect.any(Array) });
  });
});
