/**
 * Card forms over real HTTP: a topic shortlist voted with a multi-select and a combination
 * request, an option proposed through the card form, a satisfaction survey answered on Likert
 * scales. Teams merges the inputs into the Action.Execute data, as simulated here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { channelVars, sayInChannel, startHarness, type Harness } from './support/harness.ts';
import { actionsOf, cardOf, textsOf, walk } from './support/cards.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';

const CHANNEL = '19:workshops@thread.tacv2';
const sec = { userId: '29:1sec', userName: 'Secretariat' };
const mx1 = { userId: '29:1mx-ana', userName: 'Ana (Mexico)' };
const fr1 = { userId: '29:1fr-claire', userName: 'Claire (France)', locale: 'fr-FR' };
const TOPICS = ['Diasporas as agents for development', 'Migration and health', 'Protecting migrants during crises'];

let h: Harness;
const vars = () => channelVars(h, CHANNEL);
const say = (who: object, text: string) => sayInChannel(h, CHANNEL, who, text);
const ballotOf = (id: string) => {
  const call = h.recorder.calls
    .filter((c) => c.method === 'POST' && c.conversation === CHANNEL)
    .find((c) => cardOf(c).refresh?.action.data.refresh === id)!;
  return { id: call.id!, card: cardOf(call) };
};

/** Taps an Action.Execute as Teams does: input values merged into the action's data. */
async function submit(
  who: object,
  replyToId: string,
  action: Record<string, any>,
  inputs: Record<string, string> = {},
) {
  const res = await h.post(
    teamsActivity('invoke-adaptive-card-action', {
      ...vars(),
      ...who,
      replyToId,
      value: {
        action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: { ...action.data, ...inputs } },
        trigger: 'manual',
      },
    }),
  );
  expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(adaptiveCardErrors(res.body.value)).toEqual([]);
  await h.consult.idle();
  return res.body.value as Record<string, any>;
}

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  await h.post(teamsActivity('conversation-update-install', { ...vars(), ...sec }));
  await say(sec, `roster add teams:${mx1.userId} "Mexico" member`);
  await say(sec, `roster add teams:${fr1.userId} "France" member`);
});
afterAll(() => h?.close());

describe('card forms', () => {
  it('a shortlist is voted with a multi-select of topics', async () => {
    await say(sec, `topics ${TOPICS.map((x) => `"${x}"`).join(' ')} select 2 deadline 2024-03-15`);
    await h.consult.idle();
    const { id, card } = ballotOf('W1');
    const approve = walk(card.body).find((n) => n.id === 'vote:W1/approve')!;
    expect(approve).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    const send = actionsOf(card).find((a) => a.data.form)!;
    const after = await submit(mx1, id, send, { 'vote:W1/approve': '1,3' });
    expect(textsOf(after).join('\n')).toContain(t('en').ballot.yourVote('Mexico', `1. ${TOPICS[0]}; 3. ${TOPICS[2]}`));
    expect(Object.values(h.consult.store.get('W1')!.ballots).map((b) => b.choices)).toEqual([[1, 3]]);
  });

  it('a delegation asks to combine two topics into one workshop', async () => {
    const { id, card } = ballotOf('W1');
    const send = actionsOf(card).find((a) => a.data.form)!;
    const after = await submit(fr1, id, send, {
      'vote:W1/approve': '',
      'vote:W1/combineA': '1',
      'vote:W1/combineB': '2',
    });
    expect(after.lang).toBe('fr');
    const w1 = h.consult.store.get('W1')!;
    const combined = w1.options.find((o) => o.combines);
    expect(combined?.combines).toEqual([1, 2]);
    expect(Object.values(w1.ballots).some((b) => b.choices.includes(combined!.n))).toBe(true);
  });

  it('a delegate proposes an option through the card form', async () => {
    const { id, card } = ballotOf('W1');
    const open = actionsOf(card).find((a) => a.data.command?.type === 'propose-form')!;
    const form = await submit(mx1, id, open);
    const input = walk(form.body).find((n) => n.type === 'Input.Text')!;
    const send = actionsOf(form).find((a) => a.data.form)!;
    await submit(mx1, id, send, { [input.id]: 'Labour mobility and skills' });
    expect(h.consult.store.get('W1')!.options.find((o) => o.text === 'Labour mobility and skills')).toBeDefined();
  });

  it('a satisfaction survey is answered on Likert scales', async () => {
    await say(sec, 'feedback "Workshop on migration and health" deadline 2024-03-15');
    await h.consult.idle();
    const { id, card } = ballotOf('F1');
    const open = actionsOf(card).find((a) => a.data.command?.type === 'answer-form')!;
    const form = await submit(fr1, id, open);
    const scales = walk(form.body).filter((n) => n.type === 'Input.ChoiceSet');
    expect(scales.length).toBeGreaterThanOrEqual(3);
    for (const s of scales) expect(s).toMatchObject({ style: 'expanded', isMultiSelect: false });
    expect(form.lang).toBe('fr');
    const send = actionsOf(form).find((a) => a.data.form)!;
    const after = await submit(fr1, id, send, Object.fromEntries(scales.map((s, i) => [s.id, String(5 - i)])));
    expect(textsOf(after)).toContain(t('fr').reply.answerRecorded);
    expect(Object.values(h.consult.store.get('F1')!.ballots)).toHaveLength(1);
  });
});

describe('removing the app', () => {
  it('forgets the channel, so nothing more is posted there (and the delivery is kept for later)', async () => {
    const removal = {
      ...teamsActivity('conversation-update-install', { ...vars(), ...sec }),
      membersAdded: undefined,
      membersRemoved: [{ id: '28:bot' }],
    };
    expect((await h.post(removal)).status).toBe(200);
    expect(h.consult.adapterState.get('teams', CHANNEL)).toBeNull();
    const before = h.recorder.calls.length;
    await say(sec, 'share W1'); // spoken to again in the channel: the reference comes back
    await h.consult.idle();
    expect(h.consult.adapterState.get('teams', CHANNEL)).toMatchObject({ conversation: { id: CHANNEL } });
    expect(h.recorder.calls.length).toBeGreaterThan(before);
  });
});
