/**
 * What the acting user sees after a card action (Universal Actions: the invoke response card
 * replaces the card for them). A form opened from the card is shown as it is; otherwise the
 * core's reply (e.g. "vote recorded", or a refusal) sits on top of the ballot as this user
 * should now see it: their delegation's vote and the turnout.
 */
import type { Lang } from '../../src/domain/model.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Card, CardBlock } from '../../src/views/card.ts';
import { cardToAdaptiveCard, type AdaptiveCard } from './render.ts';
import { renderOptionsFor } from './activity.ts';

export interface InvokeView {
  card: Card;
  lang: Lang;
}

export function invokeResponseCard(
  replies: OutboundMessage[],
  ballot: InvokeView | undefined,
  consultationId?: string,
): AdaptiveCard | undefined {
  const form = replies.find((r) => r.purpose === 'form');
  if (form) return cardToAdaptiveCard(form.card, form.lang);
  // The core's vote reply is already this viewer's ballot with the notice on top: show it as is.
  const own = replies.find((r) => r.purpose === 'ballot' && r.consultationId === consultationId);
  if (own && consultationId)
    return cardToAdaptiveCard(own.card, own.lang, renderOptionsFor({ purpose: 'ballot', consultationId }));
  const notices: CardBlock[] = replies.flatMap((r) => [
    { type: 'text' as const, text: r.card.title, style: styleOf(r.card) },
    ...r.card.blocks,
  ]);
  if (ballot) {
    const card: Card = { title: ballot.card.title, blocks: [...notices, ...ballot.card.blocks] };
    return cardToAdaptiveCard(
      card,
      ballot.lang,
      consultationId ? renderOptionsFor({ purpose: 'ballot', consultationId }) : {},
    );
  }
  const [first, ...rest] = replies;
  if (!first) return undefined;
  const blocks = [
    ...first.card.blocks,
    ...rest.flatMap((r) => [{ type: 'text' as const, text: r.card.title, style: styleOf(r.card) }, ...r.card.blocks]),
  ];
  return cardToAdaptiveCard({ title: first.card.title, blocks }, first.lang);
}

function styleOf(card: Card): 'normal' | 'success' | 'error' | 'warning' | 'muted' {
  const first = card.blocks[0];
  return first?.type === 'text' && first.style ? first.style : 'normal';
}
