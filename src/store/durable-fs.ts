/**
 * How the store puts bytes on disk, and when they are durable.
 *
 * A file is replaced through a temporary file in the same directory (`.<name>.tmp`, the name
 * lowdb's steno used, which loading skips), renamed over it, so a reader or a restart sees the old
 * or the new file, never a torn one. With `sync` on, each file is fsynced before it is closed and
 * renamed, and the directory after the rename, so the new name survives a power cut too: only
 * then does the write resolve, and only then may anyone be told it was recorded.
 *
 * Why not write-file-atomic or steno: steno never fsyncs, and write-file-atomic fsyncs the file
 * but not the directory, so a renamed file can come back under its old content after a power cut.
 * The few primitives used go through `StoreFs`, so a test can record them and prove the order.
 */
import { constants } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** An open file: the subset of node's FileHandle the store uses. */
interface StoreFile {
  write(data: Buffer, position: number): Promise<number>;
  truncate(length: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the store writes with; `nodeFs` is the real one, tests wrap it to record the order. */
export interface StoreFs {
  open(path: string, flags: number): Promise<StoreFile>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeFs: StoreFs = {
  async open(path, flags) {
    const handle = await open(path, flags, 0o644);
    return {
      write: async (data, position) => (await handle.write(data, 0, data.length, position)).bytesWritten,
      truncate: (length) => handle.truncate(length),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename,
};

export interface Durability {
  fs: StoreFs;
  /** STORE_FSYNC: fsync every file written and its directory before a write resolves. */
  sync: boolean;
}

export const tempPathOf = (file: string): string => join(dirname(file), `.${basename(file)}.tmp`);

async function writeAll(f: StoreFile, data: Buffer, position: number): Promise<void> {
  for (let done = 0; done < data.length; ) done += await f.write(data.subarray(done), position + done);
}

/** Writes `data` at `position` of `file` (created if missing), cuts what lay beyond, fsyncs it if asked. */
export async function writeAt(d: Durability, file: string, position: number, data: Buffer): Promise<void> {
  const f = await d.fs.open(file, constants.O_RDWR | constants.O_CREAT);
  try {
    await writeAll(f, data, position);
    await f.truncate(position + data.length);
    if (d.sync) await f.sync();
  } finally {
    await f.close();
  }
}

/** Makes the entries of `dir` (files created or renamed in it) durable; nothing when sync is off. */
export async function syncDir(d: Durability, dir: string): Promise<void> {
  if (!d.sync) return;
  const f = await d.fs.open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await f.sync();
  } finally {
    await f.close();
  }
}

/**
 * Replaces `file` with `text` atomically (temp file + rename), durably when sync is on. `alongside`
 * (e.g. the audit lines the new file counts) is written at the same time as the temp file, and both
 * are on disk before the rename: two fsyncs in parallel rather than one after the other.
 */
export async function replaceFile(
  d: Durability,
  file: string,
  text: string,
  alongside?: () => Promise<void>,
): Promise<void> {
  const tmp = tempPathOf(file);
  const writeTemp = async () => {
    const f = await d.fs.open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC);
    try {
      await writeAll(f, Buffer.from(text), 0);
      if (d.sync) await f.sync();
    } finally {
      await f.close();
    }
  };
  // Both settle before anything fails, so no write of this group is still running when the next begins.
  const settled = await Promise.allSettled([writeTemp(), alongside?.()]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  await d.fs.rename(tmp, file);
  await syncDir(d, dirname(file));
}
