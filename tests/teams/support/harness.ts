/**
 * A running Consult with the Teams adapter on a real HTTP server (127.0.0.1, random port),
 * a file store in a temp dir, a fake clock, and a connector recorder standing in for Teams.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsult } from '../../../src/consult.ts';
import { createFileStore } from '../../../src/store/file-store.ts';
import { createHttpServer } from '../../../src/server.ts';
import type { Consult } from '../../../src/consult-api.ts';
import type { OutboundMessage } from '../../../src/outbound.ts';
import {
  createTeamsAdapter,
  type TeamsAdapter,
  type TeamsConfig,
} from '../../../adapters/teams/create-teams-adapter.ts';
import { startConnectorRecorder, type ConnectorRecorder } from './connector-recorder.ts';
import { teamsActivity } from '../../fixtures/teams/activities.ts';

export interface Harness {
  consult: Consult;
  teams: TeamsAdapter;
  recorder: ConnectorRecorder;
  url: string;
  logs: string[];
  /** Messages the core handed to the recording Slack deliverer. */
  slack: OutboundMessage[];
  /** Milliseconds the pacer was asked to wait (nothing really sleeps). */
  paced: number[];
  setTime(iso: string): void;
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: TeamsConfig;
  /** The stand-in for Teams' service (when the test needs its URL in the configuration). */
  recorder?: ConnectorRecorder;
  authSettings?: Record<string, string>;
  secretariat?: string[];
  start?: string;
  /** Runs before the server listens (e.g. to make the server see a remote address). */
  beforeListen?: (server: ReturnType<typeof createHttpServer>) => void;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'consult-teams-'));
  let now = new Date(options.start ?? '2024-03-01T08:00:00Z').getTime();
  const clock = { now: () => new Date(now) };
  const logs: string[] = [];
  const log = (line: string) => void logs.push(line);
  const store = createFileStore({ dir });
  await store.open();
  const consult = createConsult({
    store,
    clock,
    timezone: 'Europe/Zurich',
    secretariat: (options.secretariat ?? ['teams:29:sec']) as never,
    ballotSecret: 'test-secret',
    log,
  });
  const slack: OutboundMessage[] = [];
  let slackSeq = 0;
  consult.registerDeliverer('slack', {
    deliver: async (m) => {
      slack.push(m);
      return `slack-ts-${++slackSeq}`;
    },
  });

  const recorder = options.recorder ?? (await startConnectorRecorder());
  const server = createHttpServer(log);
  let pacerTime = 0;
  const paced: number[] = [];
  const teams = createTeamsAdapter({
    consult,
    server,
    config: options.config ?? { TEAMS_LOCAL: true },
    log,
    authSettings: options.authSettings,
    now: () => now,
    pacing: {
      now: () => now + pacerTime,
      sleep: async (ms) => {
        paced.push(ms);
        pacerTime += ms;
      },
    },
  });
  options.beforeListen?.(server);
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/messages`;

  return {
    consult,
    teams,
    recorder,
    url,
    logs,
    slack,
    paced,
    setTime: (iso) => void (now = new Date(iso).getTime()),
    async post(activity, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* plain text */
      }
      return { status: res.status, body };
    },
    async close() {
      await consult.stop();
      await server.close();
      await recorder.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What a channel activity of the test tenant carries, for `teamsActivity` (fixtures/teams/activities.ts). */
export const channelVars = (h: Harness, channel: string) => ({
  serviceUrl: h.recorder.serviceUrl,
  tenantId: 't',
  botId: '28:bot',
  channelId: channel,
  teamId: channel,
});

/** `who` mentions the bot in `channel` with `text`. */
export const sayInChannel = (h: Harness, channel: string, who: object, text: string) =>
  h.post(teamsActivity('message-channel-mention', { ...channelVars(h, channel), ...who, text }));
