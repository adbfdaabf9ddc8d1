// The stand-in's faults drawn per request (a flaky host) and the status it records once a response is written.
import { afterEach, describe, expect, it } from 'vitest';
import { startOllamaStandIn, type OllamaStandIn } from './server.ts';

let standIn: OllamaStandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

/** `random` answering these draws in turn. */
const draws = (values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};
const chat = (url: string) =>
  fetch(`${url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }], stream: true }) })
    .then((response) => response.text())
    .catch(() => 'cut');

describe('faults with a chance', () => {
  it('apply to their share of requests, each drawn in turn, ahead of the standing fault', async () => {
    standIn = await startOllamaStandIn({ random: draws([0.05, 0.5, 0.5, 0.2, 0.25]) });
    standIn.setFault({ path: '/api/chat', tokenDelayMs: 1 });
    standIn.setFault({ path: '/api/chat', times: Infinity, chance: 0.1, status500: true });
    standIn.setFault({ path: '/api/chat', times: Infinity, chance: 0.3, dropAfterTokens: 1 });
    for (let i = 0; i < 3; i++) await chat(standIn.url);
    // 0.05 < 0.1: a 500. Then 0.5 and 0.5: neither, so the standing delay. Then 0.2 (no 500) and 0.25 < 0.3: a drop.
    expect(standIn.requests.map((r) => r.fault)).toEqual(['status500', 'delay', 'drop']);
  });

  it('leave requests to other paths alone without drawing for them', async () => {
    const random = draws([0]);
    let drawn = 0;
    standIn = await startOllamaStandIn({ random: () => (drawn++, random()) });
    standIn.setFault({ path: '/api/chat', times: Infinity, chance: 0.5, status500: true });
    await fetch(`${standIn.url}/api/tags`);
    expect(drawn).toBe(0);
    await chat(standIn.url);
    expect(drawn).toBe(1);
    expect(standIn.requests.map((r) => r.fault)).toEqual([undefined, 'status500']);
  });
});

describe('the recorded status', () => {
  it('is set once a response is written whole, and stays unset for a cut one', async () => {
    standIn = await startOllamaStandIn();
    standIn.setFault({ path: '/api/chat', times: 1, status500: true });
    standIn.setFault({ path: '/api/chat', times: 1, dropAfterTokens: 1 });
    for (let i = 0; i < 3; i++) await chat(standIn.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(standIn.requests.map((r) => [r.fault, r.status])).toEqual([
      ['status500', 500],
      ['drop', undefined],
      [undefined, 200],
    ]);
  });
});
