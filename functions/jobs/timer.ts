// The Node server's own schedule: every registered job on its interval, unref'd, one run of each at a time.
import { JOBS, type Job, type JobPorts } from '../../agents/jobs/registry.ts';
import { runJob } from '../../agents/jobs/runner.ts';

export function startJobTimer(ports: JobPorts, jobs: Record<string, Job> = JOBS): { stop(): void } {
  const timers = Object.entries(jobs).map(([name, job]) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      // runJob logs failures itself; the timer only keeps going.
      runJob(ports, name, jobs)
        .catch(() => undefined)
        .finally(() => (running = false));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return { stop: () => timers.forEach(clearInterval) };
}
