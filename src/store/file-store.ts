/**
 * The file store: `<dir>/meta.json` plus `<dir>/consultations/<id>.json`, one file per
 * consultation, so a vote rewrites only its own consultation's file whatever the size of
 * the rest of the store; each consultation's audit trail is a log beside it
 * (consultation-file.ts), so that file does not grow with every vote either.
 *
 * Each file is replaced through a temporary file renamed over it (durable-fs.ts), so a reader or a
 * restart sees the old or the new file, never a torn one. With STORE_FSYNC on (the default), every
 * file written and its directory are fsynced before the write resolves, so an acknowledged vote
 * survives a power cut too; the writes of concurrent changes are grouped (serial-writer.ts), so a
 * burst of votes shares one fsync per group. With it off, an acknowledged write survives a process
 * crash (even SIGKILL: the page cache belongs to the kernel) but not necessarily a power loss.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { Consultation, Meta, emptyMeta } from '../domain/model.ts';
import { StoreLoadError, StoreWriteError, type Store } from './store.ts';
import { SerialWriter } from './serial-writer.ts';
import { acquireLock, type StoreLock } from './lock.ts';
import { AUDIT_SUFFIX, decode, encode, genesis, type Persisted } from './consultation-file.ts';
import { nodeFs, replaceFile, syncDir, writeAt, type Durability, type StoreFs } from './durable-fs.ts';
import { consultationProblem, metaProblem, type Problem } from '../domain/validate.ts';

/** A consultation id doubles as its file name, so it must be a plain, safe one. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

interface Doc<T> {
  file: string;
  /** The live copy: reads and changes go here, writes persist it. */
  data: T;
  writer: SerialWriter;
}

type Loaded<T> = { ok: true; data: T } | { ok: false; missing: boolean; problem: string };

function parseJson(text: string): { ok: true; json: unknown } | { ok: false; missing: false; problem: string } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (err) {
    return { ok: false, missing: false, problem: `it is not valid JSON (${(err as Error).message})` };
  }
}

/** Reads and validates one file without ever writing it. */
function parseText<T>(text: string, schema: z.ZodType<T>, check?: (data: T) => Problem | undefined): Loaded<T> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const result = schema.safeParse(parsed.json);
  if (result.success) {
    const bad = check?.(result.data);
    return bad ? { ok: false, missing: false, problem: described(bad) } : { ok: true, data: result.data };
  }
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}` : 'at the top level';
  return { ok: false, missing: false, problem: `it does not match the expected content ${where}: ${issue.message}` };
}

function readError<T>(err: unknown): Loaded<T> {
  const code = (err as NodeJS.ErrnoException).code;
  return { ok: false, missing: code === 'ENOENT', problem: `it cannot be read (${(err as Error).message})` };
}

const described = (p: Problem) => `its value at ${p.at}: ${p.problem}`;

/** meta.json, read and validated (schema and meaning) without ever writing it. */
export async function loadMeta(file: string): Promise<Loaded<Meta>> {
  return load(file, Meta, metaProblem);
}

async function load<T>(
  file: string,
  schema: z.ZodType<T>,
  check?: (data: T) => Problem | undefined,
): Promise<Loaded<T>> {
  try {
    return parseText(await readFile(file, 'utf-8'), schema, check);
  } catch (err) {
    return readError(err);
  }
}

/** Synchronous, so memory is restored before any other code can see or change it. */
function loadSync<T>(file: string, schema: z.ZodType<T>): Loaded<T> {
  try {
    return parseText(readFileSync(file, 'utf-8'), schema);
  } catch (err) {
    return readError(err);
  }
}

const logFileOf = (file: string) => `${file.slice(0, -'.json'.length)}${AUDIT_SUFFIX}`;

type LoadedConsultation =
  | { ok: true; data: Consultation; persisted: Persisted }
  | { ok: false; missing: boolean; problem: string; file: string };

/** A consultation's JSON file and its audit log, read by `read` (sync or async), never written. */
function consultationFrom(file: string, text: string, log: Buffer | null): LoadedConsultation {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ...parsed, file };
  const d = decode(parsed.json, log);
  if (!d.ok) return { ok: false, missing: false, problem: d.problem, file: d.inLog ? logFileOf(file) : file };
  const bad = consultationProblem(d.data);
  return bad ? { ok: false, missing: false, problem: described(bad), file } : d;
}

const noLog = (err: unknown) => {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
  throw err;
};

/** A consultation's JSON file and its log, read and verified (schema, meaning, audit chain), never written. */
export async function loadConsultation(file: string): Promise<LoadedConsultation> {
  try {
    const text = await readFile(file, 'utf-8');
    return consultationFrom(file, text, await readFile(logFileOf(file)).catch(noLog));
  } catch (err) {
    return { ...readError(err), file } as LoadedConsultation;
  }
}

function loadConsultationSync(file: string): LoadedConsultation {
  try {
    const text = readFileSync(file, 'utf-8');
    let log: Buffer | null;
    try {
      log = readFileSync(logFileOf(file));
    } catch (err) {
      log = noLog(err);
    }
    return consultationFrom(file, text, log);
  } catch (err) {
    return { ...readError(err), file } as LoadedConsultation;
  }
}

class FileStore implements Store {
  readonly #dir: string;
  readonly #consultationsDir: string;
  #meta: Doc<Meta> | undefined;
  readonly #consultations = new Map<string, Doc<Consultation>>();
  #closed = false;
  #lock: StoreLock | undefined;
  readonly #listeners: Array<(id: string) => void> = [];

  readonly #durability: Durability;

  constructor(opts: FileStoreOptions) {
    this.#dir = opts.dir;
    this.#consultationsDir = join(opts.dir, 'consultations');
    this.#durability = { fs: opts.fs ?? nodeFs, sync: opts.fsync ?? true };
  }

  async open(): Promise<void> {
    if (this.#meta) throw new Error('The store is already open.');
    // Lock before reading, so a store another process is writing is refused, not misread.
    const lock = existsSync(this.#dir) ? await acquireLock(this.#dir) : undefined;
    try {
      await this.#load(lock);
    } catch (err) {
      await lock?.release();
      throw err;
    }
  }

  async #load(lock: StoreLock | undefined): Promise<void> {
    const metaFile = join(this.#dir, 'meta.json');
    const meta = await loadMeta(metaFile);
    if (!meta.ok && !meta.missing) throw new StoreLoadError(metaFile, meta.problem);

    const loaded: Array<{ file: string; data: Consultation; persisted: Persisted }> = [];
    for (const name of await this.#consultationFileNames()) {
      const file = join(this.#consultationsDir, name);
      const c = await loadConsultation(file);
      if (!c.ok) throw new StoreLoadError(c.file, c.problem);
      const expected = name.slice(0, -'.json'.length);
      if (c.data.id !== expected) {
        throw new StoreLoadError(file, `it holds consultation "${c.data.id}" but its name says "${expected}"`);
      }
      loaded.push({ file, data: c.data, persisted: c.persisted });
    }
    // A lost meta.json next to existing consultations is damage, not a new store: starting
    // afresh would drop the roster and reset the id counters.
    if (!meta.ok && loaded.length > 0) {
      throw new StoreLoadError(metaFile, `it is missing while ${loaded.length} consultation files exist`);
    }

    // Only now, with everything valid, may anything on disk be created.
    const created = await mkdir(this.#consultationsDir, { recursive: true });
    // Each directory created is an entry of its parent: those entries must be durable too.
    if (created) {
      const top = dirname(resolve(created));
      for (let d = resolve(this.#dir); ; d = dirname(d)) {
        await syncDir(this.#durability, d);
        if (d === top || d === dirname(d)) break;
      }
    }
    this.#lock = lock ?? (await acquireLock(this.#dir));
    this.#meta = this.#metaDoc(metaFile, meta.ok ? meta.data : emptyMeta());
    for (const { file, data, persisted } of loaded) {
      this.#consultations.set(data.id, this.#consultationDoc(file, data, persisted));
    }
    if (!meta.ok) await this.#meta.writer.write();
  }

  meta(): Readonly<Meta> {
    return this.#opened().data;
  }

  async updateMeta<T>(fn: (meta: Meta) => T): Promise<T> {
    const doc = this.#opened();
    this.#checkNotClosed();
    const result = fn(doc.data);
    await doc.writer.write();
    return result;
  }

  get(id: string): Readonly<Consultation> | undefined {
    this.#opened();
    return this.#consultations.get(id)?.data;
  }

  all(): ReadonlyArray<Readonly<Consultation>> {
    this.#opened();
    return Array.from(this.#consultations.values(), (d) => d.data);
  }

  async create(c: Consultation): Promise<void> {
    this.#opened();
    this.#checkNotClosed();
    if (!SAFE_ID.test(c.id)) throw new Error(`"${c.id}" cannot be used as a consultation id.`);
    if (this.#consultations.has(c.id)) throw new Error(`Consultation ${c.id} already exists.`);
    // Validate now, so the store never writes a file it would refuse to open.
    const data = Consultation.parse(c);
    const bad = consultationProblem(data);
    if (bad) throw new Error(`Consultation ${c.id} cannot be stored: ${described(bad)}.`);
    const doc = this.#consultationDoc(join(this.#consultationsDir, `${c.id}.json`), data, {
      entries: 0,
      bytes: 0,
      head: genesis(c.id),
    });
    this.#consultations.set(c.id, doc);
    await doc.writer.write();
    this.#changed(c.id);
  }

  async update<T>(id: string, fn: (c: Consultation) => T): Promise<T> {
    this.#opened();
    this.#checkNotClosed();
    const doc = this.#consultations.get(id);
    if (!doc) throw new Error(`Unknown consultation ${id}.`);
    const result = fn(doc.data); // if fn throws, nothing is queued or written
    await doc.writer.write();
    this.#changed(id);
    return result;
  }

  onChange(listener: (id: string) => void): void {
    this.#listeners.push(listener);
  }

  #changed(id: string): void {
    for (const listener of this.#listeners) listener(id);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const docs = [...this.#consultations.values(), ...(this.#meta ? [this.#meta] : [])];
    await Promise.all(docs.map((d) => d.writer.idle()));
    await this.#lock?.release();
  }

  async #consultationFileNames(): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(this.#consultationsDir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new StoreLoadError(this.#consultationsDir, `it cannot be read (${(err as Error).message})`);
    }
    // Dot files are steno's temp files (`.<name>.tmp`), possibly left behind by a crash.
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  }

  #metaDoc(file: string, data: Meta): Doc<Meta> {
    const doc: Doc<Meta> = {
      file,
      data,
      writer: new SerialWriter(
        // Stringified before the first await: the snapshot SerialWriter's contract asks for.
        () => replaceFile(this.#durability, file, JSON.stringify(doc.data, null, 2)),
        () => {
          const disk = loadSync(file, Meta);
          // Otherwise the file we wrote last cannot be read back: memory is the best copy left,
          // and the next write will replace the file.
          if (disk.ok) doc.data = disk.data;
        },
        (err) => new StoreWriteError(file, err),
      ),
    };
    return doc;
  }

  #consultationDoc(file: string, data: Consultation, persisted: Persisted): Doc<Consultation> {
    const log = logFileOf(file);
    let onDisk = persisted;
    const flush = async () => {
      // Snapshot now (SerialWriter's contract).
      const e = encode(doc.data, onDisk);
      // The new lines are on disk before the file that counts them is renamed into place; the rename's
      // directory fsync also makes a newly created log durable (both live in one directory).
      const lines = e.lines ? () => writeAt(this.#durability, log, e.position, Buffer.from(e.lines)) : undefined;
      await replaceFile(this.#durability, file, e.json, lines);
      onDisk = e.next;
    };
    const restore = () => {
      const disk = loadConsultationSync(file);
      if (disk.ok) {
        doc.data = disk.data;
        onDisk = disk.persisted;
      } else if (disk.missing) {
        // A failed create leaves no file: the consultation then never existed.
        this.#consultations.delete(data.id);
      }
      // Otherwise the files we wrote last cannot be read back: memory is the best copy left.
    };
    const doc: Doc<Consultation> = {
      file,
      data,
      writer: new SerialWriter(flush, restore, (err) => new StoreWriteError(file, err)),
    };
    return doc;
  }

  #opened(): Doc<Meta> {
    if (!this.#meta) throw new Error('The store is not open: call open() first.');
    return this.#meta;
  }

  #checkNotClosed(): void {
    if (this.#closed) throw new Error('The store is closed.');
  }
}

export interface FileStoreOptions {
  dir: string;
  /** STORE_FSYNC: fsync each write and its directory before it resolves; on unless said otherwise. */
  fsync?: boolean;
  /** The file operations writes go through (durable-fs.ts); tests record them. */
  fs?: StoreFs;
}

export function createFileStore(opts: FileStoreOptions): Store {
  return new FileStore(opts);
}
