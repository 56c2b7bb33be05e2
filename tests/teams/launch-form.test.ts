/**
 * Launching from a form in Teams: `theme` (or topics, survey, feedback, silence) typed alone by the
 * secretariat answers with a card offering every option of the typed command; its submit launches
 * through the core, and a refusal comes back as the form, filled in, with the error under its field.
 * Over real activities and the connector recorder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { teamsTexts } from '../../adapters/teams/texts.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { cardOf, textsOf, walk } from './support/cards.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';

type Who = { userId: string; userName: string; conversationId?: string; locale?: string };
const sec: Who = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const mx: Who = { userId: '29:1mx-ana', userName: 'Ana (Mexico)' };

let h: Harness;
const common = () => ({ serviceUrl: h.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`], start: '2024-03-01T08:00:00Z' });
  await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  await h.post(
    teamsActivity('message-personal', { ...common(), ...sec, text: `roster add teams:${mx.userId} "Mexico" member` }),
  );
});
afterAll(() => h?.close());

async function typed(who: Who, text: string) {
  const before = h.recorder.calls.length;
  expect(
    (await h.post(teamsActivity('message-channel-mention', { ...common(), channelId: CHANNEL, ...who, text }))).status,
  ).toBe(200);
  await h.consult.idle();
  return h.recorder.calls.slice(before);
}

async function openForm(kind = 'theme') {
  const calls = await typed(sec, `<at>Consult</at> ${kind}`);
  const post = calls.find((c) => c.method === 'POST' && c.body.attachments)!;
  return cardOf(post);
}

/** Submits the form as Teams does: the inputs' values merged into the action's data. */
async function submit(form: Record<string, any>, values: Record<string, string>, who: Who = sec) {
  const action = walk(form.body).find((n) => n.type === 'Action.Execute')!;
  const data = { ...action.data, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`launch/${k}`, v])) };
  const before = h.recorder.calls.length;
  const res = await h.post(
    teamsActivity('invoke-adaptive-card-action', {
      ...common(),
      channelId: CHANNEL,
      ...who,
      replyToId: 'form-1',
      value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' },
    }),
  );
  expect(res.status).toBe(200);
  await h.consult.idle();
  return { card: res.body.value as Record<string, any>, calls: h.recorder.calls.slice(before) };
}

const inputs = (card: Record<string, any>) => walk(card.body).filter((n) => String(n.type).startsWith('Input.'));
const input = (card: Record<string, any>, name: string) => inputs(card).find((n) => n.id === `launch/${name}`)!;
/** The error text right under an input. */
const errorUnder = (card: Record<string, any>, name: string) => {
  const body = card.body as Record<string, any>[];
  const i = body.findIndex((n) => n.id === `launch/${name}`);
  return body[i + 1]?.color === 'attention' ? textsOf({ body: [body[i + 1]] })[0] : undefined;
};

describe('the Teams launch form', () => {
  it('offers every option of the typed command, and validates as Adaptive Cards 1.5', async () => {
    const form = await openForm('topics');
    expect(adaptiveCardErrors(form)).toEqual([]);
    const tx = teamsTexts('en').launch;
    expect(input(form, 'kind')).toMatchObject({ value: 'topics' });
    for (let n = 1; n <= 10; n++) expect(input(form, `opt${n}`)).toMatchObject({ type: 'Input.Text' });
    expect(input(form, 'opt11')).toBeUndefined();
    expect(input(form, 'deadline')).toMatchObject({ type: 'Input.Date', label: tx.deadline('Europe/Zurich') });
    expect(input(form, 'time')).toMatchObject({ type: 'Input.Time' });
    for (const name of ['select', 'eligible', 'visibility', 'secret', 'quorum', 'participants', 'from', 'lang'])
      expect(input(form, name), name).toBeDefined();
  });

  it('launches in the channel with translations, deadline date and time, quorum and language', async () => {
    const form = await openForm();
    const { card, calls } = await submit(form, {
      kind: 'theme',
      opt1: 'Return migration\nfr: Migration de retour\nes: Migración de retorno',
      opt2: 'Labour mobility',
      deadline: '2024-03-20',
      time: '17:00',
      eligible: 'all',
      visibility: 'hidden',
      quorum: '50',
      lang: 'fr',
    });
    expect(textsOf(card).join(' ')).toContain('T1');
    const ballot = calls.find((c) => c.method === 'POST' && c.conversation === CHANNEL)!;
    expect(cardOf(ballot).lang).toBe('fr');
    const c = h.consult.store.get('T1')!;
    expect(c.options.map((o) => o.text)).toEqual(['Return migration', 'Labour mobility']);
    expect(c.options[0].tr).toEqual({ fr: 'Migration de retour', es: 'Migración de retorno' });
    expect(c.closesAt).toBe('2024-03-20T16:00:00.000Z'); // 17:00 in Geneva (CET)
    expect(c).toMatchObject({ eligibility: 'all', quorum: 0.5, lang: 'fr' });
  });

  it('without an option, the form comes back filled in, the error under option 1, and nothing is launched', async () => {
    const before = h.consult.store.all().length;
    const { card } = await submit(await openForm(), { kind: 'theme', quorum: '40' });
    expect(errorUnder(card, 'opt1')).toBe(teamsTexts('en').launch.needsOptions);
    expect(input(card, 'quorum')).toMatchObject({ value: '40' });
    expect(h.consult.store.all().length).toBe(before);
  });

  it("the core's refusal shows under its field: a past deadline, secret with live results", async () => {
    const before = h.consult.store.all().length;
    const past = await submit(await openForm(), { kind: 'theme', opt1: 'A', opt2: 'B', deadline: '2024-02-01' });
    expect(errorUnder(past.card, 'deadline')).toBeTruthy();
    expect(input(past.card, 'opt1')).toMatchObject({ value: 'A' });
    const secretLive = await submit(await openForm(), {
      kind: 'theme',
      opt1: 'A',
      opt2: 'B',
      visibility: 'live',
      secret: 'secret',
    });
    expect(errorUnder(secretLive.card, 'visibility')).toBeTruthy();
    expect(h.consult.store.all().length).toBe(before);
  });

  it('a delegate typing theme gets no form, and a forged submission from her launches nothing', async () => {
    const calls = await typed(mx, '<at>Consult</at> theme');
    expect(calls.some((c) => c.body.attachments && JSON.stringify(cardOf(c)).includes('launch/opt1'))).toBe(false);
    const form = await openForm();
    const before = h.consult.store.all().length;
    const { card } = await submit(form, { kind: 'theme', opt1: 'A', opt2: 'B' }, mx);
    expect(textsOf(card).join(' ')).toContain(t('en').errors.notSecretariat);
    expect(h.consult.store.all().length).toBe(before);
  });

  it('launches a survey from a closed consultation and a satisfaction survey with a participant count', async () => {
    await typed(sec, '<at>Consult</at> close T1 confirm');
    const survey = await submit(await openForm('survey'), { kind: 'survey', from: 'T1' });
    expect(survey.card.body.some((n: any) => n.color === 'attention')).toBe(false);
    const feedback = await submit(await openForm('feedback'), {
      kind: 'feedback',
      opt1: 'Workshop on migration and health',
      participants: '12',
    });
    expect(feedback.card.body.some((n: any) => n.color === 'attention')).toBe(false);
    const f = h.consult.store.all().find((c) => c.kind === 'feedback')!;
    expect(f.participants).toBe(12);
  });
});
