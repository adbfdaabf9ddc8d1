// Self-hosted workerd: the committed config matches wrangler.toml and the env schema, cold start, a clear failure on
// bad configuration, and two instances sharing nothing but the libSQL server (conversations and job leases).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvSchema } from '../../functions/env.ts';
import { JOBS_TOKEN, startStack, type Stack } from '../runtime/stack.ts';
import { parseSse } from '../support/sse.ts';
import { buildWorkerBundle, ROOT, startWorkerd, type RunningWorkerd, type WorkerBundle } from '../support/workerd.ts';

const capnp = readFileSync(join(ROOT, 'deploy', 'workerd.capnp'), 'utf8');
const wrangler = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
// A database URL nothing listens on: /livez must not need the database.
const NO_DATABASE = { DATABASE_URL: 'http://127.0.0.1:9', LLM_MODE: 'offline' };

let bundle: WorkerBundle;
beforeAll(async () => {
  bundle = await buildWorkerBundle();
});

describe('deploy/workerd.capnp', () => {
  it('uses wrangler.toml\'s compatibility date and flags and serves its main as an ES module', () => {
    expect(capnp).toContain(`compatibilityDate = "${/^compatibility_date = "([^"]+)"/m.exec(wrangler)![1]}"`);
    expect(capnp).toContain(`compatibilityFlags = ${/^compatibility_flags = (\[[^\]]*\])/m.exec(wrangler)![1]}`);
    const main = /^main = "functions\/([^"]+)\.ts"/m.exec(wrangler)![1];
    expect(capnp).toContain(`(name = "${main}.js", esModule = embed "../dist/${main}.js")`);
  });

  it('binds every configuration variable from the environment (PORT excepted: the socket decides)', () => {
    const bound = [...capnp.matchAll(/\(name = "(\w+)", fromEnvironment = "(\w+)"\)/g)].map(([, name, variable]) => {
      expect(variable).toBe(name);
      return name;
    });
    expect(bound.sort()).toEqual(Object.keys(EnvSchema.shape).filter((name) => name !== 'PORT').sort());
  });
});

describe('workerd serve', () => {
  it('starts cold and answers /livez (time printed, not asserted)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const running = await startWorkerd(bundle, NO_DATABASE);
      times.push(running.coldStartMs);
      await running.stop();
    }
    times.sort((a, b) => a - b);
    console.log(`workerd serve cold start (spawn → first 200 on /livez): median ${times[1]} ms of ${times.join(', ')} ms`);
    expect(times[1]).toBeGreaterThan(0);
  });

  it('fails every request with 500 and names the variable when the configuration is invalid', async () => {
    // startWorkerd waits for a 200 on /livez, which a bad configuration never gives; its error carries workerd's log.
    await expect(startWorkerd(bundle, { ...NO_DATABASE, LOG_LEVEL: 'loud' }, 1500)).rejects.toThrow(/Invalid configuration:\s+LOG_LEVEL/);
  });

  it('stops with its whole process group', async () => {
    const running = await startWorkerd(bundle, NO_DATABASE);
    await running.stop();
    expect(() => process.kill(-running.child.pid!, 0)).toThrow();
  });
});

describe('two workerd instances on one libSQL server', () => {
  let stack: Stack;
  let a: RunningWorkerd;
  let b: RunningWorkerd;
  beforeAll(async () => {
    stack = await startStack();
    [a, b] = await Promise.all([startWorkerd(bundle, stack.env), startWorkerd(bundle, stack.env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await stack?.close();
  });

  it('continue each other\'s conversations: nothing lives in an instance\'s memory', async () => {
    const ask = (base: string, body: Record<string, unknown>, token?: string) =>
      fetch(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then(async (response) => parseSse(await response.text()));
    const first = await ask(a.url, { message: 'Wien ass fir de Supercomputer MeluXina zoustänneg?' });
    const { conversationId, conversationToken } = first[0]!.data as { conversationId: string; conversationToken: string };
    const second = await ask(b.url, { message: 'A wéi kënnen ech do Rechenzäit kréien?', conversationId, lang: 'lb' }, conversationToken);
    expect(second.at(-1)!.event).toBe('done');
    const history = await fetch(`${a.url}/api/conversations/${conversationId}/messages`, { headers: { authorization: `Bearer ${conversationToken}` } });
    expect(((await history.json()) as { messages: { role: string }[] }).messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('run a cluster job on one instance at a time: the other skips while the lease is held', async () => {
    // Every database round trip takes 150 ms, so the first run still holds the lease when the second asks for it.
    stack.libsql.setFault({ latencyMs: 150 });
    try {
      const run = (base: string) => fetch(`${base}/internal/jobs/purge-retention`, { method: 'POST', headers: { authorization: `Bearer ${JOBS_TOKEN}` } }).then((r) => r.json());
      const first = run(a.url);
      await new Promise((resolve) => setTimeout(resolve, 60));
      const outcomes = (await Promise.all([first, run(b.url)])) as { status: string }[];
      expect(outcomes.map((o) => o.status)).toEqual(['ran', 'skipped']);
    } finally {
      stack.libsql.setFault(undefined);
    }
  });
});
