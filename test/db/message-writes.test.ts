// A turn's writes with their SQL built once (db/prepared.ts): what they store reads back through drizzle's schema
// exactly as drizzle's own builders would have stored it, on a real libSQL file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswer, finishMessage, findMessage, listMessages, storeQuestion } from '../../db/queries/conversations.ts';
import { makeDb, type TestDb } from '../support/app.ts';

let db: TestDb;
beforeAll(async () => {
  db = await makeDb();
});
afterAll(() => db.dispose());

const at = 1_764_000_000_000;
const opens = (id: string) => ({ id, assistant: 'public' as const, lang: 'lb' as const, tokenHash: 'h'.repeat(64), createdAt: at, updatedAt: at, retainUntil: at + 1 });
const question = (conversationId: string) => ({ id: `${conversationId}-q`, conversationId, role: 'user' as const, content: 'Wat ass MeluXina?', lang: 'lb' as const, state: 'complete' as const, createdAt: at });
const placeholder = (conversationId: string) => ({ id: `${conversationId}-a`, conversationId, role: 'assistant' as const, content: '', lang: 'lb' as const, state: 'streaming' as const, mode: 'llm' as const, createdAt: at });

describe('a turn’s message writes', () => {
  it('complete an answer with its sources, flag, timings and model, as drizzle reads them back', async () => {
    await storeQuestion(db.drizzle, { opens: opens('c1'), message: question('c1') }, placeholder('c1'));
    const sources = [{ n: 1, title: 'MeluXina-AI', url: 'https://example.lu/meluxina' }];
    await completeAnswer(db.drizzle, 'c1-a', { content: 'MeluXina ass … [1]', sources, answered: true, mode: 'llm', model: 'qwen3:8b', approvedAnswerId: null, timings: { firstTokenMs: 412, totalMs: 1830 } });
    expect(await findMessage(db.drizzle, 'c1-a')).toMatchObject({ content: 'MeluXina ass … [1]', state: 'complete', sources, answered: true, mode: 'llm', model: 'qwen3:8b', approvedAnswerId: null, timings: { firstTokenMs: 412, totalMs: 1830 } });
    // The question before it is untouched, and in order.
    expect((await listMessages(db.drizzle, 'c1')).map((m) => [m.role, m.state, m.seq])).toEqual([['user', 'complete', 1], ['assistant', 'complete', 2]]);
  });

  it('store an unanswered answer as false and no sources as an empty list, not as null', async () => {
    await storeQuestion(db.drizzle, { opens: opens('c2'), message: question('c2') }, placeholder('c2'));
    await completeAnswer(db.drizzle, 'c2-a', { content: 'Dat weess ech net.', sources: [], answered: false, mode: 'offline', model: null, approvedAnswerId: null, timings: {} });
    const raw = await db.client.execute({ sql: 'SELECT answered, sources, timings FROM messages WHERE id = ?', args: ['c2-a'] });
    expect(raw.rows[0]).toMatchObject({ answered: 0, sources: '[]', timings: '{}' });
    expect(await findMessage(db.drizzle, 'c2-a')).toMatchObject({ answered: false, sources: [], timings: {}, model: null });
  });

  it('leave what a stopped answer does not have as it was', async () => {
    await storeQuestion(db.drizzle, { opens: opens('c3'), message: question('c3') }, placeholder('c3'));
    await finishMessage(db.drizzle, 'c3-a', { content: 'MeluXina', state: 'incomplete', mode: 'llm', timings: { totalMs: 90 } });
    expect(await findMessage(db.drizzle, 'c3-a')).toMatchObject({ content: 'MeluXina', state: 'incomplete', sources: null, answered: null, model: null });
  });
});
