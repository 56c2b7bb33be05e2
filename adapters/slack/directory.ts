/**
 * The Slack workspace as the core's directory: e-mail addresses through users.lookupByEmail
 * (scope users:read.email), names through users.info (the locale cache's lookup). Lookups run
 * a few at a time and wait out 429s, since an import may name hundreds of addresses.
 */
import type { Directory, DirectoryEntry } from '../../src/directory.ts';
import type { UserId } from '../../src/domain/model.ts';
import { toUserId } from './ids.ts';
import { type LocaleCache, nameOf } from './locale.ts';
import type { Sleep } from './pacer.ts';
import { withRateLimitRetry } from './rate-limit.ts';
import type { SlackWeb } from './web.ts';

/** Parallel lookups: enough to load a membership quickly, few enough to stay inside Slack's per-minute tiers. */
const AT_ONCE = 8;

async function eachAtMost<T>(items: ReadonlyArray<T>, n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

export function createSlackDirectory(deps: {
  web: SlackWeb;
  profiles: LocaleCache;
  sleep: Sleep;
  log: (line: string) => void;
}): Directory {
  const { web, profiles, log } = deps;
  return {
    async lookupEmails(emails) {
      const found = new Map<string, DirectoryEntry>();
      let failures = 0;
      await eachAtMost(emails, AT_ONCE, async (email) => {
        try {
          const r = await withRateLimitRetry(() => web.client().users.lookupByEmail({ email }), {
            sleep: deps.sleep,
            onRetry: (s) => log(`slack: users.lookupByEmail rate limited, retrying in ${s}s`),
          });
          const user = r.user as
            | (Parameters<typeof nameOf>[0] & { id?: string; deleted?: boolean; is_bot?: boolean })
            | undefined;
          if (user?.id && !user.deleted && !user.is_bot)
            found.set(email, { user: toUserId(user.id), name: nameOf(user) });
        } catch (err) {
          // users_not_found is the expected answer for an address outside the workspace: it stays pending.
          if ((err as { data?: { error?: string } }).data?.error !== 'users_not_found') failures++;
        }
      });
      if (failures)
        log(`slack: users.lookupByEmail failed for ${failures} addresses; is the users:read.email scope granted?`);
      return found;
    },
    async displayNames(users) {
      const names = new Map<UserId, string>();
      await eachAtMost(users, AT_ONCE, async (user) => {
        if (!user.startsWith('slack:')) return;
        const name = (await profiles.profile(user.slice('slack:'.length))).name;
        if (name) names.set(user, name);
      });
      return names;
    },
  };
}
