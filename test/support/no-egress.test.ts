// The egress guard that every test file runs under (vitest.config.ts → no-egress/setup.ts): refused destinations are
// named, loopback works, spawned Node processes and workerd are held to the same rule, and a test fails on the
// attempt even when the code swallowed the error.
import { spawn } from 'node:child_process';
import dns from 'node:dns';
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeViolations } from './no-egress/record.mjs';
import { buildWorkerBundle, ROOT, startWorkerd, type WorkerBundle } from './workerd.ts';

const NOT_ROUTABLE = 'http://192.0.2.1/'; // TEST-NET-1 (RFC 5737): never routed anywhere

/** The destinations recorded since the last check; taking them keeps the setup's afterEach from failing this test. */
const refused = () => takeViolations().map(({ via, destination }) => `${via} to ${destination}`);

describe('the egress guard in the test worker', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_, res) => res.end('local')).listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses fetch() to a TEST-NET address with an error naming it', async () => {
    const error = await fetch(NOT_ROUTABLE).catch((e: Error) => e);
    expect((error as Error & { cause: Error }).cause.message).toMatch(/no egress during tests: a connection to 192\.0\.2\.1:80 refused/);
    expect(refused()).toEqual(['a connection to 192.0.2.1:80']);
  });

  it('refuses net.connect to a name before any DNS lookup, and dns.lookup of it', async () => {
    const socket = net.connect(80, 'example.org');
    const [error] = (await once(socket, 'error')) as [Error & { code: string }];
    expect(error.code).toBe('ERR_NO_EGRESS');
    expect(error.message).toContain('a connection to example.org:80 refused');
    await expect(dns.promises.lookup('example.org')).rejects.toThrow(/dns\.promises\.lookup to example\.org refused/);
    expect(refused()).toEqual(['a connection to example.org:80', 'dns.promises.lookup to example.org']);
  });

  it('lets 127.0.0.1 and localhost through', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local');
    expect(await (await fetch(`http://localhost:${port}/`)).text()).toBe('local');
    expect(refused()).toEqual([]);
  });
});

describe('the egress guard beyond the test worker', () => {
  it('holds a spawned Node process to the same rule and reports it to the test', async () => {
    const child = spawn(process.execPath, ['-e', `fetch('${NOT_ROUTABLE}').catch((e) => console.log(e.cause.message))`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await once(child, 'exit');
    expect(stdout).toContain('a connection to 192.0.2.1:80 refused');
    expect(takeViolations()).toEqual([expect.objectContaining({ destination: '192.0.2.1:80', pid: child.pid })]);
  });

  describe('workerd', () => {
    let bundle: WorkerBundle;
    beforeAll(async () => {
      bundle = await buildWorkerBundle();
    });

    it('runs with its network narrowed to this machine and reports what it refused', async () => {
      // The first request probes the Ollama host, which workerd must refuse.
      const running = await startWorkerd(bundle, { DATABASE_URL: 'http://127.0.0.1:9', OLLAMA_HOSTS: 'http://192.0.2.1:11434' });
      try {
        expect(readFileSync(join(bundle.dir, 'deploy', 'workerd.local-only.capnp'), 'utf8')).toContain('network = (allow = ["local"]');
        await expect.poll(refused, { timeout: 5000 }).toContain('workerd fetch() to a non-local address (workerd logs no more)');
      } finally {
        await running.stop();
      }
    });
  });

  it('fails the test that reached out even when the code swallowed the error; loopback passes', async () => {
    const report = join(tmpdir(), `aif-no-egress-fixture-${process.pid}.json`);
    const vitest = spawn(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'test/support/no-egress/fixture.config.ts', '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, stdio: 'ignore' });
    const [code] = await once(vitest, 'exit');
    const results = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[] };
    rmSync(report);
    const outcome = Object.fromEntries(results.testResults[0]!.assertionResults.map((test) => [test.title, { status: test.status, message: test.failureMessages.join('\n') }]));
    expect(code).toBe(1);
    expect(outcome['swallows a refused fetch']).toEqual({ status: 'failed', message: expect.stringContaining('a connection to 192.0.2.1:80 (pid') });
    expect(outcome['spawns a process that swallows a refused fetch']).toEqual({ status: 'failed', message: expect.stringContaining('a connection to 192.0.2.1:8080 (pid') });
    expect(outcome['stays on loopback']).toEqual({ status: 'passed', message: '' });
  });
});
