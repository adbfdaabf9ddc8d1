// The Node server killed with SIGKILL mid-answer: the question survives and the answer becomes 'incomplete' at restart.
import { createClient } from '@libsql/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startOllamaStandIn } from '../support/ollama/server.ts';
import { freePort, startEntry, stopProcess } from '../support/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'aif-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start killed mid-stream', () => {
  it('keeps the user message and marks the interrupted answer incomplete on restart', async () => {
    const ollama = await startOllamaStandIn({ models: ['qwen3:8b'], embeddingOnlyModels: [], fallback: { tokens: Array.from({ length: 200 }, (_, i) => `word${i} `) } });
    ollama.setFault({ path: '/api/chat', tokenDelayMs: 50 });
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: `file:${join(dir, 'assistant.db')}`, OLLAMA_HOSTS: ollama.url, CHAT_MODEL: 'qwen3:8b', EMBED_MODEL: 'bge-m3' };
    const first = await startEntry(env);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ message: 'How much more powerful will the MeluXina-AI supercomputer become?' }),
      });
      const reader = response.body!.getReader();
      let seen = '';
      while (!seen.includes('word3')) seen += new TextDecoder().decode((await reader.read()).value);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));

      const db = createClient({ url: env.DATABASE_URL });
      const before = await db.execute('SELECT role, state, content FROM messages ORDER BY seq');
      expect(before.rows.map((r) => [r.role, r.state])).toEqual([
        ['user', 'complete'],
        ['assistant', 'streaming'],
      ]);
      db.close();

      const second = await startEntry(env);
      expect(second.ready.interruptedAnswers).toBe(1);
      await stopProcess(second.child);
      const reopened = createClient({ url: env.DATABASE_URL });
      const after = await reopened.execute('SELECT role, state FROM messages ORDER BY seq');
      expect(after.rows.map((r) => [r.role, r.state])).toEqual([
        ['user', 'complete'],
        ['assistant', 'incomplete'],
      ]);
      reopened.close();
    } finally {
      await stopProcess(first.child);
      await ollama.close();
    }
  });
});
