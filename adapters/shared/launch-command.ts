/**
 * A launch form's values → the neutral launch Command, for every adapter's launch form (the Slack
 * modal, the Teams card). Inputs are named alike everywhere: `kind`, `opt1`…`opt10`, `select`,
 * `deadline` (YYYY-MM-DD) and `time` (HH:mm), `eligible`, `visibility`, `secret`, `quorum` (percent),
 * `participants`, `from`, `lang`. The core decides whether the result is valid and who may launch.
 */
import type { Command } from '../../src/commands/command.ts';
import { MAX_OPTIONS } from '../../src/domain/limits.ts';
import { LANGS, type Lang, type Translations, type UserId } from '../../src/domain/model.ts';

export const LAUNCH_KINDS = ['theme', 'topics', 'survey', 'feedback', 'silence'] as const;
export type LaunchKind = (typeof LAUNCH_KINDS)[number];
export const LAUNCH_OPTION_COUNT = MAX_OPTIONS;

export type LaunchValues = Record<string, string | string[] | undefined>;

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

/**
 * The launch Command from a form's values, or the id of the input to flag. `participants` holds the
 * users the platform's picker chose (`toUser` names them as the core does) or, typed, a number.
 */
export function launchCommand(
  values: LaunchValues,
  toUser: (picked: string) => UserId,
): { command: Command } | { error: 'opt1' } {
  const kind = (LAUNCH_KINDS as readonly string[]).includes(one(values.kind) ?? '')
    ? (one(values.kind) as LaunchKind)
    : 'theme';
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
      const picked = many(values.participants)
        .flatMap((p) => p.split(','))
        .map((p) => p.trim())
        .filter(Boolean);
      const count = picked.length === 1 && /^\d+$/.test(picked[0]) ? Number(picked[0]) : undefined;
      const invited = count === undefined ? picked.map(toUser) : [];
      return {
        command: {
          type: 'feedback',
          workshop: options[0],
          ...(options.length > 1 ? { statements: options.slice(1) } : {}),
          ...(invited.length ? { invited } : {}),
          ...(count !== undefined ? { participants: count } : {}),
          ...common,
        },
      };
    }
  }
}
