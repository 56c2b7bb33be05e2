/**
 * Neutral forms as Block Kit: input blocks inside modals; inside messages and the Home tab,
 * stateful elements plus a submit button whose click carries the whole message state.
 */
import type {
  Button,
  Checkboxes,
  Datepicker,
  Timepicker,
  InputBlock,
  KnownBlock,
  MultiStaticSelect,
  PlainTextInput,
  PlainTextOption,
  RadioButtons,
  StaticSelect,
} from '@slack/types';
import type { Lang } from '../../src/domain/model.ts';
import type { Form, FormInput } from '../../src/views/card.ts';
import { escapeMrkdwn, shorten, splitAtWord } from './shorten.ts';
import { LIMITS, SlackLimitError } from './limits.ts';
import { slackTexts } from './texts.ts';
import { ACTION, formBlockId } from './action-ids.ts';

export type FormSurface = 'modal' | 'inline';

type Choice = Extract<FormInput, { type: 'choice' }>;

/** Checkbox and radio options keep the whole label: what does not fit the text goes to the description. */
function richOption(o: Choice['options'][number]): PlainTextOption {
  checkValue(o.value);
  const [head, rest] = splitAtWord(o.label, LIMITS.optionText - 1);
  const text = rest ? `${head}…` : head;
  const description = rest ? shorten(`…${rest}`, LIMITS.optionDescription) : undefined;
  return {
    text: { type: 'plain_text', text, emoji: true },
    value: o.value,
    ...(description ? { description: { type: 'plain_text', text: description } } : {}),
  };
}

function plainOption(o: Choice['options'][number]): PlainTextOption {
  checkValue(o.value);
  return { text: { type: 'plain_text', text: shorten(o.label, LIMITS.optionText), emoji: true }, value: o.value };
}

function checkValue(value: string): void {
  if (value.length > LIMITS.optionValue)
    throw new SlackLimitError(`option value of ${value.length} characters (limit ${LIMITS.optionValue})`);
}

function choiceElement(
  input: Choice,
  actionId: string,
  lang: Lang,
): Checkboxes | RadioButtons | StaticSelect | MultiStaticSelect {
  if (input.options.length > LIMITS.selectOptions)
    throw new SlackLimitError(
      `input "${input.id}" has ${input.options.length} options (limit ${LIMITS.selectOptions})`,
    );
  const placeholder = { type: 'plain_text' as const, text: slackTexts(lang).choose };
  // What the field showed filled in: Slack wants the very option objects it lists.
  const chosen = (options: PlainTextOption[]) => options.filter((o) => input.value?.includes(o.value ?? ''));
  if (input.options.length <= LIMITS.checkboxOptions) {
    const options = input.options.map(richOption);
    const initial = chosen(options);
    return input.multi
      ? { type: 'checkboxes', action_id: actionId, options, ...(initial.length ? { initial_options: initial } : {}) }
      : { type: 'radio_buttons', action_id: actionId, options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
  }
  const options = input.options.map(plainOption);
  const initial = chosen(options);
  if (!input.multi)
    return {
      type: 'static_select',
      action_id: actionId,
      options,
      placeholder,
      ...(initial[0] ? { initial_option: initial[0] } : {}),
    };
  return {
    type: 'multi_static_select',
    action_id: actionId,
    options,
    placeholder,
    ...(input.max ? { max_selected_items: input.max } : {}),
    ...(initial.length ? { initial_options: initial } : {}),
  };
}

function textElement(input: Extract<FormInput, { type: 'text' }>, actionId: string): PlainTextInput {
  const max = Math.min(input.maxLength, LIMITS.textInputMax);
  return {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: max > 150,
    max_length: max,
    ...(input.value ? { initial_value: input.value.slice(0, max) } : {}),
    ...(input.placeholder
      ? { placeholder: { type: 'plain_text', text: shorten(input.placeholder, LIMITS.placeholder) } }
      : {}),
  };
}

function element(input: FormInput, actionId: string, lang: Lang): InputBlock['element'] {
  switch (input.type) {
    case 'choice':
      return choiceElement(input, actionId, lang);
    case 'text':
      return textElement(input, actionId);
    case 'date':
      return {
        type: 'datepicker',
        action_id: actionId,
        ...(input.value ? { initial_date: input.value } : {}),
      } satisfies Datepicker;
    case 'time':
      return {
        type: 'timepicker',
        action_id: actionId,
        ...(input.value ? { initial_time: input.value } : {}),
      } satisfies Timepicker;
  }
}

function inputBlock(input: FormInput, blockId: string, actionId: string, lang: Lang): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: shorten(input.label, LIMITS.inputLabel), emoji: true },
    optional: !input.required,
    element: element(input, actionId, lang),
  };
}

/** Why the last submission was refused, just above the field it concerns. */
function errorBlocks(input: FormInput): KnownBlock[] {
  if (!input.error) return [];
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:x: ${escapeMrkdwn(shorten(input.error, 2900))}` }] }];
}

/**
 * Blocks for one form. In a modal the view's submit button sends it (view_submission).
 * Inline, a submit button carries the FormAction; Slack sends the state of all inputs with the click.
 */
export function formBlocks(
  form: Form,
  index: number,
  surface: FormSurface,
  lang: Lang,
  next: () => number,
): KnownBlock[] {
  if (surface === 'modal') {
    return form.inputs.flatMap((input) => [
      ...errorBlocks(input),
      inputBlock(input, formBlockId(index, input.id), `${ACTION.input}${next()}`, lang),
    ]);
  }
  const out: KnownBlock[] = form.inputs.flatMap((input): KnownBlock[] => {
    const actionId = `${ACTION.input}${next()}`;
    if (input.type !== 'choice')
      return [...errorBlocks(input), inputBlock(input, formBlockId(index, input.id), actionId, lang)];
    return [
      ...errorBlocks(input),
      {
        type: 'section',
        block_id: formBlockId(index, input.id),
        text: { type: 'mrkdwn', text: `*${escapeMrkdwn(shorten(input.label, LIMITS.sectionText - 2))}*` },
        accessory: choiceElement(input, actionId, lang),
      },
    ];
  });
  const value = JSON.stringify({ form: form.id, index, action: form.submit.action });
  const submit: Button = {
    type: 'button',
    text: { type: 'plain_text', text: shorten(form.submit.label, LIMITS.buttonText), emoji: true },
    action_id: `${ACTION.submit}${next()}`,
    value,
    style: 'primary',
  };
  out.push({ type: 'actions', elements: [submit] });
  return out;
}
