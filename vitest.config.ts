// Test runner settings: real servers and files, so suites get generous timeouts and run in forks; every test file
// runs under the egress guard (nothing but loopback may be reached, see test/support/no-egress/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    setupFiles: ['test/support/no-egress/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
