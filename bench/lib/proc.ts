/** Starting and stopping the server process used by benches and drills. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = fileURLToPath(new URL('./server-main.ts', import.meta.url));

export interface ServerProc {
  child: ChildProcess;
  port: number;
  url: string;
  slack: boolean;
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  stderr(): string;
}

/** Spawns `node --import tsx bench/lib/server-main.ts` and waits for READY. */
export function startServer(
  env: Record<string, string>,
  opts: { timeoutMs?: number; script?: string; args?: string[] } = {},
): Promise<ServerProc> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...(opts.args ?? []), opts.script ?? SERVER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', BENCH_SERVER_QUIET: '1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.length > 20_000) err = err.slice(-10_000);
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${opts.timeoutMs ?? 60_000} ms: ${err.slice(-2000)}`));
    }, opts.timeoutMs ?? 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /READY (\d+) slack=(\w+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        const port = Number(ready[1]);
        resolve({ child, port, url: `http://127.0.0.1:${port}`, slack: ready[2] === 'on', exited, stderr: () => err });
      } else if (/FAILED/.test(out)) {
        clearTimeout(timer);
        reject(new Error(`server failed to start: ${out.trim()} ${err.slice(-2000)}`));
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}) before READY: ${err.slice(-2000)}`));
    });
  });
}

/** Graceful stop (SIGTERM), SIGKILL after a grace period. */
export async function stopServer(s: ServerProc, graceMs = 30_000): Promise<string> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.exited;
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), graceMs);
  const how = await s.exited;
  clearTimeout(timer);
  return how;
}

export async function killServer(s: ServerProc): Promise<string> {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  return s.exited;
}
