/**
 * Slack waits 3 seconds at most for an acknowledgement, and a burst of clicks arrives at once.
 * Work that follows an ack advances one step per turn of the event loop, and only on a turn whose
 * network poll brought no new request: a burst is read and acknowledged whole before its votes are
 * processed, rather than each ack waiting behind the votes processed between two polls. A steady
 * stream of requests cannot starve the work: after `maxDeferMs` of waiting a step runs anyway.
 */
export interface AfterAck {
  /** Resolves on a later turn of the event loop, after the network has been polled, in call order. */
  turn(): Promise<void>;
  /** A request arrived: the work waits for a poll that brings none. */
  arrived(): void;
}

export function createAfterAck(opts: { now?: () => number; maxDeferMs?: number } = {}): AfterAck {
  const now = opts.now ?? (() => performance.now());
  const maxDeferMs = opts.maxDeferMs ?? 20;
  const waiting: Array<() => void> = [];
  let scheduled = false;
  let arrivals = 0;
  let deferredSince: number | undefined;
  // An immediate queued while immediates run waits for the next turn: one step per turn.
  const step = () => {
    if (arrivals > 0) {
      arrivals = 0;
      deferredSince ??= now();
      if (now() - deferredSince < maxDeferMs) {
        setImmediate(step);
        return;
      }
    }
    deferredSince = undefined;
    waiting.shift()?.();
    if (waiting.length > 0) setImmediate(step);
    else scheduled = false;
  };
  return {
    turn() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(step);
        }
      });
    },
    arrived() {
      arrivals++;
    },
  };
}
