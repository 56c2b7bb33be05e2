/** The Slack adapter's public face, for main and for other adapters' contract tests. */
export {
  createSlackAdapter,
  slackConfigured,
  SLACK_DISABLED_LOG,
  type SlackAdapter,
  type SlackAdapterOptions,
  type SlackConfig,
} from './create-slack-adapter.ts';
export { cardToBlockKit, cardToMessages } from './render.ts';
export { cardToModal } from './modal.ts';
