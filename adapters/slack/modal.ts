/** Cards shown as modals (surveys, proposals): the card's form becomes the modal's inputs. */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Lang } from '../../src/domain/model.ts';
import type { Card, CardBlock, FormAction } from '../../src/views/card.ts';
import { cardBlocks, compact } from './render.ts';
import { LIMITS, SlackLimitError } from './limits.ts';
import { escapeMrkdwn, shorten } from './shorten.ts';
import { slackTexts } from './texts.ts';
import { VIEW } from './action-ids.ts';

/** What a modal remembers between opening and submission (Slack hands it back as private_metadata). */
export interface ModalContext {
  action?: FormAction;
  /** The channel the modal was opened from: confirmations go there, ephemerally. */
  channel?: string;
}

export function firstForm(card: Card) {
  return card.blocks.find((b): b is Extract<CardBlock, { type: 'form' }> => b.type === 'form')?.form;
}

export function cardToModal(card: Card, opts: { lang: Lang; channel?: string }): ModalView {
  const t = slackTexts(opts.lang);
  const form = firstForm(card);
  const title = shorten(card.title, LIMITS.modalTitle);
  // The modal title is 24 characters at most: when cut, the full title opens the body.
  const body = cardBlocks(card, { surface: 'modal', lang: opts.lang, withTitle: false });
  const head: KnownBlock[] =
    title === card.title.trim()
      ? []
      : [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `*${escapeMrkdwn(shorten(card.title, LIMITS.sectionText - 2))}*` },
          },
        ];
  const blocks = compact([...head, ...body], LIMITS.viewBlocks);
  if (blocks.length > LIMITS.viewBlocks)
    throw new SlackLimitError(`modal "${card.title}" needs ${blocks.length} blocks`);
  const context: ModalContext = { action: form?.submit.action, channel: opts.channel };
  const metadata = JSON.stringify(context);
  if (metadata.length > LIMITS.privateMetadata) throw new SlackLimitError('modal private_metadata too long');
  return {
    type: 'modal',
    callback_id: VIEW.form,
    title: { type: 'plain_text', text: title, emoji: true },
    close: { type: 'plain_text', text: form ? t.cancel : t.close },
    ...(form
      ? { submit: { type: 'plain_text', text: shorten(form.submit.label, LIMITS.modalButton), emoji: true } }
      : {}),
    private_metadata: metadata,
    blocks,
  };
}

export function readModalContext(metadata: string | undefined): ModalContext {
  if (!metadata) return {};
  try {
    const parsed = JSON.parse(metadata) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as ModalContext) : {};
  } catch {
    return {};
  }
}
