/**
 * Delivers what the core addresses to Slack: channel posts (ballots, results), in-place
 * ballot updates, direct messages (reminders). Message references are `channel:ts`.
 */
import type { Deliverer, OutboundMessage } from '../../src/outbound.ts';
import { cardToMessages } from './render.ts';
import { slackUser } from './ids.ts';
import type { SlackWeb } from './web.ts';

export function messageRef(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

export function parseMessageRef(ref: string): { channel: string; ts: string } | undefined {
  const i = ref.lastIndexOf(':');
  if (i <= 0) return undefined;
  return { channel: ref.slice(0, i), ts: ref.slice(i + 1) };
}

/** Posts a card (one or more messages) to a channel; returns the reference of the first, which holds the title. */
async function postCard(web: SlackWeb, channel: string, message: OutboundMessage): Promise<string> {
  let first: string | undefined;
  for (const m of cardToMessages(message.card, { lang: message.lang })) {
    const ts = await web.post(channel, m.text, m.blocks);
    first ??= messageRef(channel, ts);
  }
  if (message.file) await web.upload(channel, message.file);
  return first!;
}

export function createSlackDeliverer(web: SlackWeb, log: (line: string) => void): Deliverer {
  // Bursts of votes each ask to refresh the same ballot: only the newest waiting refresh is sent.
  const waiting = new Map<string, OutboundMessage>();
  const running = new Map<string, Promise<void>>();

  /** One loop per message; it ends and unregisters in the same step, so no refresh is left behind. */
  function refresh(ref: string): Promise<void> {
    const current = running.get(ref);
    if (current) return current;
    const target = parseMessageRef(ref);
    const run = (async () => {
      try {
        while (waiting.has(ref)) {
          const message = waiting.get(ref)!;
          waiting.delete(ref);
          if (!target) throw new Error(`not a Slack message reference: ${ref}`);
          const [m] = cardToMessages(message.card, { lang: message.lang });
          await web.update(target.channel, target.ts, m.text, m.blocks);
        }
      } finally {
        running.delete(ref);
      }
    })();
    running.set(ref, run);
    return run;
  }

  return {
    async deliver(message) {
      const a = message.audience;
      switch (a.kind) {
        case 'channel':
          return postCard(web, a.channel.id, message);
        case 'user':
          return postCard(web, await web.openDm(slackUser(a.user)), message);
        case 'ballot-update': {
          waiting.set(a.ref, message);
          await refresh(a.ref);
          return a.ref;
        }
        case 'reply':
          // Replies go back through the request that asked (see replies.ts), never through here.
          log('slack: a reply was handed to the deliverer; it has no requester to go to and was not sent');
          return undefined;
      }
    },
  };
}
