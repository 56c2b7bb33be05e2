/** The Slack adapter under the platform contract: the Web API stand-in records what it posts; taps are signed block_actions. */
import { slackPlatform } from '../../adapters/slack/platform.ts';
import type { PlatformAdapter } from '../../src/platform.ts';
import { startRecorder } from '../slack/recorder.ts';
import { blocksText, findButton, fixture, SIGNING_SECRET, sign } from '../slack/support/harness.ts';
import type { ContractKit } from './kit.ts';
import { runContract } from './suite.ts';

/** What a person reads: mrkdwn entities decoded. */
const readable = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const kit: ContractKit = {
  adapter: slackPlatform as PlatformAdapter,
  async start() {
    const recorder = await startRecorder();
    const text = (channel: string) =>
      readable(
        recorder
          .messages(channel)
          .map((m) => blocksText(m.blocks) || m.text || '')
          .join('\n'),
      );
    return {
      env: { SLACK_BOT_TOKEN: 'xoxb-contract', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: recorder.apiUrl },
      channel: 'C0CONTRACT',
      // The recorder opens the direct chat with user X as channel DX, as Slack's conversations.open does.
      seen: async (where) => text('channel' in where ? where.channel : `D${where.user}`),
      async tap(baseUrl, channel, user, label) {
        const message = recorder
          .messages(channel)
          .filter((m) => JSON.stringify(m.blocks ?? []).includes(`"text":"${label}`))
          .at(-1);
        if (!message) throw new Error(`no message with a button "${label}…" in ${channel}`);
        const found = findButton(message.blocks ?? [], new RegExp(`^${label}`), 'message', message.ts);
        const p = fixture('block-actions-button.json');
        p.user = { ...p.user, id: user, username: user, name: user };
        p.trigger_id = 'trigger.contract';
        p.actions = [
          {
            ...p.actions[0],
            action_id: found.action_id,
            block_id: found.block_id ?? p.actions[0].block_id,
            value: found.value,
            text: { type: 'plain_text', text: found.text, emoji: true },
          },
        ];
        p.channel = { ...p.channel, id: channel };
        p.container = { ...p.container, channel_id: channel, message_ts: message.ts };
        p.response_url = recorder.responseUrl();
        const body = new URLSearchParams({ payload: JSON.stringify(p) }).toString();
        const ts = Math.floor(Date.now() / 1000);
        const res = await fetch(`${baseUrl}/slack/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': sign(body, ts),
          },
          body,
        });
        if (res.status !== 200) throw new Error(`Slack events answered ${res.status}`);
      },
      close: () => recorder.close(),
    };
  },
};

runContract(kit);
