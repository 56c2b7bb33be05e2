/**
 * Refuses a signed request seen before. Slack's signature only proves a request is fresh
 * within 5 minutes; inside that window the same bytes could be sent again. Each key is kept
 * until its timestamp leaves the window, and the set is bounded so a flood cannot grow memory.
 */
export interface ReplayGuard {
  /** True the first time this (signature, timestamp) is seen; false for a replay. */
  firstTime(signature: string, timestampSec: number): boolean;
  readonly size: number;
}

export function createReplayGuard(opts: { now: () => number; windowSec?: number; max?: number }): ReplayGuard {
  const windowMs = (opts.windowSec ?? 5 * 60) * 1000;
  const max = opts.max ?? 10_000;
  // Insertion-ordered: oldest first, which is what eviction needs.
  const seen = new Map<string, number>();
  const prune = () => {
    const now = opts.now();
    for (const [key, expires] of seen) {
      if (expires > now && seen.size <= max) break;
      seen.delete(key);
    }
  };
  return {
    firstTime(signature, timestampSec) {
      prune();
      const key = `${timestampSec}:${signature}`;
      if (seen.has(key)) return false;
      // Kept a little past the window so a request signed "in the future" cannot come back later.
      seen.set(key, Math.max(opts.now(), timestampSec * 1000) + windowMs);
      if (seen.size > max) seen.delete(seen.keys().next().value as string);
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
