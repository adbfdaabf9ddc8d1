// Feedback on answers, export and deletion of a conversation, each guarded by the conversation's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' } });
});
afterAll(() => made.dispose());

async function newConversation() {
  const response = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Who runs the MeluXina supercomputer?' }) });
  return (await response.json()) as { conversationId: string; conversationToken: string; messageId: string };
}
const json = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});
const count = async (sql: string, id: string) => Number((await made.db.client.execute({ sql, args: [id] })).rows[0]![0]);

describe('POST /api/feedback', () => {
  it('stores a rating with its comment, one per answer, the latest winning', async () => {
    const conversation = await newConversation();
    const first = await made.app.request('/api/feedback', json({ messageId: conversation.messageId, rating: 'down', comment: 'Too short' }, conversation.conversationToken));
    expect(first.status).toBe(201);
    const second = await made.app.request('/api/feedback', json({ messageId: conversation.messageId, rating: 'up' }, conversation.conversationToken));
    expect(second.status).toBe(201);
    const rows = await made.db.client.execute({ sql: 'SELECT rating, comment FROM feedback WHERE message_id = ?', args: [conversation.messageId] });
    expect(rows.rows.map((r) => [r.rating, r.comment])).toEqual([['up', null]]);
  });

  it('refuses a wrong token, an unknown answer and a bad rating', async () => {
    const conversation = await newConversation();
    expect((await made.app.request('/api/feedback', json({ messageId: conversation.messageId, rating: 'up' }, 'wrong'))).status).toBe(403);
    expect((await made.app.request('/api/feedback', json({ messageId: 'nope', rating: 'up' }, conversation.conversationToken))).status).toBe(404);
    const bad = await made.app.request('/api/feedback', { ...json({ messageId: conversation.messageId, rating: 'meh' }, conversation.conversationToken), headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.conversationToken}`, 'accept-language': 'de' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'rating_invalid', message: expect.stringContaining('bewerten') } });
  });
});

describe('GET /api/conversations/:id/export and DELETE /api/conversations/:id', () => {
  it('exports the whole conversation with its feedback, then deletes every row of it', async () => {
    const conversation = await newConversation();
    await made.app.request('/api/feedback', json({ messageId: conversation.messageId, rating: 'up', comment: 'Clear' }, conversation.conversationToken));
    const auth = { authorization: `Bearer ${conversation.conversationToken}` };
    const exported = await made.app.request(`/api/conversations/${conversation.conversationId}/export`, { headers: auth });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const body = (await exported.json()) as { conversation: { id: string }; messages: { role: string }[]; feedback: { rating: string; comment: string }[] };
    expect(body.conversation.id).toBe(conversation.conversationId);
    expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(body.feedback).toMatchObject([{ rating: 'up', comment: 'Clear' }]);

    expect((await made.app.request(`/api/conversations/${conversation.conversationId}`, { method: 'DELETE', headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    const deleted = await made.app.request(`/api/conversations/${conversation.conversationId}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect(await count('SELECT count(*) FROM conversations WHERE id = ?', conversation.conversationId)).toBe(0);
    expect(await count('SELECT count(*) FROM messages WHERE conversation_id = ?', conversation.conversationId)).toBe(0);
    expect(await count('SELECT count(*) FROM feedback WHERE message_id = ?', conversation.messageId)).toBe(0);
    expect((await made.app.request(`/api/conversations/${conversation.conversationId}/messages`, { headers: auth })).status).toBe(404);
  });
});
