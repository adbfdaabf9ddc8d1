// The lead jobs for the job registry: deliver the outbox, and purge expired unqualified leads and stale chat drafts.
import { purgeExpiredLeads } from '../../db/queries/leads.ts';
import type { Job } from '../jobs/registry.ts';
import { dispatchLeads, type DispatchOptions } from './dispatch.ts';

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;
/** An unfinished qualification from a chat lives no longer than the conversation itself (30 days). */
const DRAFT_DAYS = 30;

export function leadJobs(options: DispatchOptions = {}): Record<'dispatch-leads' | 'purge-leads', Job> {
  return {
    'dispatch-leads': {
      // Rows are leased one by one, so overlapping runs are safe; the job lease only saves duplicate work. A run
      // starts no new round after 30 s, and a round's POSTs time out after 10 s: 2 minutes always covers it.
      scope: 'cluster',
      leaseMs: 2 * MINUTE,
      everyMs: 15_000,
      run: (deps) => dispatchLeads(deps, options),
    },
    'purge-leads': {
      scope: 'cluster',
      leaseMs: 5 * MINUTE,
      everyMs: 60 * MINUTE,
      async run({ db, now }) {
        const at = now();
        return { deleted: await purgeExpiredLeads(db, at, at - DRAFT_DAYS * DAY_MS) };
      },
    },
  };
}
