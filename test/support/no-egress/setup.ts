// Vitest setup (every test file, every worker): the egress guard in this process and in the Node processes tests
// spawn, and a test fails when it, or anything it started, tried to reach beyond this machine.
import { afterAll, afterEach } from 'vitest';
import { guardChildren } from './guard.mjs';
import { takeViolations } from './record.mjs';

guardChildren();

function failOnEgress(when: string): void {
  const violations = takeViolations();
  if (violations.length === 0) return;
  const lines = violations.map(({ via, destination, pid, stack }) =>
    `  ${via} to ${destination} (pid ${pid})\n${stack.split('\n').slice(1).filter((frame) => !/no-egress\/(guard|record)\.mjs/.test(frame)).slice(0, 6).join('\n')}`);
  throw new Error(`egress ${when}: only 127.0.0.1, ::1 and localhost may be reached during tests\n${lines.join('\n')}`);
}

afterEach(() => failOnEgress('during this test'));
// What came after the last test's check: afterAll hooks, servers and processes still stopping.
afterAll(() => failOnEgress('outside this file\'s tests'));
