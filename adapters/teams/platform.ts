/**
 * The Teams adapter as the registry sees it. It always mounts: without MICROSOFT_APP_ID it accepts
 * only loopback requests (local development), and counts as configured only with one.
 */
import { definePlatform } from '../../src/platform.ts';
import { TeamsConfigSchema, teamsConfigured } from './config.ts';
import { createTeamsAdapter } from './create-teams-adapter.ts';

export const teamsPlatform = definePlatform({
  name: 'teams',
  label: 'Microsoft Teams',
  config: TeamsConfigSchema,
  isConfigured: teamsConfigured,
  shouldMount: () => true,
  async mount({ config, consult, http, log }) {
    const teams = createTeamsAdapter({ consult, server: http, config, log });
    return {
      label: teams.authenticated ? 'Teams at /api/messages' : 'Teams at /api/messages (unauthenticated, loopback only)',
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
