// `tsx bench/profile.ts <file.cpuprofile> [fromUs toUs]`: self time by file (packages folded) and by function,
// optionally cut to one load phase (the windows `BENCH_CPU_PROF=<dir> npm run bench` prints).
import { readFileSync } from 'node:fs';
import { ROOT } from '../test/support/workerd.ts';

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** Self time in µs per profile node, counting only samples taken within [from, to]. */
function selfTimes(profile: Profile, from = -Infinity, to = Infinity): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i]!;
    // A sample's weight is the time until the next one.
    if (at >= from && at <= to) self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return self;
}

/** A repository file, a package (its files folded), a node: module, or for V8's own entries their name. */
function place(frame: Profile['nodes'][number]['callFrame']): string {
  if (!frame.url) return frame.functionName;
  return frame.url.replace(`file://${ROOT}`, '').replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
}

function summarise(profile: Profile, from?: number, to?: number, top = 25): string[] {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfTimes(profile, from, to)) {
    const frame = frames.get(id)!;
    const where = place(frame);
    const name = frame.url ? `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}` : where;
    byPlace.set(where, (byPlace.get(where) ?? 0) + us);
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    total += us;
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  return [`${(total / 1000).toFixed(0)} ms sampled`, '', 'self time by file or package:', ...rows(byPlace), '', 'self time by function:', ...rows(byFunction)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, from, to] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/profile.ts <file.cpuprofile> [fromUs toUs]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  for (const line of summarise(profile, from ? Number(from) : undefined, to ? Number(to) : undefined)) console.log(line);
}
