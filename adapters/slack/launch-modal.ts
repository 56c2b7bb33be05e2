/**
 * The modal `/consult` alone opens: kind, options (one line per language), deadline with a
 * date picker, eligibility, live or hidden results. Its submission becomes the same neutral
 * launch Command the typed grammar produces; the core decides whether this user may launch.
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Command } from '../../src/commands/command.ts';
import type { Lang } from '../../src/domain/model.ts';
import { VIEW } from './action-ids.ts';
import type { FormValues } from './form-values.ts';
import { LIMITS } from './limits.ts';
import { shorten } from './shorten.ts';
import { slackTexts } from './texts.ts';
import type { ModalContext } from './modal.ts';

const KINDS = ['theme', 'topics', 'survey', 'feedback', 'silence'] as const;
type Kind = (typeof KINDS)[number];
const LAUNCH_OPTION_COUNT = 4;
/** The core accepts option texts up to this length. */
const MAX_OPTION_TEXT = 300;

const opt = (text: string, value: string): PlainTextOption => ({
  text: { type: 'plain_text', text: shorten(text, LIMITS.optionText) },
  value,
});

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  optional: boolean,
  hint?: string,
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    optional,
    element,
    ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
  };
}

export function launchModal(lang: Lang, channel?: string): ModalView {
  const t = slackTexts(lang);
  const options: KnownBlock[] = [];
  for (let n = 1; n <= LAUNCH_OPTION_COUNT; n++) {
    options.push(
      input(
        `opt${n}`,
        t.option(n),
        { type: 'plain_text_input', action_id: `opt${n}`, multiline: true, max_length: MAX_OPTION_TEXT },
        n > 1,
        n === 1 ? t.optionHint : undefined,
      ),
    );
  }
  const context: ModalContext = { channel };
  return {
    type: 'modal',
    callback_id: VIEW.launch,
    title: { type: 'plain_text', text: shorten(t.launchTitle, LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: shorten(t.launchSubmit, LIMITS.modalButton) },
    close: { type: 'plain_text', text: t.cancel },
    private_metadata: JSON.stringify(context),
    blocks: [
      input(
        'kind',
        t.kind,
        {
          type: 'static_select',
          action_id: 'kind',
          options: KINDS.map((k) => opt(t.kinds[k], k)),
          initial_option: opt(t.kinds.theme, 'theme'),
        },
        false,
      ),
      ...options,
      input(
        'select',
        t.select,
        { type: 'static_select', action_id: 'select', options: ['1', '2', '3'].map((n) => opt(n, n)) },
        true,
      ),
      input('deadline', t.deadline, { type: 'datepicker', action_id: 'deadline' }, true, t.deadlineHint),
      input(
        'eligible',
        t.eligibility,
        {
          type: 'radio_buttons',
          action_id: 'eligible',
          options: [opt(t.eligible.members, 'members'), opt(t.eligible.all, 'all')],
          initial_option: opt(t.eligible.members, 'members'),
        },
        false,
      ),
      input(
        'visibility',
        t.results,
        {
          type: 'radio_buttons',
          action_id: 'visibility',
          options: [opt(t.resultsMode.hidden, 'hidden'), opt(t.resultsMode.live, 'live')],
          initial_option: opt(t.resultsMode.hidden, 'hidden'),
        },
        false,
      ),
    ],
  };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * Several lines in one option field are the same option in several languages; they are
 * joined with " / " because the core keeps one text per option (see the report to the core).
 */
function optionText(raw: string | undefined): string | undefined {
  const lines = (raw ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines.join(' / ') : undefined;
}

/** The launch Command from the modal's values, or the id of the input to flag. */
export function launchCommand(values: FormValues): { command: Command } | { error: 'opt1' } {
  const kind = (KINDS as readonly string[]).includes(one(values.kind) ?? '') ? (one(values.kind) as Kind) : 'theme';
  const options: string[] = [];
  for (let n = 1; n <= LAUNCH_OPTION_COUNT; n++) {
    const text = optionText(one(values[`opt${n}`]));
    if (text) options.push(text);
  }
  if (options.length === 0) return { error: 'opt1' };
  const common = {
    ...(one(values.deadline) ? { deadline: one(values.deadline) } : {}),
    ...(one(values.visibility) === 'live' ? { live: true } : {}),
    eligible: one(values.eligible) === 'all' ? ('all' as const) : ('members' as const),
  };
  const select = Number(one(values.select));
  switch (kind) {
    case 'theme':
      return { command: { type: 'theme', options, ...common } };
    case 'topics':
      return { command: { type: 'topics', options, ...(select > 0 ? { select } : {}), ...common } };
    case 'survey':
      return { command: { type: 'survey', options, ...common } };
    case 'silence':
      // The text to adopt is the first field; a silence procedure has no options, and objections are never hidden.
      return {
        command: {
          type: 'silence',
          text: options[0],
          ...(common.deadline ? { deadline: common.deadline } : {}),
          eligible: common.eligible,
        },
      };
    case 'feedback':
      return {
        command: {
          type: 'feedback',
          workshop: options[0],
          ...(options.length > 1 ? { statements: options.slice(1) } : {}),
          ...common,
        },
      };
  }
}
