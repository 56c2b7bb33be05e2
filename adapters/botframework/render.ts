/**
 * Neutral Card → Adaptive Card 1.5, the version Teams renders. Also used by the local web chat.
 * Every block is rendered and every text wraps: option texts are never cut.
 * Buttons and form submits are Universal Actions (`Action.Execute`), so Teams sends them to the
 * bot as `adaptiveCard/action` invokes and shows the card the bot answers with.
 */
import type { Lang } from '../../src/domain/model.ts';
import type { Button, Card, CardBlock, Form, FormInput, TextStyle } from '../../src/views/card.ts';
import { textBar } from '../shared/text-bar.ts';
import { CONSULT_VERB, REFRESH_VERB, inputKey, type ActionData } from './action-data.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  lang: Lang;
  fallbackText: string;
  body: Element[];
  refresh?: { action: ExecuteAction; userIds?: string[] };
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title?: string;
  verb: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
}

export interface RenderOptions {
  /**
   * Makes the card refreshable per viewer (Universal Actions): Teams asks the bot for this
   * consultation's ballot as the viewing user should see it. `userIds` (≤ 60) turns on
   * automatic refresh for those users in group chats and channels.
   */
  refresh?: { consultationId: string; userIds?: string[] };
}

/**
 * Teams refuses bot messages over about 28 KB. A card stays under this budget, data URIs of its
 * charts included; a chart that would not fit is left out (its figures are in the text bars).
 */
export const CARD_BUDGET_BYTES = 26 * 1024;

export function cardToAdaptiveCard(card: Card, lang: Lang, options: RenderOptions = {}): AdaptiveCard {
  const body: Element[] = [
    { type: 'TextBlock', text: card.title, wrap: true, style: 'heading', size: 'medium', weight: 'bolder' },
    ...card.blocks.flatMap(renderBlock),
  ];
  fitImages(body, card.title);
  const out: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    lang,
    fallbackText: card.title,
    body,
  };
  if (options.refresh) {
    const { consultationId, userIds } = options.refresh;
    out.refresh = { action: { type: 'Action.Execute', verb: REFRESH_VERB, data: { refresh: consultationId } } };
    if (userIds?.length) out.refresh.userIds = userIds.slice(0, 60);
  }
  return out;
}

/** The Bot Framework attachment that carries an Adaptive Card in an activity. */
export function adaptiveCardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

function imageElement(block: Extract<CardBlock, { type: 'image' }>): Element {
  return {
    type: 'Image',
    // The bot's own link when it has a public URL (a few bytes); else the PNG inside the card.
    url: block.url ?? `data:image/png;base64,${Buffer.from(block.png).toString('base64')}`,
    altText: block.alt,
    size: 'stretch',
  };
}

/** Drops images, last first, until the card's JSON fits the budget. */
function fitImages(body: Element[], title: string): void {
  const size = () => Buffer.byteLength(JSON.stringify({ body, title }), 'utf8') + 1024;
  for (let i = body.length - 1; i >= 0 && size() > CARD_BUDGET_BYTES; i--) {
    if (body[i].type === 'Image') body.splice(i, 1);
  }
}

function renderBlock(block: CardBlock): Element[] {
  switch (block.type) {
    case 'text':
      return textBlocks(block.text, block.style);
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: f.value })) }];
    case 'bar':
      return barElements(block.label, block.value, block.share);
    case 'image':
      return [imageElement(block)];
    case 'actions':
      return [{ type: 'ActionSet', actions: block.buttons.map(buttonAction) }];
    case 'form':
      return formElements(block.form);
  }
}

const STYLE: Record<TextStyle, Element> = {
  normal: {},
  muted: { isSubtle: true },
  warning: { color: 'warning' },
  error: { color: 'attention' },
  success: { color: 'good' },
};

/** One TextBlock per line: hosts disagree on single newlines inside a TextBlock. */
function textBlocks(text: string, style: TextStyle = 'normal'): Element[] {
  return text.split('\n').map((line, i) => ({
    type: 'TextBlock',
    text: line === '' ? ' ' : line,
    wrap: true,
    ...STYLE[style],
    ...(i > 0 ? { spacing: 'none' } : {}),
  }));
}

/** Adaptive Cards 1.5 has no bar chart: a monospace bar of block characters beside the count. */
function barElements(label: string, value: string, share: number): Element[] {
  const bar = textBar(share);
  return [
    { type: 'TextBlock', text: label, wrap: true },
    {
      type: 'ColumnSet',
      spacing: 'none',
      columns: [
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'TextBlock', text: bar, fontType: 'monospace', color: 'accent' }],
        },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: value, wrap: true }] },
      ],
    },
  ];
}

function buttonAction(button: Button): ExecuteAction {
  return {
    type: 'Action.Execute',
    title: button.label,
    verb: CONSULT_VERB,
    data: { command: button.command },
    // A button must not be blocked by (or carry) the inputs of a form on the same card.
    associatedInputs: 'none',
    ...(button.style ? { style: button.style === 'primary' ? 'positive' : 'destructive' } : {}),
  };
}

function formElements(form: Form): Element[] {
  const submit: ExecuteAction = {
    type: 'Action.Execute',
    title: form.submit.label,
    verb: CONSULT_VERB,
    data: {
      form: form.submit.action,
      formId: form.id,
      multi: form.inputs.filter((i) => i.type === 'choice' && i.multi).map((i) => i.id),
    },
    associatedInputs: 'auto',
    style: 'positive',
  };
  return [...form.inputs.map((input) => inputElement(form.id, input)), { type: 'ActionSet', actions: [submit] }];
}

function inputElement(formId: string, input: FormInput): Element {
  const common = { id: inputKey(formId, input.id), label: input.label, isRequired: input.required };
  if (input.type === 'text') {
    return {
      type: 'Input.Text',
      ...common,
      maxLength: input.maxLength,
      isMultiline: input.maxLength > 100,
      ...(input.placeholder ? { placeholder: input.placeholder } : {}),
    };
  }
  return {
    type: 'Input.ChoiceSet',
    ...common,
    choices: input.options.map((o) => ({ title: o.label, value: o.value })),
    isMultiSelect: input.multi,
    // Radio buttons / checkboxes for short lists (Likert scales, ballots); a dropdown for long ones.
    style: input.options.length <= 8 ? 'expanded' : 'compact',
    wrap: true,
  };
}
