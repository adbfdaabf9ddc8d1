// The share of a pass of the event loop that waiting work gets: a few tasks after each pass's I/O, in order.
import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { passShare } from '../../../agents/ollama/pass-share.node.ts';

const nextPass = () => new Promise((resolve) => setImmediate(resolve));

describe('passShare', () => {
  it('runs its tasks in order, so many a pass, and those queued while it runs on a later pass', async () => {
    const later = passShare(4);
    const ran: number[] = [];
    for (let i = 0; i < 10; i++) later(() => ran.push(i));
    expect(ran).toEqual([]);
    await nextPass();
    expect(ran).toEqual([0, 1, 2, 3]);
    later(() => ran.push(10));
    await nextPass();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await nextPass();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('lets the I/O that is ready go first: data that arrived is read before the queue runs', async () => {
    const later = passShare(1);
    const order: string[] = [];
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const client = connect((server.address() as { port: number }).port, '127.0.0.1');
    const socket = await accepted;
    const read = new Promise<void>((resolve) => socket.once('data', () => resolve(void order.push('io'))));
    const ran = new Promise<void>((resolve) =>
      // From a pass's end, as the host fetch queues its reads: the write reaches the socket at once, and the next
      // pass finds it readable before its end, where the queue runs (run at once, the task would come first).
      setImmediate(() => {
        later(() => resolve(void order.push('queued')));
        client.write('x');
      }),
    );
    await Promise.all([read, ran]);
    expect(order).toEqual(['io', 'queued']);
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});
