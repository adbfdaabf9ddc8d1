// Cold starts: spawn → first 200 on /readyz, the median of a few, each server stopped before the next starts.
// workerd runs the worker bundle with the committed config (test/support/workerd.ts); its /readyz is the isolate's
// first request and first database round trip.
import { buildWorkerBundle, startWorkerd } from '../../test/support/workerd.ts';
import { percentile } from '../stats.ts';
import { waitFor200 } from './processes.ts';

type Started = { readyMs: number; stop(): Promise<void> };

export async function medianColdStartMs(runs: number, start: () => Promise<Started>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await start();
    await server.stop();
    times.push(server.readyMs);
  }
  return percentile(times, 50);
}

export async function startWorkerdReady(env: Record<string, string>): Promise<Started> {
  const bundle = await buildWorkerBundle();
  const started = performance.now();
  const running = await startWorkerd(bundle, env);
  try {
    return { readyMs: await waitFor200(`${running.url}/readyz`, running.child, started, 20_000), stop: running.stop };
  } catch (error) {
    await running.stop();
    throw error;
  }
}
