/**
 * With PUBLIC_URL set, Teams cards link to their chart (`PUBLIC_URL/charts/<token>.png`) instead
 * of carrying it as a data URI, and the bot serves it there while the link is genuine and unexpired.
 * The real composition root (createApp: config, store on disk, HTTP server, Teams adapter in local
 * mode), Teams' service answered by the connector recorder, real HTTP requests for the image.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/app.ts';
import { createChartLinks, CHART_LINK_TTL_MS } from '../../src/report/chart-links.ts';
import { PALETTE } from '../../src/report/palette.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { adaptiveCardErrors } from '../teams/support/adaptive-card-schema.ts';
import { cardOf, walk } from '../teams/support/cards.ts';
import { startConnectorRecorder, type ConnectorRecorder } from '../teams/support/connector-recorder.ts';
import { decodePng, inkAndColour } from './support.ts';

const PUBLIC_URL = 'https://consult.example.org';
const SECRET = 'chart-links-test-secret';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';
const TEAMS_MESSAGE_LIMIT = 28 * 1024;
const sec = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const delegates = ['mx', 'ke', 'ph'].map((d) => ({ userId: `29:1${d}`, userName: d }));

let app: App;
let dir: string;
let base: string;
let recorder: ConnectorRecorder;
let now = new Date('2026-03-02T08:00:00Z').getTime();
const clock = { now: () => new Date(now) };

const common = () => ({ serviceUrl: recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });
const post = (activity: unknown) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
const say = (who: { userId: string; userName: string }, text: string) =>
  post(teamsActivity('message-channel-mention', { ...common(), channelId: CHANNEL, ...who, text }));
/** The image's path on this server (the link names the public address, the test reaches it locally). */
const local = (url: string) => `${base}${new URL(url).pathname}`;

let resultsCard: Record<string, any>;
let resultsActivity: Record<string, any>;
let link: string;

beforeAll(async () => {
  recorder = await startConnectorRecorder();
  dir = await mkdtemp(join(tmpdir(), 'consult-chart-links-'));
  app = await createApp({
    env: {
      DATA_DIR: join(dir, 'store'),
      PORT: '0',
      HOST: '127.0.0.1',
      TEAMS_LOCAL: '1',
      PUBLIC_URL,
      BALLOT_SECRET: SECRET,
      SECRETARIAT: `teams:${sec.userId}`,
    },
    clock,
    log: () => {},
  });
  base = `http://127.0.0.1:${await app.start()}`;
  await post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  for (const [i, d] of delegates.entries()) await say(sec, `roster add teams:${d.userId} "Delegation ${i}" member`);
  await say(sec, 'theme "Managing Migration in Crisis Situations" "Families and migration"');
  for (const [i, n] of [1, 1, 2].entries()) await say(delegates[i], `vote T1 ${n}`);
  const before = recorder.calls.length;
  await say(sec, 'close T1 confirm');
  await app.consult.idle();
  const call = recorder.calls
    .slice(before)
    .find((c) => c.method === 'POST' && c.conversation === CHANNEL && !c.activityId && !cardOf(c).refresh);
  if (!call) throw new Error('no results post for T1');
  resultsActivity = call.body as Record<string, any>;
  resultsCard = resultsActivity.attachments[0].content;
  link = walk(resultsCard.body).find((n) => n.type === 'Image')?.url;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await recorder?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('chart links (PUBLIC_URL)', () => {
  it('the Teams results card references the chart by PUBLIC_URL/charts/<token>.png, not a data URI, and still validates', () => {
    expect(link).toMatch(/^https:\/\/consult\.example\.org\/charts\/[A-Za-z0-9._-]{50,}\.png$/);
    expect(JSON.stringify(resultsCard)).not.toContain('data:image');
    expect(adaptiveCardErrors(resultsCard)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(resultsActivity))).toBeLessThanOrEqual(TEAMS_MESSAGE_LIMIT);
    // The text bars stay beside it.
    expect(JSON.stringify(resultsCard)).toContain('█');
  });

  it('the bot serves the chart at that link: a PNG that decodes and shows the decision', async () => {
    const res = await fetch(local(link));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('private');
    const { pixels, width, height } = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(100);
    const { ink, has } = inkAndColour(pixels, PALETTE.decided);
    expect(ink).toBeGreaterThan(0.02);
    expect(has).toBe(true);
  });

  it('forged, altered or foreign tokens serve nothing (404)', async () => {
    const token = new URL(link).pathname.slice('/charts/'.length, -'.png'.length);
    const [id, lang, expires, mac] = token.split('.');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const forged = [
      `${id}.${lang}.${expires}.${flip(mac, 0)}`, // signature altered
      `${id}.${lang}.${expires}.${flip(mac, mac.length - 1)}`,
      `T2.${lang}.${expires}.${mac}`, // another consultation, same signature
      `${id}.fr.${expires}.${mac}`, // another language
      `${id}.${lang}.${(Number.parseInt(expires, 36) + 86_400).toString(36)}.${mac}`, // extended expiry
      `${id}.${lang}.${expires}`, // no signature
      'x'.repeat(60),
    ];
    for (const t of forged) {
      const res = await fetch(`${base}/charts/${t}.png`);
      expect(res.status, t).toBe(404);
      expect(res.headers.get('content-type'), t).not.toBe('image/png');
    }
    for (const path of [
      '/charts/',
      '/charts/..%2Fmeta.json',
      `/charts/${token}.png/x`,
      `/charts/${'a'.repeat(5000)}.png`,
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('a genuine link to a chart that no card shows (an open, hidden consultation) serves nothing', async () => {
    await say(sec, 'theme "Labour mobility" "Migration and health"');
    await say(delegates[0], 'vote T2 1');
    // Signed with the bot's own key: the route still refuses, since hidden results have no chart yet.
    const links = createChartLinks({ publicUrl: PUBLIC_URL, secret: SECRET, now: clock.now });
    const res = await fetch(local(links.url('T2', 'en')));
    expect(res.status).toBe(404);
    // The same kind of link to the closed T1 is served: the key is the bot's.
    expect((await fetch(local(links.url('T1', 'fr')))).status).toBe(200);
  });

  it('past its expiry a link is gone (410), and a card drawn later carries a new link that works', async () => {
    now += CHART_LINK_TTL_MS + 60_000;
    const res = await fetch(local(link));
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).not.toBe('image/png');
    expect(await res.text()).toMatch(/expired/);

    // `history` shows the chart of each closed consultation: with a fresh link.
    const before = recorder.calls.length;
    await say(sec, 'history');
    const reply = recorder.calls.slice(before).find((c) => c.method === 'POST' && cardOf(c).body);
    const fresh = walk(cardOf(reply!).body).find((n) => n.type === 'Image')?.url as string;
    expect(fresh).toMatch(/^https:\/\/consult\.example\.org\/charts\//);
    expect(fresh).not.toBe(link);
    expect((await fetch(local(fresh))).status).toBe(200);
  });
});
