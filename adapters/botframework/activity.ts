/** Core outbound message → Bot Framework message activity carrying an Adaptive Card (its file travels apart). */
import type { Activity } from 'botbuilder';
import type { OutboundMessage } from '../../src/outbound.ts';
import { adaptiveCardAttachment, cardToAdaptiveCard, type RenderOptions } from './render.ts';

/** Who the card refreshes for by itself, or that they are too many to list (see refresh-audience.ts). */
export type RefreshFor = { userIds?: string[]; tooMany?: boolean };

export function renderOptionsFor(
  message: Pick<OutboundMessage, 'purpose' | 'consultationId'>,
  audience: RefreshFor = {},
): RenderOptions {
  // Ballots refresh per viewer (Universal Actions): each delegate sees their delegation's vote.
  return message.purpose === 'ballot' && message.consultationId
    ? { refresh: { consultationId: message.consultationId, ...audience } }
    : {};
}

export function messageActivity(message: OutboundMessage, audience?: RefreshFor): Partial<Activity> {
  const card = cardToAdaptiveCard(message.card, message.lang, renderOptionsFor(message, audience));
  const activity: Partial<Activity> = {
    type: 'message',
    summary: message.card.title,
    attachments: [adaptiveCardAttachment(card)],
  };
  // A file is never inlined: it is offered to its person alone (see file-delivery.ts).
  return activity;
}
