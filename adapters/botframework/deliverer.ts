/**
 * Delivers the core's messages to Teams (or the web chat) proactively: posts to channels, in-place ballot
 * updates, and personal messages (reminders, and answers asked for in a channel), paced per conversation
 * and retried on 429. Files go only into personal conversations; service URLs are checked before any call.
 */
import type { BotAdapter, TurnContext } from 'botbuilder';
import type { UserId } from '../../src/domain/model.ts';
import type { Deliverer, OutboundMessage } from '../../src/outbound.ts';
import { messageActivity } from './activity.ts';
import type { FileDelivery } from './file-delivery.ts';
import type { Pacer } from './pacer.ts';
import type { BotPlatform } from './parse.ts';
import type { References, StoredReference } from './references.ts';
import type { RefreshAudiences } from './refresh-audience.ts';
import type { StaleCards } from './stale-cards.ts';

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
  /** How files reach their person (a file consent card, a download link); without it files are not sent. */
  files?: FileDelivery;
  /** Who posted ballots refresh for by themselves (Teams); without it ballots list no one. */
  refreshAudiences?: RefreshAudiences;
  /** Personal copies of live ballots, redrawn closed once their consultation is over. */
  staleCards?: StaleCards;
  /** Whether a consultation is still open (ballots of closed ones offer no Refresh button). */
  isOpen?: (consultationId: string) => boolean;
  /** Service URLs the bot may call (stored references too: a store copy may be old or hand-edited). */
  allowServiceUrl?: (url: string) => boolean;
  log?: (line: string) => void;
}

export interface BotFrameworkDeliverer extends Deliverer {
  /**
   * Messages for one person only, in their 1:1 chat (opened in `tenantId` when none is known), each file
   * offered there; `fileOnly` sends just the files (the person already sees the cards).
   */
  toPerson(
    user: UserId,
    messages: OutboundMessage[],
    options?: { tenantId?: string; fileOnly?: boolean },
  ): Promise<void>;
}

class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export function createBotFrameworkDeliverer(options: BotFrameworkDelivererOptions): BotFrameworkDeliverer {
  const { adapter, appId, platform, references, pacer } = options;

  function checkServiceUrl(url: string | undefined): void {
    if (options.allowServiceUrl && !options.allowServiceUrl(url ?? ''))
      throw new DeliveryError(
        `Refused to call ${platform} at ${JSON.stringify(String(url).slice(0, 200))}: not an allowed service URL.`,
      );
  }

  /** Runs `fn` in a proactive turn and surfaces its errors (the adapter's onTurnError would swallow them). */
  async function inTurn<T>(ref: StoredReference, fn: (context: TurnContext) => Promise<T>): Promise<T> {
    checkServiceUrl(ref.serviceUrl);
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
            const id = (await context.sendActivity(messageActivity(message, await audienceOf(context, message))))?.id;
            if (message.file) await sendFile(context, ref, message);
            return id;
          }),
    );
  }

  /** A ballot's refresh audience in this conversation; other messages do not refresh. */
  async function audienceOf(context: TurnContext, message: OutboundMessage) {
    if (message.purpose !== 'ballot' || !options.refreshAudiences) return undefined;
    if (message.consultationId && options.isOpen?.(message.consultationId) === false) return undefined;
    return options.refreshAudiences.of(context);
  }

  /** A file goes only where its one person reads: their personal conversation. */
  async function sendFile(context: TurnContext, ref: StoredReference, message: OutboundMessage): Promise<void> {
    const member = personalMember(ref);
    if (!message.file || !options.files || !member) {
      options.log?.(`${platform}: did not send ${message.file?.name ?? 'a file'}: files go to personal chats only`);
      return;
    }
    await context.sendActivities(options.files.offer(message.file, { member, lang: message.lang }));
  }

  /** The member a personal conversation is with, from the reference we stored for them. */
  function personalMember(ref: StoredReference): string | undefined {
    if (ref.conversation?.conversationType !== 'personal') return undefined;
    return (ref as { user?: { id?: string } }).user?.id;
  }

  async function update(ref: StoredReference, activityId: string, message: OutboundMessage): Promise<void> {
    const key = ref.conversation!.id;
    await pacer.run(key, () =>
      inTurn(ref, async (context) => {
        await context.updateActivity({
          ...messageActivity(message, await audienceOf(context, message)),
          id: activityId,
        });
      }),
    );
  }

  /** The user's 1:1 conversation: known from an earlier message, or opened now in the tenant we know. */
  async function personalRef(user: UserId, tenantId?: string): Promise<StoredReference> {
    if (!user.startsWith(`${platform}:`)) throw new DeliveryError(`${user} is not a ${platform} user`);
    const memberId = user.slice(platform.length + 1);
    const known = references.personal(user);
    if (known) return { ...known, user: { id: memberId } } as StoredReference;
    const tenant = references.tenant(tenantId);
    if (!tenant)
      throw new DeliveryError(
        `Cannot message ${user}: the Consult app has not been installed in any ${platform} team or chat yet.`,
      );
    checkServiceUrl(tenant.serviceUrl);
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
    return { ...created, user: { id: memberId } } as StoredReference;
  }

  /** Once a consultation is over, the personal copies of its ballot are redrawn closed. */
  async function settle(message: OutboundMessage): Promise<void> {
    const id = message.consultationId;
    if (!options.staleCards || !id || options.isOpen?.(id) !== false) return;
    await options.staleCards.settle(id, async (user, activityId, closed) =>
      update(await personalRef(user), activityId, closed),
    );
  }

  return {
    async deliver(message) {
      const audience = message.audience;
      switch (audience.kind) {
        case 'channel': {
          const id = await post(conversationRef(audience.channel.id), message);
          await settle(message);
          return id;
        }
        case 'ballot-update':
          await update(conversationRef(audience.channel.id), audience.ref, message);
          await settle(message);
          return audience.ref;
        case 'user': {
          const id = await post(await personalRef(audience.user), message);
          await options.staleCards?.posted(message, audience.user, id);
          return id;
        }
        case 'reply':
          // Replies go back in the turn that asked; nothing to deliver proactively.
          options.log?.(`${platform}: ignored a reply handed to the deliverer (${message.purpose})`);
          return undefined;
      }
    },
    async toPerson(user, messages, { tenantId, fileOnly = false } = {}) {
      const ref = await personalRef(user, tenantId);
      for (const message of messages) {
        if (!fileOnly) await post(ref, message);
        else if (message.file)
          await pacer.run(ref.conversation!.id, () => inTurn(ref, (context) => sendFile(context, ref, message)));
      }
    },
  };
}
