// `npm start`'s entry as a real process on 127.0.0.1: startup line, probes, search, and a clean exit on bad config.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE } from '../../bin/build-server.ts';
import { freePort, startEntry, stopProcess } from '../support/process.ts';

let dir: string;
let child: ChildProcess;
let base: string;
let startup: Record<string, unknown>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aif-e2e-'));
  const port = await freePort();
  // An Ollama host that refuses connections: the assistant must start in offline mode without waiting on it.
  const started = await startEntry({ PORT: String(port), DATABASE_URL: `file:${join(dir, 'db', 'assistant.db')}`, OLLAMA_HOSTS: `http://127.0.0.1:${await freePort()}` });
  child = started.child;
  startup = started.ready;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await stopProcess(child);
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (Node entry)', () => {
  it('creates the database, indexes the knowledge and prints one startup line', () => {
    expect(startup).toMatchObject({ msg: 'ready', mode: 'offline', retrieval: 'lexical', reindexed: true });
    expect(startup.documents).toBeGreaterThan(0);
    expect(startup.chunks).toBeGreaterThan(startup.documents as number);
    expect(startup.languages).toEqual(expect.arrayContaining(['en']));
  });

  it('serves the probes', async () => {
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', db: 'ok', llm: 'offline' });
  });

  it('returns cited passages from /api/search', async () => {
    const response = await fetch(`${base}/api/search?q=${encodeURIComponent('How much more powerful will the national supercomputer become?')}`);
    const body = (await response.json()) as { results: { docId: string; lang: string; text: string }[] };
    expect(body.results.length).toBeGreaterThan(0);
    // The best passage states the figure, whichever document (the supercomputer's page or the FAQ) holds it.
    expect(body.results[0]).toMatchObject({ lang: 'en' });
    expect(body.results[0]!.text).toContain('15');
  });
});

describe('npm start with a bad configuration', () => {
  it('exits with code 1 and names the variable', async () => {
    const proc = spawn(process.execPath, [SERVER_BUNDLE], { env: { ...process.env, PORT: 'eighty', LLM_MODE: 'offline' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
