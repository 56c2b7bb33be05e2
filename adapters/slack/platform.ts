/** The Slack adapter as the registry sees it: its variables, when it mounts, and how people call it. */
import { definePlatform } from '../../src/platform.ts';
import { SlackConfigSchema, slackConfigured } from './config.ts';
import { createSlackAdapter, SLACK_DISABLED_LOG } from './create-slack-adapter.ts';

export const slackPlatform = definePlatform({
  name: 'slack',
  label: 'Slack',
  config: SlackConfigSchema,
  isConfigured: slackConfigured,
  disabledLog: SLACK_DISABLED_LOG,
  async mount({ config, consult, http, log }) {
    const slack = await createSlackAdapter({ consult, server: http, config, log });
    return {
      label: slack.mode === 'http' ? 'Slack at /slack/events' : 'Slack (Socket Mode)',
      deliverer: slack.deliverer,
      stop: () => slack.stop(),
      idle: () => slack.idle(),
    };
  },
  howToCall: {
    en: 'In Slack, type a command after /consult.',
    fr: 'Dans Slack, saisissez une commande après /consult.',
    es: 'En Slack, escriba un comando después de /consult.',
  },
  userIdExample: 'slack:U0123ABCD',
});
