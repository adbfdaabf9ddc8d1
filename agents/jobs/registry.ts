// Every scheduled job, in one list: what it does, whether it needs the cluster-wide lease, and how often it runs.
import type { Db } from '../../db/client.ts';
import { checkpoint, purgeExpiredConversations, type PurgeCounts } from '../../db/queries/jobs.ts';
import { lastSeal, unsealedRows, writeSeals } from '../../db/queries/audit.ts';
import { purgeExpiredLeads } from '../../db/queries/leads.ts';
import { purgeRateLimits } from '../../db/queries/rate-limits.ts';
import { purgeLoginFailures, purgeStaffSessions } from '../../db/queries/staff.ts';
import { THROTTLE } from '../staff/throttle.ts';
import { dispatchLeads, type DispatchOptions, type WebhookTarget } from '../leads/dispatch.ts';
import { GENESIS, seal } from '../audit/chain.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendDueMail, type SendMailOptions } from '../mail/send.ts';
import type { HostPool } from '../ollama/pool.ts';
import { answerMode } from '../ollama/pool.ts';
import { CONVERSATION_RETENTION_DAYS, DAY_MS, type Clock, type Log } from '../ports.ts';
import { SESSION } from '../staff/sessions.ts';

export type JobResult = Record<string, unknown>;

/** What jobs may use. */
export type JobPorts = { db: Db; now: Clock; log: Log; llm: HostPool; fetch: typeof fetch; webhook: WebhookTarget; mailer?: Mailer | null };

export type Job = {
  /**
   * 'cluster': one instance at a time, through the lease row in job_leases (work on shared data).
   * 'instance': refreshes this instance's own view, so every instance runs it; no lease.
   */
  scope: 'cluster' | 'instance';
  /** How long a run may hold the lease; after that another instance may take over (a crashed run). */
  leaseMs: number;
  /** How often it runs: the Node server's own timer, and the shipped systemd timers and CronJobs for workerd. */
  everyMs: number;
  run(ports: JobPorts): Promise<JobResult>;
};

const MINUTE = 60_000;
// The purge deletes in slices, each its own short transaction, so it never holds the writer for long.
const PURGE_SLICE = 500;
const PURGE_MAX_SLICES = 20;

export function createJobs(options: { dispatch?: DispatchOptions; mail?: SendMailOptions } = {}) {
  return {
    'dispatch-leads': {
      // Rows are leased one by one, so overlapping runs are safe; the job lease only saves duplicate work. A run
      // starts no new round after 30 s, and a round's POSTs time out after 10 s: 2 minutes always covers it.
      scope: 'cluster',
      leaseMs: 2 * MINUTE,
      everyMs: 15_000,
      run: (ports) => dispatchLeads(ports, options.dispatch),
    },
    'seal-audit': {
      // Seals in id order from the newest seal; one sealer at a time keeps the chain a line (a second one finds
      // its updates refused by hash IS NULL and seals nothing twice).
      scope: 'cluster',
      leaseMs: MINUTE,
      everyMs: MINUTE,
      async run({ db }) {
        let sealed = 0;
        for (let slice = 0; slice < PURGE_MAX_SLICES; slice++) {
          const rows = await unsealedRows(db, PURGE_SLICE);
          if (rows.length === 0) break;
          await writeSeals(db, seal((await lastSeal(db)) ?? GENESIS, rows));
          sealed += rows.length;
        }
        return { sealed };
      },
    },
    'purge-leads': {
      scope: 'cluster',
      leaseMs: 5 * MINUTE,
      everyMs: 60 * MINUTE,
      async run({ db, now }) {
        const at = now();
        // An unfinished qualification from a chat lives no longer than the conversation itself.
        return { deleted: await purgeExpiredLeads(db, at, at - CONVERSATION_RETENTION_DAYS * DAY_MS) };
      },
    },
    'probe-llm': {
      scope: 'instance',
      leaseMs: MINUTE,
      everyMs: MINUTE / 2,
      async run({ llm }) {
        const statuses = await llm.probe();
        return {
          mode: answerMode(llm.mode()),
          hosts: statuses.map(({ host, ok, version, error }) => ({ host, ok, ...(version ? { version } : {}), ...(error ? { error } : {}) })),
          missingModels: llm.missingModels(),
        };
      },
    },
    'send-mail': {
      // Staff replies by e-mail; each mail is claimed on its own too. A run sends at most 50, each SMTP send
      // bounded by nodemailer's timeouts, so 5 minutes covers it.
      scope: 'cluster',
      leaseMs: 5 * MINUTE,
      everyMs: MINUTE,
      run: ({ db, now, log, mailer }) => sendDueMail({ db, now, log, mailer: mailer ?? null }, options.mail),
    },
    'purge-retention': {
      scope: 'cluster',
      leaseMs: 5 * MINUTE,
      everyMs: 60 * MINUTE,
      async run({ db, now }) {
        const cutoff = now();
        const total: PurgeCounts = { conversations: 0, messages: 0, events: 0, feedback: 0 };
        // Staff sessions that ended, went idle or were revoked hold nothing anyone can use.
        const staffSessions = await purgeStaffSessions(db, cutoff, cutoff - SESSION.idleMs);
        // Rate counters outlive no window (the longest is hours); a day's salt goes with the day.
        const rateCounters = await purgeRateLimits(db, cutoff - DAY_MS, new Date(cutoff - DAY_MS).toISOString().slice(0, 10));
        // Failed logins whose window passed and whose lock ended count for nothing, even when no login fails again.
        const loginFailures = await purgeLoginFailures(db, cutoff - Math.max(THROTTLE.email.windowMs, THROTTLE.client.windowMs), cutoff);
        for (let slice = 0; slice < PURGE_MAX_SLICES; slice++) {
          const deleted = await purgeExpiredConversations(db, cutoff, PURGE_SLICE);
          for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += deleted[key];
          // A slice that was not full means nothing expired is left; otherwise the next run continues.
          if (deleted.conversations < PURGE_SLICE) return { deleted: { ...total, staffSessions, rateCounters, loginFailures }, more: false, checkpointed: await checkpoint(db) };
        }
        return { deleted: { ...total, staffSessions, rateCounters, loginFailures }, more: true, checkpointed: await checkpoint(db) };
      },
    },
  } satisfies Record<string, Job>;
}

export const JOBS: Record<string, Job> = createJobs();
