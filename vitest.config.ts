// Test runner settings: real servers and files, so suites get generous timeouts and run in forks; every test file
// runs under the egress guard (nothing but loopback may be reached, see test/support/no-egress/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one on the 2-core CI machine. The suites mostly wait on
    // servers, browsers and files, so two forks share the two cores well (a clean-clone run: 725 s → 504 s).
    maxWorkers: 2,
    setupFiles: ['test/support/no-egress/setup.ts'],
    // The Node entry as npm start runs it, built once for the suites that start it as a process.
    globalSetup: ['test/support/build-server.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
