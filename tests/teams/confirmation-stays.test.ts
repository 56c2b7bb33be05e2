/**
 * A delegate taps a vote in a Teams channel: what her client shows afterwards. Teams shows the invoke
 * response; when the bot then updates the shared ballot (it does, right after every vote), Teams asks
 * the bot for the per-user view of each user the card's `refresh.userIds` lists and shows that, and shows
 * the shared card to everyone else. This test plays that client over real activities and the connector
 * recorder, on the harness's injected clock (nothing sleeps): the confirmation must still be there 3 s on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { actionsOf, cardOf, textsOf } from './support/cards.ts';
import type { Recorded } from './support/connector-recorder.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';
const START = '2024-03-01T08:00:00Z';
const LABOUR = 'Labour mobility';
const HEALTH = 'Migration and health';

type Who = { userId: string; userName: string; conversationId?: string; locale?: string };
const sec: Who = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const mx: Who = { userId: '29:1mx-ana', userName: 'Ana (Mexico)' };
const ke: Who = { userId: '29:1ke-wanjiru', userName: 'Wanjiru (Kenya)' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const common = () => ({ serviceUrl: h!.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });

/** The harness with the app in the channel, `delegates` on the roster (Mexico and Kenya first) and in the channel. */
async function channelWith(delegates: Who[]): Promise<Harness> {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`], start: START });
  await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  await h.consult.store.updateMeta((m) => {
    delegates.forEach((d, i) => {
      const name = i === 0 ? 'Mexico' : i === 1 ? 'Kenya' : `Delegation ${i}`;
      m.delegations.push({ id: `d${i}`, name, kind: 'member', delegates: [`teams:${d.userId}`] });
    });
  });
  h.recorder.members = [sec, ...delegates].map((d) => ({ id: d.userId, name: d.userName }));
  return h;
}

async function launch(extra = ''): Promise<Recorded> {
  const before = h!.recorder.calls.length;
  const res = await h!.post(
    teamsActivity('message-channel-mention', {
      ...common(),
      channelId: CHANNEL,
      ...sec,
      text: `<at>Consult</at> theme "${LABOUR}" "${HEALTH}" deadline 14d${extra}`,
    }),
  );
  expect(res.status).toBe(200);
  await h!.consult.idle();
  return h!.recorder.calls.slice(before).find((c) => c.method === 'POST' && c.conversation === CHANNEL)!;
}

/** An Action.Execute from `who` on the ballot message `messageId`; `trigger: 'automatic'` is Teams' own refresh. */
async function execute(who: Who, messageId: string, action: Record<string, any>, trigger = 'manual') {
  const res = await h!.post(
    teamsActivity('invoke-adaptive-card-action', {
      ...common(),
      channelId: CHANNEL,
      ...who,
      replyToId: messageId,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger },
    }),
  );
  expect(res.status).toBe(200);
  return res.body.value as Record<string, any>;
}

/**
 * What `who`'s client shows for the ballot message at the end: the last invoke answer, unless the
 * message was updated since, in which case the updated card, or (when it lists them) their refresh.
 */
async function shownTo(who: Who, messageId: string, lastAnswer: Record<string, any>, since: number) {
  const updates = h!.recorder.calls.slice(since).filter((c) => c.method === 'PUT' && c.activityId === messageId);
  if (updates.length === 0) return lastAnswer;
  const shared = cardOf(updates.at(-1)!);
  if (!(shared.refresh?.userIds ?? []).includes(who.userId)) return shared;
  return execute(who, messageId, shared.refresh.action, 'automatic');
}

const lastUpdate = (messageId: string) =>
  h!.recorder.calls.filter((c) => c.method === 'PUT' && c.activityId === messageId).at(-1)!;

const later = async (ms: number) => {
  h!.setTime(new Date(Date.parse(START) + ms).toISOString());
  await h!.consult.idle();
};

describe('the voter sees the confirmation after the shared ballot is updated', () => {
  it('3 s after the tap the last card her client shows says "Vote recorded" and her delegation\'s choice', async () => {
    await channelWith([mx, ke]);
    const ballot = await launch();
    const [labour] = actionsOf(cardOf(ballot));
    const before = h!.recorder.calls.length;
    const answer = await execute(mx, ballot.id!, labour);
    const recorded = t('en').reply.voteRecorded('Mexico', `1. ${LABOUR}`);
    expect(textsOf(answer)).toContain(recorded);
    await later(3_000);
    // The shared ballot was updated after the vote: that is what used to replace her confirmation.
    expect(h!.recorder.calls.slice(before).some((c) => c.method === 'PUT' && c.activityId === ballot.id)).toBe(true);
    const shown = textsOf(await shownTo(mx, ballot.id!, answer, before));
    expect(shown).toContain(recorded);
    expect(shown).toContain(t('en').ballot.yourVote('Mexico', `1. ${LABOUR}`));
  });

  it('stays when another delegation votes, is hers alone, and changes when she acts again', async () => {
    await channelWith([mx, ke]);
    const ballot = await launch();
    const [labour, health] = actionsOf(cardOf(ballot));
    let before = h!.recorder.calls.length;
    const mine = await execute(mx, ballot.id!, labour);
    const kenya = await execute(ke, ballot.id!, health);
    await later(3_000);
    const recorded = t('en').reply.voteRecorded('Mexico', `1. ${LABOUR}`);
    expect(textsOf(await shownTo(mx, ballot.id!, mine, before))).toContain(recorded);
    const theirs = textsOf(await shownTo(ke, ballot.id!, kenya, before));
    expect(theirs).not.toContain(recorded);
    expect(theirs).toContain(t('en').reply.voteRecorded('Kenya', `2. ${HEALTH}`));

    before = h!.recorder.calls.length;
    const again = await execute(mx, ballot.id!, health);
    await later(6_000);
    const shown = textsOf(await shownTo(mx, ballot.id!, again, before));
    expect(shown).toContain(t('en').reply.voteRecorded('Mexico', `2. ${HEALTH}`));
    expect(shown).not.toContain(recorded);
  });
});

describe("the ballot's refresh audience", () => {
  const many = (n: number): Who[] => [
    mx,
    ke,
    ...Array.from({ length: n - 2 }, (_, i) => ({ userId: `29:1d${i}`, userName: `Delegate ${i}` })),
  ];

  it('lists the Teams delegates on the roster who are in the conversation, up to 60', async () => {
    await channelWith(many(60));
    // A delegate on the roster but not in this channel's team is not listed.
    await h!.consult.store.updateMeta((m) => {
      m.delegations.push({ id: 'away', name: 'Away', kind: 'member', delegates: ['teams:29:1away'] });
    });
    const card = cardOf(await launch());
    expect(card.refresh.userIds).toHaveLength(60);
    expect(card.refresh.userIds).toContain(mx.userId);
    expect(card.refresh.userIds).not.toContain('29:1away');
    expect(card.refresh.userIds).not.toContain(sec.userId);
    expect(textsOf(card)).not.toContain(t('en').cardInput.refreshHint);
  });

  it('beyond 60 lists no one, says to tap Refresh, and the Refresh button shows her vote and confirmation', async () => {
    await channelWith(many(61));
    const ballot = await launch();
    const card = cardOf(ballot);
    expect(card.refresh.userIds).toBeUndefined();
    expect(textsOf(card)).toContain(t('en').cardInput.refreshHint);
    const refresh = actionsOf(card).find((a) => a.title === t('en').cardInput.refreshButton)!;
    expect(refresh).toMatchObject({ verb: 'refresh', data: { refresh: 'T1' } });

    const [labour] = actionsOf(card);
    const before = h!.recorder.calls.length;
    await execute(mx, ballot.id!, labour);
    await later(3_000);
    const shared = await shownTo(mx, ballot.id!, {}, before);
    // Her client shows the shared card again; one tap on Refresh brings her view back.
    expect(textsOf(shared)).toContain(t('en').cardInput.refreshHint);
    const mine = textsOf(await execute(mx, ballot.id!, refresh));
    expect(mine).toContain(t('en').reply.voteRecorded('Mexico', `1. ${LABOUR}`));
    expect(mine).toContain(t('en').ballot.yourVote('Mexico', `1. ${LABOUR}`));

    // Closed, the ballot offers nothing to tap, Refresh included.
    const beforeClose = h!.recorder.calls.length;
    await h!.post(
      teamsActivity('message-channel-mention', {
        ...common(),
        channelId: CHANNEL,
        ...sec,
        text: '<at>Consult</at> close T1 confirm',
      }),
    );
    await h!.consult.idle();
    expect(beforeClose).toBeLessThan(h!.recorder.calls.length);
    const closed = cardOf(lastUpdate(ballot.id!));
    expect(actionsOf(closed)).toEqual([]);
    expect(textsOf(closed)).not.toContain(t('en').cardInput.refreshHint);
  });

  it('the hint is in the ballot language', async () => {
    await channelWith(many(61));
    const card = cardOf(await launch(' lang fr'));
    expect(card.lang).toBe('fr');
    expect(textsOf(card)).toContain(t('fr').cardInput.refreshHint);
  });
});
