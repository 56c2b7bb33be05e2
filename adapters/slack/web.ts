/**
 * The Web API calls the adapter makes, with Slack's limits applied in one place:
 * chat.postMessage paced per channel, every call retried after a 429's Retry-After,
 * DM channels opened once per user.
 */
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Pacer, Sleep } from './pacer.ts';
import { withRateLimitRetry } from './rate-limit.ts';

export interface SlackWeb {
  post(channel: string, text: string, blocks: KnownBlock[]): Promise<string>;
  update(channel: string, ts: string, text: string, blocks: KnownBlock[]): Promise<void>;
  ephemeral(channel: string, user: string, text: string, blocks: KnownBlock[]): Promise<void>;
  openDm(user: string): Promise<string>;
  upload(channel: string, file: { name: string; content: string }, comment?: string): Promise<void>;
  client(): WebClient;
}

export function createSlackWeb(deps: { client: () => WebClient; pacer: Pacer; sleep: Sleep; log: (line: string) => void }): SlackWeb {
  const retry = <T>(fn: () => Promise<T>) =>
    withRateLimitRetry(fn, { sleep: deps.sleep, onRetry: (s) => deps.log(`slack: rate limited, retrying in ${s}s`) });
  const dms = new Map<string, string>();
  return {
    client: deps.client,
    async post(channel, text, blocks) {
      const r = await deps.pacer.run(channel, () => retry(() => deps.client().chat.postMessage({ channel, text, blocks, unfurl_links: false, unfurl_media: false })));
      if (!r.ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      return r.ts;
    },
    async update(channel, ts, text, blocks) {
      await retry(() => deps.client().chat.update({ channel, ts, text, blocks }));
    },
    async ephemeral(channel, user, text, blocks) {
      await retry(() => deps.client().chat.postEphemeral({ channel, user, text, blocks }));
    },
    async openDm(user) {
      const known = dms.get(user);
      if (known) return known;
      const r = await retry(() => deps.client().conversations.open({ users: user }));
      const id = r.channel?.id;
      if (!id) throw new Error(`conversations.open for ${user} returned no channel`);
      dms.set(user, id);
      return id;
    },
    async upload(channel, file, comment) {
      await retry(() =>
        deps.client().files.uploadV2({ channel_id: channel, filename: file.name, title: file.name, content: file.content, ...(comment ? { initial_comment: comment } : {}) }),
      );
    },
  };
}
