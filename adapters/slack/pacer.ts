/**
 * Paces posts per channel: Slack allows about one chat.postMessage per second per channel,
 * and bursts beyond it are rate limited. Waits use an injected sleep so tests never wait.
 */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Pacer {
  /** Runs `fn` for `key` no sooner than `intervalMs` after the previous run for that key started. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createPacer(opts: { now: () => number; sleep: Sleep; intervalMs?: number; maxKeys?: number }): Pacer {
  const interval = opts.intervalMs ?? 1000;
  const maxKeys = opts.maxKeys ?? 1000;
  const nextAt = new Map<string, number>();
  // One queue per key keeps the order of posts in a channel.
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, fn) {
      const previous = tails.get(key) ?? Promise.resolve();
      const job = previous
        .catch(() => undefined)
        .then(async () => {
          const now = opts.now();
          const at = nextAt.get(key) ?? 0;
          if (at > now) await opts.sleep(at - now);
          nextAt.set(key, Math.max(now, at) + interval);
          if (nextAt.size > maxKeys) nextAt.delete(nextAt.keys().next().value as string);
          return fn();
        });
      tails.set(key, job);
      void job
        .finally(() => {
          if (tails.get(key) === job) tails.delete(key);
        })
        .catch(() => undefined);
      return job;
    },
  };
}
