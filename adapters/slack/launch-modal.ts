/**
 * The modal `/consult` alone opens: everything the typed launch commands offer — kind, up to ten
 * options (other languages on their own lines), deadline date and time, eligibility, live or hidden
 * results, secret ballot, quorum, participants, a survey from a closed consultation, and the language
 * of the channel posts. Its values go to the core as the launch form's (commands/launch-form.ts), which
 * decides whether they are valid and who may launch; its errors come back beside the field they concern
 * (`response_action: errors`).
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { MAX_OPTIONS, MAX_TEXT } from '../../src/domain/limits.ts';
import { LANGS, type Lang } from '../../src/domain/model.ts';
import { VIEW } from './action-ids.ts';
import { toUserId } from './ids.ts';
import type { FormValues } from './form-values.ts';
import { LIMITS } from './limits.ts';
import { shorten } from './shorten.ts';
import { slackTexts } from './texts.ts';
import { t as catalog } from '../../src/i18n/index.ts';
import type { ModalContext } from './modal.ts';

const KINDS = ['theme', 'topics', 'survey', 'feedback', 'silence'] as const;
type Kind = (typeof KINDS)[number];
const LAUNCH_OPTION_COUNT = MAX_OPTIONS;

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
    label: { type: 'plain_text', text: shorten(label, 2000) },
    optional,
    element,
    ...(hint ? { hint: { type: 'plain_text', text: shorten(hint, 2000) } } : {}),
  };
}

export function launchModal(lang: Lang, channel?: string): ModalView {
  const t = slackTexts(lang);
  // The fields' words are the core's launch form's: one text per field in every language.
  const f = catalog(lang).launchForm;
  const options: KnownBlock[] = [];
  for (let n = 1; n <= LAUNCH_OPTION_COUNT; n++) {
    options.push(
      input(
        `opt${n}`,
        f.option(n),
        // Room for the option and two translations, each up to the core's limit.
        { type: 'plain_text_input', action_id: `opt${n}`, multiline: true, max_length: 3 * MAX_TEXT + 10 },
        n > 1,
        n === 1 ? t.optionHint : undefined,
      ),
    );
  }
  const context: ModalContext = { channel };
  const langName = (l: Lang) => opt(f.langs[l], l);
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
        f.select,
        {
          type: 'static_select',
          action_id: 'select',
          options: Array.from({ length: MAX_OPTIONS - 1 }, (_, i) => opt(String(i + 1), String(i + 1))),
        },
        true,
      ),
      input('deadline', t.deadline, { type: 'datepicker', action_id: 'deadline' }, true, t.deadlineHint),
      input('time', f.time, { type: 'timepicker', action_id: 'time' }, true),
      input(
        'eligible',
        f.eligibility,
        {
          type: 'radio_buttons',
          action_id: 'eligible',
          options: [opt(f.eligible.members, 'members'), opt(f.eligible.all, 'all')],
          initial_option: opt(f.eligible.members, 'members'),
        },
        false,
      ),
      input(
        'visibility',
        f.results,
        {
          type: 'radio_buttons',
          action_id: 'visibility',
          options: [opt(f.resultsMode.hidden, 'hidden'), opt(f.resultsMode.live, 'live')],
          initial_option: opt(f.resultsMode.hidden, 'hidden'),
        },
        false,
      ),
      input(
        'secret',
        f.secret,
        { type: 'checkboxes', action_id: 'secret', options: [opt(f.secretOption, 'secret')] },
        true,
      ),
      input(
        'quorum',
        f.quorum,
        { type: 'number_input', action_id: 'quorum', is_decimal_allowed: false, min_value: '0', max_value: '100' },
        true,
      ),
      input('participants', f.participants, { type: 'multi_users_select', action_id: 'participants' }, true),
      input(
        'from',
        f.from,
        {
          type: 'plain_text_input',
          action_id: 'from',
          max_length: 10,
          placeholder: { type: 'plain_text', text: 'T1' },
        },
        true,
      ),
      input(
        'lang',
        f.lang,
        { type: 'static_select', action_id: 'lang', options: LANGS.map(langName), initial_option: langName(lang) },
        false,
      ),
    ],
  };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * The modal's values as the core's launch form reads them (commands/launch-form.ts): the same keys,
 * with the kind chosen in the modal and the participants picked as Slack users written as user ids.
 */
export function launchSubmission(values: FormValues): { kind: Kind; values: FormValues } {
  const kind = KINDS.find((k) => k === one(values.kind)) ?? 'theme';
  const picked = values.participants;
  const participants = Array.isArray(picked) ? picked.map((u) => toUserId(u)) : picked;
  return { kind, values: { ...values, participants } };
}
