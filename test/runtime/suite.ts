// One suite, two runtimes: the same HTTP checks against the Node entry and against the bundle under workerd, both
// over the libSQL-server stand-in; rows are checked in the libSQL file behind it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATION_CHECK_MS } from '../../agents/retrieval/knowledge-snapshot.ts';
import { sentSql } from '../support/libsql-server/server.ts';
import { parseSse, tokensOf } from '../support/sse.ts';
import { JOBS_TOKEN, MODEL_ANSWER, startStack, type Stack } from './stack.ts';

export type Runtime = { url: string; stop(): Promise<void> };
export type StartRuntime = (stack: Stack) => Promise<Runtime>;

/** The same fact asked in each language (eval/questions, fact f37); the knowledge answers it in meluxina-supercomputer. */
const MELUXINA = {
  en: "By what factor is MeluXina-AI's computing power going to grow?",
  fr: 'De combien la puissance de MeluXina-AI va-t-elle augmenter ?',
  de: 'Wie viel stärker soll MeluXina-AI werden?',
  lb: "Ëm wéi e Facteur soll d'Leeschtung vu MeluXina-AI eropgoen?",
} as const;

const DAY = 86_400_000;

export function runtimeSuite(name: string, start: StartRuntime) {
  describe(`the app on ${name}`, () => {
    let stack: Stack;
    let runtime: Runtime;
    const url = (path: string) => `${runtime.url}${path}`;
    const rows = async (sql: string, args: (string | number)[] = []) => (await stack.file.execute({ sql, args })).rows.map((row) => ({ ...row }));
    const runJob = (job: string, token: string | null = JOBS_TOKEN, headers: Record<string, string> = {}) =>
      fetch(url(`/internal/jobs/${job}`), { method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    const chat = (body: Record<string, unknown>, token?: string) =>
      fetch(url('/api/chat'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      stack = await startStack();
      runtime = await start(stack);
    });
    afterAll(async () => {
      await runtime?.stop();
      await stack?.close();
    });

    describe('probes', () => {
      it('is live and ready, with the database and the model pool answering', async () => {
        expect((await fetch(url('/livez'))).status).toBe(200);
        expect(await (await fetch(url('/readyz'))).json()).toEqual({ status: 'ok' });
        expect(await (await fetch(url('/healthz'))).json()).toMatchObject({ status: 'ok', db: 'ok', llm: 'ollama' });
      });

      it('answers /readyz 503 while the libSQL server fails, and 200 again once it recovers', async () => {
        stack.libsql.setFault({ status5xx: { status: 503, count: 1 } });
        const failing = await fetch(url('/readyz'));
        stack.libsql.setFault(undefined);
        expect(failing.status).toBe(503);
        expect((await fetch(url('/readyz'))).status).toBe(200);
      });
    });

    describe('GET /api/search', () => {
      it.each(Object.entries(MELUXINA))('finds the answer to a %s question in that language', async (lang, question) => {
        const response = await fetch(url(`/api/search?q=${encodeURIComponent(question)}&lang=${lang}&k=5`));
        expect(response.status).toBe(200);
        const { results } = (await response.json()) as { results: { docId: string; lang: string; text: string }[] };
        expect(results.length).toBeGreaterThan(0);
        expect(results[0]!.lang).toBe(lang);
        expect(results.slice(0, 3).map((r) => r.docId)).toContain('meluxina-supercomputer');
      });
    });

    describe('POST /api/chat, history and storage', () => {
      let conversationId: string;
      let conversationToken: string;

      it('answers a Luxembourgish question over SSE and stores both messages in the libSQL file', async () => {
        const response = await chat({ message: MELUXINA.lb });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/event-stream');
        const events = parseSse(await response.text());
        const meta = events[0]!;
        expect(meta).toMatchObject({ event: 'meta', data: { lang: 'lb', mode: 'llm' } });
        ({ conversationId, conversationToken } = meta.data as { conversationId: string; conversationToken: string });
        expect(tokensOf(events).endsWith(MODEL_ANSWER.join(''))).toBe(true);
        const sources = events.find((e) => e.event === 'sources')!.data as { sources: { n: number; docId: string; lang: string }[] };
        expect(sources.sources[0]).toMatchObject({ n: 1, lang: 'lb' });
        const done = events.at(-1)!;
        expect(done).toMatchObject({ event: 'done', data: { answered: true } });

        expect(await rows('SELECT lang, assistant, status FROM conversations WHERE id = ?', [conversationId])).toEqual([{ lang: 'lb', assistant: 'public', status: 'bot' }]);
        const stored = await rows('SELECT id, role, lang, content, state, mode FROM messages WHERE conversation_id = ? ORDER BY seq', [conversationId]);
        expect(stored).toEqual([
          { id: expect.any(String), role: 'user', lang: 'lb', content: MELUXINA.lb, state: 'complete', mode: null },
          { id: (done.data as { messageId: string }).messageId, role: 'assistant', lang: 'lb', content: tokensOf(events), state: 'complete', mode: 'llm' },
        ]);
      });

      it('continues the conversation with its token and refuses a wrong one', async () => {
        const next = parseSse(await (await chat({ message: 'A wéi kënnen ech do Rechenzäit kréien?', conversationId, lang: 'lb' }, conversationToken)).text());
        expect(next.at(-1)!.event).toBe('done');
        expect((await chat({ message: 'Hallo', conversationId }, 'wrong-token')).status).toBe(403);
        expect((await chat({ message: 'Hallo', conversationId: crypto.randomUUID() }, conversationToken)).status).toBe(404);
      });

      it('returns the history to the conversation token holder only', async () => {
        const response = await fetch(url(`/api/conversations/${conversationId}/messages`), { headers: { authorization: `Bearer ${conversationToken}` } });
        expect(response.status).toBe(200);
        const history = (await response.json()) as { lang: string; messages: { role: string; content: string; state: string }[] };
        expect(history.lang).toBe('lb');
        expect(history.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
        expect(history.messages[0]!.content).toBe(MELUXINA.lb);
        expect(history.messages.every((m) => m.state === 'complete')).toBe(true);
        expect((await fetch(url(`/api/conversations/${conversationId}/messages`))).status).toBe(403);
      });
    });

    describe('the knowledge in memory', () => {
      const chunkReads = () => sentSql(stack.libsql.requests).filter((sql) => sql.includes('FROM chunks c JOIN documents d')).length;
      const ask = async (message: string) => expect(parseSse(await (await chat({ message })).text()).at(-1)!.event).toBe('done');

      it('is read once per index generation, not on every turn, and again within a second of ingestion writing a new one', async () => {
        await ask(MELUXINA.en);
        const before = chunkReads();
        await ask(MELUXINA.fr);
        await ask(MELUXINA.de);
        expect(chunkReads()).toBe(before);
        // What npm run ingest writes with every change of the chunks or their vectors.
        await stack.file.execute({
          sql: "INSERT INTO settings (key, value) VALUES ('index_generation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          args: [crypto.randomUUID()],
        });
        // A process reads the generation once a second at most.
        await new Promise((resolve) => setTimeout(resolve, GENERATION_CHECK_MS));
        await ask(MELUXINA.fr);
        await ask(MELUXINA.de);
        expect(chunkReads()).toBe(before + 1);
      });
    });

    describe('POST /internal/jobs/:name', () => {
      it('refuses a missing or wrong token with a localized 401, before saying whether the job exists', async () => {
        const missing = await runJob('purge-retention', null, { 'accept-language': 'lb' });
        expect(missing.status).toBe(401);
        expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await missing.json()).toEqual({ error: { code: 'unauthorized', message: 'Dir sidd net ugemellt (oder Är Sessioun ass ofgelaf), oder den Zougangsschlëssel ass net gëlteg.' } });
        expect((await runJob('purge-retention', `${JOBS_TOKEN}x`)).status).toBe(401);
        expect((await runJob('no-such-job', 'wrong-token-of-some-length')).status).toBe(401);
      });

      it('answers 404 for a job that is not registered', async () => {
        const response = await runJob('no-such-job');
        expect(response.status).toBe(404);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('job_unknown');
      });

      it('probe-llm probes the Ollama hosts and reports the mode', async () => {
        const response = await runJob('probe-llm');
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ job: 'probe-llm', status: 'ran', result: { mode: 'llm', hosts: [{ host: stack.env.OLLAMA_HOSTS, ok: true }] } });
      });

      it('purge-retention deletes expired conversations with their messages, events and feedback, and keeps the rest', async () => {
        const now = Date.now();
        const expired = crypto.randomUUID();
        const kept = crypto.randomUUID();
        await stack.file.batch(
          [
            ...[expired, kept].map((id, i) => ({
              sql: "INSERT INTO conversations (id, assistant, lang, status, token_hash, created_at, updated_at, retain_until) VALUES (?, 'public', 'en', 'bot', 'x', ?, ?, ?)",
              args: [id, now - 40 * DAY, now - 40 * DAY, i === 0 ? now - DAY : now + DAY],
            })),
            ...[expired, kept].map((id) => ({
              sql: "INSERT INTO messages (id, conversation_id, seq, role, content, lang, state, created_at) VALUES (?, ?, 1, 'assistant', 'old', 'en', 'complete', ?)",
              args: [`m-${id}`, id, now - 40 * DAY],
            })),
            { sql: "INSERT INTO feedback (id, message_id, rating, created_at) VALUES (?, ?, 'up', ?)", args: [crypto.randomUUID(), `m-${expired}`, now] },
            { sql: "INSERT INTO events (conversation_id, type, data, created_at) VALUES (?, 'status', '{}', ?)", args: [expired, now] },
          ],
          'write',
        );

        const response = await runJob('purge-retention');
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ job: 'purge-retention', status: 'ran', result: { deleted: { conversations: 1, messages: 1, events: 1, feedback: 1 }, more: false } });
        expect(await rows('SELECT id FROM conversations WHERE id IN (?, ?)', [expired, kept])).toEqual([{ id: kept }]);
        expect(await rows('SELECT conversation_id FROM messages WHERE conversation_id IN (?, ?)', [expired, kept])).toEqual([{ conversation_id: kept }]);
        expect(await rows('SELECT count(*) AS n FROM feedback WHERE message_id = ?', [`m-${expired}`])).toEqual([{ n: 0 }]);
        expect(await rows('SELECT count(*) AS n FROM events WHERE conversation_id = ?', [expired])).toEqual([{ n: 0 }]);

        // Idempotent: a second run finds nothing to do.
        expect(await (await runJob('purge-retention')).json()).toMatchObject({ status: 'ran', result: { deleted: { conversations: 0 } } });
        const [lease] = await rows("SELECT holder, lease_until, last_result FROM job_leases WHERE name = 'purge-retention'");
        expect(lease).toMatchObject({ holder: null, lease_until: 0 });
        expect(JSON.parse(lease!.last_result as string)).toMatchObject({ deleted: { conversations: 0 } });
      });

      it('skips a job whose lease another instance holds, and takes over a lease that ran out', async () => {
        await stack.file.execute({ sql: "UPDATE job_leases SET holder = 'other-instance', lease_until = ? WHERE name = 'purge-retention'", args: [Date.now() + 60_000] });
        expect(await (await runJob('purge-retention')).json()).toEqual({ job: 'purge-retention', status: 'skipped', reason: 'running_elsewhere' });
        await stack.file.execute({ sql: "UPDATE job_leases SET lease_until = ? WHERE name = 'purge-retention'", args: [Date.now() - 1] });
        expect(await (await runJob('purge-retention')).json()).toMatchObject({ status: 'ran' });
      });
    });

    describe('feedback, export and delete', () => {
      // A conversation of its own, so these checks do not depend on the chat tests above.
      let conversationId: string;
      let conversationToken: string;
      let messageId: string;
      const auth = (token = conversationToken) => ({ authorization: `Bearer ${token}` });
      beforeAll(async () => {
        const events = parseSse(await (await chat({ message: MELUXINA.fr })).text());
        ({ conversationId, conversationToken } = events[0]!.data as { conversationId: string; conversationToken: string });
        messageId = (events.at(-1)!.data as { messageId: string }).messageId;
      });

      it('stores feedback on an answer for the token holder only', async () => {
        const send = (token: string) =>
          fetch(url('/api/feedback'), { method: 'POST', headers: { 'content-type': 'application/json', ...auth(token) }, body: JSON.stringify({ messageId, rating: 'down', comment: 'Trop court' }) });
        expect((await send('wrong-token')).status).toBe(403);
        const response = await send(conversationToken);
        expect(response.status).toBe(201);
        const { feedbackId } = (await response.json()) as { feedbackId: string };
        expect(await rows('SELECT message_id, rating, comment FROM feedback WHERE id = ?', [feedbackId])).toEqual([{ message_id: messageId, rating: 'down', comment: 'Trop court' }]);
      });

      it('exports the conversation as a JSON attachment', async () => {
        const response = await fetch(url(`/api/conversations/${conversationId}/export`), { headers: auth() });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toContain('attachment');
        const body = (await response.json()) as { conversation: { id: string; lang: string }; messages: { role: string }[]; feedback: { rating: string }[] };
        expect(body.conversation).toMatchObject({ id: conversationId, lang: 'fr' });
        expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
        expect(body.feedback).toMatchObject([{ rating: 'down' }]);
        expect((await fetch(url(`/api/conversations/${conversationId}/export`), { headers: auth('wrong-token') })).status).toBe(403);
      });

      it('deletes the conversation and everything in it from the libSQL file', async () => {
        expect((await fetch(url(`/api/conversations/${conversationId}`), { method: 'DELETE', headers: auth('wrong-token') })).status).toBe(403);
        expect((await fetch(url(`/api/conversations/${conversationId}`), { method: 'DELETE', headers: auth() })).status).toBe(204);
        expect(await rows('SELECT count(*) AS n FROM conversations WHERE id = ?', [conversationId])).toEqual([{ n: 0 }]);
        expect(await rows('SELECT count(*) AS n FROM messages WHERE conversation_id = ?', [conversationId])).toEqual([{ n: 0 }]);
        expect(await rows('SELECT count(*) AS n FROM feedback WHERE message_id = ?', [messageId])).toEqual([{ n: 0 }]);
        expect((await fetch(url(`/api/conversations/${conversationId}/messages`), { headers: auth() })).status).toBe(404);
      });
    });
  });
}
