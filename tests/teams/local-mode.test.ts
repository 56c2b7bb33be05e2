/**
 * When /api/messages exists at all, and what local mode lets in, played as an attacker would over real
 * HTTP against the real composition root (createApp): a Slack-only install, a same-host reverse proxy
 * with nginx's defaults (Host rewritten, no forwarding header), and a web page on another origin.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/app.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startRecorder, type SlackRecorder } from '../slack/recorder.ts';
import { openBrowser, type Browser } from '../web/support/browser.ts';
import { startConnectorRecorder, type ConnectorRecorder } from './support/connector-recorder.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SEC = '29:1sec';

interface Running {
  app: App;
  url: string;
  port: number;
  logs: string[];
  close(): Promise<void>;
}

async function start(env: Record<string, string>): Promise<Running> {
  const root = await mkdtemp(join(tmpdir(), 'consult-teams-mount-'));
  const logs: string[] = [];
  const app = await createApp({
    env: {
      DATA_DIR: join(root, 'store'),
      PORT: '0',
      HOST: '127.0.0.1',
      BALLOT_SECRET: 'mount-test',
      SECRETARIAT: `teams:${SEC}`,
      ...env,
    },
    log: (line) => void logs.push(line),
  });
  const port = await app.start();
  return {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    logs,
    async close() {
      await app.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The secretariat launching a poll: what an attacker acting as them would send. */
const launch = (serviceUrl: string) =>
  JSON.stringify(
    teamsActivity('message-personal', {
      serviceUrl,
      tenantId: TENANT,
      botId: '28:consult',
      userId: SEC,
      userName: 'Secretariat',
      conversationId: 'a:1sec',
      text: 'theme "A" "B"',
    }),
  );

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('with only Slack configured', () => {
  let run: Running;
  let slack: SlackRecorder;
  let teams: ConnectorRecorder;
  beforeAll(async () => {
    slack = await startRecorder();
    teams = await startConnectorRecorder();
    run = await start({ SLACK_SIGNING_SECRET: 'slack-secret', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await run?.close();
    await slack?.close();
    await teams?.close();
  });

  it('a Bot Framework activity POSTed from loopback gets 404 and no outbound request is made', async () => {
    const before = slack.calls.length;
    expect(await post(`${run.url}/api/messages`, launch(teams.serviceUrl))).toBe(404);
    await run.app.consult.idle();
    expect(teams.calls).toEqual([]);
    expect(slack.calls.slice(before)).toEqual([]);
    expect(run.app.consult.store.all()).toEqual([]);
    expect(run.logs.some((l) => l.includes('/api/messages is off'))).toBe(true);
  });
});

describe('configuration that would open /api/messages too wide stops the start, naming the variable', () => {
  it.each([
    [{ TEAMS_LOCAL: '1', MICROSOFT_APP_ID: '9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11' }, 'TEAMS_LOCAL'],
    [{ TEAMS_LOCAL: 'yes' }, 'TEAMS_LOCAL'],
    [{ MICROSOFT_APP_ID: '9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11' }, 'MICROSOFT_APP_TENANT_ID'],
    [{ MICROSOFT_APP_ID: 'x', MICROSOFT_APP_TENANT_ID: 'contoso' }, 'MICROSOFT_APP_TENANT_ID'],
    [{ TEAMS_LOCAL: '1', TEAMS_ALLOWED_TENANTS: `${TENANT},not-a-tenant` }, 'TEAMS_ALLOWED_TENANTS'],
    [{ TEAMS_LOCAL: '1', TEAMS_SERVICE_URLS: 'http://smba.trafficmanager.net/' }, 'TEAMS_SERVICE_URLS'],
    [{ TEAMS_LOCAL: '1', TEAMS_SERVICE_URLS: 'https://*.net/' }, 'TEAMS_SERVICE_URLS'],
  ])('%o', async (env, variable) => {
    await expect(start(env)).rejects.toThrow(new RegExp(`Configuration variable ${variable} is invalid`));
  });
});

describe('TEAMS_LOCAL=1 (with the web chat on too)', () => {
  let run: Running;
  let teams: ConnectorRecorder;
  let proxy: http.Server;
  let proxyUrl = '';
  /** How the proxy rewrites Host: nginx's default is the upstream name of proxy_pass. */
  let hostFor: (incoming: string) => string = () => 'consult-backend';

  beforeAll(async () => {
    teams = await startConnectorRecorder();
    run = await start({ TEAMS_LOCAL: '1', WEBCHAT: 'on' });
    // A plain reverse proxy on the same machine: no X-Forwarded-For, no Forwarded, no Via.
    proxy = http.createServer((req, res) => {
      const headers = { ...req.headers, host: hostFor(String(req.headers.host)) };
      const upstream = http.request(
        { host: '127.0.0.1', port: run.port, path: req.url, method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await run?.close();
    await teams?.close();
  });

  const nothingRecorded = async () => {
    await run.app.consult.idle();
    expect(teams.calls).toEqual([]);
    expect(run.app.consult.store.all()).toEqual([]);
    expect(run.app.consult.adapterState.all('teams')).toEqual({});
  };

  it('says at start that local mode is on and must never sit behind a proxy or tunnel', () => {
    const line = run.logs.find((l) => l.includes('LOCAL MODE (TEAMS_LOCAL=1)'));
    expect(line).toContain('WITHOUT Bot Framework authentication');
    expect(line).toContain('Never put it behind a proxy or tunnel');
    expect(run.logs.some((l) => l.includes('Teams at /api/messages in LOCAL MODE'))).toBe(true);
  });

  it.each([
    ['rewritten to the upstream name', () => 'consult-backend'],
    ['rewritten to the upstream name and port', () => `consult-backend:${run.port}`],
    ['passed through from the public name', (incoming: string) => incoming.replace(/^[^:]+/, 'consult.example.org')],
  ])(
    'behind a plain reverse proxy (Host %s): the activity and the web chat are refused, nothing recorded',
    async (_name, rewrite) => {
      hostFor = rewrite;
      expect(await post(`${proxyUrl}/api/messages`, launch(teams.serviceUrl))).toBe(403);
      expect(await post(`${proxyUrl}/webchat/token`, JSON.stringify({ conversation: 'channel' }))).toBe(403);
      const page = await fetch(`${proxyUrl}/`);
      expect(page.status).toBe(403);
      await nothingRecorded();
    },
  );

  it('a page on another origin in a browser on this machine POSTing text/plain is refused, nothing recorded', async () => {
    // The attacker's page, on another origin of this machine.
    const site = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>cat pictures</title>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    let browser: Browser | undefined;
    const logsBefore = run.logs.length;
    try {
      browser = await openBrowser('en-US');
      await browser.page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      const results = await browser.page.evaluate(
        async ({ target, body }) => {
          const out: string[] = [];
          // A "simple" request: no preflight, the browser sends it whatever the server thinks of CORS.
          await fetch(target, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body,
          }).then(
            (r) => out.push(r.type),
            (e) => out.push(String(e)),
          );
          // JSON needs a preflight, which the bot never grants.
          await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
            (r) => out.push(String(r.status)),
            () => out.push('blocked'),
          );
          return out;
        },
        { target: `${run.url}/api/messages`, body: launch(teams.serviceUrl) },
      );
      expect(results).toEqual(['opaque', 'blocked']);
    } finally {
      await browser?.close();
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
    }
    expect(run.logs.slice(logsBefore).some((l) => l.includes('it was sent by a web page'))).toBe(true);
    await nothingRecorded();
  });

  it('the same request from a local tool (JSON, loopback Host and port, no proxy) is served', async () => {
    expect(await post(`${run.url}/api/messages`, launch(teams.serviceUrl))).toBe(200);
    await run.app.consult.idle();
    expect(run.app.consult.store.all().map((c) => c.id)).toEqual(['T1']);
    expect(teams.calls.length).toBeGreaterThan(0);
    expect(teams.calls.every((c) => c.conversation === 'a:1sec')).toBe(true);
  });
});
