// Starts the Node entry as `npm start` runs it (build/server.mjs, built once per test run by build-server.global.ts)
// as a child process and waits for its startup line; stops it by signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { SERVER_BUNDLE } from '../../bin/build-server.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startEntry(env: Record<string, string>, timeoutMs = 30_000): Promise<{ child: ChildProcess; ready: Record<string, unknown>; output: string[] }> {
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no startup line within ${timeoutMs} ms:\n${output.join('')}`));
    }, timeoutMs);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      buffered += chunk.toString();
      for (const line of buffered.split('\n').slice(0, -1)) {
        const entry = safeJson(line);
        if (entry?.msg === 'ready') {
          clearTimeout(timer);
          resolve(entry);
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${output.join('')}`));
    });
  });
  return { child, ready, output };
}

export async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

function safeJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
