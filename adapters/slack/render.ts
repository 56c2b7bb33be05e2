/**
 * The neutral Card rendered as Block Kit for messages and the App Home tab.
 * Every block of the card is rendered and no text is dropped: long texts are split
 * into several sections, long labels are shortened at a word boundary only where the
 * full text is also shown (a card's text blocks carry the full option texts).
 */
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Lang } from '../../src/domain/model.ts';
import type { Card, CardBlock, TextStyle } from '../../src/views/card.ts';
import { textBar } from '../shared/text-bar.ts';
import { chunkText, escapeMrkdwn, shorten } from './shorten.ts';
import { formBlocks, type FormSurface } from './render-form.ts';
import { LIMITS, SlackLimitError } from './limits.ts';
import { ACTION } from './action-ids.ts';
import { withLocalTimes } from './local-times.ts';

type Surface = 'message' | 'home' | 'modal';

export interface RenderOptions {
  surface: Surface;
  lang: Lang;
  /**
   * Slack file ids of the card's images, in order, once uploaded. An image without one is not
   * drawn: Block Kit shows only uploaded or public images, and the text bars carry its figures.
   */
  imageFiles?: (string | undefined)[];
}

export interface RenderedMessage {
  blocks: KnownBlock[];
  /** Notification and screen-reader text. */
  text: string;
}

const STYLE_PREFIX: Record<TextStyle, string> = {
  normal: '',
  muted: '',
  warning: ':warning: ',
  error: ':x: ',
  success: ':white_check_mark: ',
};

function section(text: string, blockId?: string): SectionBlock {
  return { type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text } };
}

function sections(text: string): KnownBlock[] {
  return chunkText(text, LIMITS.sectionText).map((t) => section(t));
}

function titleBlocks(title: string): KnownBlock[] {
  if (title.length <= LIMITS.headerText)
    return [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
  return sections(`*${escapeMrkdwn(title)}*`);
}

function textBlocks(block: Extract<CardBlock, { type: 'text' }>, lang: Lang): KnownBlock[] {
  const style = block.style ?? 'normal';
  const text = STYLE_PREFIX[style] + withLocalTimes(escapeMrkdwn(block.text), lang);
  if (style !== 'muted') return sections(text);
  return chunkText(text, LIMITS.sectionText).map((t) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: t }] }));
}

function fieldBlocks(block: Extract<CardBlock, { type: 'fields' }>, lang: Lang): KnownBlock[] {
  const out: KnownBlock[] = [];
  let batch: { type: 'mrkdwn'; text: string }[] = [];
  const flush = () => {
    if (batch.length) out.push({ type: 'section', fields: batch });
    batch = [];
  };
  for (const f of block.fields) {
    const text = `*${escapeMrkdwn(f.label)}*\n${withLocalTimes(escapeMrkdwn(f.value), lang)}`;
    if (text.length > LIMITS.fieldText) {
      flush();
      out.push(...sections(text));
      continue;
    }
    batch.push({ type: 'mrkdwn', text });
    if (batch.length === LIMITS.sectionFields) flush();
  }
  flush();
  return out;
}

/** Consecutive bars share sections, which keeps results well under the block limit. */
function barBlocks(bars: Extract<CardBlock, { type: 'bar' }>[]): KnownBlock[] {
  const lines = bars.map((b) => `*${escapeMrkdwn(b.label)}*\n\`${textBar(b.share)}\` ${escapeMrkdwn(b.value)}`);
  return sections(lines.join('\n'));
}

/** Renders a card's buttons; `next` hands out action ids unique within the payload. */
function actionBlocks(block: Extract<CardBlock, { type: 'actions' }>, next: () => number): KnownBlock[] {
  const buttons: Button[] = block.buttons.map((b) => {
    const value = JSON.stringify(b.command);
    if (value.length > LIMITS.buttonValue)
      throw new SlackLimitError(
        `button "${b.label}" carries a command of ${value.length} characters (limit ${LIMITS.buttonValue})`,
      );
    return {
      type: 'button',
      text: { type: 'plain_text', text: shorten(b.label, LIMITS.buttonText), emoji: true },
      action_id: `${ACTION.command}${next()}`,
      value,
      ...(b.style ? { style: b.style } : {}),
    };
  });
  const out: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    out.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return out;
}

/** Renders the card's blocks (without fitting them into the block limit). */
export function cardBlocks(
  card: Card,
  opts: RenderOptions & { formSurface?: FormSurface; withTitle?: boolean },
): KnownBlock[] {
  let counter = 0;
  const next = () => counter++;
  let formIndex = 0;
  let imageIndex = 0;
  const out: KnownBlock[] = opts.withTitle === false ? [] : titleBlocks(card.title);
  const src = card.blocks;
  for (let i = 0; i < src.length; i++) {
    const block = src[i];
    switch (block.type) {
      case 'text':
        out.push(...textBlocks(block, opts.lang));
        break;
      case 'fields':
        out.push(...fieldBlocks(block, opts.lang));
        break;
      case 'bar': {
        const bars = [block];
        while (src[i + 1]?.type === 'bar') bars.push(src[++i] as Extract<CardBlock, { type: 'bar' }>);
        out.push(...barBlocks(bars));
        break;
      }
      case 'image': {
        const file = opts.imageFiles?.[imageIndex++];
        if (file) out.push({ type: 'image', slack_file: { id: file }, alt_text: shorten(block.alt, LIMITS.imageAlt) });
        break;
      }
      case 'actions':
        out.push(...actionBlocks(block, next));
        break;
      case 'form':
        out.push(
          ...formBlocks(
            block.form,
            formIndex++,
            opts.formSurface ?? (opts.surface === 'modal' ? 'modal' : 'inline'),
            opts.lang,
            next,
          ),
        );
        break;
    }
  }
  return out;
}

function isPlainSection(b: KnownBlock): b is SectionBlock & { text: { type: 'mrkdwn'; text: string } } {
  return b.type === 'section' && !b.accessory && !b.fields && !b.block_id && b.text?.type === 'mrkdwn';
}

/** Merges neighbouring text sections while the payload exceeds `max` blocks. */
export function compact(blocks: KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const out: KnownBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      prev &&
      isPlainSection(prev) &&
      isPlainSection(b) &&
      prev.text.text.length + b.text.text.length + 2 <= LIMITS.sectionText
    ) {
      out[out.length - 1] = section(`${prev.text.text}\n\n${b.text.text}`);
    } else {
      out.push(b);
    }
  }
  return out;
}

function fallbackText(card: Card): string {
  const first = card.blocks.find((b): b is Extract<CardBlock, { type: 'text' }> => b.type === 'text');
  return shorten([card.title, first?.text].filter(Boolean).join('\n'), LIMITS.fallbackText);
}

/**
 * The card as one or more Slack messages (≤ 50 blocks each). A card only needs more than
 * one message when it is mostly text; the first message keeps the title.
 */
export function cardToMessages(
  card: Card,
  opts: { lang: Lang; surface?: 'message'; imageFiles?: (string | undefined)[] },
): RenderedMessage[] {
  const blocks = compact(
    cardBlocks(card, { surface: 'message', lang: opts.lang, imageFiles: opts.imageFiles }),
    LIMITS.messageBlocks,
  );
  const text = fallbackText(card);
  const out: RenderedMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.messageBlocks) {
    out.push({ blocks: blocks.slice(i, i + LIMITS.messageBlocks), text });
  }
  return out;
}

/** The card as blocks for one surface: a message (≤ 50 blocks) or the Home tab (≤ 100). */
export function cardToBlockKit(card: Card, opts: RenderOptions): RenderedMessage {
  const max = opts.surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  const blocks = compact(cardBlocks(card, opts), max);
  if (blocks.length > max && opts.surface === 'home') {
    // A Home tab cannot be split: show what fits and say how much more there is (`/consult status` lists all).
    const shown = blocks.slice(0, max - 1);
    return {
      blocks: [
        ...shown,
        { type: 'context', elements: [{ type: 'mrkdwn', text: `… +${blocks.length - shown.length}` }] },
      ],
      text: fallbackText(card),
    };
  }
  if (blocks.length > max)
    throw new SlackLimitError(`card "${card.title}" needs ${blocks.length} blocks (limit ${max}); use cardToMessages`);
  return { blocks, text: fallbackText(card) };
}
