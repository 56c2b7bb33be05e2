import { describe, expect, it } from 'vitest';
import { cardToAdaptiveCard, type AdaptiveCard } from '../../adapters/botframework/render.ts';
import { invokeIntent } from '../../adapters/botframework/parse.ts';
import {
  allSampleCards,
  feedbackForm,
  LONG_THEME,
  proposeForm,
  results,
  shortlistBallot,
  themeBallot,
} from '../fixtures/teams/sample-cards.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';
import { walk } from './support/cards.ts';
import { t } from '../../src/i18n/index.ts';

type Node = Record<string, unknown>;

const ofType = (card: AdaptiveCard, type: string) => walk(card.body).filter((n) => n.type === type);

describe('neutral card → Adaptive Card 1.5', () => {
  it.each(Object.entries(allSampleCards))('%s validates against the Adaptive Cards 1.5 schema', (_name, card) => {
    for (const lang of ['en', 'fr', 'es'] as const) {
      const ac = cardToAdaptiveCard(card, lang, { refresh: { consultationId: 'T1' } });
      expect(adaptiveCardErrors(ac)).toEqual([]);
      expect(ac).toMatchObject({
        type: 'AdaptiveCard',
        version: '1.5',
        lang,
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      });
    }
  });

  it('the official 1.5 schema refuses what a 1.5 host would not render (so the check is not vacuous)', () => {
    const good = cardToAdaptiveCard(themeBallot, 'en');
    expect(adaptiveCardErrors(good)).toEqual([]);
    expect(adaptiveCardErrors({ ...good, msteams: { width: 'Full' } })).not.toEqual([]);
    expect(adaptiveCardErrors({ ...good, body: [{ type: 'Carousel', pages: [] }] })).not.toEqual([]);
    expect(adaptiveCardErrors({ ...good, body: [{ type: 'TextBlock', text: 'x', wrap: 'yes' }] })).not.toEqual([]);
    expect(adaptiveCardErrors({ ...good, body: [{ type: 'Input.ChoiceSet', choices: [] }] })).not.toEqual([]);
    expect(adaptiveCardErrors({ ...good, body: [{ type: 'TextBlock', text: 'x', color: 'pink' }] })).not.toEqual([]);
  });

  it('shows every option text in full and lets every text wrap', () => {
    const ac = cardToAdaptiveCard(themeBallot, 'en');
    const texts = ofType(ac, 'TextBlock');
    expect(texts.some((t) => t.text === `1\\. ${LONG_THEME}`)).toBe(true);
    expect(texts.every((t) => t.wrap === true || t.fontType === 'monospace')).toBe(true);
    expect(texts.every((t) => t.maxLines === undefined)).toBe(true);
    expect(texts[0]).toMatchObject({ text: themeBallot.title, style: 'heading' });
  });

  it('turns buttons into Action.Execute carrying the neutral command', () => {
    const actions = ofType(cardToAdaptiveCard(themeBallot, 'en'), 'Action.Execute');
    expect(actions[0]).toMatchObject({
      verb: 'consult',
      title: '1 · Mainstreaming Gender into Migration Management…',
      data: { command: { type: 'vote', id: 'T1', choices: [1] } },
      style: 'positive',
      associatedInputs: 'none',
    });
    expect(actions[2]).toMatchObject({ data: { command: { type: 'propose-form', id: 'T1' } } });
  });

  it('renders fields as a FactSet', () => {
    const [facts] = ofType(cardToAdaptiveCard(themeBallot, 'en'), 'FactSet');
    expect(facts.facts).toEqual([
      { title: 'T1', value: 'Closes 15 March 2024, 23:59 (in 14 days)' },
      { title: 'Theme poll', value: 'Member States' },
    ]);
  });

  it('renders a shortlist as a multi-select ChoiceSet with a combination request and one submit', () => {
    const ac = cardToAdaptiveCard(shortlistBallot, 'en');
    const [approve, combineA, combineB] = ofType(ac, 'Input.ChoiceSet');
    expect(approve).toMatchObject({
      id: 'vote:S2/approve',
      isMultiSelect: true,
      wrap: true,
      label: 'Topics you support',
    });
    expect(combineA).toMatchObject({ id: 'vote:S2/combineA', isMultiSelect: false });
    expect(combineB).toMatchObject({ id: 'vote:S2/combineB' });
    const submit = ofType(ac, 'Action.Execute').find((a) => (a.data as Node).form);
    expect(submit).toMatchObject({
      verb: 'consult',
      title: 'Submit vote',
      data: { form: { type: 'vote', id: 'S2' }, formId: 'vote:S2', multi: ['approve'] },
    });
  });

  it('renders Likert statements as expanded radio buttons', () => {
    const inputs = ofType(cardToAdaptiveCard(feedbackForm, 'fr'), 'Input.ChoiceSet');
    expect(inputs).toHaveLength(3);
    for (const input of inputs) expect(input).toMatchObject({ style: 'expanded', isMultiSelect: false, wrap: true });
    expect((inputs[0].choices as Node[])[0]).toEqual({ title: 'Strongly agree', value: '5' });
  });

  it('draws result bars in proportion to the share, with the count beside', () => {
    const ac = cardToAdaptiveCard(results, 'en');
    const bars = ofType(ac, 'TextBlock')
      .filter((t) => t.fontType === 'monospace')
      .map((t) => t.text);
    expect(bars).toEqual(['███████░░░', '███░░░░░░░', '░░░░░░░░░░']);
    expect(ofType(ac, 'TextBlock').some((t) => t.text === '2 (67%)')).toBe(true);
    expect(ofType(ac, 'TextBlock').find((t) => t.text === 'Decision: option 1 by majority.')).toMatchObject({
      color: 'good',
    });
    expect(ofType(ac, 'TextBlock').find((t) => t.text === 'Unknown consultation X9.')).toMatchObject({
      color: 'attention',
    });
  });

  it('makes ballots refreshable per viewer (Universal Actions)', () => {
    expect(cardToAdaptiveCard(themeBallot, 'en', { refresh: { consultationId: 'T1' } }).refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refresh', data: { refresh: 'T1' } },
    });
    expect(cardToAdaptiveCard(themeBallot, 'en').refresh).toBeUndefined();
  });
});

describe('card action → core request', () => {
  it('reads a button back as its command', () => {
    const [button] = ofType(cardToAdaptiveCard(themeBallot, 'en'), 'Action.Execute');
    expect(invokeIntent({ verb: button.verb as string, data: button.data })).toEqual({
      kind: 'request',
      request: { type: 'command', command: { type: 'vote', id: 'T1', choices: [1] } },
      consultationId: 'T1',
    });
  });

  it('reads a submitted shortlist form, splitting the multi-select Teams sends comma-joined', () => {
    const submit = ofType(cardToAdaptiveCard(shortlistBallot, 'en'), 'Action.Execute').find(
      (a) => (a.data as Node).form,
    )!;
    // Teams merges input values into the action data, keyed by input id.
    const data = {
      ...(submit.data as Node),
      'vote:S2/approve': '1,3',
      'vote:S2/combineA': '',
      'vote:S2/combineB': '',
      'other:form/x': 'ignored',
    };
    expect(invokeIntent({ verb: 'consult', data })).toEqual({
      kind: 'request',
      request: {
        type: 'form',
        submit: {
          action: { type: 'vote', id: 'S2' },
          values: { approve: ['1', '3'], combineA: undefined, combineB: undefined },
        },
      },
      consultationId: 'S2',
    });
  });

  it('reads a refresh, and refuses actions that are not ours', () => {
    expect(invokeIntent({ verb: 'refresh', data: { refresh: 'T1' } })).toEqual({
      kind: 'refresh',
      consultationId: 'T1',
    });
    expect(invokeIntent({ verb: 'other', data: {} }).kind).toBe('invalid');
    expect(invokeIntent({ verb: 'consult', data: { command: 'close T1' } }).kind).toBe('invalid');
    expect(invokeIntent({ verb: 'consult' }).kind).toBe('invalid');
  });

  it('escapes markdown in every text a host reads as markdown, so delegates see what they typed', () => {
    const card = cardToAdaptiveCard(
      {
        title: 'T1 *now*',
        blocks: [
          { type: 'text', text: '1. <partnerships> & [x](y)\n- snake_case\n# hash' },
          { type: 'fields', fields: [{ label: 'A_b', value: '*v*' }] },
        ],
      },
      'en',
    );
    expect(ofType(card, 'TextBlock').map((t) => t.text)).toEqual([
      'T1 \\*now\\*',
      '1\\. \\<partnerships\\> \\& \\[x\\](y)',
      '\\- snake\\_case',
      '\\# hash',
    ]);
    expect(ofType(card, 'FactSet')[0].facts).toEqual([{ title: 'A\\_b', value: '\\*v\\*' }]);
  });

  it('shows fields with several lines one line per TextBlock under a bold label, never one fact', () => {
    const card = cardToAdaptiveCard(
      { title: 'Help', blocks: [{ type: 'fields', fields: [{ label: 'All', value: 'a\nb' }] }] },
      'fr',
    );
    expect(ofType(card, 'FactSet')).toEqual([]);
    expect(ofType(card, 'TextBlock').slice(1)).toMatchObject([
      { text: 'All', weight: 'bolder' },
      { text: 'a', spacing: 'small' },
      { text: 'b', spacing: 'none' },
    ]);
  });

  it('gives a required input an error message in the card language', () => {
    for (const lang of ['en', 'fr', 'es'] as const) {
      const [input] = ofType(cardToAdaptiveCard(proposeForm, lang), 'Input.Text');
      expect(input).toMatchObject({ isRequired: true, errorMessage: t(lang).cardInput.required });
    }
  });

  it('puts at most five buttons in a row, so no host hides one behind an overflow menu', () => {
    const buttons = Array.from({ length: 11 }, (_, i) => ({ label: `${i + 1}`, command: { type: 'help' as const } }));
    const sets = ofType(cardToAdaptiveCard({ title: 'x', blocks: [{ type: 'actions', buttons }] }, 'en'), 'ActionSet');
    expect(sets.map((s) => (s.actions as unknown[]).length)).toEqual([5, 5, 1]);
  });
});
