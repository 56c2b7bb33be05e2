/**
 * The modal `/consult` alone opens: everything the typed launch commands offer — kind, up to ten
 * options (other languages on their own lines), deadline date and time, eligibility, live or hidden
 * results, secret ballot, quorum, participants, a survey from a closed consultation, and the language
 * of the channel posts. Its submission becomes the same neutral Command the typed grammar produces;
 * the core decides whether it is valid and who may launch, and its errors come back beside the field
 * they concern (`response_action: errors`).
 */
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Command } from '../../src/commands/command.ts';
import { MAX_OPTIONS, MAX_TEXT } from '../../src/domain/limits.ts';
import type { ErrorField } from '../../src/errors.ts';
import { LANGS, type Lang, type Translations } from '../../src/domain/model.ts';
import { VIEW } from './action-ids.ts';
import { toUserId } from './ids.ts';
import type { FormValues } from './form-values.ts';
import { LIMITS } from './limits.ts';
import { shorten } from './shorten.ts';
import { slackTexts } from './texts.ts';
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
  const options: KnownBlock[] = [];
  for (let n = 1; n <= LAUNCH_OPTION_COUNT; n++) {
    options.push(
      input(
        `opt${n}`,
        t.option(n),
        // Room for the option and two translations, each up to the core's limit.
        { type: 'plain_text_input', action_id: `opt${n}`, multiline: true, max_length: 3 * MAX_TEXT + 10 },
        n > 1,
        n === 1 ? t.optionHint : undefined,
      ),
    );
  }
  const context: ModalContext = { channel };
  const langName = (l: Lang) => opt(t.langs[l], l);
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
        {
          type: 'static_select',
          action_id: 'select',
          options: Array.from({ length: MAX_OPTIONS - 1 }, (_, i) => opt(String(i + 1), String(i + 1))),
        },
        true,
      ),
      input('deadline', t.deadline, { type: 'datepicker', action_id: 'deadline' }, true, t.deadlineHint),
      input('time', t.time, { type: 'timepicker', action_id: 'time' }, true, t.timeHint),
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
      input(
        'secret',
        t.secrecy,
        { type: 'checkboxes', action_id: 'secret', options: [opt(t.secretOption, 'secret')] },
        true,
      ),
      input(
        'quorum',
        t.quorum,
        { type: 'number_input', action_id: 'quorum', is_decimal_allowed: false, min_value: '0', max_value: '100' },
        true,
      ),
      input('participants', t.participants, { type: 'multi_users_select', action_id: 'participants' }, true),
      input(
        'from',
        t.from,
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
        t.postsLang,
        { type: 'static_select', action_id: 'lang', options: LANGS.map(langName), initial_option: langName(lang) },
        false,
      ),
    ],
  };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * One option field: its lines. A line `fr: …` is the option in that language; other lines are joined
 * with " / " (a text the secretariat wrote in several languages without saying which).
 */
function optionField(raw: string | undefined): { text: string; tr: Translations } | undefined {
  const tr: Translations = {};
  const plain: string[] = [];
  for (const line of (raw ?? '').split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    const tagged = /^(en|fr|es)\s*:\s*(.+)$/i.exec(line);
    if (tagged) tr[tagged[1].toLowerCase() as Lang] = tagged[2].trim();
    else plain.push(line);
  }
  if (plain.length === 0) {
    // Only tagged lines: the first becomes the option's text.
    const [first, ...rest] = LANGS.filter((l) => tr[l] !== undefined);
    if (!first) return undefined;
    const text = tr[first]!;
    delete tr[first];
    return { text, tr: rest.length ? tr : {} };
  }
  return { text: plain.join(' / '), tr };
}

/** Which input of the modal shows an error of the core's launch about `field`. */
export const FIELD_INPUT: Record<ErrorField, string> = {
  options: 'opt1',
  deadline: 'deadline',
  results: 'visibility',
  quorum: 'quorum',
  participants: 'participants',
  from: 'from',
  select: 'select',
};

/** The launch Command from the modal's values, or the id of the input to flag. */
export function launchCommand(values: FormValues): { command: Command } | { error: 'opt1' } {
  const kind = (KINDS as readonly string[]).includes(one(values.kind) ?? '') ? (one(values.kind) as Kind) : 'theme';
  const fields: Array<{ text: string; tr: Translations }> = [];
  for (let n = 1; n <= LAUNCH_OPTION_COUNT; n++) {
    const field = optionField(one(values[`opt${n}`]));
    if (field) fields.push(field);
  }
  const from = one(values.from);
  if (fields.length === 0 && !(kind === 'survey' && from)) return { error: 'opt1' };
  const options = fields.map((f) => f.text);
  const translated = fields.some((f) => Object.keys(f.tr).length > 0);
  const translations = translated ? { translations: fields.map((f) => f.tr) } : {};
  const date = one(values.deadline);
  const time = one(values.time);
  const deadline = date ? (time ? `${date}T${time}` : date) : undefined;
  const quorum = Number(one(values.quorum));
  const lang = (LANGS as readonly string[]).includes(one(values.lang) ?? '') ? (one(values.lang) as Lang) : undefined;
  const common = {
    ...(deadline ? { deadline } : {}),
    ...(one(values.visibility) === 'live' ? { live: true } : {}),
    ...(many(values.secret).includes('secret') ? { secret: true } : {}),
    ...(one(values.quorum) !== undefined && Number.isFinite(quorum) ? { quorum: quorum / 100 } : {}),
    ...(lang ? { lang } : {}),
    eligible: one(values.eligible) === 'all' ? ('all' as const) : ('members' as const),
  };
  const select = Number(one(values.select));
  switch (kind) {
    case 'theme':
      return { command: { type: 'theme', options, ...translations, ...common } };
    case 'topics':
      return { command: { type: 'topics', options, ...translations, ...(select > 0 ? { select } : {}), ...common } };
    case 'survey':
      return from
        ? { command: { type: 'survey', from, ...common } }
        : { command: { type: 'survey', options, ...translations, ...common } };
    case 'silence':
      // The text to adopt is the first field; a silence procedure has no options, and objections are never hidden.
      return {
        command: {
          type: 'silence',
          text: options[0],
          ...(common.deadline ? { deadline: common.deadline } : {}),
          ...(common.secret ? { secret: true } : {}),
          ...(lang ? { lang } : {}),
          eligible: common.eligible,
        },
      };
    case 'feedback': {
      const invited = many(values.participants).map((u) => toUserId(u));
      return {
        command: {
          type: 'feedback',
          workshop: options[0],
          ...(options.length > 1 ? { statements: options.slice(1) } : {}),
          ...(invited.length ? { invited } : {}),
          ...common,
        },
      };
    }
  }
}
