/**
 * Launching in Teams without typing the grammar: `theme` (or topics, survey, feedback, silence) alone
 * opens an Adaptive Card form with every option of the typed command; its refusals come back in the
 * form, beside the field, with what was typed kept. Over real Bot Framework activities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { channelVars, sayInChannel, startHarness, type Harness } from './support/harness.ts';
import { actionsOf, cardOf, textsOf, walk } from './support/cards.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';

const CHANNEL = '19:launch@thread.tacv2';
const sec = { userId: '29:1sec', userName: 'Secretariat' };
const mx1 = { userId: '29:1mx-ana', userName: 'Ana (Mexico)' };

let h: Harness;
const vars = () => channelVars(h, CHANNEL);
const say = (who: object, text: string) => sayInChannel(h, CHANNEL, who, text);

/** The last card the bot sent (answers asked for in a channel reach the asker's personal chat). */
const lastCard = () => {
  const calls = h.recorder.calls.filter((c) => c.method === 'POST' && c.body?.attachments);
  return cardOf(calls.at(-1)!);
};

async function submit(who: object, action: Record<string, any>, inputs: Record<string, string>) {
  const res = await h.post(
    teamsActivity('invoke-adaptive-card-action', {
      ...vars(),
      ...who,
      replyToId: 'form-1',
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

const key = (kind: string, id: string) => `launch:${kind}/${id}`;

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  await h.post(teamsActivity('conversation-update-install', { ...vars(), ...sec }));
  await say(sec, `roster add teams:${mx1.userId} "Mexico" member`);
});
afterAll(() => h?.close());

describe('the Teams launch form', () => {
  it('`theme` alone opens a form with every option of the typed command, valid Adaptive Card 1.5', async () => {
    await say(sec, 'theme');
    console.log(
      JSON.stringify(
        h.recorder.calls.map((c) => [c.method, c.conversation, c.activityId, JSON.stringify(c.body).slice(0, 300)]),
      ),
    );
    const card = lastCard();
    expect(adaptiveCardErrors(card)).toEqual([]);
    const inputs = walk(card.body).filter((n) => String(n.type).startsWith('Input.'));
    expect(inputs.map((n) => n.id)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => key('theme', `opt${i + 1}`)),
      key('theme', 'deadline'),
      key('theme', 'time'),
      key('theme', 'eligible'),
      key('theme', 'visibility'),
      key('theme', 'secret'),
      key('theme', 'quorum'),
      key('theme', 'proposals'),
      key('theme', 'lang'),
    ]);
    expect(inputs.find((n) => n.id === key('theme', 'deadline'))!.type).toBe('Input.Date');
    expect(inputs.find((n) => n.id === key('theme', 'time'))!.type).toBe('Input.Time');
    // The required first option says so beside itself when left empty (hosts check it before sending).
    expect(inputs[0]).toMatchObject({ isRequired: true, errorMessage: expect.any(String) });
  });

  it('submitting it launches as the typed command would: options in two languages, 17:00, quorum, secret, French posts', async () => {
    await say(sec, 'theme');
    const send = actionsOf(lastCard()).find((a) => a.data?.form)!;
    const after = await submit(sec, send, {
      [key('theme', 'opt1')]: 'Return migration\nfr: Migration de retour',
      [key('theme', 'opt2')]: 'Labour migration',
      [key('theme', 'deadline')]: '2024-03-12',
      [key('theme', 'time')]: '17:00',
      [key('theme', 'quorum')]: '50',
      [key('theme', 'secret')]: 'secret',
      [key('theme', 'visibility')]: 'hidden',
      [key('theme', 'lang')]: 'fr',
    });
    expect(textsOf(after).join('\n')).toMatch(/T1 is open/);
    const c = h.consult.store.get('T1')!;
    expect(c.options.map((o) => o.text)).toEqual(['Return migration', 'Labour migration']);
    expect(c.options[0].tr).toEqual({ fr: 'Migration de retour' });
    expect(c).toMatchObject({ closesAt: '2024-03-12T16:00:00.000Z', quorum: 0.5, secrecy: 'secret', lang: 'fr' });
    // The form was answered in the personal chat; the ballot goes to the channel where it was asked for.
    expect(c.channels).toEqual([{ platform: 'teams', id: CHANNEL }]);
    const posted = h.recorder.calls.filter(
      (x) => x.method === 'POST' && x.conversation === CHANNEL && x.body?.attachments,
    );
    expect(textsOf(cardOf(posted.at(-1)!)).join('\n')).toContain('Return migration / Migration de retour');
  });

  it('secret with live results comes back as the form: the reason beside Results, what was typed kept, nothing launched', async () => {
    await say(sec, 'topics');
    const send = actionsOf(lastCard()).find((a) => a.data?.form)!;
    const before = h.consult.store.all().length;
    const after = await submit(sec, send, {
      [key('topics', 'opt1')]: 'Diasporas',
      [key('topics', 'opt2')]: 'Health',
      [key('topics', 'secret')]: 'secret',
      [key('topics', 'visibility')]: 'live',
    });
    expect(h.consult.store.all()).toHaveLength(before);
    const body = walk(after.body);
    const at = body.findIndex((n) => n.id === key('topics', 'visibility'));
    expect(body[at - 1]).toMatchObject({ type: 'TextBlock', color: 'attention' });
    expect(String(body[at - 1].text)).toMatch(/A secret ballot cannot show live results/);
    expect(body.find((n) => n.id === key('topics', 'opt1'))!.value).toBe('Diasporas');
    expect(body.find((n) => n.id === key('topics', 'visibility'))!.value).toBe('live');
  });

  it('a quorum that is not a number is refused beside the quorum', async () => {
    await say(sec, 'theme');
    const send = actionsOf(lastCard()).find((a) => a.data?.form)!;
    const after = await submit(sec, send, {
      [key('theme', 'opt1')]: 'A',
      [key('theme', 'opt2')]: 'B',
      [key('theme', 'quorum')]: 'half',
    });
    const body = walk(after.body);
    const at = body.findIndex((n) => n.id === key('theme', 'quorum'));
    expect(String(body[at - 1].text)).toMatch(/Quorum .*whole number/);
  });

  it('more proposals per delegation than allowed is refused beside that field, not silently lowered', async () => {
    await say(sec, 'theme');
    const send = actionsOf(lastCard()).find((a) => a.data?.form)!;
    const before = h.consult.store.all().length;
    const after = await submit(sec, send, {
      [key('theme', 'opt1')]: 'A',
      [key('theme', 'opt2')]: 'B',
      [key('theme', 'proposals')]: '25',
    });
    const body = walk(after.body);
    const at = body.findIndex((n) => n.id === key('theme', 'proposals'));
    expect(body[at - 1]).toMatchObject({ type: 'TextBlock', color: 'attention' });
    expect(h.consult.store.all()).toHaveLength(before);
  });

  it('a delegate typing `theme` gets the secretariat-only answer, not a form; a forged form submission launches nothing', async () => {
    await say(mx1, 'theme');
    expect(textsOf(lastCard()).join('\n')).toMatch(/Only the secretariat can do this/);
    const before = h.consult.store.all().length;
    const forged = {
      title: 'Launch',
      verb: 'consult',
      data: { form: { type: 'launch', id: 'theme' }, formId: 'launch:theme', multi: [] },
    };
    const after = await submit(mx1, forged, { [key('theme', 'opt1')]: 'A', [key('theme', 'opt2')]: 'B' });
    expect(textsOf(after).join('\n')).toMatch(/Only the secretariat can do this/);
    expect(h.consult.store.all()).toHaveLength(before);
  });

  it('a survey form offers the closed consultations to follow; a satisfaction survey form asks for the workshop and participants', async () => {
    await say(sec, 'survey');
    const survey = walk(lastCard().body);
    expect(survey.find((n) => n.id === key('survey', 'from'))).toMatchObject({ type: 'Input.ChoiceSet' });
    await say(sec, 'feedback');
    const feedback = walk(lastCard().body);
    expect(feedback.find((n) => n.id === key('feedback', 'opt1'))).toMatchObject({
      label: 'Workshop',
      isRequired: true,
    });
    expect(feedback.find((n) => n.id === key('feedback', 'participants'))).toBeDefined();
  });
});
