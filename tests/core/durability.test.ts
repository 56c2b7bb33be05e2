import { describe, it, expect } from 'vitest';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHarness, idFrom, withManyDelegations, SEC } from '../helpers/core.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { createApp } from '../../adapters/app.ts';

describe('nothing acknowledged is lost', () => {
  it('1,000 delegations voting at once leave exactly 1,000 ballots on disk, each acknowledged only once written', async () => {
    const h = await makeHarness();
    await withManyDelegations(h, 1000);
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    const replies = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        h.consult.handle({ actor: { user: `slack:U${i}` } }, { type: 'text', text: `vote ${id} ${1 + (i % 2)}` }),
      ),
    );
    expect(
      replies.every(([r]) => r.card.blocks.some((b) => b.type === 'text' && b.text.startsWith('Vote recorded'))),
    ).toBe(true);
    const onDisk = JSON.parse(await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8'));
    expect(Object.keys(onDisk.ballots)).toHaveLength(1000);
    await h.consult.stop();
    await h.consult.store.close(); // one writer: the store is reopened only once closed
    const reopened = createFileStore({ dir: h.dir });
    await reopened.open();
    expect(Object.keys(reopened.get(id)!.ballots)).toHaveLength(1000);
  });
});

describe('a damaged store file', () => {
  it('stops the bot with a message naming the file and the problem, and leaves the file byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consult-damaged-'));
    const h = await makeHarness({ dir });
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    const file = join(dir, 'consultations', `${id}.json`);
    await h.consult.stop();
    await h.consult.store.close();
    const damaged = (await readFile(file, 'utf8')).slice(0, 120);
    await writeFile(file, damaged);
    const before = await readFile(file);
    await expect(createApp({ env: { DATA_DIR: dir, PORT: '0', BALLOT_SECRET: 'x' }, log: () => {} })).rejects.toThrow(
      new RegExp(`${id}\\.json cannot be used: it is not valid JSON`),
    );
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('names the bad configuration variable', async () => {
    await expect(createApp({ env: { PORT: 'eighty' }, log: () => {} })).rejects.toThrow(/PORT is invalid/);
    await expect(createApp({ env: { CONSULT_TIMEZONE: 'Geneva' }, log: () => {} })).rejects.toThrow(
      /CONSULT_TIMEZONE is invalid: expected a known IANA time zone, e.g. Europe\/Zurich/,
    );
    await expect(createApp({ env: { SECRETARIAT: 'bob' }, log: () => {} })).rejects.toThrow(/SECRETARIAT is invalid/);
  });
});
