/**
 * Who may talk to /api/messages, and where the bot may answer. With an app id, only requests
 * carrying a valid Bot Framework JWT (checked by the SDK against the channel's signing keys,
 * here served locally), naming an allowed service URL and the organisation's tenant; in local
 * mode (TEAMS_LOCAL=1), only local tools on this machine.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startConnectorRecorder, type ConnectorRecorder } from './support/connector-recorder.ts';
import { startTokenIssuer, type TokenIssuer } from './support/token-issuer.ts';
import { publicCloudWithKeysAt } from './support/auth-settings.ts';

const APP_ID = '9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0b6c1f2e-3d4a-4e5f-9a8b-7c6d5e4f3a2b';
const CHANNEL = '19:general-delegates@thread.tacv2';

describe('with an app id configured', () => {
  let h: Harness;
  let issuer: TokenIssuer;
  /** A local sink that is not an allowed service URL: it must never be called. */
  let sink: ConnectorRecorder;
  const vars = () => ({
    serviceUrl: h.recorder.serviceUrl,
    tenantId: TENANT,
    botId: `28:${APP_ID}`,
    channelId: CHANNEL,
    teamId: CHANNEL,
    userId: '29:1sec',
    userName: 'Secretariat',
  });
  const launch = () => teamsActivity('message-channel-mention', { ...vars(), text: 'theme "A" "B"' });

  const token = (serviceurl = h.recorder.serviceUrl) => ({
    authorization: `Bearer ${issuer.sign({ aud: APP_ID, serviceurl })}`,
  });
  const nothingChanged = async () => {
    await h.consult.idle();
    expect(h.consult.store.all()).toEqual([]);
    expect(h.consult.adapterState.all('teams')).toEqual({});
    expect(h.recorder.calls).toEqual([]);
    expect(sink.calls).toEqual([]);
  };

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    sink = await startConnectorRecorder();
    // The recorder stands in for Teams' service; the real defaults would be Microsoft's hosts.
    const recorder = await startConnectorRecorder();
    h = await startHarness({
      secretariat: ['teams:29:1sec'],
      recorder,
      config: {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'not-used-in-these-tests',
        MICROSOFT_APP_TYPE: 'MultiTenant',
        MICROSOFT_APP_TENANT_ID: TENANT,
        TEAMS_SERVICE_URLS: `https://smba.trafficmanager.net/,${recorder.serviceUrl}`,
      },
      // The public cloud's settings, with the signing keys served locally (the SDK wants all of them once one is set).
      authSettings: publicCloudWithKeysAt(issuer.metadataUrl),
    });
  });
  afterAll(async () => {
    await h?.close();
    await issuer?.close();
    await sink?.close();
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
    await nothingChanged();
  });

  it('refuses a request without a Bearer token before reading its body', async () => {
    for (const authorization of [undefined, 'Basic c2VjOnNlYw==', 'Bearer']) {
      // The body never ends: only a refusal that does not wait for it can answer.
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(h.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': '100000',
            ...(authorization ? { authorization } : {}),
          },
        });
        req.on('response', (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.write('{"type":"message",');
      });
      expect(status, authorization).toBe(401);
    }
    await nothingChanged();
  });

  it('refuses an activity whose serviceUrl is a local sink that is not allowed, even with a token vouching for it: the sink receives nothing', async () => {
    const activity = teamsActivity('message-channel-mention', { ...vars(), serviceUrl: sink.serviceUrl, text: 'help' });
    const res = await h.post(activity, token(sink.serviceUrl));
    expect(res.status).toBe(403);
    const install = teamsActivity('conversation-update-install', { ...vars(), serviceUrl: sink.serviceUrl });
    expect((await h.post(install, token(sink.serviceUrl))).status).toBe(403);
    await nothingChanged();
    expect(h.logs.some((l) => l.includes('is not a Bot Framework service (TEAMS_SERVICE_URLS)'))).toBe(true);
  });

  it("an activity from another organisation's tenant does nothing: no reply, no reference, no tenant remembered", async () => {
    const foreign = { ...vars(), tenantId: OTHER_TENANT };
    const cases = [
      teamsActivity('message-channel-mention', { ...foreign, text: 'theme "A" "B"' }),
      teamsActivity('message-personal', { ...foreign, conversationId: 'a:1sec-other', text: 'status' }),
      teamsActivity('conversation-update-install', foreign),
      // Tenant in channelData and conversation that disagree: a forgery.
      {
        ...teamsActivity('message-personal', { ...vars(), conversationId: 'a:1sec', text: 'status' }),
        channelData: { tenant: { id: OTHER_TENANT } },
      },
    ];
    for (const activity of cases) expect((await h.post(activity, token())).status).toBe(403);
    await nothingChanged();
    // Logged once per reason, not once per request.
    expect(h.logs.filter((l) => l.includes(`tenant ${OTHER_TENANT}`))).toHaveLength(1);
  });

  it('accepts an activity with a valid channel token (the install is recorded)', async () => {
    const install = teamsActivity('conversation-update-install', vars());
    const res = await h.post(install, token());
    expect(res.status, h.logs.join('\n')).toBe(200);
    expect(h.consult.adapterState.all('teams')[CHANNEL]).toMatchObject({ conversation: { id: CHANNEL } });
    expect(h.consult.adapterState.all('teams')[`tenant:${TENANT}`]).toMatchObject({ tenantId: TENANT });
    expect(h.teams.authenticated).toBe(true);
    expect(h.logs.some((l) => l.includes('WITHOUT Bot Framework authentication'))).toBe(false);
  });
});

describe('local mode (TEAMS_LOCAL=1, no app id)', () => {
  let h: Harness;
  let remote = false;
  const vars = () => ({
    serviceUrl: h.recorder.serviceUrl,
    tenantId: TENANT,
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
    expect(h.logs.some((l) => l.includes('it comes from another machine (203.0.113.7)'))).toBe(true);
  });

  it.each([
    ['x-forwarded-for', '198.51.100.4'],
    ['x-forwarded-host', 'consult.example.org'],
    ['x-forwarded-proto', 'https'],
    ['forwarded', 'for=198.51.100.4'],
    ['via', '1.1 proxy'],
    ['x-real-ip', '198.51.100.4'],
  ])(
    'refuses a request relayed on loopback (%s header): a tunnel would expose the unauthenticated bot',
    async (name, value) => {
      const res = await h.post(teamsActivity('message-personal', { ...vars(), conversationId: 'a:1', text: 'help' }), {
        [name]: value,
        connection: 'close',
      });
      expect(res.status).toBe(403);
      expect(h.recorder.calls).toEqual([]);
    },
  );

  it('refuses a body not declared as JSON, a Host other than its loopback address and port, and a web page (Origin)', async () => {
    const body = JSON.stringify(teamsActivity('message-personal', { ...vars(), conversationId: 'a:1', text: 'help' }));
    const port = new URL(h.url).port;
    const send = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(h.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    const refused: Record<string, string>[] = [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { host: `consult.example.org` },
      { host: `127.0.0.1:${Number(port) + 1}` },
      { host: '127.0.0.1' },
      { host: `evil.example:${port}` },
      { origin: 'http://127.0.0.1:9' },
    ];
    for (const headers of refused) expect(await send(headers), JSON.stringify(headers)).toBe(403);
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) expect(await send({ host })).toBe(200);
    expect(h.recorder.calls).toHaveLength(2);
    h.recorder.calls.length = 0;
  });

  it('answers only service URLs on this machine', async () => {
    for (const serviceUrl of [
      'https://smba.trafficmanager.net/emea/',
      'http://192.0.2.10/',
      'http://localhost.example/',
    ])
      expect(
        (
          await h.post(
            teamsActivity('message-personal', { ...vars(), serviceUrl, conversationId: 'a:1', text: 'help' }),
          )
        ).status,
      ).toBe(403);
    const remembered = Object.values(h.consult.adapterState.all('teams')) as { serviceUrl?: string }[];
    expect(remembered.every((r) => r.serviceUrl === h.recorder.serviceUrl)).toBe(true);
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
