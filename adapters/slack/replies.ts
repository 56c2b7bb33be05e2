/**
 * Sends what the core returns to the person who asked: forms open as modals (while the
 * trigger is fresh), everything else is ephemeral (response_url, else chat.postEphemeral,
 * else a direct message). Files (exports, rosters, reports) go to the requester's DM, never inline.
 */
import type { KnownBlock } from '@slack/types';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Deliverer } from '../../src/outbound.ts';
import { cardToMessages } from './render.ts';
import { cardToModal, firstForm } from './modal.ts';
import { slackTexts } from './texts.ts';
import { escapeMrkdwn } from './shorten.ts';
import { LIMITS } from './limits.ts';
import type { SlackWeb } from './web.ts';

/** Where and how to reach the requester, from the interaction that asked. */
export interface Requester {
  user: string;
  channel?: string;
  /** The interaction's response_url: an ephemeral answer without a Web API call. */
  responseUrl?: string;
  triggerId?: string;
}

export function createReplies(deps: { web: SlackWeb; deliverer: Deliverer; log: (line: string) => void }) {
  const { web, log } = deps;

  async function ephemeral(to: Requester, text: string, blocks: KnownBlock[]): Promise<void> {
    if (to.responseUrl) {
      try {
        await web.respond(to.responseUrl, { response_type: 'ephemeral', replace_original: false, text, blocks });
        return;
      } catch (err) {
        log(`slack: response_url failed (${(err as Error).message}); trying chat.postEphemeral`);
      }
    }
    if (to.channel && !to.channel.startsWith('D')) {
      try {
        await web.ephemeral(to.channel, to.user, text, blocks);
        return;
      } catch (err) {
        // Typically not_in_channel: the bot was never invited. A DM still reaches the user.
        log(`slack: chat.postEphemeral in ${to.channel} failed (${(err as Error).message}); sending a direct message`);
      }
    }
    await web.post(await web.openDm(to.user), text, blocks);
  }

  async function openModal(to: Requester, message: OutboundMessage): Promise<boolean> {
    if (!to.triggerId) return false;
    const triggerId = to.triggerId;
    to.triggerId = undefined; // a trigger opens one modal
    try {
      await web.client().views.open({
        trigger_id: triggerId,
        view: cardToModal(message.card, { lang: message.lang, channel: to.channel }),
      });
      return true;
    } catch (err) {
      // An expired trigger (3 s) still leaves the inline form in an ephemeral message.
      log(`slack: views.open failed (${(err as Error).message}); showing the form inline`);
      return false;
    }
  }

  /**
   * Files (exports, rosters, reports) go to the requester's direct message, never to a channel
   * and never inline; where they asked, a short note says so (or that it could not be sent).
   */
  async function sendFile(to: Requester, message: OutboundMessage): Promise<void> {
    const file = message.file!;
    const texts = slackTexts(message.lang);
    const [first] = cardToMessages(message.card, { lang: message.lang });
    let note: string;
    try {
      await web.upload(await web.openDm(to.user), file, first.text);
      note = texts.fileSent(file.name);
    } catch (err) {
      // Typically missing_scope (files:write) or a file Slack refuses: say so, never fall back to the channel.
      log(`slack: could not send ${file.name} to ${to.user} (${(err as Error).message})`);
      note = texts.fileFailed(file.name);
    }
    await ephemeral(to, note, [
      ...first.blocks.slice(0, LIMITS.messageBlocks - 1),
      { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(note) }] },
    ]);
  }

  return {
    async send(messages: OutboundMessage[], to: Requester): Promise<void> {
      for (const message of messages) {
        if (message.audience.kind !== 'reply') {
          await deps.deliverer.deliver(message);
          continue;
        }
        if (firstForm(message.card) && (await openModal(to, message))) continue;
        if (message.file) {
          await sendFile(to, message);
          continue;
        }
        for (const m of cardToMessages(message.card, { lang: message.lang })) await ephemeral(to, m.text, m.blocks);
      }
    },
    ephemeral,
  };
}

export type Replies = ReturnType<typeof createReplies>;
