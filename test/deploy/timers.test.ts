// The outside timers workerd needs: every job in JOBS ships a systemd timer and a CronJob, exactly as rendered, none stale.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../agents/jobs/registry.ts';
import { CRONJOBS, cronSchedule, drift, readShipped, syncTimerFiles, timerFiles, timerPath, type Schedules } from '../../bin/deploy-timers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const shipped = await readShipped(ROOT);

/** Jobs without a shipped timer for their own service or a CronJob calling their endpoint, read from the files alone. */
function unscheduled(names: string[], files: Map<string, string>): string[] {
  const cronjobs = files.get(CRONJOBS) ?? '';
  return names.filter(
    (name) =>
      !files.get(timerPath(name))?.includes(`\nUnit=ai-factory-job@${name}.service\n`) ||
      !cronjobs.includes(`\n  name: ai-factory-job-${name}\n`) ||
      !cronjobs.includes(`"$ASSISTANT_URL/internal/jobs/${name}"`),
  );
}

const without = (name: string): Schedules => Object.fromEntries(Object.entries(JOBS).filter(([job]) => job !== name));
const cronJobOf = (yaml: string, name: string) => yaml.split('\n---\n').find((doc) => doc.includes(`\n  name: ai-factory-job-${name}\n`))!;

describe('the shipped timers', () => {
  it('give every job in JOBS a systemd timer and a CronJob, lead delivery included', () => {
    expect(unscheduled(Object.keys(JOBS), shipped)).toEqual([]);
    expect(unscheduled(['dispatch-leads', 'purge-leads'], shipped)).toEqual([]);
  });

  it('are exactly what the generator renders from JOBS, with no timer left for a job JOBS lacks', () => {
    expect(drift(timerFiles(JOBS), shipped), 'run `npx tsx bin/deploy-timers.ts`').toEqual([]);
  });

  it('pass the generator\'s own --check', () => {
    expect(execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['bin/deploy-timers.ts', '--check'], { cwd: ROOT, encoding: 'utf8' })).toContain('match JOBS');
  });
});

describe('the checks', () => {
  // Against files in step with JOBS, so each planted change is the only difference.
  const inStep = timerFiles(JOBS);

  it('catch a job added to JOBS without regenerating', () => {
    const planted = { ...JOBS, 'planted-job': { everyMs: 60_000 } };
    expect(unscheduled(Object.keys(planted), inStep)).toEqual(['planted-job']);
    expect(drift(timerFiles(planted), inStep)).toEqual([
      { path: timerPath('planted-job'), problem: 'missing' },
      { path: CRONJOBS, problem: 'differs' },
    ]);
  });

  it('catch a timer left behind for a job removed from JOBS', () => {
    expect(drift(timerFiles(without('dispatch-leads')), inStep)).toEqual([
      { path: CRONJOBS, problem: 'differs' },
      { path: timerPath('dispatch-leads'), problem: 'stale' },
    ]);
  });

  it('catch a period changed in JOBS without regenerating', () => {
    expect(drift(timerFiles({ ...JOBS, 'dispatch-leads': { everyMs: 20_000 } }), inStep)).toEqual([
      { path: timerPath('dispatch-leads'), problem: 'differs' },
      { path: CRONJOBS, problem: 'differs' },
    ]);
  });

  it('catch a shipped timer or CronJob gone missing', () => {
    const noTimer = new Map([...inStep].filter(([path]) => path !== timerPath('purge-leads')));
    expect(unscheduled(Object.keys(JOBS), noTimer)).toEqual(['purge-leads']);
    expect(drift(timerFiles(JOBS), noTimer)).toEqual([{ path: timerPath('purge-leads'), problem: 'missing' }]);

    const noCronJob = new Map(inStep).set(CRONJOBS, timerFiles(without('purge-leads')).get(CRONJOBS)!);
    expect(unscheduled(Object.keys(JOBS), noCronJob)).toEqual(['purge-leads']);
    expect(drift(timerFiles(JOBS), noCronJob)).toEqual([{ path: CRONJOBS, problem: 'differs' }]);
  });
});

describe('timerFiles', () => {
  const files = timerFiles({ fast: { everyMs: 15_000 }, hourly: { everyMs: 3_600_000 } });
  const cronjobs = files.get(CRONJOBS)!;

  it('renders one timer per job and one CronJob file', () => {
    expect([...files.keys()]).toEqual([timerPath('fast'), timerPath('hourly'), CRONJOBS]);
  });

  it('starts the job\'s own service on its period, soon after boot, with an accuracy fit for 15 s', () => {
    const fast = files.get(timerPath('fast'))!;
    expect(fast).toMatch(/^# .+\n/);
    for (const line of ['OnBootSec=15s', 'OnUnitActiveSec=15s', 'AccuracySec=1s', 'Unit=ai-factory-job@fast.service', 'WantedBy=timers.target']) {
      expect(fast.split('\n')).toContain(line);
    }
    expect(files.get(timerPath('hourly'))!.split('\n')).toEqual(expect.arrayContaining(['OnBootSec=1min', 'OnUnitActiveSec=1h']));
    // Persistent= only acts on OnCalendar= timers; on these it could only leave OnBootSec= disabled after a restart.
    expect(fast).not.toMatch(/^Persistent=/m);
  });

  it('gives each job a CronJob that POSTs its endpoint one run at a time, token from a Secret, URL set by the operator', () => {
    const fast = cronJobOf(cronjobs, 'fast');
    expect(fast).toContain('concurrencyPolicy: Forbid');
    expect(fast).toMatch(/- name: JOBS_TOKEN\n\s+valueFrom:\n\s+secretKeyRef:\n\s+name: ai-factory-assistant-jobs\n\s+key: JOBS_TOKEN\n/);
    expect(fast).toMatch(/curl .*-X POST -H @- "\$ASSISTANT_URL\/internal\/jobs\/fast"/);
    expect(fast).not.toMatch(/Bearer \$JOBS_TOKEN|Bearer "\$JOBS_TOKEN"/);
    expect(cronjobs).toContain('ASSISTANT_URL: "http://ai-factory-assistant.CHANGE-ME.svc:8787"');
  });

  it('runs a sub-minute job every minute under cron, and says so', () => {
    expect(cronJobOf(cronjobs, 'fast')).toContain('schedule: "* * * * *"');
    expect(cronJobOf(cronjobs, 'fast')).toContain("# Node runs fast every 15s; here every 1min: cron's floor is one minute.");
    expect(cronjobs.split('\n')[0]).toMatch(/^# /);
    expect(cronjobs).toMatch(/^# Kubernetes cron fires at most once a minute/m);
    expect(cronJobOf(cronjobs, 'hourly')).toContain('schedule: "0 * * * *"');
    expect(cronJobOf(cronjobs, 'hourly')).not.toContain('# Node runs');
  });

  it('refuses a name that is no unit instance, URL segment and Kubernetes name at once, and periods in fractions of a second', () => {
    expect(() => timerFiles({ Purge_All: { everyMs: 60_000 } })).toThrow(/job name "Purge_All"/);
    expect(() => timerFiles({ ['x'.repeat(38)]: { everyMs: 60_000 } })).toThrow(/at most 37 characters/);
    expect(() => timerFiles({ fast: { everyMs: 1_500 } })).toThrow(/whole number of seconds/);
    expect(() => timerFiles({ fast: { everyMs: 0 } })).toThrow(/whole number of seconds/);
  });
});

describe('cronSchedule', () => {
  it.each([
    [15_000, '* * * * *', 60_000],
    [60_000, '* * * * *', 60_000],
    [5 * 60_000, '*/5 * * * *', 5 * 60_000],
    [7 * 60_000, '*/6 * * * *', 6 * 60_000],
    [90 * 60_000, '0 * * * *', 3_600_000],
    [5 * 3_600_000, '0 */4 * * *', 4 * 3_600_000],
    [2 * 86_400_000, '0 0 * * *', 86_400_000],
  ])('runs an every-%i ms job on "%s", never less often and at even gaps', (everyMs, cron, every) => {
    expect(cronSchedule(everyMs)).toEqual({ cron, everyMs: every });
  });
});

describe('syncTimerFiles', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const plantedRoot = () => {
    const root = mkdtempSync(join(tmpdir(), 'aif-timers-'));
    roots.push(root);
    mkdirSync(join(root, 'deploy/systemd'), { recursive: true });
    writeFileSync(join(root, 'deploy/systemd/ai-factory-job@.service'), 'the job service\n');
    writeFileSync(join(root, 'deploy/systemd/ai-factory-job-gone.timer'), 'a job no longer in JOBS\n');
    writeFileSync(join(root, timerPath('fast')), 'edited by hand\n');
    return root;
  };
  const rendered = timerFiles({ fast: { everyMs: 15_000 }, slow: { everyMs: 3_600_000 } });
  const found = [
    { path: timerPath('fast'), problem: 'differs' },
    { path: timerPath('slow'), problem: 'missing' },
    { path: CRONJOBS, problem: 'missing' },
    { path: 'deploy/systemd/ai-factory-job-gone.timer', problem: 'stale' },
  ];

  it('writes what differs, deletes stale timers, leaves the job service alone, and finds nothing the second time', async () => {
    const root = plantedRoot();
    expect(await syncTimerFiles(root, rendered, { write: true })).toEqual(found);
    expect(readdirSync(join(root, 'deploy/systemd')).sort()).toEqual(['ai-factory-job-fast.timer', 'ai-factory-job-slow.timer', 'ai-factory-job@.service']);
    for (const [path, text] of rendered) expect(readFileSync(join(root, path), 'utf8')).toBe(text);
    expect(readFileSync(join(root, 'deploy/systemd/ai-factory-job@.service'), 'utf8')).toBe('the job service\n');
    expect(await syncTimerFiles(root, rendered, { write: true })).toEqual([]);
  });

  it('only reports when checking', async () => {
    const root = plantedRoot();
    expect(await syncTimerFiles(root, rendered, { write: false })).toEqual(found);
    expect(readdirSync(join(root, 'deploy/systemd')).sort()).toEqual(['ai-factory-job-fast.timer', 'ai-factory-job-gone.timer', 'ai-factory-job@.service']);
    expect(readFileSync(join(root, timerPath('fast')), 'utf8')).toBe('edited by hand\n');
  });
});
