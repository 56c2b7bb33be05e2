import { describe, expect, it } from 'vitest';
import { cardToAdaptiveCard, type AdaptiveCard } from '../../adapters/botframework/render.ts';
import { invokeIntent } from '../../adapters/botframework/parse.ts';
import {
  allSampleCards,
  feedbackForm,
  LONG_THEME,
  results,
  shortlistBallot,
  themeBallot,
} from '../fixtures/teams/sample-cards.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';
import { walk } from './support/cards.ts';

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
    expect(texts.some((t) => t.text === `1. ${LONG_THEME}`)).toBe(true);
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
});
