/** One writer per store directory: a second process is refused, a dead one's lock is taken over. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer, stopServer } from '../../bench/lib/proc.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { LOCK_FILE, StoreLockedError } from '../../src/store/lock.ts';
import { tempStoreDir } from './factory.ts';

async function rosterAdd(url: string, i: number): Promise<string> {
  const res = await fetch(`${url}/drill/command`, {
    method: 'POST',
    body: JSON.stringify({ user: 'slack:USEC', text: `roster add slack:U${i} "Delegation ${i}" member "Europe"` }),
  });
  const { replies } = (await res.json()) as { replies: { text: string }[] };
  return replies.map((r) => r.text).join('\n');
}

const deadPid = () =>
  new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.once('exit', () => resolve(child.pid!));
  });

describe('one writer per store directory', () => {
  it('a second server on the same DATA_DIR exits non-zero naming the lock; the first keeps serving and loses nothing', async () => {
    const dir = await tempStoreDir();
    const env = { DATA_DIR: dir, SECRETARIAT: 'slack:USEC', BALLOT_SECRET: 'lock-test' };
    const booted = Date.now();
    const first = await startServer(env);
    const bootMs = Date.now() - booted;
    try {
      for (let i = 0; i < 5; i++) expect(await rosterAdd(first.url, i)).toMatch(/votes for/);

      const started = Date.now();
      const second = await startServer(env).then(
        (s) => s,
        (err: Error) => err,
      );
      expect(second).toBeInstanceOf(Error);
      const message = (second as Error).message;
      expect(message).toContain(`The store directory ${dir} is in use by another Consult process`);
      expect(message).toContain(`pid ${first.child.pid} on host ${hostname()}`);
      expect(message).toContain(join(dir, LOCK_FILE));
      // Refused as soon as the store is opened: no later than a normal start takes (loading the code dominates).
      expect(Date.now() - started).toBeLessThan(Math.max(10_000, 1.5 * bootMs));

      // The first one still serves and writes; nothing it acknowledged is lost.
      for (let i = 5; i < 10; i++) expect(await rosterAdd(first.url, i)).toMatch(/votes for/);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await stopServer(first);
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // released at a graceful stop
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8'));
    expect(meta.delegations.map((d: { name: string }) => d.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Delegation ${i}`),
    );
  }, 60_000);

  it('takes over the lock of a process that died on this host, and releases its own at close', async () => {
    const dir = await tempStoreDir();
    const pid = await deadPid();
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), startedAt: '2026-11-30T10:00:00.000Z' }),
    );
    const store = createFileStore({ dir });
    await store.open();
    const lock = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    await store.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to another program (pid reused after a restart)', async () => {
    const dir = await tempStoreDir();
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: '2026-11-30T10:00:00.000Z', procStart: '1' }),
    );
    const store = createFileStore({ dir });
    await store.open();
    await store.close();
  });

  it('takes over an empty lock file left by a crash between its creation and its write; refuses one created just now', async () => {
    const dir = await tempStoreDir();
    const lockFile = join(dir, LOCK_FILE);
    await writeFile(lockFile, '');
    const err = await createFileStore({ dir })
      .open()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreLockedError);
    expect((err as Error).message).toContain('an empty lock file created seconds ago');
    expect(await readFile(lockFile, 'utf8')).toBe('');

    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockFile, aMinuteAgo, aMinuteAgo);
    const store = createFileStore({ dir });
    await store.open();
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('refuses a lock held by a running process, a lock from another host, and a second store in this process', async () => {
    const dir = await tempStoreDir();
    const lockFile = join(dir, LOCK_FILE);
    const foreign = JSON.stringify({ pid: 4242, host: 'other-host', startedAt: '2026-11-30T10:00:00.000Z' });
    await writeFile(lockFile, foreign);
    const err = await createFileStore({ dir })
      .open()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreLockedError);
    expect((err as Error).message).toContain('pid 4242 on host other-host');
    expect(await readFile(lockFile, 'utf8')).toBe(foreign); // never removed

    await writeFile(lockFile, JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: 'x' }));
    await expect(createFileStore({ dir }).open()).rejects.toBeInstanceOf(StoreLockedError);

    const other = await tempStoreDir();
    const store = createFileStore({ dir: other });
    await store.open();
    await expect(createFileStore({ dir: other }).open()).rejects.toThrow(/is in use by another Consult process/);
    await store.close();
  });
});
