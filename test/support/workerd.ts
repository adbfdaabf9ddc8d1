// Builds the worker bundle once per content hash (wrangler --dry-run) and runs it under `workerd serve` with the
// committed deploy/workerd.capnp (its network narrowed to this machine), in its own process group so teardown can
// stop workerd and anything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordViolation } from './no-egress/record.mjs';
import { freePort } from './process.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
// What the bundle is made of; a change to any of these builds a new one.
const INPUTS = ['functions', 'agents', 'db', 'prompts', 'locales', 'legal', 'web', 'deploy', 'wrangler.toml', 'package-lock.json', 'tsconfig.json'];

export type WorkerBundle = {
  /** The cache folder: dist/entry.worker.js, meta.json (esbuild's metafile), deploy/workerd.capnp. */
  dir: string;
  script: string;
  metafile: string;
  config: string;
  bytes: number;
  /** False when an earlier run had already built this content. */
  built: boolean;
};

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => listFiles(join(ROOT, input))).sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

/** `wrangler deploy --dry-run --outdir …` into a temp folder keyed by the sources' hash; reused while they are unchanged. */
export async function buildWorkerBundle(): Promise<WorkerBundle> {
  const dir = join(tmpdir(), `aif-worker-${sourceHash()}`);
  const paths = { script: join(dir, 'dist', 'entry.worker.js'), metafile: join(dir, 'meta.json'), config: join(dir, 'deploy', 'workerd.capnp') };
  let built = false;
  if (!existsSync(paths.config)) {
    // Built beside the final folder and renamed into place, so parallel test files never see half a bundle.
    const staging = `${dir}.staging-${process.pid}-${Date.now()}`;
    mkdirSync(join(staging, 'deploy'), { recursive: true });
    await run(join(BIN, 'wrangler'), ['deploy', '--dry-run', '--outdir', join(staging, 'dist'), '--metafile', join(staging, 'meta.json')], {
      ...process.env,
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_HIDE_BANNER: 'true', // the banner asks registry.npmjs.org for a newer wrangler: egress the tests refuse
      WRANGLER_LOG_PATH: join(staging, 'logs'),
    });
    copyFileSync(join(ROOT, 'deploy', 'workerd.capnp'), join(staging, 'deploy', 'workerd.capnp'));
    try {
      renameSync(staging, dir);
      built = true;
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another test file won the race
    }
    pruneOldBundles(dir);
  }
  return { dir, ...paths, bytes: statSync(paths.script).size, built };
}

/** Removes bundles of earlier sources (older than an hour, so a run still using one keeps it). */
function pruneOldBundles(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('aif-worker-') || path === keep) continue;
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}

export type RunningWorkerd = {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning `workerd serve` to the first 200 on /livez. */
  coldStartMs: number;
  output: string[];
  stop(): Promise<void>;
};

/**
 * The committed config with outgoing fetch() narrowed to workerd's "local" (127.0.0.0/8, ::1, Unix sockets): under
 * test, nothing may leave the machine. Written once beside the committed one, whose relative embed paths it shares.
 */
function localOnlyConfig(bundle: WorkerBundle): string {
  const path = join(dirname(bundle.config), 'workerd.local-only.capnp');
  if (existsSync(path)) return path;
  const committed = readFileSync(bundle.config, 'utf8');
  const narrowed = committed.replace(/network = \(allow = \[[^\]]*\]/, 'network = (allow = ["local"]');
  if (narrowed === committed) throw new Error('deploy/workerd.capnp: no `network = (allow = [...]` to narrow to "local" for the tests');
  const staging = `${path}.${process.pid}`;
  writeFileSync(staging, narrowed);
  renameSync(staging, path); // parallel test files write the same text; rename keeps each read whole
  return path;
}

/** workerd logs each outgoing connection its network refused; the egress guard fails the test that caused it. */
function reportRefusedConnections(line: string): void {
  if (line.includes('blocked by restrictPeers')) recordViolation('a non-local address (workerd logs no more)', 'workerd fetch()');
  const lookup = /DNS lookup failed.*params\.host = ([^;\s]+)/.exec(line);
  if (lookup) recordViolation(lookup[1]!, 'workerd DNS lookup');
}

/**
 * `workerd serve <bundle>/deploy/workerd.local-only.capnp --socket-addr http=127.0.0.1:PORT` with only `env` as
 * the configuration (the committed config reads every variable with fromEnvironment).
 */
export async function startWorkerd(bundle: WorkerBundle, env: Record<string, string>, timeoutMs = 20_000): Promise<RunningWorkerd> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // detached: setsid, a process group of its own, so stop() reaches everything workerd started.
  const child = spawn(join(BIN, 'workerd'), ['serve', localOnlyConfig(bundle), '--socket-addr', `http=127.0.0.1:${port}`], {
    cwd: bundle.dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let partial = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output.push(chunk.toString());
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    lines.forEach(reportRefusedConnections);
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is gone already
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}:\n${output.join('')}`);
    const ok = await fetch(`${url}/livez`).then((response) => response.status === 200, () => false);
    if (ok) return { url, child, coldStartMs: Math.round(performance.now() - started), output, stop };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stop();
  throw new Error(`workerd did not answer /livez within ${timeoutMs} ms:\n${output.join('')}`);
}
