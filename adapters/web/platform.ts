/**
 * The local web chat as the registry sees it: on with WEBCHAT=on, or (auto) when no other platform
 * holds credentials. Demo mode and its movable clock come from the entry point (planLocalRun).
 */
import { definePlatform } from '../../src/platform.ts';
import { WebChatConfigSchema } from './config.ts';
import { mountWebChat, type WebChatOptions, webChatAddress, webChatEnabled } from './mount.ts';

export function webChatPlatform(options: WebChatOptions = {}) {
  return definePlatform({
    name: 'web',
    label: 'local web chat',
    config: WebChatConfigSchema,
    // No credentials: it never keeps the local run from being the local run.
    isConfigured: () => false,
    shouldMount: (config, { platformConfigured }) => webChatEnabled(config, platformConfigured),
    async mount({ config, core, consult, http, log }) {
      const web = await mountWebChat({ config, core, consult, http, log, ...options });
      return {
        label: web.label,
        deliverer: web.deliverer,
        stop: async () => {},
        announce: (port) =>
          `\n  Local web chat${web.demo ? ' (DEMO MODE)' : ''}: open ${webChatAddress(config, port)}\n`,
      };
    },
    howToCall: {
      en: 'In the web chat, type a command in the message box.',
      fr: 'Dans le chat web, saisissez une commande dans la zone de message.',
      es: 'En el chat web, escriba un comando en el cuadro de mensaje.',
    },
    userIdExample: 'web:delegate-1',
  });
}
