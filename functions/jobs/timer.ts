// The Node server's own schedule: every registered job on its interval, unref'd, one run of each at a time.
import type { AppDeps } from '../types.ts';
import { JOBS, type Job } from './registry.ts';
import { runJob } from './runner.ts';

export function startJobTimer(deps: AppDeps, jobs: Record<string, Job> = JOBS): { stop(): void } {
  const timers = Object.entries(jobs).map(([name, job]) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      // runJob logs failures itself; the timer only keeps going.
      runJob(deps, name, jobs)
        .catch(() => undefined)
        .finally(() => (running = false));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return { stop: () => timers.forEach(clearInterval) };
}
