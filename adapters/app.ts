/**
 * The composition root: reads configuration, opens the store, builds the core, mounts the
 * adapters that are configured on one HTTP server. The core (src/) never imports adapters;
 * this file is where they meet.
 */
import { resolve } from 'node:path';
import { parseConfig, type Config } from '../src/config.ts';
import { createFileStore } from '../src/store/file-store.ts';
import { createConsult } from '../src/consult.ts';
import { createHttpServer, type HttpServer } from '../src/server.ts';
import { loadHistory } from '../src/domain/history.ts';
import type { Consult } from '../src/consult-api.ts';
import type { Clock } from '../src/clock.ts';
import { createTeamsAdapter, teamsMode } from './teams/create-teams-adapter.ts';
import { createSlackAdapter, slackConfigured, SLACK_DISABLED_LOG, type SlackAdapter } from './slack/index.ts';
import { mountWebChat, type WebChatOptions } from './web/mount.ts'; // local web chat (issue 5)
import { loadBallotKey } from './ballot-key.ts';

export interface App {
  config: Config;
  consult: Consult;
  http: HttpServer;
  /** Listens and starts the scheduler; resolves with the port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
  log?: (line: string) => void;
  /** Local web chat (issue 5): demo mode and its movable clock, as planned by main (adapters/web/demo.ts). */
  webchat?: WebChatOptions;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const config = parseConfig(opts.env);
  const store = createFileStore({ dir: resolve(config.DATA_DIR) });
  await store.open();
  const consult = createConsult({
    store,
    clock: opts.clock,
    timezone: config.CONSULT_TIMEZONE,
    secretariat: config.SECRETARIAT,
    ballotSecret: await loadBallotKey(config, store, log),
    history: loadHistory(),
    log,
  });
  const http = createHttpServer(log);
  http.route(
    'GET',
    '/healthz',
    (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, consultations: store.all().length }));
      // Answered even while a flood holds every other request slot.
    },
    { uncapped: true },
  );
  const mounted: string[] = [];

  // Slack: only with credentials; otherwise one log line says how to enable it.
  let slack: SlackAdapter | undefined;
  if (slackConfigured(config)) {
    slack = await createSlackAdapter({ consult, server: http, config, log });
    mounted.push(slack.mode === 'http' ? 'Slack at /slack/events' : 'Slack (Socket Mode)');
  } else log(SLACK_DISABLED_LOG);

  // Teams: only with an app id, or when local mode is asked for (TEAMS_LOCAL=1); otherwise /api/messages does not exist.
  if (teamsMode(config)) {
    const teams = createTeamsAdapter({ consult, server: http, config, log });
    mounted.push(
      teams.authenticated
        ? 'Teams at /api/messages'
        : 'Teams at /api/messages in LOCAL MODE (no authentication, this machine only; never behind a proxy or tunnel)',
    );
  } else
    log(
      'teams: not configured, /api/messages is off. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to connect Teams, or TEAMS_LOCAL=1 for local tools (see adapters/teams/README.md).',
    );

  // --- local web chat (issue 5): on with no platform configured, or WEBCHAT=on ---
  const webchat = await mountWebChat({ config, consult, http, log, ...opts.webchat });
  if (webchat) mounted.push(webchat.label);
  // --- end local web chat ---

  return {
    config,
    consult,
    http,
    async start() {
      const port = await http.listen(config.PORT, config.HOST);
      consult.start();
      log(
        `Consult is listening on port ${port} (${mounted.length ? mounted.join(', ') : 'no chat platform configured'}); store: ${resolve(config.DATA_DIR)}`,
      );
      return port;
    },
    async stop() {
      await slack?.stop();
      await consult.stop();
      await http.close();
      await store.close();
    },
  };
}
