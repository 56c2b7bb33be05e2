/**
 * Delivers what the core addresses to Slack: channel posts (ballots, results), in-place
 * ballot updates, direct messages (reminders). Message references are `channel:ts`.
 * Owed messages carry their delivery key as message metadata, so that after a crash
 * `wasDelivered` can look for them in the channel's history instead of sending them twice.
 */
import type { Deliverer, OutboundMessage } from '../../src/outbound.ts';
import { cardToMessages } from './render.ts';
import { slackUser } from './ids.ts';
import type { Sleep } from './pacer.ts';
import { NoLongerWanted, type MessageMetadata, type SlackWeb } from './web.ts';

/** The metadata event type of owed deliveries. */
export const DELIVERY_EVENT = 'consult_delivery';
/** How many of a channel's latest messages `wasDelivered` looks through. */
const HISTORY_LOOKBACK = 50;

function messageRef(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

function parseMessageRef(ref: string): { channel: string; ts: string } | undefined {
  const i = ref.lastIndexOf(':');
  if (i <= 0) return undefined;
  return { channel: ref.slice(0, i), ts: ref.slice(i + 1) };
}

const deliveryMetadata = (key: string): MessageMetadata => ({ event_type: DELIVERY_EVENT, event_payload: { key } });

/**
 * Posts a card (one or more messages) to a channel; returns the reference of the first, which holds the title.
 * The delivery key goes on the last message: once it is in the channel, so is the whole card.
 */
async function postCard(
  web: SlackWeb,
  channel: string,
  message: OutboundMessage,
  log: (line: string) => void,
): Promise<string | undefined> {
  try {
    return await postMessages(web, channel, message, log);
  } catch (err) {
    if (err instanceof NoLongerWanted) return undefined;
    throw err;
  }
}

async function postMessages(
  web: SlackWeb,
  channel: string,
  message: OutboundMessage,
  log: (line: string) => void,
): Promise<string> {
  let first: string | undefined;
  let firstTs = '';
  const messages = cardToMessages(message.card, { lang: message.lang });
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const metadata =
      message.deliveryKey && i === messages.length - 1 ? deliveryMetadata(message.deliveryKey) : undefined;
    const ts = await web.post(channel, m.text, m.blocks, metadata, message.stillWanted);
    if (!first) {
      first = messageRef(channel, ts);
      firstTs = ts;
    }
  }
  if (message.file) {
    // A file is for one person (its doc in src/outbound.ts): to a user's DM, never into a channel.
    if (message.audience.kind === 'user') await web.upload(channel, message.file);
    else log(`slack: ${message.file.name} was not posted to channel ${channel}: files go to one person only`);
  }
  await attachImages(web, channel, firstTs, message, log);
  return first!;
}

type ImageBlock = Extract<OutboundMessage['card']['blocks'][number], { type: 'image' }>;

/**
 * Charts go up with files.uploadV2 into the thread of the message they belong to, so they are
 * shared in the channel beside it; the message is then updated to show them inline. The message
 * is already posted with its text bars: a failed upload leaves it as it is, never sent twice.
 */
async function attachImages(
  web: SlackWeb,
  channel: string,
  ts: string,
  message: OutboundMessage,
  log: (line: string) => void,
): Promise<void> {
  const images = message.card.blocks.filter((b): b is ImageBlock => b.type === 'image');
  if (images.length === 0) return;
  try {
    const ids: string[] = [];
    for (const [i, image] of images.entries()) {
      const name = `${message.consultationId ?? 'consult'}-${message.purpose}${images.length > 1 ? `-${i + 1}` : ''}.png`;
      ids.push(await web.uploadImage(channel, ts, { name, png: image.png, alt: image.alt, title: message.card.title }));
    }
    const [withImages] = cardToMessages(message.card, { lang: message.lang, imageFiles: ids });
    await web.update(channel, ts, withImages.text, withImages.blocks);
  } catch (err) {
    log(
      `slack: chart of ${message.consultationId ?? message.card.title} not attached (${(err as Error).message}); the text bars stay`,
    );
  }
}

export interface DelivererOptions {
  now: () => number;
  sleep: Sleep;
  /** Least time between two refreshes of one ballot (chat.update is rate limited); the newest waiting refresh wins. */
  refreshIntervalMs?: number;
}

export function createSlackDeliverer(web: SlackWeb, log: (line: string) => void, opts: DelivererOptions): Deliverer {
  const interval = opts.refreshIntervalMs ?? 1000;
  // Bursts of votes each ask to refresh the same ballot: only the newest waiting refresh is
  // rendered and sent, so the merge happens before any Block Kit is built.
  const waiting = new Map<string, OutboundMessage>();
  const running = new Map<string, Promise<void>>();
  const lastRefresh = new Map<string, number>();

  /** One loop per message; it ends and unregisters in the same step, so no refresh is left behind. */
  function refresh(ref: string): Promise<void> {
    const current = running.get(ref);
    if (current) return current;
    const target = parseMessageRef(ref);
    const run = (async () => {
      try {
        while (waiting.has(ref)) {
          const wait = (lastRefresh.get(ref) ?? -Infinity) + interval - opts.now();
          if (wait > 0) await opts.sleep(wait);
          const message = waiting.get(ref)!;
          waiting.delete(ref);
          if (!target) throw new Error(`not a Slack message reference: ${ref}`);
          lastRefresh.delete(ref); // re-inserted last: the map stays ordered oldest first
          lastRefresh.set(ref, opts.now());
          if (lastRefresh.size > 1000) lastRefresh.delete(lastRefresh.keys().next().value as string);
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

  /** The channel an owed message went to: the DM channel for a user, else the channel itself. */
  async function channelOf(message: OutboundMessage): Promise<string | undefined> {
    const a = message.audience;
    if (a.kind === 'user') return web.openDm(slackUser(a.user));
    if (a.kind === 'channel') return a.channel.id;
    return undefined;
  }

  return {
    async deliver(message) {
      const a = message.audience;
      switch (a.kind) {
        case 'channel':
          return postCard(web, a.channel.id, message, log);
        case 'user':
          if (message.stillWanted?.() === false) return undefined;
          return postCard(web, await web.openDm(slackUser(a.user)), message, log);
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

    async wasDelivered(message) {
      const key = message.deliveryKey;
      if (!key) return undefined;
      try {
        const channel = await channelOf(message);
        if (!channel) return undefined;
        const history = await web.history(channel, HISTORY_LOOKBACK);
        return history.some((m) => m.metadata?.event_type === DELIVERY_EVENT && m.metadata.event_payload?.key === key);
      } catch (err) {
        log(`slack: could not tell whether delivery ${key} went out (${(err as Error).message}); cannot tell`);
        return undefined;
      }
    },
  };
}
