/**
 * The key that hides who cast a secret ballot (the keyed hash of src/domain/secrecy.ts).
 *
 * It lives outside the store, so a copy of DATA_DIR (a backup, a leaked disk) cannot link a
 * delegation to its choice, and it is never replaced silently: with another key, a delegation
 * that changes its secret answer would get a second ballot. Hence:
 * - its place is BALLOT_KEY_FILE, by default ~/.config/consult/ballot.key, never derived from
 *   DATA_DIR's name (moving or renaming the store keeps the key);
 * - it is written once, atomically (write-file-atomic: temp file, fsync, rename), owner-only,
 *   so a full disk leaves no file rather than an empty key;
 * - an empty, unreadable or malformed file stops the start, and so does a missing or different
 *   key when the store holds secret ballots (recognised by a fingerprint kept in meta.json).
 * BALLOT_SECRET, when set, is the key itself (for secret managers) and the file is not used.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Config } from '../src/config.ts';
import type { Store } from '../src/store/store.ts';

const DEFAULT_KEY_FILE = join(homedir(), '.config', 'consult', 'ballot.key');

/** What the bot writes: 32 random bytes in hexadecimal. */
const KEY_FORMAT = /^[0-9a-f]{64}$/;

class BallotKeyError extends Error {
  constructor(where: string, problem: string) {
    super(`The secret-ballot key ${where} cannot be used: ${problem} The bot will not start.`);
    this.name = 'BallotKeyError';
  }
}

/**
 * A keyed hash of a constant: tells whether a key is the one the store was used with. It gives
 * an attacker nothing the pseudonyms do not (both let a guessed key be checked offline).
 */
function keyFingerprint(key: string): string {
  return createHmac('sha256', key).update('consult: ballot key fingerprint, v1').digest('hex');
}

/** Consultations with ballots hidden under the key: a new key would split their delegations' voices. */
function secretBallotsIn(store: Store): string[] {
  return store
    .all()
    .filter((c) => c.secrecy === 'secret' && Object.keys(c.ballots).length > 0)
    .map((c) => c.id);
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Earlier versions kept the key beside the store, named after it: point the operator to it. */
function legacyKeyFile(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}.ballot-key`);
}

async function createKey(file: string, log: (line: string) => void): Promise<string> {
  const key = randomBytes(32).toString('hex');
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${key}\n`, { mode: 0o600 });
  log(`created the secret-ballot key ${file}: back it up, apart from the store (DATA_DIR)`);
  return key;
}

async function keyFromFile(file: string, dataDir: string, secretIds: string[], log: (l: string) => void) {
  const where = `file ${file}`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT') {
      throw new BallotKeyError(
        where,
        `it cannot be read (${e.code ?? e.message}). Make it a file readable by the bot's user (chmod 600), or set BALLOT_KEY_FILE to the key's file.`,
      );
    }
    if (secretIds.length === 0) return createKey(file, log);
    const legacy = legacyKeyFile(dataDir);
    const hint = existsSync(legacy)
      ? ` The key of an earlier version is at ${legacy}: move it to ${file}, or set BALLOT_KEY_FILE=${legacy}.`
      : ` Restore it from its backup, or set BALLOT_KEY_FILE to where it is.`;
    throw new BallotKeyError(
      where,
      `it is missing, but the store holds secret ballots (${secretIds.join(', ')}); a new key would give their delegations a second voice, so none is created.${hint}`,
    );
  }
  const key = text.trim();
  if (key === '') {
    throw new BallotKeyError(
      where,
      'it is empty (a disk that was full when it was written leaves it so). Restore it from its backup; if no secret ballot was ever cast, delete it and start again to create a new key.',
    );
  }
  if (!KEY_FORMAT.test(key)) {
    throw new BallotKeyError(
      where,
      'it does not hold a key (64 hexadecimal characters, as the bot writes it). Restore it from its backup, or set BALLOT_KEY_FILE to the key’s file.',
    );
  }
  const { mode } = await stat(file);
  if (mode & 0o077) log(`the secret-ballot key ${file} is readable by other users: make it owner-only (chmod 600)`);
  return key;
}

/** Reads (or, for a store without secret ballots, creates) the key, and ties it to the store. */
export async function loadBallotKey(config: Config, store: Store, log: (line: string) => void): Promise<string> {
  const dataDir = resolve(config.DATA_DIR);
  const secretIds = secretBallotsIn(store);
  let key: string;
  let where: string;
  if (config.BALLOT_SECRET) {
    key = config.BALLOT_SECRET;
    where = 'in BALLOT_SECRET';
  } else {
    const file = resolve(config.BALLOT_KEY_FILE ?? DEFAULT_KEY_FILE);
    where = `file ${file}`;
    if (inside(dataDir, file)) {
      throw new BallotKeyError(
        where,
        `it lies inside DATA_DIR (${dataDir}), so every copy of the store would carry its key. Move it elsewhere and set BALLOT_KEY_FILE.`,
      );
    }
    key = await keyFromFile(file, dataDir, secretIds, log);
  }
  const fingerprint = keyFingerprint(key);
  const known = store.meta().ballotKeyFingerprint;
  if (known === fingerprint) return key;
  if (known && secretIds.length > 0) {
    throw new BallotKeyError(
      where,
      `it is not the key the secret ballots of this store (${secretIds.join(', ')}) were cast with. Restore the key used before (from its backup), or set BALLOT_KEY_FILE to it.`,
    );
  }
  await store.updateMeta((m) => void (m.ballotKeyFingerprint = fingerprint));
  return key;
}
