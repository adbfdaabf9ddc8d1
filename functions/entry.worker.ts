// workerd entry (wrangler's `main`): the same app over the libSQL server's HTTP client; the app is built once per isolate.
import { createClient } from '@libsql/client/web';
import type { ExecutionContext } from 'hono';
import { createApp } from './app.ts';
import { createDeps } from './deps.ts';
import { parseEnv } from './env.ts';

type WorkerEnv = Record<string, unknown>;
type App = ReturnType<typeof createApp>;

export function createWorker() {
  let app: App | undefined;
  let probed: Promise<unknown> | undefined;
  return {
    async fetch(request: Request, bindings: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      if (!app) {
        const env = parseEnv(bindings);
        if (env.DATABASE_URL.startsWith('file:')) throw new Error('DATABASE_URL must point at a libSQL server (libsql:// or https://) on workerd');
        const deps = createDeps(env, createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }));
        app = createApp(deps);
        probed = deps.llm.probe();
      }
      // The first request waits for the first probe, so it sees the right mode.
      await probed;
      return app.fetch(request, bindings, ctx);
    },
  };
}

export default createWorker();
