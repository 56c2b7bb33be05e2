/**
 * The Teams adapter, as the registry lists it, under the platform contract. It runs in local mode (TEAMS_LOCAL=1:
 * the registry mounts it from the environment alone, and the connector stand-in is on this machine); the
 * activities are shaped as Teams sends them (tests/fixtures/teams) and posted to the real /api/messages route.
 * Bot Framework authentication itself is tested in tests/teams/auth.test.ts.
 */
import { platformAdapters } from '../../adapters/registry.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startConnectorRecorder } from '../teams/support/connector-recorder.ts';
import { buttonOf, readable } from './adaptive-cards.ts';
import type { ContractKit } from './kit.ts';
import { runContract } from './suite.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:consult-contract';
const CHANNEL = '19:contract-delegates@thread.tacv2';

const adapter = platformAdapters().find((a) => a.name === 'teams');
if (!adapter) throw new Error('the registry lists no teams adapter');

const kit: ContractKit = {
  adapter,
  async start() {
    const recorder = await startConnectorRecorder();
    const common = { serviceUrl: recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL };
    const posts = (conversations: Set<string>) =>
      recorder.calls.filter((c) => (c.method === 'POST' || c.method === 'PUT') && conversations.has(c.conversation));
    /** The 1:1 chats the bot opened with `user` (POST /v3/conversations names the member). */
    const chatsWith = (user: string) =>
      new Set(
        recorder.calls
          .filter(
            (c) => c.path === '/v3/conversations' && (c.body.members as { id: string }[]).some((m) => m.id === user),
          )
          .map((c) => c.conversation),
      );
    const send = async (baseUrl: string, activity: Record<string, unknown>) => {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      if (res.status >= 300) throw new Error(`/api/messages answered ${res.status}: ${await res.text()}`);
    };
    return {
      env: { TEAMS_LOCAL: '1' },
      channel: CHANNEL,
      async ready(baseUrl) {
        // The app is added to the team's channel: Teams tells the bot, which learns the conversation and the tenant.
        await send(baseUrl, teamsActivity('installation-update-add', { ...common, channelId: CHANNEL, userId: 'sec' }));
      },
      seen: async (where) =>
        posts('channel' in where ? new Set([where.channel]) : chatsWith(where.user))
          .map((call) => readable(call.body))
          .join('\n'),
      async tap(baseUrl, channel, user, label) {
        const message = posts(new Set([channel]))
          .filter((call) => buttonOf(call.body, label))
          .at(-1);
        if (!message) throw new Error(`no card with a button "${label}…" in ${channel}`);
        const action = buttonOf(message.body, label)!;
        await send(
          baseUrl,
          teamsActivity('invoke-adaptive-card-action', {
            ...common,
            channelId: channel,
            userId: user,
            userName: user,
            replyToId: message.id,
            value: {
              action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data },
              trigger: 'manual',
            },
          }),
        );
      },
      close: () => recorder.close(),
    };
  },
};

runContract(kit);
