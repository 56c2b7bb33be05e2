import { appendFile, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/model.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { StoreLoadError, type Store } from '../../src/store/store.ts';
import { makeConsultation, snapshot, tempStoreDir } from './factory.ts';

let dir: string;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function openStore(): Promise<Store> {
  const store = createFileStore({ dir });
  await store.open();
  return store;
}

const file = (name: string) => join(dir, 'consultations', name);
const launch: AuditEntry = { at: '2024-03-01T09:00:00Z', by: 'slack:USEC', platform: 'slack', action: 'launch' };
const vote = (i: number): AuditEntry => ({
  at: '2024-03-02T10:00:00Z',
  by: 'slack:UMEX1',
  platform: 'slack',
  action: 'vote',
  delegation: `d${i}`,
});
/** Entries without the hash chain's `prev` (tests/store/audit-chain.test.ts checks the chain). */
const unchained = (entries: readonly AuditEntry[]) => entries.map(({ prev: _prev, ...e }) => e);
const logLines = async () =>
  unchained(
    (await readFile(file('T1.audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry),
  );
const trail = (store: Store) => unchained(store.get('T1')!.audit);

describe('file store: the audit trail is a log beside the consultation file', () => {
  it('appends each entry to the log; the consultation file does not grow with it, and a restart gives the whole trail back', async () => {
    const store = await openStore();
    await store.create(makeConsultation({ audit: [launch] }));
    const before = (await stat(file('T1.json'))).size;
    for (let i = 1; i <= 200; i++) await store.update('T1', (c) => void c.audit.push(vote(i)));
    // Only the byte count of the log changes in the JSON file: a few more digits.
    expect((await stat(file('T1.json'))).size - before).toBeLessThan(8);
    expect(JSON.parse(await readFile(file('T1.json'), 'utf8')).audit).toBeUndefined();
    expect(await logLines()).toEqual([launch, ...Array.from({ length: 200 }, (_, i) => vote(i + 1))]);
    await store.close();

    const again = await openStore();
    expect(again.get('T1')!.audit).toEqual(store.get('T1')!.audit);
    expect(again.get('T1')!.audit).toHaveLength(201);
  });

  it('ignores log lines written by a write that crashed before its consultation file, and overwrites them next time', async () => {
    const store = await openStore();
    await store.create(makeConsultation({ audit: [launch] }));
    await store.update('T1', (c) => void c.audit.push(vote(1)));
    await store.close();
    // The crash: the next vote's line reached the log, the consultation file never did.
    await appendFile(file('T1.audit.jsonl'), `${JSON.stringify(vote(99))}\n{"half a li`);

    const again = await openStore();
    expect(trail(again)).toEqual([launch, vote(1)]);
    await again.update('T1', (c) => void c.audit.push(vote(2)));
    expect(await logLines()).toEqual([launch, vote(1), vote(2)]);
    await again.close();
    expect(trail(await openStore())).toEqual([launch, vote(1), vote(2)]);
  });

  it('refuses to start when the log lost entries the consultation file counts, and changes no file', async () => {
    const store = await openStore();
    await store.create(makeConsultation({ audit: [launch] }));
    await store.update('T1', (c) => void c.audit.push(vote(1)));
    await store.close();
    await truncate(file('T1.audit.jsonl'), 10);
    const before = await snapshot(dir);

    const err = await createFileStore({ dir })
      .open()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreLoadError);
    expect((err as StoreLoadError).file).toBe(file('T1.audit.jsonl'));
    expect((err as StoreLoadError).message).toMatch(/audit trail/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a log line that is not an audit entry', async () => {
    const store = await openStore();
    await store.create(makeConsultation({ audit: [launch] }));
    await store.close();
    const text = await readFile(file('T1.audit.jsonl'), 'utf8');
    await writeFile(file('T1.audit.jsonl'), text.replace('"launch"', '"launcx"'));
    await expect(createFileStore({ dir }).open()).rejects.toThrow(/line 1 of its audit trail/);
  });

  it('still opens a consultation file with its trail inline (the earlier layout) and moves the trail to the log on the next write', async () => {
    const store = await openStore();
    await store.close();
    await writeFile(file('T1.json'), JSON.stringify(makeConsultation({ audit: [launch, vote(1)] }), null, 2));

    const again = await openStore();
    expect(trail(again)).toEqual([launch, vote(1)]);
    await again.update('T1', (c) => void c.audit.push(vote(2)));
    expect(JSON.parse(await readFile(file('T1.json'), 'utf8')).audit).toBeUndefined();
    expect(await logLines()).toEqual([launch, vote(1), vote(2)]);
  });
});
