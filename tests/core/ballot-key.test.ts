import { describe, it, expect } from 'vitest';
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../adapters/app.ts';
import { SEC, cardText } from '../helpers/core.ts';

/** A real composition root: config, file store on disk, the key file, the core. No platform is called. */
async function start(env: Record<string, string>): Promise<{ app: App; logs: string[] }> {
  const logs: string[] = [];
  const app = await createApp({
    env: { PORT: '0', WEBCHAT: 'off', SECRETARIAT: SEC, ...env },
    log: (l) => void logs.push(l),
  });
  return { app, logs };
}

async function say(app: App, user: string, text: string): Promise<string> {
  const out = await app.consult.handle({ actor: { user } }, { type: 'text', text });
  await app.consult.idle();
  return out.map((m) => cardText(m.card)).join('\n');
}

async function stop(app: App): Promise<void> {
  await app.consult.stop();
  await app.consult.store.close();
}

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name)] = await readFile(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** A store with one secret theme poll that Mexico has voted in. */
async function storeWithSecretBallot(root: string, keyFile: string): Promise<{ dataDir: string; id: string }> {
  const dataDir = join(root, 'store');
  const { app } = await start({ DATA_DIR: dataDir, BALLOT_KEY_FILE: keyFile });
  await say(app, SEC, 'roster add slack:UMEX1 "Mexico" member "Americas"');
  await say(app, SEC, 'roster add slack:UKEN1 "Kenya" member "Africa"');
  const id = /\bT\d+\b/.exec(await say(app, SEC, 'theme "A" "B" secret'))![0];
  expect(await say(app, 'slack:UMEX1', `vote ${id} 1`)).toContain('Vote recorded for Mexico');
  await stop(app);
  return { dataDir, id };
}

describe('the secret-ballot key file', () => {
  it('is created on first start outside the store, owner-only, and the store remembers its fingerprint', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'secrets', 'ballot.key');
    const { app, logs } = await start({ DATA_DIR: join(root, 'store'), BALLOT_KEY_FILE: keyFile });
    await stop(app);
    const key = (await readFile(keyFile, 'utf8')).trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(logs.join('\n')).toContain(`created the secret-ballot key ${keyFile}`);
    const meta = JSON.parse(await readFile(join(root, 'store', 'meta.json'), 'utf8'));
    expect(meta.ballotKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Nothing under DATA_DIR holds the key.
    for (const text of Object.values(await tree(join(root, 'store')))) expect(text).not.toContain(key);
  });

  it('refuses to start on an empty key file, naming the file and what to do, and changes nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    const { dataDir } = await storeWithSecretBallot(root, keyFile);
    await writeFile(keyFile, '');
    const before = await tree(dataDir);
    await expect(start({ DATA_DIR: dataDir, BALLOT_KEY_FILE: keyFile })).rejects.toThrow(
      `The secret-ballot key file ${keyFile} cannot be used: it is empty`,
    );
    await expect(start({ DATA_DIR: dataDir, BALLOT_KEY_FILE: keyFile })).rejects.toThrow(/Restore it from its backup/);
    expect(await readFile(keyFile, 'utf8')).toBe('');
    expect(await tree(dataDir)).toEqual(before);
  });

  it('refuses an empty key file even in a store without secret ballots: a key is never replaced silently', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    await writeFile(keyFile, '\n');
    await expect(start({ DATA_DIR: join(root, 'store'), BALLOT_KEY_FILE: keyFile })).rejects.toThrow(/it is empty/);
    expect(await readFile(keyFile, 'utf8')).toBe('\n');
  });

  it('refuses a malformed or unreadable key file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    await writeFile(keyFile, 'not a key\n', { mode: 0o600 });
    await expect(start({ DATA_DIR: join(root, 'store'), BALLOT_KEY_FILE: keyFile })).rejects.toThrow(
      /ballot\.key cannot be used: it does not hold a key \(64 hexadecimal characters/,
    );
    // A directory where the file should be cannot be read, whoever runs the tests (root ignores chmod 000).
    const dirKey = join(root, 'a-directory');
    await mkdir(dirKey);
    await expect(start({ DATA_DIR: join(root, 'store'), BALLOT_KEY_FILE: dirKey })).rejects.toThrow(
      /a-directory cannot be used: it cannot be read \(EISDIR\)/,
    );
  });

  it('refuses to start when the key is missing and secret ballots are stored, rather than create a new key', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    const { dataDir, id } = await storeWithSecretBallot(root, keyFile);
    await rename(keyFile, join(root, 'ballot.key.lost'));
    const before = await tree(dataDir);
    await expect(start({ DATA_DIR: dataDir, BALLOT_KEY_FILE: keyFile })).rejects.toThrow(
      new RegExp(`it is missing, but the store holds secret ballots \\(${id}\\).*none is created`),
    );
    await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
    expect(await tree(dataDir)).toEqual(before);
  });

  it('refuses another valid key when secret ballots are stored', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    const { dataDir } = await storeWithSecretBallot(root, keyFile);
    const other = join(root, 'other.key');
    await writeFile(other, `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    await expect(start({ DATA_DIR: dataDir, BALLOT_KEY_FILE: other })).rejects.toThrow(
      /other\.key cannot be used: it is not the key the secret ballots of this store \(T1\) were cast with/,
    );
    await expect(start({ DATA_DIR: dataDir, BALLOT_SECRET: 'some-other-secret' })).rejects.toThrow(
      /key in BALLOT_SECRET cannot be used: it is not the key/,
    );
  });

  it('keeps one voice per delegation after DATA_DIR is renamed, with BALLOT_KEY_FILE unchanged', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    const { dataDir, id } = await storeWithSecretBallot(root, keyFile);
    const moved = join(root, 'store-moved');
    await rename(dataDir, moved);
    const { app } = await start({ DATA_DIR: moved, BALLOT_KEY_FILE: keyFile });
    expect(await say(app, 'slack:UMEX1', `vote ${id} 2`)).toContain('Vote recorded for Mexico');
    await say(app, SEC, `close ${id}`);
    const c = app.consult.store.get(id)!;
    expect(Object.keys(c.ballots)).toHaveLength(1);
    expect(Object.values(c.ballots)[0].choices).toEqual([2]);
    await stop(app);
  });

  it('refuses a key file inside DATA_DIR, where every copy of the store would carry it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    await expect(
      start({ DATA_DIR: join(root, 'store'), BALLOT_KEY_FILE: join(root, 'store', 'ballot.key') }),
    ).rejects.toThrow(/it lies inside DATA_DIR/);
  });

  it('warns when the key file is readable by other users', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-key-'));
    const keyFile = join(root, 'ballot.key');
    await writeFile(keyFile, `${'cd'.repeat(32)}\n`);
    await chmod(keyFile, 0o644);
    const { app, logs } = await start({ DATA_DIR: join(root, 'store'), BALLOT_KEY_FILE: keyFile });
    await stop(app);
    expect(logs.join('\n')).toContain('is readable by other users: make it owner-only (chmod 600)');
  });
});
