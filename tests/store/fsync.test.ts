/**
 * STORE_FSYNC: with it on, no write resolves (and so no vote is confirmed) before the files it
 * wrote and their directory were fsynced; the votes of a burst share one fsync per write group.
 * The store's file operations are recorded through its injectable fs layer, on a real disk.
 */
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { nodeFs, tempPathOf, type StoreFs } from '../../src/store/durable-fs.ts';
import { makeConsultation, tempStoreDir } from './factory.ts';

type Event =
  | { op: 'open' | 'write' | 'sync' | 'close'; path: string }
  | { op: 'rename'; from: string; to: string }
  | {
      op: 'ack';
      files: string[];
    };

function recordingFs(events: Event[]): StoreFs {
  return {
    async open(path, flags) {
      const f = await nodeFs.open(path, flags);
      events.push({ op: 'open', path });
      return {
        write: async (data, position) => {
          const n = await f.write(data, position);
          events.push({ op: 'write', path });
          return n;
        },
        truncate: (length) => f.truncate(length),
        sync: async () => {
          await f.sync();
          events.push({ op: 'sync', path });
        },
        close: async () => {
          await f.close();
          events.push({ op: 'close', path });
        },
      };
    },
    async rename(from, to) {
      await nodeFs.rename(from, to);
      events.push({ op: 'rename', from, to });
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VOTES = 60;

/** A store doing what a burst does: a create, then concurrent votes (each with an audit entry) and a meta change. */
async function burst(fsync: boolean, events: Event[]) {
  const store = createFileStore({ dir, fsync, fs: recordingFs(events) });
  await store.open();
  const t1 = join(dir, 'consultations', 'T1.json');
  const log = join(dir, 'consultations', 'T1.audit.jsonl');
  const meta = join(dir, 'meta.json');
  const ack =
    (...files: string[]) =>
    () =>
      void events.push({ op: 'ack', files });
  await store.create(makeConsultation({ id: 'T1' })).then(ack(t1, log));
  await Promise.all([
    ...Array.from({ length: VOTES }, (_, i) =>
      store
        .update('T1', (c) => {
          c.ballots[`D${i}`] = { choices: [1 + (i % 2)] };
          c.audit.push({ at: '2024-03-02T10:00:00Z', by: `slack:U${i}`, action: 'vote', delegation: `D${i}` });
        })
        .then(ack(t1, log)),
    ),
    store.updateMeta((m) => void (m.counters.T = 1)).then(ack(meta)),
  ]);
  await store.close();
  const reopened = createFileStore({ dir });
  await reopened.open();
  expect(Object.keys(reopened.get('T1')!.ballots)).toHaveLength(VOTES);
  await reopened.close();
  return { t1, log, meta };
}

const lastIndex = (events: Event[], before: number, test: (e: Event) => boolean) => {
  for (let i = before - 1; i >= 0; i--) if (test(events[i])) return i;
  return -1;
};
const between = (events: Event[], from: number, to: number, test: (e: Event) => boolean) =>
  events.slice(from + 1, to).some(test);

describe('STORE_FSYNC', () => {
  it('on: every acknowledged write was preceded by an fsync of each file it wrote and of their directory, one per write group', async () => {
    const events: Event[] = [];
    const { t1, log } = await burst(true, events);
    const acks = events.flatMap((e, i) => (e.op === 'ack' ? [{ i, files: e.files }] : []));
    expect(acks).toHaveLength(VOTES + 2);
    for (const { i, files } of acks) {
      const [file, logFile] = files;
      const tmp = tempPathOf(file);
      // The rename that put this write's file in place, and the write of its temp file before it.
      const renamed = lastIndex(events, i, (e) => e.op === 'rename' && e.to === file && e.from === tmp);
      expect(renamed).toBeGreaterThan(-1);
      const opened = lastIndex(events, renamed, (e) => e.op === 'open' && e.path === tmp);
      expect(between(events, opened, renamed, (e) => e.op === 'sync' && e.path === tmp)).toBe(true);
      // The directory, after the rename and before the acknowledgement.
      expect(between(events, renamed, i, (e) => e.op === 'sync' && e.path === dirname(file))).toBe(true);
      // The audit lines this write appended were fsynced before the file that counts them was renamed.
      if (logFile) {
        const prevRename = lastIndex(events, renamed, (e) => e.op === 'rename' && e.to === file);
        const wroteLog = lastIndex(events, renamed, (e) => e.op === 'write' && e.path === logFile);
        if (wroteLog > prevRename)
          expect(between(events, wroteLog, renamed, (e) => e.op === 'sync' && e.path === logFile)).toBe(true);
      }
    }
    // The burst's votes were grouped: fewer writes than votes, each with one fsync of its temp file.
    const groups = events.filter((e) => e.op === 'rename' && e.to === t1).length;
    expect(groups).toBeLessThan(VOTES / 2);
    expect(events.filter((e) => e.op === 'sync' && e.path === tempPathOf(t1))).toHaveLength(groups);
    expect(events.filter((e) => e.op === 'sync' && e.path === log).length).toBeLessThanOrEqual(groups);
  });

  it('on: a new store also makes its directories durable before it opens', async () => {
    const events: Event[] = [];
    const fresh = join(dir, 'new', 'store');
    const store = createFileStore({ dir: fresh, fs: recordingFs(events) });
    await store.open();
    await store.close();
    const synced = events.flatMap((e) => (e.op === 'sync' ? [e.path] : []));
    // Each created directory is an entry of its parent: the store dir, its parent, and meta.json's rename.
    expect(synced).toEqual(expect.arrayContaining([fresh, dirname(fresh), dir, tempPathOf(join(fresh, 'meta.json'))]));
  });

  it('off: the same burst is written atomically and completely, with no fsync at all', async () => {
    const events: Event[] = [];
    const { t1 } = await burst(false, events);
    expect(events.filter((e) => e.op === 'sync')).toEqual([]);
    expect(events.some((e) => e.op === 'rename' && e.to === t1)).toBe(true);
  });

  it('is on by default, accepts off, and any other value stops the start naming the variable', () => {
    expect(parseConfig({}).STORE_FSYNC).toBe('on');
    expect(parseConfig({ STORE_FSYNC: 'off' }).STORE_FSYNC).toBe('off');
    for (const bad of ['yes', 'OFF', '0']) {
      expect(() => parseConfig({ STORE_FSYNC: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ STORE_FSYNC: bad })).toThrow(/STORE_FSYNC.*expected one of on, off/);
    }
  });
});
