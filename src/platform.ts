/**
 * What a chat platform adapter provides to the composition root. The core knows no platform:
 * each adapter (one folder under adapters/) declares its name (the prefix of its user ids), its
 * configuration, and how to mount itself on the shared server; adapters/registry.ts lists them.
 */
import type { z } from 'zod';
import type { Config } from './config.ts';
import type { Consult } from './consult-api.ts';
import type { Lang, Platform } from './domain/model.ts';
import type { Log } from './log.ts';
import type { Deliverer } from './outbound.ts';
import type { HttpServer } from './server.ts';

/** @public What mount receives; adapters outside this repository type their mount with it. */
export interface MountContext<C> {
  /** This adapter's own variables, already validated by its `config` schema. */
  config: C;
  /** The core's variables (port, store, secretariat…). */
  core: Config;
  consult: Consult;
  http: HttpServer;
  log: Log;
}

export interface MountedPlatform {
  /** How the start-up line names it, e.g. where it listens. */
  label: string;
  /** Delivers the core's messages addressed to this platform's users and channels. */
  deliverer: Deliverer;
  /** Releases what mount opened (sockets, timers); the shared HTTP server is closed by the caller. */
  stop(): Promise<void>;
  /** Resolves when the requests received so far and the deliveries they started are done (tests, drills). */
  idle?(): Promise<void>;
  /** A line to print for a person once the server listens on `port` (e.g. an address to open). */
  announce?(port: number): string | undefined;
}

export interface PlatformAdapter<C = unknown> {
  /** The prefix of this platform's user ids (`<name>:<id>`) and of its channels. */
  name: Platform;
  /** The platform's name as people know it. */
  label: string;
  /** Validates this adapter's variables from the environment (an object schema; see parseEnv). */
  config: z.ZodType<C>;
  /** Whether real credentials are present (the local web chat and demo mode step aside when one is). */
  isConfigured(config: C): boolean;
  /** Whether to mount it at this start; without it, exactly when it is configured. */
  shouldMount?(config: C, context: { platformConfigured: boolean }): boolean;
  /** The log line when it is not mounted: how to enable it. */
  disabledLog?: string;
  mount(context: MountContext<C>): Promise<MountedPlatform>;
  /** The help line saying how to call the bot on this platform, per language. */
  howToCall: Record<Lang, string>;
  /** A user id as the secretariat would write it in SECRETARIAT, e.g. `<name>:U0123ABCD`. */
  userIdExample: string;
}

/** Keeps each adapter's config type tied to its mount while the registry holds them side by side. */
export function definePlatform<C>(adapter: PlatformAdapter<C>): PlatformAdapter<C> {
  return adapter;
}
