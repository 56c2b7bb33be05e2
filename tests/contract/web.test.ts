/**
 * The local web chat, as the registry lists it, under the platform contract, driven as its page drives it: tokens
 * from /webchat/token, activities read and posted over the Direct Line 3.0 routes, card buttons sent as
 * `adaptiveCard/action` invokes. Its "platform" runs in the same process, so there is no stand-in to start.
 */
import { platformAdapters } from '../../adapters/registry.ts';
import { buttonOf, readable } from './adaptive-cards.ts';
import type { ContractKit } from './kit.ts';
import { runContract } from './suite.ts';

/** The shared channel every web chat user sees (adapters/web/conversations.ts). */
const CHANNEL = 'consultations';

type Node = Record<string, any>;

const adapter = platformAdapters().find((a) => a.name === 'web');
if (!adapter) throw new Error('the registry lists no web adapter');

interface Grant {
  conversationId: string;
  token: string;
}

const kit: ContractKit = {
  adapter,
  async start() {
    let base = '';
    const json = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Node;
    };
    const grant = (where: { channel: string } | { user: string }) =>
      json('/webchat/token', {
        method: 'POST',
        body: 'channel' in where ? { conversation: 'channel' } : { conversation: 'personal', user: where.user },
      }) as Promise<Grant & Node>;
    /** The bot's activities in a conversation, oldest first (an update is a later entry with the same id). */
    const botActivities = async (where: { channel: string } | { user: string }) => {
      const { conversationId, token } = await grant(where);
      const read = await json(`/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, {
        token,
      });
      return (read.activities as Node[]).filter((a) => a.from?.role === 'bot');
    };
    const post = async (grant: Grant, activity: Node) =>
      json(`/v3/directline/conversations/${encodeURIComponent(grant.conversationId)}/activities`, {
        method: 'POST',
        token: grant.token,
        body: activity,
      });
    return {
      env: { WEBCHAT: 'on' },
      channel: CHANNEL,
      async ready(baseUrl) {
        base = baseUrl;
        // Someone writes in the channel first, as on the page: the bot learns where the channel is.
        await post(await grant({ channel: CHANNEL }), { type: 'message', text: 'help', from: { id: 'guide' } });
      },
      seen: async (where) => (await botActivities(where)).map(readable).join('\n'),
      async tap(baseUrl, channel, user, label) {
        base = baseUrl;
        const message = (await botActivities({ channel })).filter((a) => buttonOf(a, label)).at(-1);
        if (!message) throw new Error(`no card with a button "${label}…" in ${channel}`);
        const action = buttonOf(message, label)!;
        await post(await grant({ channel }), {
          type: 'invoke',
          name: 'adaptiveCard/action',
          from: { id: user },
          value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
        });
      },
      close: async () => {},
    };
  },
};

runContract(kit);
