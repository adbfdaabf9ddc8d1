// Runs one registered job: takes its lease when it needs one, records what it did, and never runs it twice at once.
import { recordRun, releaseLease, takeLease } from '../../db/queries/jobs.ts';
import { DomainError } from '../errors.ts';
import { JOBS, type Job, type JobPorts, type JobResult } from './registry.ts';

export type JobOutcome =
  | { job: string; status: 'ran'; startedAt: string; ms: number; result: JobResult }
  | { job: string; status: 'skipped'; reason: 'running_elsewhere' };

export function findJob(name: string, jobs: Record<string, Job> = JOBS): Job {
  // Own properties only: "constructor" or "__proto__" are not jobs.
  const job = Object.hasOwn(jobs, name) ? jobs[name] : undefined;
  if (!job) throw new DomainError('job_unknown', { name });
  return job;
}

export async function runJob(deps: JobPorts, name: string, jobs: Record<string, Job> = JOBS): Promise<JobOutcome> {
  const job = findJob(name, jobs);
  const { db, now, log } = deps;
  const started = now();
  const holder = crypto.randomUUID();
  if (job.scope === 'cluster' && !(await takeLease(db, name, holder, started, started + job.leaseMs))) {
    log.info('job skipped', { job: name, reason: 'running_elsewhere' });
    return { job: name, status: 'skipped', reason: 'running_elsewhere' };
  }
  const finish = (result: JobResult) => (job.scope === 'cluster' ? releaseLease(db, name, holder, started, result) : recordRun(db, name, started, result));
  let result: JobResult;
  try {
    result = await job.run(deps);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('job failed', { job: name, error: message });
    // Releasing is best effort: when the database is what failed, the lease simply runs out.
    await finish({ error: message }).catch(() => undefined);
    throw new DomainError('job_failed', { name });
  }
  await finish(result);
  const ms = now() - started;
  log.info('job ran', { job: name, ms });
  return { job: name, status: 'ran', startedAt: new Date(started).toISOString(), ms, result };
}
