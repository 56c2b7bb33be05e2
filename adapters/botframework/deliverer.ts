/**
 * Delivers the core's messages to Teams (or the web chat) proactively: posts to channels, in-place ballot
 * updates, and personal messages (reminders), paced per conversation and retried on 429.
 */
import type { BotAdapter, TurnContext } from 'botbuilder';
import type { UserId } from '../../src/domain/model.ts';
import type { Deliverer, OutboundMessage } from '../../src/outbound.ts';
import { messageActivity } from './activity.ts';
import type { Pacer } from './pacer.ts';
import type { BotPlatform } from './parse.ts';
import type { References, StoredReference } from './references.ts';

/** OAuth scope of the public Bot Framework channel service, used when opening a 1:1 chat. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export interface BotFrameworkDelivererOptions {
  /** The CloudAdapter for Teams; any Bot Framework adapter that can continue and create conversations (e.g. a Direct Line one). */
  adapter: Pick<BotAdapter, 'continueConversationAsync' | 'createConversationAsync'>;
  /** The bot's app id; '' when running unauthenticated for local development. */
  appId: string;
  platform: BotPlatform;
  references: References;
  pacer: Pacer;
  log?: (line: string) => void;
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export function createBotFrameworkDeliverer(options: BotFrameworkDelivererOptions): Deliverer {
  const { adapter, appId, platform, references, pacer } = options;

  /** Runs `fn` in a proactive turn and surfaces its errors (the adapter's onTurnError would swallow them). */
  async function inTurn<T>(ref: StoredReference, fn: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    let failure: unknown;
    await adapter.continueConversationAsync(appId, ref, async (context) => {
      try {
        result = await fn(context);
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined) throw failure;
    return result as T;
  }

  function conversationRef(id: string): StoredReference {
    const ref = references.conversation(id);
    if (!ref)
      throw new DeliveryError(
        `No conversation reference for ${platform} conversation ${id}: add the Consult app to it (or mention the bot there once) so it can post.`,
      );
    return ref;
  }

  async function post(ref: StoredReference, message: OutboundMessage): Promise<string | undefined> {
    const key = ref.conversation!.id;
    return pacer.run(key, () =>
      // Asked before each attempt, after the pacer's wait and each 429 wait: a cancelled reminder is dropped.
      message.stillWanted?.() === false
        ? Promise.resolve(undefined)
        : inTurn(ref, async (context) => {
            // A proactive post starts a new message; the continuation's made-up activity id is no thread to reply to.
            context.onSendActivities(async (_ctx, activities, next) => {
              for (const a of activities) delete a.replyToId;
              return next();
            });
            return (await context.sendActivity(messageActivity(message)))?.id;
          }),
    );
  }

  async function update(ref: StoredReference, activityId: string, message: OutboundMessage): Promise<void> {
    const key = ref.conversation!.id;
    await pacer.run(key, () =>
      inTurn(ref, async (context) => {
        await context.updateActivity({ ...messageActivity(message), id: activityId });
      }),
    );
  }

  /** The user's 1:1 conversation: known from an earlier message, or opened now in the tenant we know. */
  async function personalRef(user: UserId): Promise<StoredReference> {
    const known = references.personal(user);
    if (known) return known;
    if (!user.startsWith(`${platform}:`)) throw new DeliveryError(`${user} is not a ${platform} user`);
    const tenant = references.tenant();
    if (!tenant)
      throw new DeliveryError(
        `Cannot message ${user}: the Consult app has not been installed in any ${platform} team or chat yet.`,
      );
    const memberId = user.slice(platform.length + 1);
    let created: StoredReference | undefined;
    await pacer.run(`create:${memberId}`, async () => {
      let failure: unknown;
      await adapter.createConversationAsync(
        appId,
        tenant.channelId,
        tenant.serviceUrl,
        BOT_FRAMEWORK_AUDIENCE,
        {
          isGroup: false,
          bot: tenant.bot,
          members: [{ id: memberId, name: '' }],
          ...(tenant.tenantId ? { tenantId: tenant.tenantId, channelData: { tenant: { id: tenant.tenantId } } } : {}),
        } as never,
        async (context) => {
          try {
            const a = context.activity;
            created = {
              channelId: a.channelId,
              serviceUrl: a.serviceUrl,
              bot: { name: '', ...tenant.bot },
              conversation: { ...a.conversation, conversationType: 'personal' },
            };
          } catch (err) {
            failure = err;
          }
        },
      );
      if (failure !== undefined) throw failure;
    });
    if (!created?.conversation?.id)
      throw new DeliveryError(`The ${platform} service did not open a personal chat with ${user}.`);
    await references.setPersonal(user, created);
    return created;
  }

  return {
    async deliver(message) {
      const audience = message.audience;
      switch (audience.kind) {
        case 'channel':
          return post(conversationRef(audience.channel.id), message);
        case 'ballot-update':
          await update(conversationRef(audience.channel.id), audience.ref, message);
          return audience.ref;
        case 'user':
          return post(await personalRef(audience.user), message);
        case 'reply':
          // Replies go back in the turn that asked; nothing to deliver proactively.
          options.log?.(`${platform}: ignored a reply handed to the deliverer (${message.purpose})`);
          return undefined;
      }
    },
  };
}
