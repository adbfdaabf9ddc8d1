// CI's dependency audit (`tsx bin/audit-policy.ts`, run by .ci/run): `npm audit --omit=dev` may report a high or
// critical advisory only when .ci/audit-allow.json accepts it, with a reason and a review younger than 90 days.
// npm's --audit-level exit code cannot honour an allow-list, so this judges npm's JSON instead. An audit that gives
// no report (a registry mirror without the audit API answers 405) is printed as NOT AUDITED; it fails only with
// AUDIT_REQUIRED=1, for a CI whose registry has the audit API, so a mirror cannot block every change.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ALLOW_LIST = '.ci/audit-allow.json';
const BLOCKING = new Set(['high', 'critical']);
export const MAX_REVIEW_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

export const AllowListSchema = z.strictObject({
  about: z.string().optional(),
  accepted: z.array(z.strictObject({
    id: z.string().regex(/^GHSA(-[a-z0-9]{4}){3}$/, 'a GHSA id, e.g. GHSA-xxxx-xxxx-xxxx'),
    package: z.string().min(1),
    reason: z.string().min(1),
    reviewed: z.iso.date(),
  })),
});
export type Accepted = z.infer<typeof AllowListSchema>['accepted'][number];

export type Finding = { id: string; package: string; severity: string; title: string; url: string; range: string };

// npm audit --json (report version 2): per package, `via` lists advisories (objects) or the dependency that brings one.
const AdvisorySchema = z.object({ source: z.number(), name: z.string(), title: z.string(), url: z.string(), severity: z.string(), range: z.string() });
const ReportSchema = z.object({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(z.string(), z.object({ via: z.array(z.union([z.string(), AdvisorySchema])) })),
});

/** Every advisory in an `npm audit --json` report, once each; throws when the output is not a report (an error). */
export function findingsOf(output: unknown): Finding[] {
  const parsed = ReportSchema.safeParse(output);
  if (!parsed.success) {
    const message = (output as { message?: unknown; error?: { summary?: unknown } } | null)?.message ?? (output as { error?: { summary?: unknown } } | null)?.error?.summary;
    throw new Error(`npm audit gave no report${message ? ` (${String(message)})` : ''}: the advisory endpoint is unreachable or answered something else`);
  }
  const found = new Map<number, Finding>();
  for (const { via } of Object.values(parsed.data.vulnerabilities)) {
    for (const advisory of via) {
      if (typeof advisory === 'string') continue;
      const ghsa = /GHSA(-[a-z0-9]{4}){3}$/.exec(advisory.url)?.[0];
      found.set(advisory.source, { id: ghsa ?? `npm-${advisory.source}`, package: advisory.name, severity: advisory.severity, title: advisory.title, url: advisory.url, range: advisory.range });
    }
  }
  return [...found.values()];
}

export type Verdict = {
  /** High or critical, and not accepted (with why: no entry, or an entry whose review is too old). */
  blocking: (Finding & { why: string })[];
  accepted: (Finding & { entry: Accepted })[];
  /** Below high: printed, never failing. */
  lower: Finding[];
  /** Allow-list entries no finding needs any more: remove them. */
  unused: Accepted[];
};

export function judge(found: Finding[], allow: Accepted[], today: Date): Verdict {
  const verdict: Verdict = { blocking: [], accepted: [], lower: [], unused: [] };
  for (const finding of found) {
    if (!BLOCKING.has(finding.severity)) {
      verdict.lower.push(finding);
      continue;
    }
    const entry = allow.find((e) => e.id === finding.id && e.package === finding.package);
    const ageDays = entry ? Math.floor((today.getTime() - Date.parse(entry.reviewed)) / DAY_MS) : 0;
    if (!entry) verdict.blocking.push({ ...finding, why: `not in ${ALLOW_LIST}` });
    else if (ageDays > MAX_REVIEW_AGE_DAYS) verdict.blocking.push({ ...finding, why: `its review of ${entry.reviewed} is ${ageDays} days old (at most ${MAX_REVIEW_AGE_DAYS}): review it again` });
    else verdict.accepted.push({ ...finding, entry });
  }
  verdict.unused = allow.filter((e) => !found.some((f) => f.id === e.id && f.package === e.package));
  return verdict;
}

/** `npm audit --omit=dev --json`'s output, whatever its exit code (1 whenever anything is found). */
function runAudit(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['audit', '--omit=dev', '--json'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`npm audit printed no JSON (${error?.message ?? 'exit 0'}):\n${stderr}`));
      }
    });
  });
}

async function main(): Promise<void> {
  const allow = AllowListSchema.parse(JSON.parse(readFileSync(ALLOW_LIST, 'utf8'))).accepted;
  let found: Finding[];
  try {
    found = findingsOf(await runAudit());
  } catch (error) {
    console.error(`NOT AUDITED: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.AUDIT_REQUIRED === '1') process.exitCode = 1;
    return;
  }
  const { blocking, accepted, lower, unused } = judge(found, allow, new Date());
  const line = (f: Finding) => `${f.severity.padEnd(8)} ${f.id}  ${f.package} ${f.range}  ${f.title}  ${f.url}`;
  for (const f of lower) console.log(`below high: ${line(f)}`);
  for (const f of accepted) console.log(`accepted:   ${line(f)}\n            reviewed ${f.entry.reviewed}: ${f.entry.reason}`);
  for (const e of unused) console.log(`unused allow-list entry ${e.id} (${e.package}): no longer reported, remove it from ${ALLOW_LIST}`);
  for (const f of blocking) console.error(`BLOCKING:   ${line(f)}\n            ${f.why}`);
  console.log(`npm audit (production dependencies): ${blocking.length} blocking, ${accepted.length} accepted, ${lower.length} below high`);
  if (blocking.length > 0) {
    console.error(`Update the dependency (npm update / npm audit fix --omit=dev), or accept the advisory in ${ALLOW_LIST} with a reason.`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
