// The servers under test as real processes: `node [flags] <entry>` (for ours, what `npm start` runs, without npm's
// wrapper process; a TypeScript entry, the baseline's, with `--import tsx`) pinned to a core with taskset, timed from
// spawn to the first 200 on /readyz.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../../test/support/process.ts';
import { ROOT } from '../../test/support/workerd.ts';

export type ServerProcess = {
  url: string;
  pid: number;
  /** Spawn → first 200 on /readyz. */
  readyMs: number;
  stop(): Promise<void>;
};

/**
 * How `npm start` runs the assistant: its entry and the Node flags of package.json's start script (`node <flags>
 * <entry>`, the entry built by its prestart script), so that the bench measures the process an operator runs.
 */
export function npmStart(): { entry: string; nodeArgs: string[] } {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [runner, ...rest] = script.trim().split(/\s+/);
  const entry = rest.pop();
  if (runner !== 'node' || !entry || rest.some((arg) => !arg.startsWith('--'))) throw new Error(`npm start is not "node [--node-flag…] <entry>": ${script}`);
  return { entry, nodeArgs: rest };
}

/** GET `url`'s status, on a fresh connection each time; 0 when nothing listens yet. */
function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

/** Polls every 5 ms until `url` answers 200; throws if `child` exits first or `timeoutMs` passes. */
export async function waitFor200(url: string, child: ChildProcess, started: number, timeoutMs: number): Promise<number> {
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before ${url} answered`);
    if ((await status(url)) === 200) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * Starts `entry` (a path from the repository root) on a free port with `env` added to this process's environment.
 * Its output goes to `logFile`, as a service's would go to its journal, so the bench never pays for reading it.
 */
export async function startServer(options: { entry: string; env: Record<string, string>; core: number; logFile: string; nodeArgs?: string[] }): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, 'a');
  const started = performance.now();
  const child = spawn('taskset', ['-c', String(options.core), process.execPath, ...(options.nodeArgs ?? []), ...(options.entry.endsWith('.ts') ? ['--import', 'tsx'] : []), options.entry], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const readyMs = await waitFor200(`${url}/readyz`, child, started, 60_000);
    return { url, pid: child.pid!, readyMs, stop };
  } catch (error) {
    await stop();
    const tail = readFileSync(options.logFile, 'utf8').slice(-2000);
    throw new Error(`${options.entry}: ${error instanceof Error ? error.message : String(error)}\n${tail}`);
  }
}

/** Resident memory of `pid` in MiB, from /proc/<pid>/status (VmRSS). */
export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(join('/proc', String(pid), 'status'), 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/**
 * CPU time of `pid` in ms, all its threads, user and kernel: utime + stime from /proc/<pid>/stat, in clock ticks of
 * 10 ms (USER_HZ, 100 on Linux whatever the kernel's own tick).
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(join('/proc', String(pid), 'stat'), 'utf8');
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis, the state first.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
