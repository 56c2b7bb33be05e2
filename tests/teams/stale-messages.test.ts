/**
 * Once a consultation closes or is cancelled, nothing a delegate has in Teams still offers to vote on
 * it: the channel's ballot and every reminder or notice in their 1:1 chat are updated in place to the
 * closed ballot. Over real activities, with the connector recorder standing in for Teams.
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

type Who = { userId: string; userName: string; conversationId?: string; locale?: string };
const sec: Who = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const mx: Who = { userId: '29:1mx-ana', userName: 'Ana (Mexico)', conversationId: 'a:1mx-personal' };
/** Never wrote to the bot: her reminder opens a 1:1 chat; she reads French. */
const ke: Who = { userId: '29:1ke-wanjiru', userName: 'Wanjiru (Kenya)', locale: 'fr-FR' };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const common = () => ({ serviceUrl: h!.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });
const inChannel = (who: Who, text: string) =>
  h!.post(teamsActivity('message-channel-mention', { ...common(), channelId: CHANNEL, ...who, text }));
const inPersonalChat = (who: Who, text: string) =>
  h!.post(teamsActivity('message-personal', { ...common(), ...who, text }));

async function said(send: Promise<{ status: number }>): Promise<Recorded[]> {
  const before = h!.recorder.calls.length;
  expect((await send).status).toBe(200);
  await h!.consult.idle();
  return h!.recorder.calls.slice(before);
}

/** A theme poll in the channel, and a reminder in each delegate's 1:1 chat. */
async function remindedPoll() {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  await inPersonalChat(sec, `roster add teams:${mx.userId} "Mexico" member`);
  await inPersonalChat(sec, `roster add teams:${ke.userId} "Kenya" member`);
  await h.consult.store.updateMeta((m) => void (m.prefs[`teams:${ke.userId}`] = { lang: 'fr' }));
  await inPersonalChat(mx, 'help');
  const launched = await said(inChannel(sec, '<at>Consult</at> theme "Labour mobility" "Migration and health"'));
  const ballot = launched.find((c) => c.method === 'POST' && c.conversation === CHANNEL)!;
  const reminded = await said(inPersonalChat(sec, 'remind T1'));
  const reminders = reminded.filter((c) => c.method === 'POST' && c.conversation !== sec.conversationId && c.id);
  expect(reminders).toHaveLength(2);
  for (const r of reminders) expect(actionsOf(cardOf(r)).length).toBeGreaterThan(0);
  return { ballot, reminders };
}

const updatesOf = (calls: Recorded[], message: Recorded) =>
  calls.filter((c) => c.method === 'PUT' && c.activityId === message.id && c.conversation === message.conversation);

describe('messages of a consultation that is over', () => {
  it('at the close, the channel ballot and each reminder become the closed ballot, with no button', async () => {
    const { ballot, reminders } = await remindedPoll();
    const closed = await said(inPersonalChat(sec, 'close T1 confirm'));
    const closedOn = t('en').ballot.closed('');
    for (const message of [ballot, ...reminders]) {
      const [update] = updatesOf(closed, message);
      expect(update, message.conversation).toBeDefined();
      const card = cardOf(update);
      expect(actionsOf(card)).toEqual([]);
      expect(walkInputs(card)).toEqual([]);
    }
    const [mine] = updatesOf(closed, reminders.find((r) => r.conversation === mx.conversationId)!);
    expect(textsOf(cardOf(mine)).some((line) => line.startsWith(closedOn))).toBe(true);
    // Kenya reads French: her closed copy is in French.
    const [hers] = updatesOf(closed, reminders.find((r) => r.conversation !== mx.conversationId)!);
    expect(cardOf(hers).lang).toBe('fr');
  });

  it('a cancel does the same, once: later messages of the consultation update nothing again', async () => {
    const { reminders } = await remindedPoll();
    const cancelled = await said(inPersonalChat(sec, 'cancel T1 confirm'));
    for (const r of reminders) {
      expect(updatesOf(cancelled, r)).toHaveLength(1);
      expect(actionsOf(cardOf(updatesOf(cancelled, r)[0]))).toEqual([]);
    }
    const again = await said(inPersonalChat(sec, 'status T1'));
    for (const r of reminders) expect(updatesOf(again, r)).toEqual([]);
  });

  it('a reminder sent while the poll is open stays live: nothing is touched before the close', async () => {
    const { reminders } = await remindedPoll();
    const voted = await said(inPersonalChat(mx, 'vote T1 1'));
    for (const r of reminders) expect(updatesOf(voted, r)).toEqual([]);
  });
});

function walkInputs(card: Record<string, any>): unknown[] {
  return JSON.stringify(card).match(/"type":"Input\.[A-Za-z]+"/g) ?? [];
}
