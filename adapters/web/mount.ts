/**
 * Mounts the local web chat on the shared server: the page, a Direct Line 3.0 endpoint, the
 * connector routes the bot answers to, and the bot itself (the Teams adapter's, as `web`).
 * On when no chat platform is configured (WEBCHAT=auto) or with WEBCHAT=on; loopback only
 * unless WEBCHAT_HOST says otherwise.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config.ts';
import type { Log } from '../../src/log.ts';
import type { Deliverer } from '../../src/outbound.ts';
import type { Consult } from '../../src/consult-api.ts';
import type { HttpServer } from '../../src/server.ts';
import { createWebBot } from './bot.ts';
import { mountConnector } from './connector.ts';
import { createConversations } from './conversations.ts';
import type { WebChatConfig } from './config.ts';
import { type DemoClock, seedDemoRoster } from './demo.ts';
import { createDirectLine } from './directline.ts';
import { createWebFiles } from './files.ts';
import { isLoopbackHost, localGuard } from './http.ts';
import { mountPage } from './page.ts';

export interface WebChatOptions {
  /** Demo mode: the store is the demo store (see planLocalRun) and the clock can be moved. */
  demo?: boolean;
  clock?: DemoClock;
}

export interface MountOptions extends WebChatOptions {
  config: WebChatConfig;
  core: Config;
  consult: Consult;
  http: HttpServer;
  log: Log;
}

/** WEBCHAT=on, or auto while no chat platform holds credentials. */
export function webChatEnabled(config: WebChatConfig, platformConfigured: boolean): boolean {
  return config.WEBCHAT === 'on' || (config.WEBCHAT === 'auto' && !platformConfigured);
}

/** The address a person opens once the server listens on `port`. */
export function webChatAddress(config: WebChatConfig, port: number): string {
  const host =
    isLoopbackHost(config.WEBCHAT_HOST) || config.WEBCHAT_HOST === '0.0.0.0' ? 'localhost' : config.WEBCHAT_HOST;
  return `http://${host}:${port}/`;
}

const BOT = { id: 'consult-bot', name: 'Consult' };

export interface MountedWebChat {
  label: string;
  deliverer: Deliverer;
  demo: boolean;
}

export async function mountWebChat(options: MountOptions): Promise<MountedWebChat> {
  const { config, core, consult, http, log } = options;
  const demo = Boolean(options.demo && options.clock);
  const guard = localGuard(config.WEBCHAT_HOST);
  const conversations = createConversations(() => consult.clock.now());
  const base = `/webchat/connector/${randomBytes(16).toString('hex')}`;

  // The bot calls back on this server's own address, whichever port it got.
  const serviceUrl = () => {
    const a = http.server.address() as AddressInfo | null;
    const host =
      !a || a.address === '0.0.0.0' || a.address === '::'
        ? '127.0.0.1'
        : a.family === 'IPv6'
          ? `[${a.address}]`
          : a.address;
    return `http://${host}:${a?.port ?? core.PORT}${base}/`;
  };
  const files = createWebFiles();
  files.mount(http, guard);
  const bot = createWebBot(consult, serviceUrl, log, files);
  const directLine = createDirectLine({ conversations, toBot: (a) => bot.run(a), serviceUrl, bot: BOT, log });
  directLine.mount(http, guard);
  mountConnector(http, { conversations, base, bot: BOT }, guard);
  mountPage(http, {
    consult,
    conversations,
    directLine,
    secretariat: core.SECRETARIAT,
    demo,
    clock: options.clock,
    guard,
    publicUrl: core.PUBLIC_URL,
  });

  if (demo) {
    options.clock!.offsetMs = Number(consult.adapterState.get('web', 'clockOffsetMs') ?? 0) || 0;
    const seeded = await seedDemoRoster(consult);
    log(
      `DEMO MODE: no chat platform is configured and the data directory is empty, so Consult runs on a demo store (${core.DATA_DIR})${seeded ? ' with a new demo roster' : ''}. Nothing in it touches a real store; configure Slack or Teams, or set DATA_DIR to a store, to leave demo mode.`,
    );
  }
  if (!isLoopbackHost(config.WEBCHAT_HOST))
    log(
      `web chat: WEBCHAT_HOST=${config.WEBCHAT_HOST}: the local chat accepts other machines, with no sign-in`,
      'warn',
    );
  return { label: demo ? 'local web chat (demo)' : 'local web chat', deliverer: bot.deliverer, demo };
}
