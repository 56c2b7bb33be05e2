/**
 * Who may talk to /api/messages. With an app id, only requests carrying a valid Bot Framework
 * JWT (checked by the SDK against the channel's signing keys, here served locally); without
 * one, only requests from this machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startTokenIssuer, type TokenIssuer } from './support/token-issuer.ts';

const APP_ID = '9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11';
const CHANNEL = '19:general-delegates@thread.tacv2';

describe('with an app id configured', () => {
  let h: Harness;
  let issuer: TokenIssuer;
  const vars = () => ({
    serviceUrl: h.recorder.serviceUrl,
    tenantId: 't',
    botId: `28:${APP_ID}`,
    channelId: CHANNEL,
    teamId: CHANNEL,
    userId: '29:1sec',
    userName: 'Secretariat',
  });
  const launch = () => teamsActivity('message-channel-mention', { ...vars(), text: 'theme "A" "B"' });

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    h = await startHarness({
      secretariat: ['teams:29:1sec'],
      config: {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-used-in-these-tests',
        MICROSOFT_APP_TYPE: 'MultiTenant',
      },
      // The public cloud's settings, with the signing keys served locally (the SDK wants all of them once one is set).
      authSettings: {
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        OAuthUrl: 'https://api.botframework.com',
        CallerId: 'urn:botframework:azure',
        ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: issuer.metadataUrl,
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await issuer?.close();
  });

  const refusals: [string, () => Record<string, string>][] = [
    ['no Authorization header', () => ({})],
    ['a bearer that is not a JWT', () => ({ authorization: 'Bearer not-a-token' })],
    [
      'a token signed with a key the channel does not publish',
      () => ({
        authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: h.recorder.serviceUrl }, { key: 'impostor', kid: 'impostor-key' })}`,
      }),
    ],
    [
      'a token forged with the channel key id but another key',
      () => ({
        authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: h.recorder.serviceUrl }, { key: 'impostor' })}`,
      }),
    ],
    [
      'a valid signature for another bot',
      () => ({ authorization: `Bearer ${issuer.sign({ aud: 'another-bot', serviceurl: h.recorder.serviceUrl })}` }),
    ],
    [
      'a valid token for another service URL',
      () => ({
        authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: 'https://smba.trafficmanager.net/evil/' })}`,
      }),
    ],
    [
      'an expired token',
      () => ({
        authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: h.recorder.serviceUrl, nbf: 1_600_000_000, exp: 1_600_003_600 })}`,
      }),
    ],
  ];

  it.each(refusals)('refuses %s with 401 and changes nothing', async (_name, headers) => {
    const res = await h.post(launch(), headers());
    expect(res.status).toBe(401);
    await h.consult.idle();
    expect(h.consult.store.all()).toEqual([]);
    expect(h.consult.adapterState.all('teams')).toEqual({});
    expect(h.recorder.calls).toEqual([]);
  });

  it('accepts an activity with a valid channel token (the install is recorded)', async () => {
    const install = teamsActivity('conversation-update-install', vars());
    const res = await h.post(install, {
      authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: h.recorder.serviceUrl })}`,
    });
    expect(res.status, h.logs.join('\n')).toBe(200);
    expect(h.consult.adapterState.all('teams')[CHANNEL]).toMatchObject({ conversation: { id: CHANNEL } });
    expect(h.teams.authenticated).toBe(true);
    expect(h.logs.some((l) => l.includes('WITHOUT Bot Framework authentication'))).toBe(false);
  });
});

describe('without an app id (local development)', () => {
  let h: Harness;
  let remote = false;
  const vars = () => ({
    serviceUrl: h.recorder.serviceUrl,
    tenantId: 't',
    botId: '28:local-bot',
    channelId: CHANNEL,
    teamId: CHANNEL,
    userId: '29:1sec',
    userName: 'Secretariat',
  });

  beforeAll(async () => {
    h = await startHarness({
      secretariat: ['teams:29:1sec'],
      // Lets a test make the server see the connection as coming from another machine.
      beforeListen: (server) =>
        server.server.prependListener('connection', (socket) => {
          if (remote) Object.defineProperty(socket, 'remoteAddress', { value: '203.0.113.7', configurable: true });
        }),
    });
  });
  afterAll(() => h?.close());

  it('refuses a request from a non-loopback address, and changes nothing', async () => {
    remote = true;
    try {
      const res = await fetch(h.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify(teamsActivity('message-channel-mention', { ...vars(), text: 'theme "A" "B"' })),
      });
      expect(res.status).toBe(403);
    } finally {
      remote = false;
    }
    expect(h.consult.store.all()).toEqual([]);
    expect(h.recorder.calls).toEqual([]);
    expect(h.logs.some((l) => l.includes('refused an unauthenticated request from 203.0.113.7'))).toBe(true);
  });

  it('refuses a forwarded request even on loopback (a tunnel would expose the unauthenticated bot)', async () => {
    const res = await h.post(teamsActivity('message-personal', { ...vars(), conversationId: 'a:1', text: 'help' }), {
      'x-forwarded-for': '198.51.100.4',
      connection: 'close',
    });
    expect(res.status).toBe(403);
    expect(h.recorder.calls).toEqual([]);
  });

  it('accepts a request from this machine, and logs once that it runs unauthenticated', async () => {
    const res = await h.post(teamsActivity('message-personal', { ...vars(), conversationId: 'a:1', text: 'help' }), {
      connection: 'close',
    });
    expect(res.status).toBe(200);
    expect(h.recorder.calls.length).toBe(1);
    expect(h.logs.filter((l) => l.includes('WITHOUT Bot Framework authentication'))).toHaveLength(1);
  });

  it('answers 400 to a body that is not an activity', async () => {
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      body: '{"nope":',
    });
    expect(res.status).toBe(400);
  });
});
