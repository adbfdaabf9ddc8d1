// POST /internal/jobs/:name — runs one scheduled job for an outside timer (systemd, CronJob) and returns what it did.
import { Hono } from 'hono';
import { JOBS, type Job } from '../../agents/jobs/registry.ts';
import { runJob } from '../../agents/jobs/runner.ts';
import { jobPorts } from '../deps.ts';
import type { AppBindings } from '../types.ts';
import { requireJobsToken } from './auth.ts';

export function jobRoutes(jobs: Record<string, Job> = JOBS) {
  // The token is checked before the name, so callers without it cannot list the jobs by probing.
  return new Hono<AppBindings>().post('/internal/jobs/:name', requireJobsToken(), async (c) => c.json(await runJob(jobPorts(c.var.deps), c.req.param('name'), jobs)));
}
