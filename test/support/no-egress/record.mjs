// The egress guard's record (guard.mjs does the refusing): what was refused, kept until a test's check takes it. A
// spawned process appends to the file its parent test worker named in NO_EGRESS_REPORT. Importing this patches nothing.
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';

const STATE = Symbol.for('aif.no-egress');
// On globalThis: a test worker may evaluate these files twice (--import and vitest's module runner); one record, and
// guard.mjs patches once.
export const state = (globalThis[STATE] ??= { installed: false, violations: [], reportFile: undefined });

/**
 * Records an attempt to reach `destination` and returns the error to fail it with. A spawned process also appends
 * it to the file named by NO_EGRESS_REPORT (and says it on stderr), where the worker that spawned it picks it up.
 */
export function recordViolation(destination, via) {
  const error = Object.assign(
    new Error(`no egress during tests: ${via} to ${destination} refused (only 127.0.0.1, ::1 and localhost are allowed)`),
    { code: 'ERR_NO_EGRESS' },
  );
  const violation = { destination, via, pid: process.pid, stack: error.stack ?? '' };
  const report = process.env.NO_EGRESS_REPORT;
  if (report && report !== state.reportFile) {
    appendFileSync(report, `${JSON.stringify(violation)}\n`);
    process.stderr.write(`${error.message}\n`);
  } else {
    state.violations.push(violation);
  }
  return error;
}

/** The violations of this process and its children since the last call, oldest first; then the record is empty. */
export function takeViolations() {
  const own = state.violations.splice(0);
  if (!state.reportFile || !existsSync(state.reportFile)) return own;
  // Renamed before reading: a child appending meanwhile starts a new file instead of writing into a lost one.
  const taking = `${state.reportFile}.taking`;
  renameSync(state.reportFile, taking);
  const lines = readFileSync(taking, 'utf8').split('\n').filter(Boolean);
  rmSync(taking);
  return [...own, ...lines.map((line) => JSON.parse(line))];
}
