/**
 * Serializes the writes of one file and batches the changes that arrive while a write is
 * under way into the next one.
 *
 * Each caller settles with the write that carried its change: a later failed write never
 * rejects a caller whose data was already written (steno 4's coalescing did). A group shares
 * one write, and so one fsync with STORE_FSYNC on: the cost of durability is spread over a burst.
 */

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class SerialWriter {
  #queued: Waiter[] = [];
  #running = false;
  #idle: Array<() => void> = [];

  /**
   * @param flush writes the current in-memory state; it must take its snapshot synchronously
   *   when called (stringify before the first await), so the snapshot holds
   *   exactly the changes of the callers queued before the call.
   * @param onFailure restores memory to what is on disk; called synchronously before any caller
   *   is rejected, so a rejected caller already sees the restored state.
   * @param wrapError turns the write error into the error each caller receives.
   */
  constructor(
    private readonly flush: () => Promise<void>,
    private readonly onFailure: () => void,
    private readonly wrapError: (err: unknown) => Error,
  ) {}

  /** Call right after changing memory: resolves once a write holding that change is on disk. */
  write(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queued.push({ resolve, reject });
      if (!this.#running) void this.#run();
    });
  }

  /** Resolves when no write is queued or under way. */
  idle(): Promise<void> {
    if (!this.#running) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async #run(): Promise<void> {
    this.#running = true;
    while (this.#queued.length > 0) {
      const batch = this.#queued;
      this.#queued = [];
      try {
        await this.flush();
        for (const w of batch) w.resolve();
      } catch (err) {
        // Restoring memory from disk also discards the changes queued for the next write,
        // so those callers fail too: none of them may believe their change was kept.
        const failed = batch.concat(this.#queued);
        this.#queued = [];
        this.onFailure();
        const error = this.wrapError(err);
        for (const w of failed) w.reject(error);
      }
    }
    this.#running = false;
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}
