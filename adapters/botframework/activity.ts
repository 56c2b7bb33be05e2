/** Core outbound message → Bot Framework message activity carrying an Adaptive Card. */
import type { Activity } from 'botbuilder';
import type { OutboundMessage } from '../../src/outbound.ts';
import { adaptiveCardAttachment, cardToAdaptiveCard, type RenderOptions } from './render.ts';

/** Teams refuses messages over about 28 KB; a CSV export larger than this is cut with a note. */
const MAX_FILE_TEXT = 20_000;

export function renderOptionsFor(message: Pick<OutboundMessage, 'purpose' | 'consultationId'>): RenderOptions {
  // Ballots refresh per viewer (Universal Actions): each delegate sees their delegation's vote.
  return message.purpose === 'ballot' && message.consultationId
    ? { refresh: { consultationId: message.consultationId } }
    : {};
}

export function messageActivity(message: OutboundMessage): Partial<Activity> {
  const card = cardToAdaptiveCard(message.card, message.lang, renderOptionsFor(message));
  const activity: Partial<Activity> = {
    type: 'message',
    summary: message.card.title,
    attachments: [adaptiveCardAttachment(card)],
  };
  if (message.file && typeof message.file.content === 'string') {
    // Teams bots cannot attach an arbitrary file outside personal chats; the CSV goes inline.
    const content =
      message.file.content.length > MAX_FILE_TEXT
        ? `${message.file.content.slice(0, MAX_FILE_TEXT)}\n…`
        : message.file.content;
    activity.textFormat = 'markdown';
    activity.text = `${message.file.name}\n\n\`\`\`\n${content}\n\`\`\``;
  }
  return activity;
}
