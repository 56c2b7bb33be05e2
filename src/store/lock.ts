/**
 * One writer per store directory. Two processes writing the same files (an overlapping deploy,
 * a second replica) lose acknowledged writes and tear the audit log, so the store takes a lock
 * file at open: created with O_EXCL, holding the owner's pid, host, boot and process start time.
 *
 * A lock left by a process that died (SIGKILL, power cut) is taken over when its owner is surely
 * gone: same host, and the pid is not running, or runs a process started at another time (a pid
 * reused after a restart, common in containers), or the machine rebooted since. A lock from
 * another host is never taken over: we cannot tell whether its owner still runs. An empty lock file
 * (a crash between its creation and its first write) is taken over once a few seconds old.
 */
import { constants, readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'consult.lock';

/** An empty lock file older than this was left by a crash between its creation and its first write. */
const EMPTY_LOCK_STALE_MS = 5_000;

const Holder = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
  boot: z.string().optional(),
  procStart: z.string().optional(),
});
type Holder = z.infer<typeof Holder>;

/** Locks this process holds, by directory: a second store on one directory in one process is refused too. */
const heldHere = new Map<string, { file: string; text: string }>();
let exitHook = false;

/** A process that exits without closing its store (process.exit) leaves no lock behind. */
function removeOnExit(): void {
  for (const { file, text } of heldHere.values()) {
    if (readProc(file) === text.trim()) unlinkSync(file);
  }
}

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(
      `The store directory ${dir} is in use by another Consult process (${holder}; lock file ${lockFile}). Two processes writing one store lose data, so this one does not start. Stop the other process first, or give this one another DATA_DIR.`,
    );
    this.name = 'StoreLockedError';
  }
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: the process's start time in ticks since boot (after the `(comm)` field). */
function procStartOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .at(19);
}

const bootId = () => readProc('/proc/sys/kernel/random/boot_id');

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock's owner surely no longer runs (only decidable on the same host). */
function isStale(h: Holder, dir: string): boolean {
  if (h.host !== hostname()) return false;
  const boot = bootId();
  if (h.boot && boot && h.boot !== boot) return true;
  if (h.pid === process.pid) return !heldHere.has(dir);
  if (!running(h.pid)) return true;
  const start = procStartOf(h.pid);
  return Boolean(h.procStart && start && h.procStart !== start);
}

const describe = (h: Holder | undefined, raw: string) =>
  h
    ? `pid ${h.pid} on host ${h.host}, since ${h.startedAt}`
    : raw === ''
      ? 'an empty lock file created seconds ago: its owner may be starting'
      : `unreadable lock: ${JSON.stringify(raw.slice(0, 80))}`;

export interface StoreLock {
  readonly file: string;
  release(): Promise<void>;
}

/** Takes the lock on `dir` (which must exist), or throws StoreLockedError naming the holder. */
export async function acquireLock(dir: string): Promise<StoreLock> {
  const file = join(dir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    boot: bootId(),
    procStart: procStartOf(process.pid),
  };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err;
    }
    const raw = await readFile(file, 'utf8').catch(() => '');
    if (raw === '') {
      // Removed meanwhile, or its owner is between creating and writing it (microseconds), or crashed
      // right there: an empty lock older than a few seconds has no owner left, and is taken over.
      const age = await stat(file).then(
        (s) => Date.now() - s.mtimeMs,
        () => Number.POSITIVE_INFINITY,
      );
      if (age > EMPTY_LOCK_STALE_MS) {
        if ((await readFile(file, 'utf8').catch(() => '')) === '') await unlink(file).catch(() => undefined);
        continue;
      }
      if (attempt === 0) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
    }
    let holder: Holder | undefined;
    try {
      holder = Holder.parse(JSON.parse(raw));
    } catch {
      holder = undefined;
    }
    if (!holder || !isStale(holder, dir)) throw new StoreLockedError(dir, file, describe(holder, raw));
    // Re-read right before removing: another process may have taken the stale lock over meanwhile.
    if ((await readFile(file, 'utf8').catch(() => '')) === raw) await unlink(file).catch(() => undefined);
  }
  heldHere.set(dir, { file, text });
  if (!exitHook) process.once('exit', removeOnExit);
  exitHook = true;
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      // Only our own lock: never remove one another process took over.
      if ((await readFile(file, 'utf8').catch(() => '')) === text) await unlink(file).catch(() => undefined);
    },
  };
}
