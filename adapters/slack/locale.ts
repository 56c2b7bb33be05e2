/**
 * Slack user locales (users.info include_locale), cached so each user is looked up once.
 * A failed lookup (e.g. the users:read scope missing) is remembered for a while too, so a
 * burst of requests does not turn into a burst of failing users.info calls.
 */
import type { WebClient } from '@slack/web-api';

export interface LocaleCache {
  get(userId: string): Promise<string | undefined>;
}

export function createLocaleCache(
  client: () => WebClient,
  log: (line: string) => void,
  opts: { now?: () => number; max?: number; retryAfterMs?: number } = {},
): LocaleCache {
  const max = opts.max ?? 5_000;
  const retryAfterMs = opts.retryAfterMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Promise<string | undefined>>();
  /** Users whose lookup failed, with when to try again. */
  const failedUntil = new Map<string, number>();
  return {
    get(userId) {
      const hit = cache.get(userId);
      if (hit) {
        const until = failedUntil.get(userId);
        if (until === undefined || until > now()) return hit;
        failedUntil.delete(userId);
      }
      const lookup = client()
        .users.info({ user: userId, include_locale: true })
        .then((r) => r.user?.locale)
        .catch((err: unknown) => {
          // Not fatal: the core falls back to the user's chosen language or English. Retried later.
          log(`slack: users.info failed for ${userId} (${(err as Error).message}); is the users:read scope granted?`);
          failedUntil.set(userId, now() + retryAfterMs);
          if (failedUntil.size > max) failedUntil.delete(failedUntil.keys().next().value as string);
          return undefined;
        });
      cache.set(userId, lookup);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return lookup;
    },
  };
}
