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
import { escapeMarkdown } from './markdown.ts';
import { t } from '../../src/i18n/index.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

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

interface ExecuteAction {
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
   * automatic refresh for those users in group chats and channels; `tooMany` (more than 60 to list) adds
   * a line saying how to refresh by hand, and the Refresh button.
   */
  refresh?: { consultationId: string; userIds?: string[]; tooMany?: boolean };
}

/**
 * Teams refuses bot messages over about 28 KB. A card stays under this budget, data URIs of its
 * charts included; a chart that would not fit is left out (its figures are in the text bars).
 */
const CARD_BUDGET_BYTES = 26 * 1024;

export function cardToAdaptiveCard(card: Card, lang: Lang, options: RenderOptions = {}): AdaptiveCard {
  const body: Element[] = [
    {
      type: 'TextBlock',
      text: escapeMarkdown(card.title.replace(/\s*\n\s*/g, ' ')),
      wrap: true,
      style: 'heading',
      size: 'medium',
      weight: 'bolder',
    },
    ...card.blocks.flatMap((b) => renderBlock(b, lang)),
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
    const { consultationId, userIds, tooMany } = options.refresh;
    const action: ExecuteAction = { type: 'Action.Execute', verb: REFRESH_VERB, data: { refresh: consultationId } };
    out.refresh = { action };
    if (userIds?.length) out.refresh.userIds = userIds.slice(0, 60);
    else if (tooMany) {
      const texts = t(lang).cardInput;
      body.push(
        { type: 'TextBlock', text: escapeMarkdown(texts.refreshHint), wrap: true, isSubtle: true },
        { type: 'ActionSet', actions: [{ ...action, title: texts.refreshButton, associatedInputs: 'none' }] },
      );
    }
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

function renderBlock(block: CardBlock, lang: Lang): Element[] {
  switch (block.type) {
    case 'text':
      return textBlocks(block.text, block.style);
    case 'fields':
      return fieldElements(block.fields);
    case 'bar':
      return barElements(block.label, block.value, block.share);
    case 'image':
      return [imageElement(block)];
    case 'actions':
      return actionSets(block.buttons);
    case 'form':
      return formElements(block.form, lang);
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
function textBlocks(text: string, style: TextStyle = 'normal', extra: Element = {}): Element[] {
  return text.split('\n').map((line, i) => ({
    type: 'TextBlock',
    text: line.trim() === '' ? ' ' : escapeMarkdown(line),
    wrap: true,
    ...STYLE[style],
    ...extra,
    ...(i > 0 ? { spacing: 'none' } : {}),
  }));
}

/**
 * One-line fields as a FactSet; fields with several lines (the help's command lists) as a bold label
 * over one TextBlock per line, since a fact's value would run its lines together.
 */
function fieldElements(fields: { label: string; value: string }[]): Element[] {
  if (fields.every((f) => !f.value.includes('\n') && !f.label.includes('\n')))
    return [
      {
        type: 'FactSet',
        facts: fields.map((f) => ({ title: escapeMarkdown(f.label), value: escapeMarkdown(f.value) })),
      },
    ];
  return fields.flatMap((f) => [
    ...textBlocks(f.label, 'normal', { weight: 'bolder' }),
    ...textBlocks(f.value).map((b, i) => (i === 0 ? { ...b, spacing: 'small' } : b)),
  ]);
}

/** Adaptive Cards 1.5 has no bar chart: a monospace bar of block characters beside the count. */
function barElements(label: string, value: string, share: number): Element[] {
  const bar = textBar(share);
  return [
    { type: 'TextBlock', text: escapeMarkdown(label), wrap: true },
    {
      type: 'ColumnSet',
      spacing: 'none',
      columns: [
        {
          type: 'Column',
          width: 'auto',
          items: [{ type: 'TextBlock', text: bar, fontType: 'monospace', color: 'accent' }],
        },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: escapeMarkdown(value), wrap: true }] },
      ],
    },
  ];
}

/**
 * Hosts show at most a few actions per ActionSet (the renderer's default host config: 5) and hide or
 * drop the rest: buttons go in rows of that size so every option's button stays visible.
 */
const ACTIONS_PER_SET = 5;

function actionSets(buttons: Button[]): Element[] {
  const sets: Element[] = [];
  for (let i = 0; i < buttons.length; i += ACTIONS_PER_SET)
    sets.push({
      type: 'ActionSet',
      actions: buttons.slice(i, i + ACTIONS_PER_SET).map(buttonAction),
      ...(i > 0 ? { spacing: 'small' } : {}),
    });
  return sets;
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

function formElements(form: Form, lang: Lang): Element[] {
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
  return [
    ...form.inputs.flatMap((input) => [...inputError(input), inputElement(form.id, input, lang)]),
    { type: 'ActionSet', actions: [submit] },
  ];
}

function inputElement(formId: string, input: FormInput, lang: Lang): Element {
  const common = {
    id: inputKey(formId, input.id),
    label: input.label,
    isRequired: input.required,
    // Hosts check required inputs before sending and show this beside the field.
    ...(input.required ? { errorMessage: t(lang).cardInput.required } : {}),
  };
  switch (input.type) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        maxLength: input.maxLength,
        isMultiline: input.maxLength > 100,
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.value ? { value: input.value } : {}),
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(input.value ? { value: input.value } : {}) };
    case 'time':
      return { type: 'Input.Time', ...common, ...(input.value ? { value: input.value } : {}) };
    case 'choice': {
      // Radio buttons / checkboxes for short lists (Likert scales, ballots); a dropdown for long ones.
      const expanded = input.options.length <= 8;
      return {
        type: 'Input.ChoiceSet',
        ...common,
        // Radio and checkbox labels are read as markdown; a dropdown's entries are plain.
        choices: input.options.map((o) => ({ title: expanded ? escapeMarkdown(o.label) : o.label, value: o.value })),
        isMultiSelect: input.multi,
        style: expanded ? 'expanded' : 'compact',
        wrap: true,
        ...(input.value?.length ? { value: input.value.join(',') } : {}),
      };
    }
  }
}

/** A refusal of the last submission, beside the field it concerns. */
function inputError(input: FormInput): Element[] {
  return input.error ? [{ type: 'TextBlock', text: escapeMarkdown(input.error), wrap: true, color: 'attention' }] : [];
}
