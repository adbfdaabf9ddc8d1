// Run only by no-egress.test.ts, through fixture.config.ts: code that reaches out and swallows the error, the way
// app code treating a host as down would. The first two tests must fail; the last must pass.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { it } from 'vitest';

it('swallows a refused fetch', async () => {
  await fetch('http://192.0.2.1/').catch(() => undefined);
});

it('spawns a process that swallows a refused fetch', async () => {
  const child = spawn(process.execPath, ['-e', "fetch('http://192.0.2.1:8080/').catch(() => {})"], { stdio: 'ignore' });
  await once(child, 'exit');
});

it('stays on loopback', async () => {
  const server = createServer((_, res) => res.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());
  server.close();
});
