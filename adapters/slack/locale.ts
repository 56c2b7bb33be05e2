/** Slack user locales (users.info include_locale), cached so each user is looked up once. */
import type { WebClient } from '@slack/web-api';

export interface LocaleCache {
  get(userId: string): Promise<string | undefined>;
}

export function createLocaleCache(client: () => WebClient, log: (line: string) => void, max = 5_000): LocaleCache {
  const cache = new Map<string, Promise<string | undefined>>();
  return {
    get(userId) {
      let hit = cache.get(userId);
      if (!hit) {
        hit = client()
          .users.info({ user: userId, include_locale: true })
          .then((r) => r.user?.locale)
          .catch((err: unknown) => {
            // Not fatal: the core falls back to the user's chosen language or English. Retried next time.
            log(`slack: users.info failed for ${userId} (${(err as Error).message}); is the users:read scope granted?`);
            cache.delete(userId);
            return undefined;
          });
        cache.set(userId, hit);
        if (cache.size > max) cache.delete(cache.keys().next().value as string);
      }
      return hit;
    },
  };
}
