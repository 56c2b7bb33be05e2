/**
 * Refuses a signed request seen before. Slack's signature only proves a request is fresh
 * within 5 minutes; inside that window the same bytes could be sent again. Each key is kept
 * until its timestamp leaves the window, and the set is bounded so a flood cannot grow memory.
 */
export interface ReplayGuard {
  /**
   * True the first time this signed request is seen; false for a replay. `nowMs` is the clock
   * already read for this request (one read per request on the ack path).
   */
  firstTime(signature: string, timestampSec: number, nowMs?: number): boolean;
  readonly size: number;
}

export function createReplayGuard(opts: { now: () => number; windowSec?: number; max?: number }): ReplayGuard {
  const windowMs = (opts.windowSec ?? 5 * 60) * 1000;
  // A burst of 1,000 votes a minute for five minutes stays well inside; each key is about 150 bytes.
  const max = opts.max ?? 50_000;
  const seen = new Map<string, number>();
  // Keys in arrival order, oldest from `head`: pruning and eviction take no scan of the map (this runs before every ack).
  let order: string[] = [];
  let head = 0;
  const drop = () => seen.delete(order[head++]);
  return {
    firstTime(signature, timestampSec, now = opts.now()) {
      while (head < order.length && (seen.get(order[head])! <= now || seen.size >= max)) drop();
      if (head > 1024 && head * 2 > order.length) {
        order = order.slice(head);
        head = 0;
      }
      // The signature alone is the key: it covers the timestamp and the body, and is hashed as received.
      if (seen.has(signature)) return false;
      // Kept a little past the window so a request signed "in the future" cannot come back later.
      seen.set(signature, Math.max(now, timestampSec * 1000) + windowMs);
      order.push(signature);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

/** Remembers ids already handled (event_id, trigger_id) so Slack's retries are not processed twice. */
export function createSeenIds(max = 5_000) {
  const seen = new Set<string>();
  return {
    /** True if the id is new (and records it). */
    add(id: string): boolean {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > max) seen.delete(seen.values().next().value as string);
      return true;
    },
  };
}
