// Types for record.mjs (JavaScript, like guard.mjs, which spawned Node processes load without a loader).
export type Violation = { destination: string; via: string; pid: number; stack: string };

export function recordViolation(destination: string, via: string): Error & { code: 'ERR_NO_EGRESS' };
export function takeViolations(): Violation[];
