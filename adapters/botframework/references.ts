/**
 * Conversation references, kept in the core's durable adapter state so proactive messages
 * (ballots in channels, reminders, results) still reach Teams after a restart.
 *
 * - `<conversation id>` (e.g. 19:…@thread.tacv2, a:…): where to post in a channel, group chat or personal chat.
 * - `user:<core user id>`: the user's personal (1:1) conversation, once known.
 * - `tenant:<tenant id>` and `tenant:last`: what is needed to open a 1:1 conversation with a
 *   user who never wrote to the bot (service URL, bot account, tenant).
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { Consult } from '../../src/consult-api.ts';
import type { UserId } from '../../src/domain/model.ts';
import { baseConversationId } from './parse.ts';

export type StoredReference = Partial<ConversationReference>;

interface TenantContext {
  serviceUrl: string;
  channelId: string;
  tenantId?: string;
  bot: { id: string; name?: string };
}

export interface References {
  /** Stores what this incoming activity teaches: its conversation, the sender's 1:1 chat, the tenant. */
  remember(activity: Activity, user: UserId): Promise<void>;
  /** The app was removed from this conversation. */
  forget(conversationId: string): Promise<void>;
  conversation(id: string): StoredReference | undefined;
  personal(user: UserId): StoredReference | undefined;
  setPersonal(user: UserId, ref: StoredReference): Promise<void>;
  tenant(tenantId?: string): TenantContext | undefined;
}

export { baseConversationId };

function referenceOf(activity: Activity): StoredReference {
  const id = baseConversationId(activity.conversation.id);
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    bot: activity.recipient,
    conversation: { ...activity.conversation, id },
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

export function tenantOf(activity: Activity): string | undefined {
  const data = activity.channelData as { tenant?: { id?: string } } | undefined;
  return data?.tenant?.id ?? activity.conversation.tenantId;
}

export function createReferences(consult: Consult, adapterName: string): References {
  const state = consult.adapterState;
  // Writes only on change: most activities teach nothing new.
  async function put(key: string, value: unknown): Promise<void> {
    if (JSON.stringify(state.get(adapterName, key)) !== JSON.stringify(value)) await state.set(adapterName, key, value);
  }
  return {
    async remember(activity, user) {
      const ref = referenceOf(activity);
      await put(ref.conversation!.id, ref);
      if (activity.conversation.conversationType === 'personal' && activity.from?.id !== activity.recipient?.id) {
        await put(`user:${user}`, ref);
      }
      const tenantId = tenantOf(activity);
      const tenant: TenantContext = {
        serviceUrl: activity.serviceUrl,
        channelId: activity.channelId,
        bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
        ...(tenantId ? { tenantId } : {}),
      };
      if (tenantId) await put(`tenant:${tenantId}`, tenant);
      await put('tenant:last', tenant);
    },
    // The core's adapter state has no delete: a removed conversation is kept as null.
    forget: (id) => put(baseConversationId(id), null),
    conversation: (id) => (state.get(adapterName, baseConversationId(id)) ?? undefined) as StoredReference | undefined,
    personal: (user) => (state.get(adapterName, `user:${user}`) ?? undefined) as StoredReference | undefined,
    setPersonal: (user, ref) => put(`user:${user}`, ref),
    tenant: (tenantId) =>
      (state.get(adapterName, tenantId ? `tenant:${tenantId}` : 'tenant:last') ??
        state.get(adapterName, 'tenant:last')) as TenantContext | undefined,
  };
}
