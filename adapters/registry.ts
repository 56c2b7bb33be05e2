/**
 * The one list of chat platforms. To add one, write its folder under adapters/ with a
 * `platform.ts` (see src/platform.ts) and add it here: the composition root, demo mode and the
 * contract tests loop over this list.
 */
import { parseEnv } from '../src/config.ts';
import type { PlatformAdapter } from '../src/platform.ts';
import { slackPlatform } from './slack/platform.ts';
import { teamsPlatform } from './teams/platform.ts';
import type { WebChatOptions } from './web/mount.ts';
import { webChatPlatform } from './web/platform.ts';

export interface RegistryOptions {
  /** Demo mode and its clock, for the local web chat (planned by the entry point). */
  webchat?: WebChatOptions;
}

export function platformAdapters(options: RegistryOptions = {}): PlatformAdapter[] {
  return [slackPlatform, teamsPlatform, webChatPlatform(options.webchat)] as PlatformAdapter[];
}

/** Whether any adapter finds its credentials in `env`; a bad value stops here, naming the variable. */
export function platformConfigured(
  env: Record<string, string | undefined>,
  adapters: readonly PlatformAdapter[] = platformAdapters(),
): boolean {
  return adapters.some((adapter) => adapter.isConfigured(parseEnv(adapter.config, env)));
}
