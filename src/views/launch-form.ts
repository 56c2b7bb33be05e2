/**
 * The launch form: every option of the typed launch commands as a card, for platforms where
 * typing `theme "A" "B" deadline … quorum 50%` is not how people work (Teams, the web chat, phones).
 * Its values have the keys the Slack launch modal uses, and commands/launch-form.ts reads both.
 */
import { LANGS, type ChannelRef, type Consultation, type ConsultationKind } from '../domain/model.ts';
import { MAX_OPTIONS, MAX_TEXT } from '../domain/limits.ts';
import type { Card, CardBlock, FormInput } from './card.ts';
import type { ViewContext } from './ballot.ts';

export type LaunchValues = Record<string, string | string[] | undefined>;

/** A form sent back after a refusal: what was typed, and the reason beside the input it concerns. */
export interface LaunchFormState {
  values?: LaunchValues;
  error?: { input: string; text: string };
}

/** An option field holds the option and, on their own lines, its other languages. */
const OPTION_FIELD = 3 * MAX_TEXT + 10;

const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

export function launchFormCard(
  v: ViewContext,
  kind: ConsultationKind,
  closed: readonly Readonly<Consultation>[],
  channel: ChannelRef | undefined,
  state: LaunchFormState = {},
): Card {
  const f = v.t.launchForm;
  const values = state.values ?? {};
  const text = (id: string, label: string, required: boolean, maxLength = OPTION_FIELD, placeholder?: string) =>
    ({
      type: 'text',
      id,
      label,
      required,
      maxLength,
      ...(placeholder ? { placeholder } : {}),
      ...(list(values[id])[0] ? { value: list(values[id])[0] } : {}),
    }) satisfies FormInput;
  const choice = (id: string, label: string, options: { value: string; label: string }[], initial: string[]) =>
    ({
      type: 'choice',
      id,
      label,
      options,
      multi: false,
      required: false,
      value: values[id] !== undefined ? list(values[id]) : initial,
    }) satisfies FormInput;
  const numbered = (from: number, to: number, label: (n: number) => string, firstRequired: boolean) =>
    Array.from({ length: to - from + 1 }, (_, i) => text(`opt${from + i}`, label(from + i), firstRequired && i === 0));

  const inputs: FormInput[] = [];
  if (kind === 'survey') {
    const sources = closed.filter((c) => c.kind !== 'feedback' && c.kind !== 'silence' && c.status === 'closed');
    inputs.push(
      choice(
        'from',
        f.from,
        [
          { value: '', label: f.fromNone },
          ...sources.map((c) => ({ value: c.id, label: `${c.id}: ${v.t.kind[c.kind]}` })),
        ],
        [''],
      ),
    );
  }
  if (kind === 'feedback')
    inputs.push(text('opt1', f.workshop, true, MAX_TEXT), ...numbered(2, 7, (n) => f.statement(n - 1), false));
  else if (kind === 'silence') inputs.push(text('opt1', f.text, true, MAX_TEXT));
  else inputs.push(...numbered(1, MAX_OPTIONS, f.option, kind !== 'survey'));
  if (kind === 'topics')
    inputs.push(
      choice(
        'select',
        f.select,
        Array.from({ length: MAX_OPTIONS - 1 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
        ['2'],
      ),
    );
  inputs.push(
    { type: 'date', id: 'deadline', label: f.deadline, required: false, ...dateValue(values.deadline) },
    { type: 'time', id: 'time', label: f.time, required: false, ...dateValue(values.time) },
  );
  if (kind !== 'feedback')
    inputs.push(
      choice(
        'eligible',
        f.eligibility,
        [
          { value: 'members', label: f.eligible.members },
          { value: 'all', label: f.eligible.all },
        ],
        [kind === 'survey' ? 'all' : 'members'],
      ),
    );
  if (kind !== 'silence')
    inputs.push(
      choice(
        'visibility',
        f.results,
        [
          { value: 'hidden', label: f.resultsMode.hidden },
          { value: 'live', label: f.resultsMode.live },
        ],
        ['hidden'],
      ),
    );
  if (kind === 'theme' || kind === 'topics' || kind === 'survey') {
    inputs.push(
      { ...choice('secret', f.secret, [{ value: 'secret', label: f.secretOption }], []), multi: true },
      text('quorum', f.quorum, false, 3),
      text('proposals', f.proposals, false, 2),
    );
  }
  if (kind === 'feedback') inputs.push(text('participants', f.participants, false, 5));
  inputs.push(
    choice(
      'lang',
      f.lang,
      LANGS.map((l) => ({ value: l, label: f.langs[l] })),
      [v.lang],
    ),
  );

  const withError = inputs.map((i) => (state.error?.input === i.id ? { ...i, error: state.error.text } : i));
  const blocks: CardBlock[] = [{ type: 'text', text: f.intro, style: 'muted' }];
  if (state.error) blocks.push({ type: 'text', text: f.fix, style: 'error' });
  blocks.push({
    type: 'form',
    form: {
      id: `launch:${kind}`,
      inputs: withError,
      submit: { label: f.submit, action: { type: 'launch', id: kind, ...(channel ? { channel } : {}) } },
    },
  });
  return { title: f.title(v.t.kind[kind]), blocks };
}

function dateValue(raw: string | string[] | undefined): { value?: string } {
  const value = list(raw)[0];
  return value ? { value } : {};
}
