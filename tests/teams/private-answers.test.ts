/**
 * In a Teams channel, everything meant for one person reaches that person only: the secretariat's
 * export and roster, a delegate's mistakes, help. The channel sees ballots, notices and results.
 * Over real HTTP: activities POSTed to /api/messages, the bot's calls caught by the connector recorder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { teamsTexts } from '../../adapters/teams/texts.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { actionsOf, cardOf, textsOf } from './support/cards.ts';
import type { Recorded } from './support/connector-recorder.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

const sec = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const mx = { userId: '29:1mx-ana', userName: 'Ana (Mexico)', conversationId: 'a:1mx-personal' };
/** Never wrote to the bot: the bot has to open a 1:1 chat to answer her. */
const ke = { userId: '29:1ke-wanjiru', userName: 'Wanjiru (Kenya)', locale: 'fr-FR' };

let h: Harness;
type Who = { userId: string; userName: string; conversationId?: string; locale?: string };
const common = () => ({ serviceUrl: h.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });
const inChannel = (who: Who, text: string) =>
  h.post(teamsActivity('message-channel-mention', { ...common(), channelId: CHANNEL, ...who, text }));
const inPersonalChat = (who: Who, text: string) =>
  h.post(teamsActivity('message-personal', { ...common(), ...who, text }));

/** A person's answer to a file consent card, as Teams sends it from their 1:1 chat. */
const consentAnswer = (who: Who, action: 'accept' | 'decline', context: unknown, name = 'consult-T1.csv') => ({
  ...teamsActivity('message-personal', { ...common(), ...who, text: '' }),
  type: 'invoke',
  name: 'fileConsent/invoke',
  text: undefined,
  value: {
    type: 'fileUpload',
    action,
    context,
    ...(action === 'accept'
      ? {
          uploadInfo: {
            name,
            uploadUrl: `${h.recorder.serviceUrl}upload/${name}`,
            contentUrl: `https://contoso-my.sharepoint.com/personal/sec/Documents/Applications/Consult/${name}`,
            uniqueId: '1d2b3c4e-5f60-4718-9a2b-3c4d5e6f7a8b',
            fileType: 'csv',
          },
        }
      : {}),
  },
});

/** Every call the bot made since `since`, and whether any of it reached the channel (posts or thread replies). */
const since = (n: number) => h.recorder.calls.slice(n);
/** What was sent to the channel (reading its member list, for the ballot's refresh audience, sends nothing). */
const inTheChannel = (calls: Recorded[]) =>
  calls.filter((c) => c.method !== 'GET' && (c.conversation === CHANNEL || c.conversation.startsWith(`${CHANNEL};`)));
const consentCards = (calls: Recorded[]) =>
  calls.flatMap((c) =>
    ((c.body.attachments as { contentType: string }[] | undefined) ?? []).filter((a) => a.contentType === CONSENT),
  ) as unknown as {
    name: string;
    content: { sizeInBytes: number; acceptContext: unknown; declineContext: unknown; description: string };
  }[];

async function exportInChannel(): Promise<{ calls: Recorded[]; context: unknown; size: number }> {
  const before = h.recorder.calls.length;
  expect((await inChannel(sec, 'export T1')).status).toBe(200);
  await h.consult.idle();
  const calls = since(before);
  const [card] = consentCards(calls);
  return { calls, context: card?.content.acceptContext, size: card?.content.sizeInBytes ?? 0 };
}

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  for (const line of [`roster add teams:${mx.userId} "Mexico" member`, `roster add teams:${ke.userId} "Kenya" member`])
    expect((await inPersonalChat(sec, line)).status).toBe(200);
  await inPersonalChat(mx, 'help');
});
afterAll(() => h?.close());

describe('in a Teams channel', () => {
  it('a launch posts the ballot in the channel; the confirmation goes to the secretariat alone', async () => {
    const before = h.recorder.calls.length;
    expect((await inChannel(sec, 'theme "Labour mobility" "Climate and migration" live')).status).toBe(200);
    await h.consult.idle();
    const calls = since(before);
    const channel = inTheChannel(calls);
    expect(channel).toHaveLength(1);
    expect(cardOf(channel[0]).refresh).toBeDefined(); // the ballot, nothing else
    const mine = calls.filter((c) => c.conversation === sec.conversationId);
    expect(textsOf(cardOf(mine[0])).join(' ')).toContain('T1');
  });

  it("the secretariat's export: nothing in the channel; the 1:1 chat gets the note and a file consent card, not the CSV inline", async () => {
    const { calls, size } = await exportInChannel();
    expect(inTheChannel(calls)).toEqual([]);
    expect(calls.every((c) => c.conversation === sec.conversationId)).toBe(true);
    expect(JSON.stringify(calls)).not.toContain('```');
    const [card] = consentCards(calls);
    expect(card).toMatchObject({
      name: 'consult-T1.csv',
      content: { description: teamsTexts('en').fileOffer('consult-T1.csv') },
    });
    expect(size).toBeGreaterThan(50);
    expect(h.teams.files.pending).toBe(1);
  });

  it('accepting the card uploads the whole CSV to the upload URL Teams gave, then shows a file card; the offer works once', async () => {
    const { context, size } = await exportInChannel();
    const before = h.recorder.calls.length;
    const res = await h.post(consentAnswer(sec, 'accept', context));
    expect(res.status).toBe(200);
    const upload = h.recorder.uploads.at(-1)!;
    expect(upload.path).toBe('/upload/consult-T1.csv');
    expect(upload.contentRange).toBe(`bytes 0-${size - 1}/${size}`);
    expect(Buffer.byteLength(upload.text)).toBe(size);
    expect(upload.text.split('\n')[0]).toMatch(/^at,|,/);
    const info = since(before).flatMap((c) => (c.body.attachments as { contentType: string }[] | undefined) ?? []);
    expect(info).toEqual([expect.objectContaining({ contentType: FILE_INFO, name: 'consult-T1.csv' })]);
    expect(since(before).every((c) => c.conversation === sec.conversationId)).toBe(true);

    // Answering the same card again uploads nothing.
    const uploads = h.recorder.uploads.length;
    const again = h.recorder.calls.length;
    expect((await h.post(consentAnswer(sec, 'accept', context))).status).toBe(200);
    expect(h.recorder.uploads).toHaveLength(uploads);
    expect(since(again).map((c) => c.body.text)).toEqual([teamsTexts('en').fileExpired]);
  });

  it("someone else cannot take the secretariat's file with its card's context", async () => {
    const { context } = await exportInChannel();
    const uploads = h.recorder.uploads.length;
    expect((await h.post(consentAnswer(mx, 'accept', context))).status).toBe(200);
    expect(h.recorder.uploads).toHaveLength(uploads);
    // The secretariat still can.
    expect((await h.post(consentAnswer(sec, 'accept', context))).status).toBe(200);
    expect(h.recorder.uploads).toHaveLength(uploads + 1);
  });

  it('a declined or expired offer uploads nothing and says so', async () => {
    const declined = await exportInChannel();
    const uploads = h.recorder.uploads.length;
    let before = h.recorder.calls.length;
    expect((await h.post(consentAnswer(sec, 'decline', declined.context))).status).toBe(200);
    expect(since(before).map((c) => c.body.text)).toEqual([teamsTexts('en').fileDeclined('consult-T1.csv')]);

    const late = await exportInChannel();
    h.setTime('2024-03-01T08:31:00Z'); // more than 30 minutes later: the offer is gone from memory
    before = h.recorder.calls.length;
    expect((await h.post(consentAnswer(sec, 'accept', late.context))).status).toBe(200);
    expect(since(before).map((c) => c.body.text)).toEqual([teamsTexts('en').fileExpired]);
    expect(h.recorder.uploads).toHaveLength(uploads);
    expect(h.teams.files.pending).toBe(0);
  });

  it("the secretariat's roster list: nothing in the channel, the list in the 1:1 chat", async () => {
    const before = h.recorder.calls.length;
    expect((await inChannel(sec, 'roster list')).status).toBe(200);
    await h.consult.idle();
    const calls = since(before);
    expect(inTheChannel(calls)).toEqual([]);
    const text = calls.flatMap((c) => textsOf(cardOf(c))).join(' ');
    expect(text).toContain('Mexico');
    expect(text).toContain('Kenya');
    expect(calls.every((c) => c.conversation === sec.conversationId)).toBe(true);
  });

  it('a delegate who never wrote to the bot types a malformed command: the bot opens a 1:1 chat for the error, in her language', async () => {
    const before = h.recorder.calls.length;
    expect((await inChannel(ke, 'vote T1 banana')).status).toBe(200);
    await h.consult.idle();
    const calls = since(before);
    expect(inTheChannel(calls)).toEqual([]);
    const opened = calls.find((c) => c.path === '/v3/conversations')!;
    expect(opened.body).toMatchObject({ members: [{ id: ke.userId }], tenantId: TENANT, isGroup: false });
    const error = calls.find((c) => c.conversation === opened.conversation && c.method === 'POST' && c !== opened)!;
    const card = cardOf(error);
    expect(card.lang).toBe('fr');
    expect(textsOf(card).length).toBeGreaterThan(0);
    // Help asked in the channel (a bare mention) goes to her too, in the chat now known.
    const helpBefore = h.recorder.calls.length;
    expect((await inChannel(ke, '')).status).toBe(200);
    expect(since(helpBefore).map((c) => c.conversation)).toEqual([opened.conversation]);
  });

  it('an export asked by a card action answers in the invoke response; the file consent card goes to the 1:1 chat only', async () => {
    const before = h.recorder.calls.length;
    const res = await h.post(
      teamsActivity('invoke-adaptive-card-action', {
        ...common(),
        channelId: CHANNEL,
        ...sec,
        replyToId: 'msg-1',
        value: {
          action: { type: 'Action.Execute', verb: 'consult', data: { command: { type: 'export', id: 'T1' } } },
          trigger: 'manual',
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textsOf(res.body.value).join(' ')).toContain('T1');
    const calls = since(before);
    expect(inTheChannel(calls)).toEqual([]);
    expect(consentCards(calls)).toHaveLength(1);
    expect(calls.map((c) => c.conversation)).toEqual([sec.conversationId]);
  });

  it("a delegate's vote by card answers only her, in the invoke response; the channel's ballot updates for everyone", async () => {
    const ballot = h.recorder.calls.find((c) => c.conversation === CHANNEL && c.method === 'POST')!;
    const [vote] = actionsOf(cardOf(ballot));
    const before = h.recorder.calls.length;
    const res = await h.post(
      teamsActivity('invoke-adaptive-card-action', {
        ...common(),
        channelId: CHANNEL,
        ...mx,
        replyToId: ballot.id,
        value: { action: { type: 'Action.Execute', verb: vote.verb, data: vote.data }, trigger: 'manual' },
      }),
    );
    expect(textsOf(res.body.value)).toContain(t('en').ballot.yourVote('Mexico', '1. Labour mobility'));
    await h.consult.idle();
    const channel = inTheChannel(since(before));
    expect(channel.map((c) => c.method)).toEqual(['PUT']);
    expect(textsOf(cardOf(channel[0])).join(' ')).not.toContain('Mexico');
  });

  it('when the 1:1 chat cannot be opened, the channel gets a neutral note that reveals nothing of the answer', async () => {
    h.recorder.refuseConversations = true;
    const stranger = { userId: '29:1xx-nobody', userName: 'Somebody' };
    try {
      const before = h.recorder.calls.length;
      expect((await inChannel(stranger, 'status T1')).status).toBe(200);
      const calls = since(before);
      expect(calls).toHaveLength(1);
      expect(calls[0].conversation.startsWith(`${CHANNEL};messageid=`)).toBe(true);
      expect(calls[0].body.text).toBe(teamsTexts('en').cannotReachPrivately);
      expect(calls[0].body.attachments).toBeUndefined();
    } finally {
      h.recorder.refuseConversations = false;
    }
  });
});
