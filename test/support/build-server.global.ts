// Vitest global setup: builds build/server.mjs from the sources under test, as `npm start` does before it runs it.
import { buildServer } from '../../bin/build-server.ts';

export default async function setup(): Promise<void> {
  await buildServer();
}
