// workerd entry (wrangler's `main`): the same app over the libSQL server's HTTP client; the app is built once per isolate.
import { createClient } from '@libsql/client/web';
import type { ExecutionContext } from 'hono';
import { createApp } from './app.ts';
import { createDeps } from './deps.ts';
import { parseEnv } from './env.ts';

type WorkerEnv = Record<string, unknown>;
type App = ReturnType<typeof createApp>;

/**
 * The configuration among the bindings: text values only. workerd's `fromEnvironment` gives null for a variable
 * that is not set, which means "use the default" like an unset variable on Node.
 */
export function configFromBindings(bindings: WorkerEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export function createWorker() {
  let app: App | undefined;
  let probed: Promise<unknown> | undefined;
  return {
    async fetch(request: Request, bindings: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      if (!app) {
        const env = parseEnv(configFromBindings(bindings));
        if (env.DATABASE_URL.startsWith('file:')) throw new Error('DATABASE_URL must point at a libSQL server (libsql:// or https://) on workerd');
        const deps = createDeps(env, createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }));
        app = createApp(deps);
        probed = deps.llm.probe();
      }
      // The first request waits for the first probe, so it sees the right mode. Later probes come from the
      // `probe-llm` job, which an outside timer calls (workerd has no timers of its own between requests).
      await probed;
      return app.fetch(request, bindings, ctx);
    },
  };
}

export default createWorker();
