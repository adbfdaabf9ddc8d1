// A GET that comes with a body (the Fetch API gives the app none to read) still gets its whole answer on Node, even
// one larger than a socket's buffers: the body is read and thrown away before the answer, so closing does not reset.
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleJsPath } from '../../functions/console/routes.ts';
import { serveNode } from '../../functions/serve.node.ts';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
let server: Server;
let port: number;
beforeAll(async () => {
  made = await makeApp({ files: [] });
  server = await serveNode(made.app.fetch, { port: 0, hostname: '127.0.0.1', timeouts: { requestMs: 4_000 }, message: (code) => code });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  made.dispose();
});

/** Sends raw bytes, reads until the server closes; the status, the declared length and the bytes of body that came. */
function exchange(head: string, body: Buffer): Promise<{ status: number; declared: number; received: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body])));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const text = all.subarray(0, end).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), declared: Number(/content-length: (\d+)/i.exec(text)?.[1] ?? -1), received: all.length - end - 4 });
    });
  });
}

describe('a GET with a body the app never reads', () => {
  it.each([
    ['a megabyte, declared', 1024 * 1024, 0],
    ['a megabyte, five bytes short of what it declares', 1024 * 1024, 5],
  ])('gets the whole console script: %s', async (_, size, short) => {
    const head = `GET ${consoleJsPath} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\ncontent-length: ${size + short}\r\n\r\n`;
    const answer = await exchange(head, Buffer.alloc(size, 'p'));
    expect(answer.status).toBe(200);
    expect(answer.declared).toBeGreaterThan(120 * 1024);
    expect(answer.received).toBe(answer.declared);
  });
});
