/**
 * The composition root: reads configuration, opens the store, builds the core, mounts the
 * platform adapters of the registry on one HTTP server. The core (src/) never imports adapters;
 * this file is where they meet, and it names no platform.
 */
import { resolve } from 'node:path';
import { ConfigError, parseConfig, parseEnv, type Config } from '../src/config.ts';
import { createFileStore } from '../src/store/file-store.ts';
import { createConsult } from '../src/consult.ts';
import { createHttpServer, type HttpServer } from '../src/server.ts';
import { healthzHandler } from '../src/scheduler/health.ts';
import { loadHistory } from '../src/domain/history.ts';
import { CHART_ROUTE, chartHandler } from '../src/report/chart-route.ts';
import type { Consult } from '../src/consult-api.ts';
import type { Clock } from '../src/clock.ts';
import { leveledLog, type Log } from '../src/log.ts';
import type { MountedPlatform, PlatformAdapter } from '../src/platform.ts';
import { loadBallotKey } from './ballot-key.ts';
import { platformAdapters } from './registry.ts';
import type { WebChatOptions } from './web/mount.ts';

export interface App {
  config: Config;
  consult: Consult;
  http: HttpServer;
  /** The platforms mounted at this start, in registry order. */
  platforms: MountedPlatform[];
  /** Listens and starts the scheduler; resolves with the port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
  /** Where log lines go (LOG_LEVEL filters them first); the console by default. */
  log?: Log;
  /** Local web chat: demo mode and its movable clock, as planned by main (adapters/web/demo.ts). */
  webchat?: WebChatOptions;
  /** The platforms to consider; the registry's by default (tests add their own). */
  adapters?: readonly PlatformAdapter[];
}

/** A configured user must belong to a registered platform: a typo in the prefix would lock the secretariat out. */
function checkUsersKnown(users: readonly string[], adapters: readonly PlatformAdapter[]): void {
  const names = new Set(adapters.map((a) => a.name));
  for (const user of users) {
    const platform = user.slice(0, user.indexOf(':'));
    if (!names.has(platform))
      throw new ConfigError(
        'SECRETARIAT',
        `"${user.slice(0, 80)}" names no known platform (${[...names].join(', ')}); write <platform>:<id>, e.g. ${adapters[0]?.userIdExample ?? 'chat:U0123'}`,
      );
  }
}

export async function createApp(opts: AppOptions): Promise<App> {
  const config = parseConfig(opts.env);
  const log = leveledLog(config.LOG_LEVEL, opts.log);
  // Every adapter's variables are checked before anything opens: one bad value stops the start.
  const adapters = (opts.adapters ?? platformAdapters({ webchat: opts.webchat })).map((adapter) => ({
    adapter,
    config: parseEnv(adapter.config, opts.env),
  }));
  const platformConfigured = adapters.some(({ adapter, config }) => adapter.isConfigured(config));
  checkUsersKnown(
    config.SECRETARIAT,
    adapters.map(({ adapter }) => adapter),
  );
  const calls: Record<string, string>[] = [];
  const store = createFileStore({ dir: resolve(config.DATA_DIR), fsync: config.STORE_FSYNC === 'on' });
  await store.open();
  // A start refused after the store opened (e.g. a wrong ballot key) releases the store's lock.
  const ballotSecret = await loadBallotKey(config, store, log).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const consult = createConsult({
    store,
    clock: opts.clock,
    timezone: config.CONSULT_TIMEZONE,
    secretariat: config.SECRETARIAT,
    ballotSecret,
    history: loadHistory(),
    log,
    howToCall: (lang) => calls.map((line) => line[lang]),
    publicUrl: config.PUBLIC_URL,
  });
  const http = createHttpServer(log);
  http.route(
    'GET',
    '/healthz',
    healthzHandler(() => ({ degraded: consult.health(), consultations: store.all().length })),
    // Answered even while a flood holds every other request slot.
    { uncapped: true },
  );
  // Charts linked from cards (instead of data URIs) only where the bot can be reached from outside.
  if (config.PUBLIC_URL) http.route('GET', CHART_ROUTE, chartHandler(consult), { bodyLimit: 0 });
  const platforms: MountedPlatform[] = [];
  for (const { adapter, config: own } of adapters) {
    const mount = adapter.shouldMount ? adapter.shouldMount(own, { platformConfigured }) : adapter.isConfigured(own);
    if (!mount) {
      if (adapter.disabledLog) log(adapter.disabledLog);
      continue;
    }
    const mounted = await adapter.mount({ config: own, core: config, consult, http, log });
    consult.registerDeliverer(adapter.name, mounted.deliverer);
    platforms.push(mounted);
    calls.push(adapter.howToCall);
  }

  return {
    config,
    consult,
    http,
    platforms,
    async start() {
      const port = await http.listen(config.PORT, config.HOST);
      consult.start();
      log(
        `Consult is listening on port ${port} (${platforms.length ? platforms.map((p) => p.label).join(', ') : 'no chat platform configured'}); store: ${resolve(config.DATA_DIR)}`,
      );
      return port;
    },
    async stop() {
      for (const platform of platforms) await platform.stop();
      await consult.stop();
      await http.close();
      await store.close();
    },
  };
}
