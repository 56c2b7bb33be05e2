/**
 * End to end over real HTTP: activities shaped as Teams sends them are POSTed to /api/messages;
 * what the bot sends goes to a connector recorder at the activity's serviceUrl.
 * One consultation, told in order: launch, votes by card, a Slack vote, reminders, results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { actionsOf, cardOf, textsOf } from './support/cards.ts';
import type { Recorded } from './support/connector-recorder.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL_A = '19:general-delegates@thread.tacv2';
const CHANNEL_B = '19:consultations-observers@thread.tacv2';
const THEME_1 = 'Managing Migration in Crisis Situations';
const THEME_2 = 'Families and migration';

const people = {
  sec: { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' },
  mx1: { userId: '29:1mx-ana', userName: 'Ana (Mexico)' },
  mx2: { userId: '29:1mx-luis', userName: 'Luis (Mexico)' },
  fr1: { userId: '29:1fr-claire', userName: 'Claire (France)', conversationId: 'a:1fr-personal', locale: 'fr-FR' },
  es1: { userId: '29:1es-elena', userName: 'Elena (Spain)', conversationId: 'a:1es-personal', locale: 'es-ES' },
  ke1: { userId: '29:1ke-wanjiru', userName: 'Wanjiru (Kenya)' },
};

let h: Harness;
/** Every card the bot answered an invoke with (the connector recorder holds the rest). */
const invokeCards: Record<string, any>[] = [];

const common = () => ({ serviceUrl: h.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL_A });
const inChannel = (channelId: string, who: (typeof people)[keyof typeof people], text: string) =>
  h.post(teamsActivity('message-channel-mention', { ...common(), channelId, ...who, text }));
const inPersonalChat = (who: (typeof people)[keyof typeof people], text: string) =>
  h.post(teamsActivity('message-personal', { ...common(), ...who, text }));

async function tapCard(
  channelId: string,
  who: (typeof people)[keyof typeof people],
  replyToId: string,
  action: Record<string, any>,
) {
  const started = performance.now();
  const res = await h.post(
    teamsActivity('invoke-adaptive-card-action', {
      ...common(),
      channelId,
      ...who,
      replyToId,
      value: {
        action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data },
        trigger: 'manual',
      },
    }),
  );
  const ms = performance.now() - started;
  if (res.body?.value?.type === 'AdaptiveCard') invokeCards.push(res.body.value);
  return { ...res, ms };
}

const sent = (since = 0) => h.recorder.calls.slice(since);
const postsTo = (conversation: string, calls = h.recorder.calls) =>
  calls.filter((c) => c.method === 'POST' && c.conversation === conversation && !c.activityId);
const ballotPost = (channel: string) => postsTo(channel).find((c) => cardOf(c).refresh)!;
const T1 = () => h.consult.store.get('T1')!;

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${people.sec.userId}`, 'slack:USEC'] });
  // The app is added to two teams' channels: Teams sends conversationUpdate / installationUpdate.
  expect(
    (await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL_A, ...people.sec })))
      .status,
  ).toBe(200);
  expect(
    (
      await h.post(
        teamsActivity('installation-update-add', {
          ...common(),
          channelId: CHANNEL_B,
          teamId: CHANNEL_B,
          ...people.sec,
        }),
      )
    ).status,
  ).toBe(200);
  for (const line of [
    `roster add teams:${people.mx1.userId} "Mexico" member`,
    `roster add teams:${people.mx2.userId} "Mexico" member`,
    `roster add teams:${people.fr1.userId} "France" member`,
    `roster add teams:${people.es1.userId} "Spain" member`,
    `roster add teams:${people.ke1.userId} "Kenya" member`,
    'roster add slack:U1BRAZIL "Brazil" member',
  ])
    expect((await inPersonalChat(people.sec, line)).status).toBe(200);
  // Spain's delegate once wrote to the bot in personal chat; Kenya's never did.
  await inPersonalChat(people.es1, 'help');
});

afterAll(async () => {
  await h?.close();
});

describe('a theme poll run from Teams', () => {
  it('keeps the conversation reference when the app is installed in a channel', () => {
    const refs = h.consult.adapterState.all('teams');
    expect(refs[CHANNEL_A]).toMatchObject({
      serviceUrl: h.recorder.serviceUrl,
      conversation: { id: CHANNEL_A },
      bot: { id: BOT },
    });
    expect(refs[CHANNEL_B]).toMatchObject({ conversation: { id: CHANNEL_B } });
  });

  it('the secretariat launches a theme poll in a channel by mentioning the bot', async () => {
    const before = sent().length;
    const res = await inChannel(CHANNEL_A, people.sec, `theme "${THEME_1}" "${THEME_2}" deadline 2024-03-15`);
    expect(res.status).toBe(200);
    await h.consult.idle();
    expect(T1()).toMatchObject({ kind: 'theme', channels: [{ platform: 'teams', id: CHANNEL_A }] });
    // The confirmation goes to the secretariat alone (their 1:1 chat); the ballot is a new post in the channel.
    expect(sent(before).filter((c) => c.conversation.startsWith(`${CHANNEL_A};messageid=`))).toEqual([]);
    const reply = sent(before).find((c) => c.conversation === people.sec.conversationId)!;
    expect(textsOf(cardOf(reply)).join(' ')).toContain('T1');
    const ballot = cardOf(ballotPost(CHANNEL_A));
    expect(textsOf(ballot)).toEqual(expect.arrayContaining([`1. ${THEME_1}`, `2. ${THEME_2}`]));
    expect(
      actionsOf(ballot)
        .slice(0, 2)
        .map((a) => a.data.command),
    ).toEqual([
      { type: 'vote', id: 'T1', choices: [1] },
      { type: 'vote', id: 'T1', choices: [2] },
    ]);
    expect(T1().posted).toEqual([{ channel: { platform: 'teams', id: CHANNEL_A }, ref: ballotPost(CHANNEL_A).id }]);
  });

  it('the same ballot is shared to a second Teams channel and to Slack', async () => {
    expect((await inChannel(CHANNEL_B, people.sec, 'share T1')).status).toBe(200);
    const slackReply = await h.consult.handle(
      { actor: { user: 'slack:USEC' }, channel: { platform: 'slack', id: 'C1' } },
      { type: 'text', text: 'share T1' },
    );
    expect(slackReply[0].card.blocks[0]).toMatchObject({ style: 'success' });
    await h.consult.idle();
    expect(ballotPost(CHANNEL_B)).toBeDefined();
    expect(T1().channels.map((c) => c.id)).toEqual([CHANNEL_A, CHANNEL_B, 'C1']);
  });

  it('a delegate of Mexico votes by card: the invoke answers at once with the refreshed card, and the channel cards update after', async () => {
    const before = sent().length;
    const posted = ballotPost(CHANNEL_A);
    const [vote1] = actionsOf(cardOf(posted));
    // Teams is slow to take the channel updates: the voter's answer must not wait for them.
    const release = h.recorder.hold();
    const res = await tapCard(CHANNEL_A, people.mx1, posted.id!, vote1);
    expect(sent(before)).toEqual([]);
    await expect.poll(() => h.recorder.waiting).toBe(2);
    release();
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = res.body.value;
    const en = t('en');
    expect(textsOf(card)).toEqual(
      expect.arrayContaining([en.ballot.yourVote('Mexico', `1. ${THEME_1}`), en.ballot.turnout(1, 5)]),
    );
    expect(card.refresh.action).toMatchObject({ verb: 'refresh', data: { refresh: 'T1' } });

    await h.consult.idle();
    const updates = sent(before).filter((c) => c.method === 'PUT');
    expect(updates.map((u) => [u.conversation, u.activityId])).toEqual(
      expect.arrayContaining([
        [CHANNEL_A, posted.id],
        [CHANNEL_B, ballotPost(CHANNEL_B).id],
      ]),
    );
    // Everyone's card shows the turnout, not Mexico's choice.
    for (const u of updates) {
      expect(textsOf(cardOf(u))).toContain(en.ballot.turnout(1, 5));
      expect(textsOf(cardOf(u)).join(' ')).not.toContain('Mexico');
    }
  });

  it("another delegate of Mexico changes Mexico's vote: one ballot, both in the audit trail", async () => {
    const posted = ballotPost(CHANNEL_A);
    const vote2 = actionsOf(cardOf(posted))[1];
    const res = await tapCard(CHANNEL_A, people.mx2, posted.id!, vote2);
    expect(textsOf(res.body.value)).toEqual(
      expect.arrayContaining([t('en').ballot.yourVote('Mexico', `2. ${THEME_2}`), t('en').ballot.turnout(1, 5)]),
    );
    await h.consult.idle();
    const ballots = Object.values(T1().ballots);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]).toMatchObject({ choices: [2], by: `teams:${people.mx2.userId}`, platform: 'teams' });
    expect(
      T1()
        .audit.filter((a) => a.action === 'vote')
        .map((a) => a.by),
    ).toEqual([`teams:${people.mx1.userId}`, `teams:${people.mx2.userId}`]);
  });

  it('a Slack vote (Brazil) and a Teams vote typed in French (France) land in one tally', async () => {
    await h.consult.handle(
      { actor: { user: 'slack:U1BRAZIL' }, channel: { platform: 'slack', id: 'C1' } },
      { type: 'text', text: 'vote T1 1' },
    );
    const before = sent().length;
    expect((await inPersonalChat(people.fr1, 'vote T1 1')).status).toBe(200);
    const reply = sent(before).find((c) => c.conversation === people.fr1.conversationId)!;
    const card = cardOf(reply);
    expect(card.lang).toBe('fr');
    expect(textsOf(card).join('\n')).toContain(t('fr').reply.voteRecorded('France', `1. ${THEME_1}`));
    await h.consult.idle();
    expect(Object.values(T1().ballots).map((b) => [b.platform, b.choices])).toEqual(
      expect.arrayContaining([
        ['teams', [2]],
        ['slack', [1]],
        ['teams', [1]],
      ]),
    );
    const lastUpdate = sent()
      .filter((c) => c.method === 'PUT' && c.conversation === CHANNEL_A)
      .at(-1)!;
    expect(textsOf(cardOf(lastUpdate))).toContain(t('en').ballot.turnout(3, 5));
  });

  it('renders the card in the viewer’s language: a French refresh, a Spanish proposal form', async () => {
    const posted = ballotPost(CHANNEL_A);
    const refresh = cardOf(posted).refresh.action;
    const fr = await tapCard(CHANNEL_A, people.fr1, posted.id!, refresh);
    expect(fr.body.value.lang).toBe('fr');
    expect(textsOf(fr.body.value)).toEqual(
      expect.arrayContaining([t('fr').ballot.yourVote('France', `1. ${THEME_1}`), t('fr').ballot.turnout(3, 5)]),
    );

    const propose = actionsOf(cardOf(posted)).find((a) => a.data.command.type === 'propose-form')!;
    const es = await tapCard(CHANNEL_A, people.es1, posted.id!, propose);
    expect(es.body.value.lang).toBe('es');
    const form = es.body.value;
    expect(form.body.find((b: any) => b.type === 'Input.Text')).toMatchObject({
      label: t('es').ballot.proposeButton,
      isRequired: true,
    });
    expect(textsOf(form).join(' ')).not.toContain(t('en').ballot.proposeButton);
  });

  it('reminders reach only the delegations that have not answered, paced and retried when Teams throttles', async () => {
    const before = sent().length;
    h.recorder.throttleNext(1);
    h.setTime('2024-03-08T08:30:00Z'); // 09:30 in Geneva, a week before the deadline
    await h.consult.tick();
    await h.consult.idle();
    const calls = sent(before);
    // Kenya's delegate never wrote to the bot: a 1:1 chat is opened first.
    const opened = calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(opened.map((c) => c.body.members)).toEqual([[{ id: people.ke1.userId, name: '' }]]);
    expect(opened[0].body).toMatchObject({ isGroup: false, bot: { id: BOT }, tenantId: TENANT });
    const recipients = calls
      .filter((c) => c.method === 'POST' && c.path !== '/v3/conversations')
      .map((c) => c.conversation);
    expect(recipients.sort()).toEqual([people.es1.conversationId, opened[0].conversation].sort());
    const spanish = calls.find((c) => c.conversation === people.es1.conversationId)!;
    expect(cardOf(spanish).lang).toBe('es');
    expect(h.slack.filter((m) => m.purpose === 'reminder')).toEqual([]);
    expect(h.recorder.throttled).toBe(1);
    expect(h.paced.length).toBeGreaterThan(0);

    // Never twice.
    const after = sent().length;
    h.setTime('2024-03-08T10:00:00Z');
    await h.consult.tick();
    await h.consult.idle();
    expect(sent(after)).toEqual([]);
  });

  it('at the deadline the results reach every Teams channel (and Slack)', async () => {
    const before = sent().length;
    h.setTime('2024-03-15T23:05:00Z'); // just past 23:59 in Geneva
    await h.consult.tick();
    await h.consult.idle();
    expect(T1().status).toBe('closed');
    const results = (channel: string) =>
      postsTo(channel, sent(before))
        .map(cardOf)
        .find((c) => !c.refresh);
    const en = t('en');
    for (const channel of [CHANNEL_A, CHANNEL_B]) {
      const card = results(channel);
      expect(card, `results in ${channel}`).toBeDefined();
      expect(textsOf(card!)).toEqual(
        expect.arrayContaining([en.results.title('T1', T1().title || en.kind.theme), en.results.winner(THEME_1)]),
      );
    }
    expect(h.slack.filter((m) => m.purpose === 'results').map((m) => m.audience)).toEqual([
      { kind: 'channel', channel: { platform: 'slack', id: 'C1' } },
    ]);
  });

  it('every Adaptive Card the bot sent or answered with validates against the Adaptive Cards 1.5 schema', () => {
    const sentCards = h.recorder.calls
      .filter((c: Recorded) => (c.body.attachments as unknown[] | undefined)?.length)
      .map(cardOf);
    expect(sentCards.length).toBeGreaterThan(10);
    expect(invokeCards.length).toBeGreaterThanOrEqual(4);
    for (const card of [...sentCards, ...invokeCards]) expect(adaptiveCardErrors(card), textsOf(card)[0]).toEqual([]);
    expect(new Set(sentCards.map((c) => c.lang))).toEqual(new Set(['en', 'fr', 'es']));
  });

  it('sends nothing with credentials when running unauthenticated on loopback', () => {
    expect(h.teams.authenticated).toBe(false);
    expect(h.recorder.calls.every((c) => c.authorization === undefined)).toBe(true);
    expect(h.logs.filter((l) => l.includes('WITHOUT Bot Framework authentication'))).toHaveLength(1);
  });
});
