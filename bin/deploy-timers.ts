// `npm run deploy:timers`: renders workerd's outside timers (systemd timers, Kubernetes CronJobs) from JOBS; --check lists drift.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOBS } from '../agents/jobs/registry.ts';

export type Schedules = Record<string, { everyMs: number }>;
export type Drift = { path: string; problem: 'missing' | 'differs' | 'stale' };

const SYSTEMD_DIR = 'deploy/systemd';
export const CRONJOBS = 'deploy/kubernetes/jobs-cronjobs.yaml';
export const timerPath = (name: string) => `${SYSTEMD_DIR}/ai-factory-job-${name}.timer`;
const TIMER_FILE = /^ai-factory-job-.+\.timer$/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A CronJob's Jobs are named after it plus 11 characters, within Kubernetes' 63: the CronJob name gets 52.
const NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const MAX_NAME = 52 - 'ai-factory-job-'.length;

/** A period as systemd writes it (and as people read it): the largest unit that divides it exactly. */
function span(ms: number): string {
  const [size, unit] = ([[DAY, 'd'], [HOUR, 'h'], [MINUTE, 'min'], [SECOND, 's']] as const).find(([size]) => ms % size === 0)!;
  return `${ms / size}${unit}`;
}

const largestDivisorAtMost = (whole: number, most: number) => Array.from({ length: most }, (_, i) => most - i).find((d) => whole % d === 0)!;

/**
 * The cron schedule closest to everyMs that never runs less often and keeps even gaps: minutes that divide an hour,
 * hours that divide a day, else daily. Cron cannot go below one minute.
 */
export function cronSchedule(everyMs: number): { cron: string; everyMs: number } {
  if (everyMs < HOUR) {
    const minutes = largestDivisorAtMost(60, Math.max(1, Math.floor(everyMs / MINUTE)));
    return { cron: minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, everyMs: minutes * MINUTE };
  }
  if (everyMs < DAY) {
    const hours = largestDivisorAtMost(24, Math.floor(everyMs / HOUR));
    return { cron: hours === 1 ? '0 * * * *' : `0 */${hours} * * *`, everyMs: hours * HOUR };
  }
  return { cron: '0 0 * * *', everyMs: DAY };
}

function checkJob(name: string, everyMs: number): void {
  // The name becomes a unit instance, a URL path segment and a Kubernetes name as is, so it must suit all three.
  if (!NAME.test(name) || name.length > MAX_NAME) throw new Error(`job name "${name}": lowercase letters, digits and inner dashes, at most ${MAX_NAME} characters`);
  if (!Number.isInteger(everyMs) || everyMs < SECOND || everyMs % SECOND !== 0) throw new Error(`job ${name}: everyMs ${everyMs} is not a whole number of seconds`);
}

function renderTimer(name: string, everyMs: number): string {
  return `# Starts ai-factory-job@${name}.service every ${span(everyMs)}, the period Node's own timer uses for it.
# Rendered from JOBS by bin/deploy-timers.ts (\`npm run deploy:timers\`); a test fails when it differs, so change JOBS, not this.
[Unit]
Description=AI Factory assistant: job ${name} every ${span(everyMs)}

[Timer]
# First run soon after boot (at once when the timer is enabled later), then one period after each start, failed or not.
OnBootSec=${span(Math.min(everyMs, MINUTE))}
OnUnitActiveSec=${span(everyMs)}
# The default accuracy (1 min) exceeds the shortest periods; 1 s keeps each close to Node's.
AccuracySec=1s
# No Persistent=: it applies to OnCalendar= only, and OnBootSec= already runs the job after downtime.
Unit=ai-factory-job@${name}.service

[Install]
WantedBy=timers.target
`;
}

function renderCronJob(name: string, everyMs: number): string {
  const schedule = cronSchedule(everyMs);
  const why = everyMs < MINUTE ? "cron's floor is one minute" : 'the closest period cron keeps evenly';
  const note = schedule.everyMs === everyMs ? '' : `# Node runs ${name} every ${span(everyMs)}; here every ${span(schedule.everyMs)}: ${why}.\n`;
  return `---
${note}apiVersion: batch/v1
kind: CronJob
metadata:
  name: ai-factory-job-${name}
  labels:
    app.kubernetes.io/name: ai-factory-assistant
    app.kubernetes.io/component: jobs
spec:
  schedule: "${schedule.cron}"
  concurrencyPolicy: Forbid
  # A start missed by more than a period is dropped (the next run does the same work), so missed starts never pile up.
  startingDeadlineSeconds: ${schedule.everyMs / SECOND}
  successfulJobsHistoryLimit: 1
  failedJobsHistoryLimit: 3
  jobTemplate:
    spec:
      # No retries: the next scheduled run is the retry.
      backoffLimit: 0
      activeDeadlineSeconds: 360
      template:
        spec:
          restartPolicy: Never
          automountServiceAccountToken: false
          securityContext:
            runAsNonRoot: true
            runAsUser: 65534
            seccompProfile:
              type: RuntimeDefault
          containers:
            - name: call
              image: curlimages/curl:8.12.1
              env:
                - name: ASSISTANT_URL
                  valueFrom:
                    configMapKeyRef:
                      name: ai-factory-assistant-jobs
                      key: ASSISTANT_URL
                - name: JOBS_TOKEN
                  valueFrom:
                    secretKeyRef:
                      name: ai-factory-assistant-jobs
                      key: JOBS_TOKEN
              # The header goes in on stdin, so the token stays out of the process list.
              command:
                - sh
                - -c
                - |
                  printf 'Authorization: Bearer %s\\n' "$JOBS_TOKEN" |
                    curl --silent --show-error --fail-with-body --max-time 300 -X POST -H @- "$ASSISTANT_URL/internal/jobs/${name}"
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [ALL]
              resources:
                requests: { cpu: 10m, memory: 16Mi }
                limits: { memory: 64Mi }
`;
}

function renderCronJobs(jobs: [string, number][]): string {
  return `# Kubernetes CronJobs for self-hosted workerd: one per job, each POSTs /internal/jobs/<name>.
# Rendered from JOBS by bin/deploy-timers.ts (\`npm run deploy:timers\`); a test fails when it differs, so change JOBS, not this.
# Before applying: set ASSISTANT_URL below to the assistant's Service, and create the Secret with the assistant's JOBS_TOKEN:
#   kubectl create secret generic ai-factory-assistant-jobs --from-literal=JOBS_TOKEN=<the assistant's JOBS_TOKEN>
# Kubernetes cron fires at most once a minute: a job Node runs more often runs every minute here (noted at its CronJob).
# Each call reaches one pod through the Service: right for jobs that take the cluster-wide lease; a job that refreshes
# one instance's own view refreshes only the pod it reaches.
apiVersion: v1
kind: ConfigMap
metadata:
  name: ai-factory-assistant-jobs
  labels:
    app.kubernetes.io/name: ai-factory-assistant
    app.kubernetes.io/component: jobs
data:
  ASSISTANT_URL: "http://ai-factory-assistant.CHANGE-ME.svc:8787"
${jobs.map(([name, everyMs]) => renderCronJob(name, everyMs)).join('')}`;
}

/** Every file the outside timers need, by path from the repository root: a systemd timer per job, one CronJob file. */
export function timerFiles(jobs: Schedules): Map<string, string> {
  const entries = Object.entries(jobs)
    .map(([name, { everyMs }]): [string, number] => [name, everyMs])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, everyMs] of entries) checkJob(name, everyMs);
  return new Map([...entries.map(([name, everyMs]): [string, string] => [timerPath(name), renderTimer(name, everyMs)]), [CRONJOBS, renderCronJobs(entries)]]);
}

/** What the shipped files lack against the rendered ones; a shipped timer nothing renders is stale. */
export function drift(rendered: Map<string, string>, shipped: Map<string, string>): Drift[] {
  const found: Drift[] = [];
  for (const [path, text] of rendered) {
    const have = shipped.get(path);
    if (have !== text) found.push({ path, problem: have === undefined ? 'missing' : 'differs' });
  }
  for (const path of shipped.keys()) if (!rendered.has(path)) found.push({ path, problem: 'stale' });
  return found;
}

const readIfThere = (path: string) =>
  readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });

/** The generated kinds of file as they are under root: every job timer in deploy/systemd/ and the CronJob file. */
export async function readShipped(root: string): Promise<Map<string, string>> {
  const timers = (await readdir(join(root, SYSTEMD_DIR))).filter((file) => TIMER_FILE.test(file)).map((file) => `${SYSTEMD_DIR}/${file}`);
  const shipped = new Map<string, string>();
  for (const path of [...timers, CRONJOBS]) {
    const text = await readIfThere(join(root, path));
    if (text !== undefined) shipped.set(path, text);
  }
  return shipped;
}

/** Brings root in line with rendered (unless only checking) and returns what differed before. */
export async function syncTimerFiles(root: string, rendered: Map<string, string>, { write }: { write: boolean }): Promise<Drift[]> {
  const found = drift(rendered, await readShipped(root));
  if (write) {
    for (const { path, problem } of found) {
      if (problem === 'stale') await rm(join(root, path));
      else {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), rendered.get(path)!);
      }
    }
  }
  return found;
}

const DONE = { missing: 'wrote', differs: 'updated', stale: 'deleted' } as const;

async function main() {
  const check = process.argv.includes('--check');
  const found = await syncTimerFiles(fileURLToPath(new URL('..', import.meta.url)), timerFiles(JOBS), { write: !check });
  for (const { path, problem } of found) console.log(`${check ? problem : DONE[problem]} ${path}`);
  if (found.length === 0) console.log('deploy timers match JOBS');
  if (check && found.length > 0) {
    console.error('The shipped timers differ from JOBS: run `npm run deploy:timers`.');
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
