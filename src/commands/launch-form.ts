/**
 * Launching from a form: the launch form card (views/launch-form.ts) and the Slack launch modal send
 * values under the same keys, read here into the same Command a typed launch makes. A refusal the core
 * ties to a field (errors.ts ErrorField) sends the form back with what was typed and the reason there.
 */
import type { Command } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply } from './env.ts';
import { runCommand } from './route.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { LANGS, type ChannelRef, type ConsultationKind, type Lang, type Translations } from '../domain/model.ts';
import { MAX_OPTIONS, MAX_PROPOSALS } from '../domain/limits.ts';
import { ConsultError, problem, type ErrorField, type FieldParam, type Problem } from '../errors.ts';
import { problemText } from '../views/problem-text.ts';
import { launchFormCard, type LaunchValues } from '../views/launch-form.ts';
import type { OutboundMessage } from '../outbound.ts';

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
  if (plain.length > 0) return { text: plain.join(' / '), tr };
  // Only tagged lines: the first language given is the option's text.
  const first = LANGS.find((l) => tr[l] !== undefined);
  if (!first) return undefined;
  const { [first]: text, ...rest } = tr;
  return { text: text!, tr: rest };
}

/** Which input of the form shows an error about `field`. */
const FIELD_INPUT: Record<ErrorField, string> = {
  options: 'opt1',
  deadline: 'deadline',
  results: 'visibility',
  quorum: 'quorum',
  proposals: 'proposals',
  participants: 'participants',
  from: 'from',
  select: 'select',
};

const refuse = (field: ErrorField, p: Problem): never => {
  throw new ConsultError('invalid', p, { field });
};

function whole(raw: string | undefined, field: ErrorField & FieldParam['label']): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/%$/, ''));
  if (!/^\d{1,6}%?$/.test(raw) || !Number.isInteger(n)) return refuse(field, problem('notANumber', { label: field }));
  return n;
}

/**
 * The launch Command from a form's values. `participants` is a count, or the participants themselves
 * when the platform lets them be picked (user ids, already written `<platform>:<id>`).
 */
export function launchFromValues(kind: ConsultationKind, values: LaunchValues): Command {
  const fields: Array<{ text: string; tr: Translations }> = [];
  for (let n = 1; n <= MAX_OPTIONS; n++) {
    const field = optionField(one(values[`opt${n}`]));
    if (field) fields.push(field);
  }
  const from = one(values.from);
  if (fields.length === 0 && !(kind === 'survey' && from)) refuse('options', problem('needsOptions'));
  const options = fields.map((f) => f.text);
  const translated = fields.some((f) => Object.keys(f.tr).length > 0);
  const translations = translated ? { translations: fields.map((f) => f.tr) } : {};
  const date = one(values.deadline);
  const time = one(values.time);
  const quorum = whole(one(values.quorum), 'quorum');
  if (quorum !== undefined && quorum > 100) refuse('quorum', problem('badQuorum'));
  const proposals = whole(one(values.proposals), 'proposals');
  if (proposals !== undefined && proposals > MAX_PROPOSALS)
    refuse('proposals', problem('notANumber', { label: 'proposals' }));
  const lang = LANGS.find((l) => l === one(values.lang));
  const common = {
    ...(date ? { deadline: time ? `${date}T${time}` : date } : {}),
    ...(one(values.visibility) === 'live' ? { live: true } : {}),
    ...(many(values.secret).includes('secret') ? { secret: true } : {}),
    ...(quorum !== undefined ? { quorum: quorum / 100 } : {}),
    ...(proposals !== undefined ? { proposals } : {}),
    ...(lang ? { lang } : {}),
    eligible: one(values.eligible) === 'all' ? ('all' as const) : ('members' as const),
  };
  switch (kind) {
    case 'theme':
      return { type: 'theme', options, ...translations, ...common };
    case 'topics': {
      const select = whole(one(values.select), 'select');
      return { type: 'topics', options, ...translations, ...(select ? { select } : {}), ...common };
    }
    case 'survey':
      return from
        ? { type: 'survey', from, ...common }
        : {
            type: 'survey',
            options,
            ...translations,
            ...common,
            eligible: one(values.eligible) === 'members' ? 'members' : 'all',
          };
    case 'silence':
      // The text to adopt is the first field; objections are never hidden, so there is no results choice.
      return {
        type: 'silence',
        text: options[0],
        ...(common.deadline ? { deadline: common.deadline } : {}),
        ...(common.secret ? { secret: true } : {}),
        ...(lang ? { lang } : {}),
        eligible: common.eligible,
      };
    case 'feedback': {
      const picked = many(values.participants).filter((u) => u.includes(':'));
      const count = picked.length ? undefined : whole(one(values.participants), 'participants');
      const { eligible: _all, ...rest } = common;
      return {
        type: 'feedback',
        workshop: options[0],
        ...(options.length > 1 ? { statements: options.slice(1) } : {}),
        ...(picked.length ? { invited: picked } : {}),
        ...(count ? { participants: count } : {}),
        ...rest,
      };
    }
  }
}

/** `theme` (or topics, survey, feedback, silence) typed alone: the form with every option. */
export function openLaunchForm(env: Env, caller: Caller, kind: ConsultationKind): OutboundMessage[] {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  return [reply(caller, launchFormCard(env.view(caller.lang), kind, env.store.all(), caller.channel), 'reply')];
}

export async function submitLaunchForm(
  env: Env,
  asker: Caller,
  kind: ConsultationKind,
  values: LaunchValues,
  channel?: ChannelRef,
): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, asker.user);
  // The form may be answered in a personal chat (Teams sends channel answers there): the ballot goes
  // where the form was asked for, on the asker's own platform only.
  const caller = channel && channel.platform === asker.platform ? { ...asker, channel } : asker;
  const again = (field: ErrorField, p: Problem) => {
    const v = env.view(caller.lang);
    const card = launchFormCard(v, kind, env.store.all(), caller.channel, {
      values,
      error: { input: FIELD_INPUT[field], text: problemText(v, p) },
    });
    return [reply(caller, card, 'error', { errorCode: 'invalid', errorField: field })];
  };
  try {
    return await runCommand(env, caller, launchFromValues(kind, values));
  } catch (err) {
    if (err instanceof ConsultError && err.field) return again(err.field, err.problem);
    throw err;
  }
}
