/** Configuration, the app manifest, and the operator-facing errors. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { SlackConfigSchema } from '../../adapters/slack/config.ts';
import { createHttpServer } from '../../src/server.ts';
import { createSlackAdapter, SLACK_DISABLED_LOG, slackConfigured } from '../../adapters/slack/create-slack-adapter.ts';
import { startRecorder } from './recorder.ts';

const root = join(import.meta.dirname, '../..');

describe('Slack configuration', () => {
  it('is on with a bot token plus a signing secret (HTTP) or an app token (Socket Mode), off otherwise', () => {
    expect(slackConfigured(parseEnv(SlackConfigSchema, {}))).toBe(false);
    expect(slackConfigured(parseEnv(SlackConfigSchema, { SLACK_SIGNING_SECRET: 's' }))).toBe(false);
    expect(slackConfigured(parseEnv(SlackConfigSchema, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '' }))).toBe(
      false,
    );
    expect(slackConfigured(parseEnv(SlackConfigSchema, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(
      true,
    );
    expect(slackConfigured(parseEnv(SlackConfigSchema, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe(
      true,
    );
    expect(SLACK_DISABLED_LOG).toMatch(/SLACK_BOT_TOKEN/);
    expect(SLACK_DISABLED_LOG).toMatch(/SLACK_SIGNING_SECRET/);
    expect(SLACK_DISABLED_LOG.split('\n')).toHaveLength(1);
  });

  it('tells the operator what to fix when Slack rejects the bot token', async () => {
    const recorder = await startRecorder();
    recorder.fail('auth.test', 'invalid_auth');
    const consult = { clock: { now: () => new Date() }, registerDeliverer: () => {} } as any;
    await expect(
      createSlackAdapter({
        consult,
        server: createHttpServer(),
        config: {
          SLACK_BOT_TOKEN: 'xoxb-bad',
          SLACK_SIGNING_SECRET: 's',
          SLACK_API_URL: recorder.apiUrl,
          SLACK_APP_TOKEN: undefined,
        },
      }),
    ).rejects.toThrow(/Check SLACK_BOT_TOKEN/);
    await recorder.close();
  });
});

describe('manifest.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

  it('declares /consult (escaped), interactivity, the Home tab, app_home_opened and direct messages (roster files) on one placeholder URL', () => {
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: '/consult', should_escape: true, url: 'https://YOUR-HOST/slack/events' });
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: 'https://YOUR-HOST/slack/events',
    });
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: 'https://YOUR-HOST/slack/events',
      bot_events: ['app_home_opened', 'message.im'],
    });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    // A roster CSV is shared with the bot in a direct message: the Messages tab must take messages.
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.features.bot_user.display_name).toBe('Consult');
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });

  it('asks for exactly the bot scopes of the Web API methods the adapter calls', () => {
    const scopeOf: Record<string, string[]> = {
      'chat.postMessage': ['chat:write'],
      'chat.postEphemeral': ['chat:write'],
      'chat.update': ['chat:write'],
      'conversations.open': ['im:write'],
      'files.uploadV2': ['files:write'],
      'users.info': ['users:read'],
      'users.lookupByEmail': ['users:read.email'],
      // Looking for an owed message after a restart: in DMs (reminders) and in public or private channels (results).
      'conversations.history': ['im:history', 'channels:history', 'groups:history'],
      'views.open': [],
      'views.publish': [],
    };
    const dir = join(root, 'adapters/slack');
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const methods = new Set([...source.matchAll(/client\(\)\s*\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    for (const m of methods) expect(scopeOf, `scope of ${m}`).toHaveProperty([m]);
    // Files shared with the bot (roster CSVs) are downloaded from url_private with the bot token.
    const downloads = source.includes('url_private') ? ['files:read'] : [];
    const needed = new Set(['commands', ...downloads, ...[...methods].flatMap((m) => scopeOf[m])]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});

describe('Slack unreachable at start', () => {
  it('says so instead of blaming the token', async () => {
    const recorder = await startRecorder();
    const url = recorder.apiUrl;
    await recorder.close();
    const consult = { clock: { now: () => new Date() }, registerDeliverer: () => {} } as any;
    await expect(
      createSlackAdapter({
        consult,
        server: createHttpServer(),
        config: {
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_SIGNING_SECRET: 's',
          SLACK_API_URL: url,
          SLACK_APP_TOKEN: undefined,
        },
        networkRetries: 0,
      }),
    ).rejects.toThrow(/Could not reach Slack/);
  });
});

describe('Socket Mode', () => {
  it('with SLACK_APP_TOKEN, connects through apps.connections.open with the app token and mounts no HTTP route', async () => {
    const recorder = await startRecorder();
    recorder.fail('apps.connections.open', 'invalid_auth');
    const server = createHttpServer();
    const routes: string[] = [];
    const spy = {
      ...server,
      route: (m: string, p: string, hnd: any) => {
        routes.push(`${m} ${p}`);
        server.route(m, p, hnd);
      },
    };
    const consult = {
      clock: { now: () => new Date() },
      registerDeliverer: () => {},
      registerDirectory: () => {},
      idle: async () => {},
    } as any;
    await expect(
      createSlackAdapter({
        consult,
        server: spy,
        config: {
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_APP_TOKEN: 'xapp-1-test',
          SLACK_SIGNING_SECRET: undefined,
          SLACK_API_URL: recorder.apiUrl,
        },
        networkRetries: 0,
      }),
    ).rejects.toThrow(/Check SLACK_APP_TOKEN/);
    const open = recorder.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(routes).toEqual([]);
    await recorder.close();
  });
});
