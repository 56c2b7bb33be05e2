/**
 * The one store interface the core depends on. The file store (lowdb, one file per
 * consultation plus a small meta file) implements it; a database-backed store could too.
 *
 * Reads are synchronous from memory; every write resolves only once it is durable on disk,
 * and only then may the caller acknowledge anything to a user.
 */
import type { Consultation, Meta } from '../domain/model.ts';

export interface Store {
  /** Reads and validates everything; throws StoreLoadError naming the file and the problem. */
  open(): Promise<void>;
  meta(): Readonly<Meta>;
  /** Applies `fn` to the meta document and writes it; resolves with fn's result after the write. */
  updateMeta<T>(fn: (meta: Meta) => T): Promise<T>;
  get(id: string): Readonly<Consultation> | undefined;
  all(): ReadonlyArray<Readonly<Consultation>>;
  create(c: Consultation): Promise<void>;
  /**
   * Applies `fn` to the consultation and writes it. If `fn` throws, nothing is written or changed.
   * If the write fails, the in-memory copy is restored from disk and the promise rejects.
   */
  update<T>(id: string, fn: (c: Consultation) => T): Promise<T>;
  close(): Promise<void>;
  /** Calls `listener` with a consultation's id after each durable write that created or changed it. */
  onChange?(listener: (id: string) => void): void;
}

export class StoreLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(
      `The store file ${file} cannot be used: ${problem}. The bot will not start and has not changed the file; restore it from a backup or fix it, then start again.`,
    );
    this.name = 'StoreLoadError';
  }
}

export class StoreWriteError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Could not write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreWriteError';
  }
}
