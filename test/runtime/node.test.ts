// The runtime suite against the Node entry (`npm start`) as a child process, its database the libSQL-server stand-in.
import { freePort, startEntry, stopProcess } from '../support/process.ts';
import { runtimeSuite } from './suite.ts';

runtimeSuite('Node (functions/entry.node.ts)', async (stack) => {
  const port = await freePort();
  const { child } = await startEntry({ ...stack.env, PORT: String(port) });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
});
