/** Starting and stopping the server process used by benches and drills. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = fileURLToPath(new URL('./server-main.ts', import.meta.url));

export interface ServerProc {
  child: ChildProcess;
  /** The server's own pid (not the wrapper's). */
  pid: number | undefined;
  port: number;
  url: string;
  slack: boolean;
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  stderr(): string;
}

/** A start that failed: how the process ended, for drills that expect a refusal. */
export interface StartError extends Error {
  exited: Promise<string>;
  pid: number | undefined;
}

/**
 * Spawns `node --import tsx bench/lib/server-main.ts` and waits for READY. `wrap` runs it under
 * another program (e.g. strace): `child` is then that program, and `pid` the server's own.
 */
export function startServer(
  env: Record<string, string>,
  opts: { timeoutMs?: number; script?: string; args?: string[]; wrap?: string[] } = {},
): Promise<ServerProc> {
  const node = [process.execPath, '--import', 'tsx', ...(opts.args ?? []), opts.script ?? SERVER];
  const [command, ...args] = [...(opts.wrap ?? []), ...node];
  const child = spawn(command, args, {
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
  return new Promise((resolve, rejectWith) => {
    const reject = (err: Error) => rejectWith(Object.assign(err, { exited, pid: child.pid }) as StartError);
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${opts.timeoutMs ?? 60_000} ms: ${err.slice(-2000)}`));
    }, opts.timeoutMs ?? 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /READY (\d+) slack=(\w+)(?: pid=(\d+))?/.exec(out);
      if (ready) {
        clearTimeout(timer);
        const port = Number(ready[1]);
        const pid = ready[3] ? Number(ready[3]) : child.pid;
        resolve({
          child,
          pid,
          port,
          url: `http://127.0.0.1:${port}`,
          slack: ready[2] === 'on',
          exited,
          stderr: () => err,
        });
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

/** Graceful stop (SIGTERM to the server itself, so a wrapper sees it exit), SIGKILL after a grace period. */
export async function stopServer(s: ServerProc, graceMs = 30_000): Promise<string> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.exited;
  if (s.pid && s.pid !== s.child.pid) {
    try {
      process.kill(s.pid, 'SIGTERM');
    } catch {
      s.child.kill('SIGTERM');
    }
  } else s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), graceMs);
  const how = await s.exited;
  clearTimeout(timer);
  return how;
}

export async function killServer(s: ServerProc): Promise<string> {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  return s.exited;
}
