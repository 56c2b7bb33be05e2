/** The Slack adapter's variables, validated at start: a bad value stops the start naming the variable. */
import { z } from 'zod';
import { envText, envUrl } from '../../src/config.ts';

export const SlackConfigSchema = z.object({
  SLACK_SIGNING_SECRET: envText('the Signing Secret from the app\'s "Basic Information" page'),
  SLACK_BOT_TOKEN: envText('xoxb-1234-5678-abcd'),
  /** Socket Mode instead of HTTP when set. */
  SLACK_APP_TOKEN: envText('xapp-1-A0123-4567-abcd'),
  /** Another base URL for the Web API (tests, proxies). */
  SLACK_API_URL: envUrl('https://slack.com/api/').optional(),
});

export type SlackConfig = z.infer<typeof SlackConfigSchema>;

/** The bot token plus a way in: a signing secret (HTTP) or an app token (Socket Mode). */
export function slackConfigured(config: SlackConfig): boolean {
  return Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
}
