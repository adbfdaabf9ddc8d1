// Every scheduled job, in one place: what it does, whether it needs the cluster-wide lease, and how often Node runs it.
import { purgeExpiredConversations, type PurgeCounts } from '../../db/queries/jobs.ts';
import type { AppDeps } from '../types.ts';
import { leadJobs } from '../leads/jobs.ts';

export type JobResult = Record<string, unknown>;

export type Job = {
  /**
   * 'cluster': one instance at a time, through the lease row in job_leases (work on shared data).
   * 'instance': refreshes this instance's own view, so every instance runs it; no lease.
   */
  scope: 'cluster' | 'instance';
  /** How long a run may hold the lease; after that another instance may take over (a crashed run). */
  leaseMs: number;
  /** How often the Node server runs it on its own timer (workerd: an outside timer calls the endpoint). */
  everyMs: number;
  run(deps: AppDeps): Promise<JobResult>;
};

const MINUTE = 60_000;
// The purge deletes in slices, each its own short transaction, so it never holds the writer for long.
const PURGE_SLICE = 500;
const PURGE_MAX_SLICES = 20;

export const JOBS: Record<string, Job> = {
  ...leadJobs(),
  'probe-llm': {
    scope: 'instance',
    leaseMs: MINUTE,
    everyMs: MINUTE / 2,
    async run({ llm }) {
      const statuses = await llm.probe();
      return {
        mode: llm.mode() === 'ollama' ? 'llm' : 'offline',
        hosts: statuses.map(({ host, ok, version, error }) => ({ host, ok, ...(version ? { version } : {}), ...(error ? { error } : {}) })),
        missingModels: llm.missingModels(),
      };
    },
  },
  'purge-retention': {
    scope: 'cluster',
    leaseMs: 5 * MINUTE,
    everyMs: 60 * MINUTE,
    async run({ db, now }) {
      const cutoff = now();
      const total: PurgeCounts = { conversations: 0, messages: 0, events: 0, feedback: 0 };
      for (let slice = 0; slice < PURGE_MAX_SLICES; slice++) {
        const deleted = await purgeExpiredConversations(db, cutoff, PURGE_SLICE);
        for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += deleted[key];
        // A slice that was not full means nothing expired is left; otherwise the next run continues.
        if (deleted.conversations < PURGE_SLICE) return { deleted: total, more: false };
      }
      return { deleted: total, more: true };
    },
  },
};
