// The runtime suite against the worker bundle under `workerd serve` with the committed deploy/workerd.capnp.
import { buildWorkerBundle, startWorkerd } from '../support/workerd.ts';
import { runtimeSuite } from './suite.ts';

runtimeSuite('workerd (the wrangler bundle, deploy/workerd.capnp)', async (stack) => {
  const running = await startWorkerd(await buildWorkerBundle(), stack.env);
  return { url: running.url, stop: running.stop };
});
