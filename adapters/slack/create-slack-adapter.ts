/**
 * The Slack adapter: a Bolt app on the shared server's POST /slack/events (or Socket Mode
 * when SLACK_APP_TOKEN is set), translating Slack interactions into core requests and
 * delivering the core's messages. Everything arrives as options; nothing reads process.env.
 */
import { App, LogLevel, SocketModeReceiver, type Logger } from '@slack/bolt';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Consult } from '../../src/consult-api.ts';
import type { HttpServer } from '../../src/server.ts';
import type { Log } from '../../src/log.ts';
import type { Deliverer } from '../../src/outbound.ts';
import type { SlackConfig } from './config.ts';
import { createSlackDeliverer } from './deliverer.ts';
import { createStaleCards } from '../shared/stale-cards.ts';
import { registerHandlers } from './handlers.ts';
import { SLACK_BODY_LIMIT } from './limits.ts';
import { createLocaleCache } from './locale.ts';
import { createSlackDirectory } from './directory.ts';
import { createFileDownloader } from './files.ts';
import { createPacer, realSleep, type Sleep } from './pacer.ts';
import { SlackHttpReceiver } from './receiver.ts';
import { createAfterAck } from './after-ack.ts';
import { createReplayGuard } from './replay-guard.ts';
import { createReplies } from './replies.ts';
import { createSlackWeb } from './web.ts';
import { createWorkspaceGuard, installedFrom } from './workspace.ts';

export { slackConfigured } from './config.ts';

/** The one log line main prints when Slack is not configured. */
export const SLACK_DISABLED_LOG =
  'Slack adapter off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) to enable it; see adapters/slack/README.md.';

export interface SlackAdapterOptions {
  consult: Consult;
  server: HttpServer;
  config: SlackConfig;
  log?: Log;
  /** Waits between paced posts and after a 429; tests pass one that returns at once. */
  sleep?: Sleep;
  /** Milliseconds since the epoch for the signature freshness check; defaults to the core's clock. */
  now?: () => number;
  /** Retries of a Web API call after a network error or 5xx (the WebClient's own backoff); tests pass 0. */
  networkRetries?: number;
  /** The slash command as named in the app's manifest. */
  slashCommand?: string;
}

export interface SlackAdapter {
  readonly app: App;
  readonly client: WebClient;
  readonly mode: 'http' | 'socket';
  readonly deliverer: Deliverer;
  /** Resolves when all received requests and their deliveries are done (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

function boltLogger(log: Log): Logger {
  let level = LogLevel.INFO;
  const rank = { debug: 0, info: 1, warn: 2, error: 3 } as const;
  const at =
    (l: LogLevel) =>
    (...msg: unknown[]) => {
      if (rank[l] >= rank[level]) log(`slack ${l}: ${msg.map(String).join(' ')}`, l);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}

export async function createSlackAdapter(opts: SlackAdapterOptions): Promise<SlackAdapter> {
  const { consult, server, config } = opts;
  const log = opts.log ?? (() => {});
  if (!config.SLACK_BOT_TOKEN)
    throw new Error(
      'SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from the Slack app\'s "OAuth & Permissions" page.',
    );
  const socket = Boolean(config.SLACK_APP_TOKEN);
  if (!socket && !config.SLACK_SIGNING_SECRET)
    throw new Error(
      'SLACK_SIGNING_SECRET is missing: copy the Signing Secret from the Slack app\'s "Basic Information" page.',
    );
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? (() => consult.clock.now().getTime());
  const logger = boltLogger(log);
  logger.setLevel(LogLevel.WARN);

  const afterAck = createAfterAck();
  const receiver = socket
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN!,
        logger,
        installerOptions: { clientOptions: config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {} },
      })
    : new SlackHttpReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET!,
        now,
        replay: createReplayGuard({ now }),
        afterAck,
        logger,
      });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    deferInitialization: true,
    // Consult keeps no per-conversation state in Bolt: skip its conversation store on every request.
    convoStore: false,
    clientOptions: {
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
      // 429s come back to us (rate-limit.ts) so waits use the injectable sleep.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: opts.networkRetries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    },
  });
  try {
    await app.init();
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (e.code === ErrorCode.PlatformError)
      throw new Error(
        `Slack rejected the bot token (auth.test: ${e.message}). Check SLACK_BOT_TOKEN and that the app is installed in the workspace.`,
        { cause: err },
      );
    throw new Error(
      `Could not reach Slack to check the bot token (${e.message}). Check the network${config.SLACK_API_URL ? ` and SLACK_API_URL (${config.SLACK_API_URL})` : ''}.`,
      { cause: err },
    );
  }

  // The one workspace served: requests naming another are dropped (workspace.ts).
  const workspace = createWorkspaceGuard(installedFrom(await app.client.auth.test(), config.SLACK_TEAM_ID), (line) =>
    logger.warn(line),
  );
  if (receiver instanceof SlackHttpReceiver) receiver.workspace = workspace;
  else
    app.use(async (args) => {
      if (workspace.allows(args.body as Record<string, unknown>)) return args.next();
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
    });

  const web = createSlackWeb({ client: () => app.client, pacer: createPacer({ now, sleep }), sleep, log });
  const deliverer = createSlackDeliverer(web, log, { now, sleep, staleCards: createStaleCards(consult, 'slack', log) });
  const replies = createReplies({ web, deliverer, log });
  const locales = createLocaleCache(() => app.client, log, { now });
  const handlers = registerHandlers(app, {
    consult,
    replies,
    web,
    locales,
    log,
    afterAck,
    slashCommand: opts.slashCommand,
    download: createFileDownloader({ token: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL }),
  });
  consult.registerDeliverer('slack', deliverer);
  consult.registerDirectory('slack', createSlackDirectory({ web, profiles: locales, sleep, log }));

  if (receiver instanceof SlackHttpReceiver) {
    receiver.blockActions = handlers.blockActions;
    server.route('POST', '/slack/events', receiver.handler, { bodyLimit: SLACK_BODY_LIMIT });
  } else {
    try {
      await app.start();
    } catch (err) {
      throw new Error(
        `Socket Mode could not connect (${(err as Error).message}). Check SLACK_APP_TOKEN: an app-level token (xapp-…) with the connections:write scope, and Socket Mode enabled in the app settings.`,
        { cause: err },
      );
    }
  }
  log(socket ? 'Slack adapter on (Socket Mode)' : 'Slack adapter on: POST /slack/events');

  return {
    app,
    client: app.client,
    mode: socket ? 'socket' : 'http',
    deliverer,
    async idle() {
      // Requests finish first, then the background deliveries they started in the core.
      if (receiver instanceof SlackHttpReceiver) await receiver.idle();
      await consult.idle();
    },
    async stop() {
      if (receiver instanceof SocketModeReceiver) await app.stop();
    },
  };
}
