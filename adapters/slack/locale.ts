/**
 * Slack user locales (users.info include_locale), with the name and e-mail the same call
 * gives, cached so each user is looked up once.
 * A failed lookup (e.g. the users:read scope missing) is remembered for a while too, so a
 * burst of requests does not turn into a burst of failing users.info calls.
 */
import type { WebClient } from '@slack/web-api';

export interface LocaleCache {
  get(userId: string): Promise<string | undefined>;
  /** The same lookup's name and e-mail (users:read.email), for names in the roster and addresses imported earlier. */
  profile(userId: string): Promise<SlackProfile>;
}

interface SlackProfile {
  locale?: string;
  name?: string;
  email?: string;
}

export interface SlackUserInfo {
  locale?: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string; email?: string };
}

/** The name people know a Slack user by: the real name, else the display name. */
export function nameOf(user: SlackUserInfo | undefined): string | undefined {
  const name = user?.real_name || user?.profile?.real_name || user?.profile?.display_name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

export function createLocaleCache(
  client: () => WebClient,
  log: (line: string) => void,
  opts: { now?: () => number; max?: number; retryAfterMs?: number } = {},
): LocaleCache {
  const max = opts.max ?? 5_000;
  const retryAfterMs = opts.retryAfterMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Promise<SlackProfile>>();
  /** Users whose lookup failed, with when to try again. */
  const failedUntil = new Map<string, number>();
  const api: LocaleCache = {
    get: async (userId) => (await api.profile(userId)).locale,
    profile(userId) {
      const hit = cache.get(userId);
      if (hit) {
        const until = failedUntil.get(userId);
        if (until === undefined || until > now()) return hit;
        failedUntil.delete(userId);
      }
      const lookup = client()
        .users.info({ user: userId, include_locale: true })
        .then((r): SlackProfile => {
          const u = r.user as SlackUserInfo | undefined;
          const email = u?.profile?.email;
          return { locale: u?.locale, name: nameOf(u), email: typeof email === 'string' ? email : undefined };
        })
        .catch((err: unknown): SlackProfile => {
          // Not fatal: the core falls back to the user's chosen language or English. Retried later.
          log(`slack: users.info failed for ${userId} (${(err as Error).message}); is the users:read scope granted?`);
          failedUntil.set(userId, now() + retryAfterMs);
          if (failedUntil.size > max) failedUntil.delete(failedUntil.keys().next().value as string);
          return {};
        });
      cache.set(userId, lookup);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return lookup;
    },
  };
  return api;
}
