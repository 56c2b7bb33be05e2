/**
 * Wires the Teams adapter: a CloudAdapter with the app's credentials, the bot, the
 * POST /api/messages route on the shared server, and the deliverer for platform 'teams'.
 * Reads no environment: everything arrives as options.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Consult } from '../../src/consult-api.ts';
import type { HttpServer } from '../../src/server.ts';
import type { Log } from '../../src/log.ts';
import { createConsultBot, type ConsultBot } from '../botframework/bot.ts';
import { type BotFrameworkDeliverer, createBotFrameworkDeliverer } from '../botframework/deliverer.ts';
import { ConsultCloudAdapter, MAX_ACTIVITY_BYTES, messagesEndpoint } from './endpoint.ts';
import { createPacer, type PacerOptions } from '../botframework/pacer.ts';
import { createReferences } from '../botframework/references.ts';
import { createRefreshAudiences } from '../botframework/refresh-audience.ts';
import { createStaleCards } from '../botframework/stale-cards.ts';
import { createTeamsFileConsent, type TeamsFileConsent } from './file-consent.ts';
import { type TeamsConfig, type TeamsMode, serviceUrlPolicy, teamsSettings, uploadUrlPolicy } from './settings.ts';
import { teamsTexts } from './texts.ts';

export type { TeamsConfig } from './settings.ts';

export interface TeamsAdapterOptions {
  consult: Consult;
  server: HttpServer;
  config: TeamsConfig;
  log?: Log;
  /** Route to mount; Teams' convention is /api/messages. */
  path?: string;
  /** Pacing of proactive calls (tests inject a fake clock and sleep). */
  pacing?: PacerOptions;
  /**
   * Extra Bot Framework authentication settings, e.g. `ToBotFromChannelOpenIdMetadataUrl`
   * for a sovereign cloud, or a local key server in tests.
   */
  authSettings?: Record<string, string>;
  /** Clock for file offers' expiry and the cached member lists (tests inject a fake one). */
  now?: () => number;
}

export interface TeamsAdapter {
  adapter: ConsultCloudAdapter;
  bot: ConsultBot;
  deliverer: BotFrameworkDeliverer;
  /** Files waiting for their person's consent (in memory). */
  files: TeamsFileConsent;
  /** false in local mode (TEAMS_LOCAL=1: no app id, local tools on this machine only). */
  authenticated: boolean;
  mode: TeamsMode;
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const { consult, server, config } = options;
  const log = options.log ?? (() => {});
  const settings = teamsSettings(config);
  const { appId } = settings;
  const authenticated = settings.mode === 'authenticated';
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(authenticated
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
          MicrosoftAppType: config.MICROSOFT_APP_TYPE ?? 'MultiTenant',
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
        }
      : {}),
    ...options.authSettings,
  });
  const adapter = new ConsultCloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log(
      `teams: turn failed (${context.activity.type}${context.activity.name ? ` ${context.activity.name}` : ''}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      'error',
    );
  };
  if (!authenticated) {
    log(
      'teams: LOCAL MODE (TEAMS_LOCAL=1): /api/messages runs WITHOUT Bot Framework authentication, for local tools such as the Microsoft 365 Agents Playground. It accepts only JSON sent from this machine to http://127.0.0.1:<port>/api/messages (or localhost, [::1]) and answers only service URLs on this machine. Never put it behind a proxy or tunnel: a proxy on this machine that rewrites Host to that address cannot be told apart from a local tool. To connect Teams, unset TEAMS_LOCAL and set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID and MICROSOFT_APP_TYPE.',
      'warn',
    );
  } else
    log(
      `teams: authenticated mode: Bot Framework tokens required; tenants ${[...settings.tenants].join(', ')}; service URLs ${settings.serviceUrls.map((p) => `${p.protocol}//${p.host}${p.port ? `:${p.port}` : ''}${p.path}`).join(', ')}`,
    );

  const references = createReferences(consult, 'teams');
  const pacer = createPacer({ log, ...options.pacing });
  const files = createTeamsFileConsent({ now: options.now, uploadAllowed: uploadUrlPolicy(settings), log });
  const deliverer = createBotFrameworkDeliverer({
    adapter,
    appId,
    platform: 'teams',
    references,
    pacer,
    files,
    refreshAudiences: createRefreshAudiences({ consult, now: options.now ?? Date.now, log }),
    staleCards: createStaleCards(consult, 'teams', log),
    isOpen: (id) => consult.store.get(id.toUpperCase())?.status === 'open',
    allowServiceUrl: serviceUrlPolicy(settings),
    log,
  });
  const bot = createConsultBot({
    consult,
    platform: 'teams',
    references,
    privateReplies: { deliverer, unreachable: (lang) => teamsTexts(lang).cannotReachPrivately },
    files,
    fileConsent: files,
    log,
  });
  consult.registerDeliverer('teams', deliverer);

  server.route(
    'POST',
    options.path ?? '/api/messages',
    messagesEndpoint({ adapter, logic: (context) => bot.run(context), settings, log }),
    { bodyLimit: MAX_ACTIVITY_BYTES },
  );
  return { adapter, bot, deliverer, files, authenticated, mode: settings.mode };
}
