/**
 * Slack waits 3 seconds at most for an acknowledgement, and a burst of clicks arrives at once.
 * Work that follows an ack waits until the network has been quiet for `quietMs` (a burst is read
 * and acknowledged whole before its votes are processed, rather than each ack waiting behind votes
 * processed in the gaps of the burst), then advances one step per turn of the event loop, so a
 * request arriving meanwhile is read before the next step. While it waits the event loop sleeps in
 * its poll instead of spinning. A steady stream cannot starve the work: a step that has waited
 * `maxDeferMs` runs anyway.
 */
export interface AfterAck {
  /** Resolves on a later turn of the event loop, once the network is quiet, in call order. */
  turn(): Promise<void>;
  /**
   * Calls `task(arg)` at its turn, in the same order as `turn()`: for work queued at every ack of a
   * burst, which then costs one small record each instead of a promise and its continuation. The
   * task should not throw (an async task reports its own failures).
   */
  defer<T>(task: (arg: T) => void, arg: T): void;
  /** A request arrived: the work waits for a quiet moment. */
  arrived(): void;
}

interface Waiter {
  run: (arg: never) => void;
  arg: unknown;
  since: number;
}

export function createAfterAck(opts: { now?: () => number; quietMs?: number; maxDeferMs?: number } = {}): AfterAck {
  const now = opts.now ?? (() => performance.now());
  const quietMs = opts.quietMs ?? 2;
  const maxDeferMs = opts.maxDeferMs ?? 100;
  const waiting: Waiter[] = [];
  let lastArrival = Number.NEGATIVE_INFINITY;
  let scheduled = false;
  const schedule = (ms: number) => {
    scheduled = true;
    if (ms > 0) setTimeout(step, ms);
    else setImmediate(step); // an immediate queued while immediates run waits for the next turn
  };
  const step = () => {
    scheduled = false;
    const head = waiting[0];
    if (!head) return;
    const wait = Math.min(lastArrival + quietMs, head.since + maxDeferMs) - now();
    if (wait > 0) return schedule(wait);
    waiting.shift();
    try {
      (head.run as (arg: unknown) => void)(head.arg);
    } finally {
      if (waiting.length > 0) schedule(0); // a task that threw still leaves the queue moving
    }
  };
  const enqueue = (waiter: Waiter) => {
    waiting.push(waiter);
    if (!scheduled) schedule(0);
  };
  return {
    turn() {
      return new Promise<void>((resolve) => enqueue({ run: resolve, arg: undefined, since: now() }));
    },
    defer(task, arg) {
      enqueue({ run: task, arg, since: now() });
    },
    arrived() {
      lastArrival = now();
    },
  };
}
