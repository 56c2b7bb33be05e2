import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMeta, type Consultation } from '../../src/domain/model.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { StoreLoadError, StoreWriteError, type Store } from '../../src/store/store.ts';
import { makeConsultation, snapshot, tempStoreDir } from './factory.ts';

let dir: string;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function openStore(at = dir): Promise<Store> {
  const store = createFileStore({ dir: at });
  await store.open();
  return store;
}

const consultationFile = (id: string) => join(dir, 'consultations', `${id}.json`);
const onDisk = (id: string): Consultation => JSON.parse(readFileSync(consultationFile(id), 'utf-8'));

describe('file store: keeping data across restarts', () => {
  it('starts a new store in a missing directory with an empty meta document', async () => {
    const fresh = join(dir, 'not', 'yet', 'there');
    const store = await openStore(fresh);
    expect(store.meta()).toEqual(emptyMeta());
    expect(store.all()).toEqual([]);
    expect(JSON.parse(await readFile(join(fresh, 'meta.json'), 'utf-8'))).toEqual(emptyMeta());
    expect((await stat(join(fresh, 'consultations'))).isDirectory()).toBe(true);
  });

  it('gives back after a restart exactly what was created and updated', async () => {
    const store = await openStore();
    await store.create(makeConsultation({ id: 'T1' }));
    await store.create(makeConsultation({ id: 'S2', kind: 'survey', title: 'Written survey' }));
    const result = await store.update('T1', (c) => {
      c.ballots.D1 = { choices: [2], at: '2024-03-02T10:00:00Z', by: 'teams:29:1abc', platform: 'teams' };
      return 'recorded';
    });
    expect(result).toBe('recorded');
    await store.updateMeta((m) => {
      m.delegations.push({ id: 'D1', name: 'Ruritania', kind: 'member', delegates: ['teams:29:1abc'] });
      m.counters.T = 1;
    });
    await store.close();

    const again = await openStore();
    expect(again.get('T1')).toEqual(store.get('T1'));
    expect(again.get('T1')?.ballots.D1.choices).toEqual([2]);
    expect(again.get('S2')?.title).toBe('Written survey');
    expect(
      again
        .all()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['S2', 'T1']);
    expect(again.meta()).toEqual(store.meta());
    expect(again.meta().delegations[0].name).toBe('Ruritania');
  });

  it('refuses to create a consultation whose id already exists, and keeps the first one', async () => {
    const store = await openStore();
    await store.create(makeConsultation({ id: 'T1', title: 'First' }));
    await expect(store.create(makeConsultation({ id: 'T1', title: 'Second' }))).rejects.toThrow(/already exists/);
    expect(store.get('T1')?.title).toBe('First');
    expect(onDisk('T1').title).toBe('First');
  });

  it('refuses ids that are not safe file names and consultations that are not valid', async () => {
    const store = await openStore();
    await expect(store.create(makeConsultation({ id: '../meta' }))).rejects.toThrow(/cannot be used/);
    await expect(store.create(makeConsultation({ id: 'T3', select: 0 }))).rejects.toThrow();
    expect(store.all()).toEqual([]);
  });

  it('writes nothing when the change itself fails, and rejects unknown ids', async () => {
    const store = await openStore();
    await store.create(makeConsultation());
    const before = await readFile(consultationFile('T1'));
    await expect(
      store.update('T1', () => {
        throw new Error('the consultation is closed');
      }),
    ).rejects.toThrow('the consultation is closed');
    expect(await readFile(consultationFile('T1'))).toEqual(before);
    await expect(store.update('NOPE', () => {})).rejects.toThrow(/Unknown consultation NOPE/);
  });
});

describe('file store: a burst of concurrent votes', () => {
  it('keeps all 1,000 votes, each confirmed only once it is on disk', async () => {
    const store = await openStore();
    await store.create(makeConsultation());
    const confirmedBeforeOnDisk: string[] = [];
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        store
          .update('T1', (c) => {
            c.ballots[`d${i}`] = { choices: [1] };
          })
          .then(() => {
            if (!onDisk('T1').ballots[`d${i}`]) confirmedBeforeOnDisk.push(`d${i}`);
          }),
      ),
    );
    expect(confirmedBeforeOnDisk).toEqual([]);
    await store.close();

    const again = await openStore();
    const ballots = again.get('T1')!.ballots;
    expect(Object.keys(ballots)).toHaveLength(1000);
    for (let i = 0; i < 1000; i++) expect(ballots[`d${i}`]).toEqual({ choices: [1] });
  });
});

describe('file store: a crash in the middle of a burst', () => {
  it('loses no acknowledged vote and leaves no torn file', async () => {
    const setup = await openStore();
    await setup.create(makeConsultation());
    await setup.close();

    const writer = fileURLToPath(new URL('./fixtures/vote-writer.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    const acknowledged: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      acknowledged.push(line);
      if (acknowledged.length === 300) child.kill('SIGKILL');
    }
    // Lines already printed before the kill were acknowledged too; the loop read them all.
    expect(await exited, stderr).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const store = await openStore(); // validates every file: a torn write would throw here
    const ballots = store.get('T1')!.ballots;
    const lost = acknowledged.filter((key) => !ballots[key]);
    expect(lost).toEqual([]);
  }, 30_000);
});

describe('file store: a damaged store file', () => {
  async function expectRefusal(file: string, problem: RegExp) {
    const before = await snapshot(dir);
    const err = await openStore().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreLoadError);
    const loadError = err as StoreLoadError;
    expect(loadError.file).toBe(file);
    expect(loadError.message).toContain(file);
    expect(loadError.problem).toMatch(problem);
    // Byte for byte the same files, and no file added or removed.
    expect(await snapshot(dir)).toEqual(before);
  }

  async function storeWithOneVote() {
    const store = await openStore();
    await store.create(makeConsultation());
    await store.update('T1', (c) => {
      c.ballots.D1 = { choices: [1] };
    });
    await store.close();
  }

  it('refuses a meta.json that is not JSON', async () => {
    await storeWithOneVote();
    await writeFile(join(dir, 'meta.json'), 'garbage \u0000\u00ff');
    await expectRefusal(join(dir, 'meta.json'), /not valid JSON/);
  });

  it('refuses a meta.json that is JSON but not a meta document', async () => {
    await storeWithOneVote();
    await writeFile(join(dir, 'meta.json'), JSON.stringify({ ...emptyMeta(), delegations: [{ id: 'D1' }] }));
    await expectRefusal(join(dir, 'meta.json'), /delegations\.0\.name/);
  });

  it('refuses a consultation file cut in the middle', async () => {
    await storeWithOneVote();
    const text = await readFile(consultationFile('T1'), 'utf-8');
    await writeFile(consultationFile('T1'), text.slice(0, text.length / 2));
    await expectRefusal(consultationFile('T1'), /not valid JSON/);
  });

  it('refuses an empty consultation file', async () => {
    await storeWithOneVote();
    await writeFile(consultationFile('T1'), '');
    await expectRefusal(consultationFile('T1'), /not valid JSON/);
  });

  it('refuses a consultation file with an invalid ballot', async () => {
    await storeWithOneVote();
    const c = onDisk('T1') as unknown as { ballots: Record<string, unknown> };
    c.ballots.D2 = { choices: 'one' };
    await writeFile(consultationFile('T1'), JSON.stringify(c));
    await expectRefusal(consultationFile('T1'), /ballots\.D2\.choices/);
  });

  it('refuses a consultation file whose id does not match its name', async () => {
    await storeWithOneVote();
    await writeFile(consultationFile('T2'), JSON.stringify(makeConsultation({ id: 'T1' })));
    await expectRefusal(consultationFile('T2'), /holds consultation "T1"/);
  });

  it('refuses a missing meta.json when consultations exist, instead of starting afresh', async () => {
    await storeWithOneVote();
    await rm(join(dir, 'meta.json'));
    await expectRefusal(join(dir, 'meta.json'), /missing/);
  });

  it('ignores a temp file left by an interrupted write', async () => {
    await storeWithOneVote();
    await writeFile(join(dir, 'consultations', '.T1.json.tmp'), '{"id": "T1", "tit');
    await writeFile(join(dir, '.meta.json.tmp'), 'half');
    const store = await openStore();
    expect(store.get('T1')?.ballots.D1).toEqual({ choices: [1] });
  });
});

describe('file store: a write that fails', () => {
  // Tests run as root, where permissions do not stop writes. A directory in place of steno's
  // temp file (`.<name>.tmp`) makes the real write fail with EISDIR.
  const blockWrites = (file: string) => mkdir(join(file, '..', `.${file.split('/').pop()}.tmp`));
  const unblockWrites = (file: string) => rmdir(join(file, '..', `.${file.split('/').pop()}.tmp`));

  it('rejects the vote and shows the state before it, for every vote caught in the failure', async () => {
    const store = await openStore();
    await store.create(makeConsultation());
    await store.update('T1', (c) => {
      c.ballots.D1 = { choices: [1] };
    });
    await blockWrites(consultationFile('T1'));

    const votes = ['D2', 'D3', 'D4'].map((d) =>
      store.update('T1', (c) => {
        c.ballots[d] = { choices: [2] };
      }),
    );
    for (const vote of votes) await expect(vote).rejects.toBeInstanceOf(StoreWriteError);
    await expect(votes[0]).rejects.toThrow(consultationFile('T1'));
    expect(Object.keys(store.get('T1')!.ballots)).toEqual(['D1']);

    await unblockWrites(consultationFile('T1'));
    await store.update('T1', (c) => {
      c.ballots.D5 = { choices: [2] };
    });
    await store.close();
    expect(Object.keys((await openStore()).get('T1')!.ballots).sort()).toEqual(['D1', 'D5']);
  });

  it('forgets a consultation whose creation could not be written', async () => {
    const store = await openStore();
    await blockWrites(consultationFile('T9'));
    await expect(store.create(makeConsultation({ id: 'T9' }))).rejects.toBeInstanceOf(StoreWriteError);
    expect(store.get('T9')).toBeUndefined();

    await unblockWrites(consultationFile('T9'));
    await store.create(makeConsultation({ id: 'T9' }));
    expect(onDisk('T9').id).toBe('T9');
  });

  it('restores the meta document when its write fails', async () => {
    const store = await openStore();
    await store.updateMeta((m) => void (m.counters.T = 1));
    await blockWrites(join(dir, 'meta.json'));
    await expect(store.updateMeta((m) => void (m.counters.T = 2))).rejects.toBeInstanceOf(StoreWriteError);
    expect(store.meta().counters.T).toBe(1);
  });
});

describe('file store: a large store', () => {
  it('opens 50 consultations of 2,000 ballots and a vote rewrites only its own file', async () => {
    await mkdir(join(dir, 'consultations'), { recursive: true });
    await writeFile(join(dir, 'meta.json'), JSON.stringify(emptyMeta()));
    const ballots: Consultation['ballots'] = {};
    for (let b = 0; b < 2000; b++)
      ballots[`D${b}`] = { choices: [1 + (b % 2)], at: '2024-03-02T10:00:00Z', by: 'slack:U1', platform: 'slack' };
    const ids = Array.from({ length: 50 }, (_, i) => `T${i}`);
    const past = new Date('2020-01-01T00:00:00Z');
    for (const id of ids) {
      await writeFile(consultationFile(id), JSON.stringify(makeConsultation({ id, ballots })));
      await utimes(consultationFile(id), past, past);
    }
    await utimes(join(dir, 'meta.json'), past, past);

    const store = await openStore();
    expect(store.all()).toHaveLength(50);
    expect(Object.keys(store.get('T49')!.ballots)).toHaveLength(2000);
    const before = await snapshot(dir);

    await store.update('T7', (c) => {
      c.ballots.NEW = { choices: [2] };
    });

    const after = await snapshot(dir);
    const changed = [...after.keys()].filter((f) => !before.get(f)?.equals(after.get(f)!));
    expect(changed).toEqual([consultationFile('T7')]);
    for (const id of ids.filter((id) => id !== 'T7')) {
      expect((await stat(consultationFile(id))).mtime).toEqual(past);
    }
    expect((await stat(join(dir, 'meta.json'))).mtime).toEqual(past);
  }, 30_000);
});
