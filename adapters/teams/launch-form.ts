/**
 * The launch form in Teams: `theme`, `topics`, `survey`, `feedback` or `silence` typed alone by the
 * secretariat answers with this card, which offers every option of the typed command (up to ten
 * options, each with its other languages on their own lines; deadline date and time pickers;
 * eligibility; live or hidden results; secret ballot; quorum; participants; survey from a closed
 * consultation; the language of the channel posts). Its submit is an Action.Execute that becomes the
 * same neutral Command as the typed grammar (adapters/shared/launch-command.ts); the core decides, and
 * its refusal comes back as this form again, filled in, with the error under the field it concerns.
 */
import { z } from 'zod';
import type { Consult } from '../../src/consult-api.ts';
import type { Lang, UserId } from '../../src/domain/model.ts';
import type { RequestContext } from '../../src/inbound.ts';
import { invokeResponseCard } from '../botframework/invoke-response.ts';
import { MAX_TEXT } from '../../src/domain/limits.ts';
import type { ErrorField } from '../../src/errors.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from '../botframework/render.ts';
import { escapeMarkdown } from '../botframework/markdown.ts';
import {
  LAUNCH_KINDS,
  LAUNCH_OPTION_COUNT,
  launchCommand,
  type LaunchKind,
  type LaunchValues,
} from '../shared/launch-command.ts';
import { teamsTexts } from './texts.ts';

export const LAUNCH_VERB = 'launch';
const PREFIX = 'launch/';

/** Which input shows an error of the core's launch about `field`. */
const LAUNCH_ERROR_INPUT: Record<ErrorField, string> = {
  options: 'opt1',
  deadline: 'deadline',
  results: 'visibility',
  quorum: 'quorum',
  participants: 'participants',
  from: 'from',
  select: 'select',
};

/** The kind a typed text opens the form for: one launch word, nothing after it. */
function launchFormKind(text: string): LaunchKind | undefined {
  const word = text.trim().toLowerCase();
  return (LAUNCH_KINDS as readonly string[]).includes(word) ? (word as LaunchKind) : undefined;
}

type Element = Record<string, unknown>;

export interface LaunchFormState {
  values?: LaunchValues;
  /** An error to show under one input (its name, e.g. `opt1`), or above the form when `input` is absent. */
  error?: { input?: string; text: string };
}

export function launchFormCard(lang: Lang, kind: LaunchKind, zone: string, state: LaunchFormState = {}): AdaptiveCard {
  const t = teamsTexts(lang).launch;
  const values = state.values ?? {};
  const value = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const errorFor = (name?: string): Element[] =>
    state.error && state.error.input === name
      ? [{ type: 'TextBlock', text: escapeMarkdown(state.error.text), wrap: true, color: 'attention', spacing: 'none' }]
      : [];
  const withValue = (name: string, element: Element): Element[] => {
    const v = value(name);
    return [{ ...element, id: PREFIX + name, ...(v !== undefined && v !== '' ? { value: v } : {}) }, ...errorFor(name)];
  };
  const choices = (pairs: [string, string][]) => pairs.map(([title, v]) => ({ title, value: v }));

  const options: Element[] = [];
  for (let n = 1; n <= LAUNCH_OPTION_COUNT; n++) {
    options.push(
      ...withValue(`opt${n}`, {
        type: 'Input.Text',
        label: t.option(n),
        isMultiline: true,
        // Room for the option and two translations, each up to the core's limit.
        maxLength: 3 * MAX_TEXT + 10,
        ...(n === 1 ? { placeholder: t.optionHint } : {}),
      }),
    );
  }
  const body: Element[] = [
    {
      type: 'TextBlock',
      text: escapeMarkdown(t.title),
      wrap: true,
      style: 'heading',
      size: 'medium',
      weight: 'bolder',
    },
    ...errorFor(undefined),
    ...withValue('kind', {
      type: 'Input.ChoiceSet',
      label: t.kind,
      style: 'compact',
      choices: choices(LAUNCH_KINDS.map((k) => [t.kinds[k], k])),
      value: kind,
    }),
    ...options,
    ...withValue('select', { type: 'Input.Number', label: t.select, min: 1, max: LAUNCH_OPTION_COUNT - 1 }),
    ...withValue('deadline', { type: 'Input.Date', label: t.deadline(zone) }),
    ...withValue('time', { type: 'Input.Time', label: t.time(zone) }),
    ...withValue('eligible', {
      type: 'Input.ChoiceSet',
      label: t.eligibility,
      style: 'expanded',
      choices: choices([
        [t.eligible.members, 'members'],
        [t.eligible.all, 'all'],
      ]),
      value: 'members',
    }),
    ...withValue('visibility', {
      type: 'Input.ChoiceSet',
      label: t.results,
      style: 'expanded',
      choices: choices([
        [t.resultsMode.hidden, 'hidden'],
        [t.resultsMode.live, 'live'],
      ]),
      value: 'hidden',
    }),
    ...withValue('secret', { type: 'Input.Toggle', title: t.secret, valueOn: 'secret', valueOff: '', wrap: true }),
    ...withValue('quorum', { type: 'Input.Number', label: t.quorum, min: 0, max: 100 }),
    ...withValue('participants', { type: 'Input.Text', label: t.participants, maxLength: 4000 }),
    ...withValue('from', { type: 'Input.Text', label: t.from, maxLength: 10, placeholder: 'T1' }),
    ...withValue('lang', {
      type: 'Input.ChoiceSet',
      label: t.postsLang,
      style: 'compact',
      choices: choices((['en', 'fr', 'es'] as const).map((l) => [t.langs[l], l])),
      value: lang,
    }),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: t.submit,
          verb: LAUNCH_VERB,
          data: { launch: kind },
          associatedInputs: 'auto',
          style: 'positive',
        },
      ],
    },
  ];
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', lang, fallbackText: t.title, body };
}

/** What a host sends back: our inputs by id (strings; numbers from some hosts), and the action's own data. */
const submitted = z.record(z.string(), z.union([z.string().max(5_000), z.number(), z.boolean()]));

/** The form's values from an Action.Execute's data, or undefined when the data is not this form's. */
function launchFormValues(data: unknown): LaunchValues | undefined {
  const parsed = submitted.safeParse(data);
  if (!parsed.success) return undefined;
  const values: LaunchValues = {};
  for (const [key, v] of Object.entries(parsed.data)) {
    if (!key.startsWith(PREFIX)) continue;
    const s = typeof v === 'boolean' ? (v ? 'secret' : '') : String(v);
    if (s !== '') values[key.slice(PREFIX.length)] = s;
  }
  return values;
}

export interface LaunchForm {
  /** The form, when typed text is a launch word alone and the sender is the secretariat. */
  open(text: string, user: UserId, locale?: string): AdaptiveCard | undefined;
  /** A submitted form: the core's answer (the launch confirmation), or the form again with the error. */
  submit(rc: RequestContext, data: unknown): Promise<AdaptiveCard | undefined>;
}

export function createLaunchForm(consult: Consult): LaunchForm {
  const zone = consult.timezone;
  return {
    open(text, user, locale) {
      const kind = launchFormKind(text);
      if (!kind || !consult.isSecretariat(user)) return undefined;
      return launchFormCard(consult.langFor(user, locale), kind, zone);
    },
    async submit(rc, data) {
      const lang = consult.langFor(rc.actor.user, rc.actor.locale);
      const values = launchFormValues(data) ?? {};
      const kind = launchFormKind(String(values.kind ?? '')) ?? 'theme';
      // Participants are typed as the roster shows users (platform:id); the core checks each one.
      const parsed = launchCommand(values, (p) => p as UserId);
      if ('error' in parsed)
        return launchFormCard(lang, kind, zone, {
          values,
          error: { input: parsed.error, text: teamsTexts(lang).launch.needsOptions },
        });
      const replies = await consult.handle(rc, { type: 'command', command: parsed.command });
      const [first] = replies;
      if (replies.length === 1 && first.purpose === 'error') {
        const field = first.errorField as ErrorField | undefined;
        const text = first.card.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(' ');
        return launchFormCard(lang, kind, zone, {
          values,
          error: { ...(field && LAUNCH_ERROR_INPUT[field] ? { input: LAUNCH_ERROR_INPUT[field] } : {}), text },
        });
      }
      return invokeResponseCard(replies, undefined);
    },
  };
}
