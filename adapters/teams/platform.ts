/**
 * The Teams adapter as the registry sees it. It mounts with an app id (authenticated) or with
 * TEAMS_LOCAL=1 (local tools, this machine only); it counts as configured only with an app id.
 */
import { definePlatform } from '../../src/platform.ts';
import { TeamsConfigSchema, teamsConfigured } from './config.ts';
import { createTeamsAdapter } from './create-teams-adapter.ts';
import { teamsMode } from './settings.ts';

export const teamsPlatform = definePlatform({
  name: 'teams',
  label: 'Microsoft Teams',
  config: TeamsConfigSchema,
  isConfigured: teamsConfigured,
  shouldMount: (config) => teamsMode(config) !== undefined,
  disabledLog:
    'teams: not configured, /api/messages is off. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to connect Teams, or TEAMS_LOCAL=1 for local tools (see adapters/teams/README.md).',
  async mount({ config, consult, http, log }) {
    const teams = createTeamsAdapter({ consult, server: http, config, log });
    return {
      label: teams.authenticated
        ? 'Teams at /api/messages'
        : 'Teams at /api/messages in LOCAL MODE (no authentication, this machine only; never behind a proxy or tunnel)',
      deliverer: teams.deliverer,
      stop: async () => {},
    };
  },
  howToCall: {
    en: 'In Teams, mention the bot, then type a command.',
    fr: 'Dans Teams, mentionnez le bot, puis saisissez une commande.',
    es: 'En Teams, mencione al bot y escriba un comando.',
  },
  userIdExample: 'teams:29:1abcDEF',
});
