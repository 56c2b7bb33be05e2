/** The results card in Teams carries the chart as an Image, and still validates and fits Teams' message size. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { cardOf, walk } from './support/cards.ts';
import { adaptiveCardErrors } from './support/adaptive-card-schema.ts';
import { decodePng, inkAndColour } from '../report/support.ts';
import { PALETTE } from '../../src/report/palette.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';
/** Teams refuses bot messages over about 28 KB. */
const TEAMS_MESSAGE_LIMIT = 28 * 1024;
const sec = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const delegates = ['mx', 'ke', 'ph', 'br'].map((d) => ({ userId: `29:1${d}`, userName: d }));

let h: Harness;
const common = () => ({ serviceUrl: h.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });
const say = (who: { userId: string; userName: string }, text: string) =>
  h.post(teamsActivity('message-channel-mention', { ...common(), channelId: CHANNEL, ...who, text }));

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  for (const [i, d] of delegates.entries()) await say(sec, `roster add teams:${d.userId} "Delegation ${i}" member`);
});
afterAll(async () => {
  await h?.close();
});

async function closeWithVotes(launch: string, votes: number[]): Promise<Record<string, any>> {
  await say(sec, launch);
  const id = h.consult.store.all().at(-1)!.id;
  for (const [i, n] of votes.entries()) await say(delegates[i], `vote ${id} ${n}`);
  const before = h.recorder.calls.length;
  await say(sec, `close ${id} confirm`);
  await h.consult.idle();
  const post = h.recorder.calls
    .slice(before)
    .find((c) => c.method === 'POST' && c.conversation === CHANNEL && !c.activityId && !cardOf(c).refresh);
  if (!post) throw new Error(`no results post for ${id}`);
  return post.body;
}

describe('Teams results card with its chart', () => {
  it('contains the chart as an Image (PNG data URI), validates against Adaptive Cards 1.5 and fits Teams’ size limit', async () => {
    const activity = await closeWithVotes(
      'theme "Managing Migration in Crisis Situations" "Families and migration"',
      [1, 1, 2],
    );
    const card = (activity.attachments as any[])[0].content;
    const images = walk(card.body).filter((n) => n.type === 'Image');
    expect(images).toHaveLength(1);
    expect(images[0].url).toMatch(/^data:image\/png;base64,/);
    expect(images[0].altText).toContain('✓ 1. Managing Migration in Crisis Situations: 2 votes · 67%');
    const png = Buffer.from(images[0].url.split(',')[1], 'base64');
    const { pixels } = decodePng(png);
    expect(inkAndColour(pixels, PALETTE.decided).has).toBe(true);
    expect(adaptiveCardErrors(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(TEAMS_MESSAGE_LIMIT);
    // The text bars stay, as the fallback; the secretariat's report button is on the card.
    expect(JSON.stringify(card)).toContain('█');
    expect(walk(card.body).some((n) => n.type === 'Action.Execute' && n.data?.command?.type === 'report')).toBe(true);
  });

  it('a card too large for a chart keeps its text bars, valid and within the limit, without the image', async () => {
    const long = (i: number) =>
      `"Option ${i}: ${'an exceptionally long and detailed workshop topic on international migration policy '.repeat(3).trim()}"`;
    const activity = await closeWithVotes(
      `topics ${Array.from({ length: 10 }, (_, i) => long(i + 1)).join(' ')} select 2`,
      [1, 2, 3, 4],
    );
    const card = (activity.attachments as any[])[0].content;
    expect(adaptiveCardErrors(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThanOrEqual(TEAMS_MESSAGE_LIMIT);
    expect(JSON.stringify(card)).toContain('Option 10');
    expect(walk(card.body).filter((n) => n.type === 'Image')).toEqual([]);
  });
});
