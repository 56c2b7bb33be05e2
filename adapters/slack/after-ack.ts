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
  /**
   * Resolves on a later turn of the event loop, once the network is quiet, in call order. `since`
   * (on `now()`'s clock) is when the work became due, if earlier than this call: the wait of at most
   * `maxDeferMs` counts from then.
   */
  turn(since?: number): Promise<void>;
  /** The clock `turn` measures waits on. */
  now(): number;
  /** A request arrived: the work waits for a quiet moment. */
  arrived(): void;
}

export function createAfterAck(opts: { now?: () => number; quietMs?: number; maxDeferMs?: number } = {}): AfterAck {
  const now = opts.now ?? (() => performance.now());
  const quietMs = opts.quietMs ?? 2;
  const maxDeferMs = opts.maxDeferMs ?? 100;
  const waiting: Array<{ resolve: () => void; since: number }> = [];
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
    head.resolve();
    if (waiting.length > 0) schedule(0);
  };
  return {
    now,
    turn(since = now()) {
      return new Promise<void>((resolve) => {
        waiting.push({ resolve, since });
        if (!scheduled) schedule(0);
      });
    },
    arrived() {
      lastArrival = now();
    },
  };
}
