import { afterEach, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('probes', () => {
  it('reports live, ready and a healthy summary over a real database', async () => {
    const made = await makeApp({ files: [] });
    dispose = made.dispose;
    expect((await made.app.request('/livez')).status).toBe(200);
    expect((await made.app.request('/readyz')).status).toBe(200);
    const health = await made.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok', llm: 'offline', version: expect.any(String) });
  });

  it('is not ready, and degraded, when the database does not answer', async () => {
    const made = await makeApp({ files: [] });
    dispose = made.dispose;
    made.db.client.close();
    expect((await made.app.request('/livez')).status).toBe(200);
    const ready = await made.app.request('/readyz');
    expect(ready.status).toBe(503);
    const health = await made.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', db: 'error' });
  });

  it('answers unknown paths with the JSON error shape in the browser language', async () => {
    const made = await makeApp({ files: [] });
    dispose = made.dispose;
    const response = await made.app.request('/nothing-here', { headers: { 'accept-language': 'lb' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Op dëser Adress gëtt et näischt.' } });
  });
});
