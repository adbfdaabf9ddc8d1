// One chat turn through its ports, with no HTTP app: a real libSQL file, a real host pool on the Ollama stand-in.
import { rememberKnowledgeQuestions } from '../../../agents/answer/faq-match.ts';
import { chunkFrequencies } from '../../../db/queries/knowledge.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptQuestion } from '../../../agents/chat/accept.ts';
import { createApprovedAnswers } from '../../../agents/approved/answers.ts';
import type { TurnEvent } from '../../../agents/chat/events.ts';
import type { TurnPorts } from '../../../agents/chat/ports.ts';
import { runTurn } from '../../../agents/chat/turn.ts';
import { DomainError } from '../../../agents/errors.ts';
import { createHostPool } from '../../../agents/ollama/pool.ts';
import { DEFAULT_TIMEOUTS } from '../../../agents/public/agent.ts';
import { parseStaffHours } from '../../../agents/staff/hours.ts';
import { createRedactor } from '../../../agents/privacy/redact.ts';
import { ingestKnowledge } from '../../../agents/retrieval/ingest.ts';
import { rememberKnowledge } from '../../../agents/retrieval/knowledge-snapshot.ts';
import { readKnowledgeFiles } from '../../../agents/retrieval/knowledge-files.node.ts';
import { createLogger } from '../../../functions/logger.ts';
import { createI18n } from '../../../locales/index.ts';
import { makeDb, type TestDb } from '../../support/app.ts';
import { startOllamaStandIn, type OllamaStandIn } from '../../support/ollama/server.ts';

let db: TestDb;
let ollama: OllamaStandIn;

beforeAll(async () => {
  db = await makeDb();
  await ingestKnowledge(db.drizzle, await readKnowledgeFiles());
  ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [] });
});
afterAll(async () => {
  db.dispose();
  await ollama.close();
});

async function portsWith(options: { offline: boolean }): Promise<TurnPorts> {
  const pool = createHostPool({ hosts: [ollama.url], chatModel: 'qwen3:8b', embedModel: 'bge-m3', forceOffline: options.offline });
  await pool.probe();
  const termStats: TurnPorts['termStats'] = (prefixes, lang, scope) => chunkFrequencies(db.drizzle, prefixes, lang, scope);
  const knowledge = rememberKnowledge(db.drizzle);
  return {
    db: db.drizzle,
    knowledge,
    questions: rememberKnowledgeQuestions(knowledge),
    embeddings: async () => null,
    termStats,
    approved: createApprovedAnswers({ db: db.drizzle, now: Date.now, termStats }),
    llm: { pool, model: 'qwen3:8b', timeouts: DEFAULT_TIMEOUTS },
    guard: { canary: 'cnry-test-canary', secrets: ['cnry-test-canary'] },
    leads: { threshold: 50, retentionDays: 90 },
    hours: parseStaffHours('mon-fri 09:00-17:00'),
    eduAccess: 'open',
    redact: createRedactor(),
    now: Date.now,
    log: createLogger('error', () => undefined),
    i18n: createI18n(),
  };
}

async function turn(ports: TurnPorts, message: string, lang?: 'en' | 'fr' | 'de' | 'lb') {
  const accepted = await acceptQuestion(ports, { message, assistant: 'public', lang });
  const events: TurnEvent[] = [];
  const result = await runTurn(ports, { ...accepted, baseUrl: 'http://localhost' }, async (event) => void events.push(event));
  return { accepted, events, result };
}

const rows = async (sql: string, args: unknown[]) => (await db.client.execute({ sql, args: args as never[] })).rows;

describe('acceptQuestion', () => {
  it('makes the question ready to store, stores it once, and opens the conversation again only with its token', async () => {
    const ports = await portsWith({ offline: true });
    const accepted = await acceptQuestion(ports, { message: 'Wat ass MeluXina-AI a wéi vill méi staark gëtt en?', assistant: 'public', acceptLanguage: 'en' });
    expect(accepted).toMatchObject({ lang: 'lb', firstReply: true });
    const stored = () => rows('SELECT role, content, lang FROM messages WHERE conversation_id = ?', [accepted.conversationId]);
    expect(await stored()).toEqual([]);
    await Promise.all([accepted.pending.store(), accepted.pending.store()]);
    await accepted.pending.written;
    expect(await stored()).toEqual([expect.objectContaining({ role: 'user', lang: 'lb' })]);
    await expect(acceptQuestion(ports, { message: 'Merci', assistant: 'public', conversationId: accepted.conversationId, token: 'wrong' })).rejects.toMatchObject({ code: 'token_invalid' });
    await expect(acceptQuestion(ports, { message: 'Merci', assistant: 'public', conversationId: 'no-such-id', token: accepted.conversationToken })).rejects.toBeInstanceOf(DomainError);
    const again = await acceptQuestion(ports, { message: 'A wien bedreift en?', assistant: 'public', conversationId: accepted.conversationId, token: accepted.conversationToken });
    expect(again).toMatchObject({ conversationId: accepted.conversationId, lang: 'lb' });
    await again.pending.store();
    expect((await stored()).map((m) => m.content)).toEqual(['Wat ass MeluXina-AI a wéi vill méi staark gëtt en?', 'A wien bedreift en?']);
  });
  it('shows the question to `beforeStore` as it will be stored, before it is, with the previous question on a follow-up that leans on it', async () => {
    const ports = await portsWith({ offline: true });
    const seen: { read: unknown; storedThen: number }[] = [];
    const count = async (content: string) => (await rows('SELECT count(*) AS n FROM messages WHERE content = ?', [content]))[0]!.n as number;
    const beforeStore = (question: string) => async (read: unknown) => void seen.push({ read, storedThen: await count(question) });
    const first = 'Who runs the MeluXina-AI supercomputer in Luxembourg?';
    const opened = await acceptQuestion(ports, { message: first, assistant: 'public' }, beforeStore(first));
    await opened.pending.store();
    const ids = { conversationId: opened.conversationId, token: opened.conversationToken };
    const followUp = 'and who runs it?';
    await (await acceptQuestion(ports, { message: followUp, assistant: 'public', ...ids }, beforeStore(followUp))).pending.store();
    // A question of its own is searched alone first: it is shown before the messages are read, without the previous one.
    const own = 'How powerful will MeluXina-AI become after the upgrade?';
    await (await acceptQuestion(ports, { message: own, assistant: 'public', ...ids }, beforeStore(own))).pending.store();
    expect(seen).toEqual([
      { read: { question: first, lang: 'en', previousQuestion: null, awaitingStaff: false }, storedThen: 0 },
      { read: { question: followUp, lang: 'en', previousQuestion: first, awaitingStaff: false }, storedThen: 0 },
      { read: { question: own, lang: 'en', previousQuestion: null, awaitingStaff: false }, storedThen: 0 },
    ]);
    expect([await count(first), await count(followUp), await count(own)]).toEqual([1, 1, 1]);
  });

  it('accepts the question even when `beforeStore` fails', async () => {
    const ports = await portsWith({ offline: true });
    const message = 'Which sectors does the AI Factory work with most?';
    const accepted = await acceptQuestion(ports, { message, assistant: 'public' }, async () => {
      throw new Error('embedding host unreachable');
    });
    await accepted.pending.store();
    expect(await rows('SELECT content FROM messages WHERE conversation_id = ?', [accepted.conversationId])).toEqual([expect.objectContaining({ content: message })]);
  });
});

describe('runTurn', () => {
  it('answers offline from the knowledge: meta, tokens, sources, done, and the answer stored complete', async () => {
    const { events, result, accepted } = await turn(await portsWith({ offline: true }), 'How much more powerful will the MeluXina-AI supercomputer become?', 'en');
    expect(events.map((e) => e.event).filter((name, i, all) => name !== all[i - 1])).toEqual(['meta', 'token', 'sources', 'done']);
    expect(events[0]).toMatchObject({ data: { mode: 'offline', lang: 'en', conversationId: accepted.conversationId } });
    expect(result).toMatchObject({ answered: true, mode: 'offline', complete: true });
    expect(result.sources.length).toBeGreaterThan(0);
    expect(await rows('SELECT state, mode, answered FROM messages WHERE id = ?', [result.messageId])).toEqual([expect.objectContaining({ state: 'complete', mode: 'offline', answered: 1 })]);
  });

  it('relays the model on a healthy host and stores the model that answered', async () => {
    ollama.script.push({ tokens: ['MeluXina-AI ', 'will become ', 'much more powerful [1].'] });
    const { events, result } = await turn(await portsWith({ offline: false }), 'How much more powerful will the MeluXina-AI supercomputer become?', 'en');
    expect(events[0]).toMatchObject({ event: 'meta', data: { mode: 'llm' } });
    expect(result.answer).toContain('much more powerful [1].');
    expect(await rows('SELECT mode, model FROM messages WHERE id = ?', [result.messageId])).toEqual([expect.objectContaining({ mode: 'llm', model: 'qwen3:8b' })]);
  });

  it('stores the question of a turn that fails before it could, and fails with the turn\'s own error', async () => {
    const ports = await portsWith({ offline: true });
    const message = 'Who leads the Luxembourg AI Factory consortium?';
    const accepted = await acceptQuestion(ports, { message, assistant: 'public', lang: 'en' });
    const failing: TurnPorts = { ...ports, approved: { ...ports.approved, match: async () => Promise.reject(new Error('approved answers unreadable')) } };
    await expect(runTurn(failing, { ...accepted, baseUrl: 'http://localhost' }, async () => undefined)).rejects.toThrow('approved answers unreadable');
    expect(await rows('SELECT role, content FROM messages WHERE conversation_id = ?', [accepted.conversationId])).toEqual([expect.objectContaining({ role: 'user', content: message })]);
  });

  it('calls no model when the knowledge does not support an answer', async () => {
    const before = ollama.requests.filter((r) => r.path === '/api/chat').length;
    const { result } = await turn(await portsWith({ offline: false }), 'What is the recipe for a chocolate soufflé with raspberries?', 'en');
    expect(result).toMatchObject({ answered: false, sources: [] });
    expect(ollama.requests.filter((r) => r.path === '/api/chat').length).toBe(before);
  });
});
