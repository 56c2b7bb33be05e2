/**
 * The Bot Framework bot: typed commands, card actions, installs. Every turn becomes a core
 * request; nothing here decides anything. Not tied to Teams: the local web chat runs the same
 * bot over Direct Line with `platform: 'web'` (users `web:<id>`).
 *
 * Who sees an answer: in a personal chat, the answer is the reply; with `privateReplies` (Teams), an
 * answer asked for in a channel or group chat goes to the asker's 1:1 chat instead (a card action's
 * answer is the invoke response, which only the asker sees). Files go to their person only.
 */
import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type FileConsentCardResponse,
  type TurnContext,
} from 'botbuilder';
import type { Lang } from '../../src/domain/model.ts';
import type { Consult } from '../../src/consult-api.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import { messageActivity } from './activity.ts';
import { invokeResponseCard } from './invoke-response.ts';
import {
  invokeIntent,
  messageRequest,
  requestContext,
  userIdOf,
  type BotPlatform,
  type InvokeIntent,
} from './parse.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './render.ts';
import { CONSULT_VERB } from './action-data.ts';
import type { BotFrameworkDeliverer } from './deliverer.ts';
import type { FileDelivery } from './file-delivery.ts';
import { tenantOf, type References } from './references.ts';
import { withTeamsPeople } from './directory.ts';
import { importAttachedCsv } from './csv-attachment.ts';
import { LastAnswers } from './last-answers.ts';

interface PrivateReplies {
  deliverer: Pick<BotFrameworkDeliverer, 'toPerson'>;
  /** Posted where they asked when their 1:1 chat cannot be opened: it must say nothing of the answer. */
  unreachable: (lang: Lang) => string;
}

export interface ConsultBotOptions {
  consult: Consult;
  platform: BotPlatform;
  references: References;
  /** Answers asked for outside a personal chat go to the asker alone (Teams channels and group chats). */
  privateReplies?: PrivateReplies;
  /** How a file reaches the person who asked for it; without it files are not sent. */
  files?: FileDelivery;
  /** Answers to file consent cards (Teams). */
  fileConsent?: { answer(context: TurnContext, response: FileConsentCardResponse, lang: Lang): Promise<void> };
  log?: (line: string) => void;
}

export class ConsultBot extends TeamsActivityHandler {
  private readonly lastAnswers = new LastAnswers();

  constructor(private readonly options: ConsultBotOptions) {
    super();
    const { references, platform } = options;
    // Install, first contact, any message: keep the conversation reference for proactive posts.
    this.onTurn(async (context, next) => {
      const a = context.activity;
      if (a.conversation?.id && a.serviceUrl && a.recipient?.id && a.from?.id) {
        if (isRemoval(context)) await references.forget(a.conversation.id);
        else await references.remember(a, userIdOf(platform, a.from));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { consult, platform } = this.options;
    const activity = context.activity;
    // Hosts without Universal Actions send our card data back as a message value (Action.Submit fallback).
    if (!activity.text && activity.value && typeof activity.value === 'object') {
      const intent = invokeIntent({ verb: CONSULT_VERB, data: activity.value });
      if (intent.kind === 'request')
        return this.send(context, await consult.handle(requestContext(platform, activity), intent.request));
    }
    // In Teams, people are found among the members of this team or chat (roster import by e-mail).
    const rc =
      platform === 'teams'
        ? await withTeamsPeople(consult, context, requestContext(platform, activity), this.options.log)
        : requestContext(platform, activity);
    const fromFile = await importAttachedCsv(consult, activity, rc, this.options.log);
    const replies = fromFile ?? (await consult.handle(rc, messageRequest(platform, activity)));
    await this.send(context, replies);
  }

  /** Outside a personal chat, with private replies on, the answer goes to the asker's 1:1 chat. */
  private isShared(context: TurnContext): boolean {
    return Boolean(this.options.privateReplies) && context.activity.conversation?.conversationType !== 'personal';
  }

  private async send(context: TurnContext, replies: OutboundMessage[]): Promise<void> {
    if (replies.length === 0) return;
    if (this.isShared(context)) return this.sendPrivately(context, replies, false);
    for (const reply of replies) {
      await context.sendActivity(messageActivity(reply));
      if (reply.file) await this.sendFileHere(context, reply);
    }
  }

  private async sendFileHere(context: TurnContext, reply: OutboundMessage): Promise<void> {
    const { files, platform } = this.options;
    if (!files || !reply.file) return;
    const member = context.activity.from.id;
    await context.sendActivities(files.offer(reply.file, { member, lang: reply.lang }));
    this.options.log?.(`${platform}: offered ${reply.file.name} to ${member}`);
  }

  private async sendPrivately(context: TurnContext, replies: OutboundMessage[], fileOnly: boolean): Promise<void> {
    const { privateReplies, platform, consult } = this.options;
    const a = context.activity;
    const user = userIdOf(platform, a.from);
    try {
      await privateReplies!.deliverer.toPerson(user, replies, { tenantId: tenantOf(a), fileOnly });
    } catch (err) {
      this.options.log?.(
        `${platform}: could not answer ${user} privately: ${err instanceof Error ? err.message : String(err)}`,
      );
      await context.sendActivity({
        type: 'message',
        text: privateReplies!.unreachable(consult.langFor(user, a.locale)),
      });
    }
  }

  protected override async handleTeamsFileConsent(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    const { fileConsent, consult, platform } = this.options;
    if (!fileConsent) return;
    const a = context.activity;
    await fileConsent.answer(context, response, consult.langFor(userIdOf(platform, a.from), a.locale));
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const intent: InvokeIntent = invokeIntent(value.action ?? {});
    if (intent.kind === 'invalid') {
      this.options.log?.(`${this.options.platform}: refused a card action: ${intent.reason}`);
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: intent.reason },
      };
    }
    const { consult, platform } = this.options;
    const rc = requestContext(platform, context.activity);
    const id = intent.consultationId;
    const replies = intent.kind === 'request' ? await consult.handle(rc, intent.request) : [];
    // A refresh (Teams asks after every update of the shared ballot) keeps what the person was last told.
    if (id && intent.kind === 'request') this.lastAnswers.remember(rc.actor.user, id, replies);
    const told = id && intent.kind === 'refresh' ? this.lastAnswers.told(rc.actor.user, id) : replies;
    // The invoke response is a card: a file the action produced (an export) is offered apart, to the asker alone.
    const withFiles = replies.filter((r) => r.file);
    if (withFiles.length) {
      if (this.isShared(context)) await this.sendPrivately(context, withFiles, true);
      else for (const r of withFiles) await this.sendFileHere(context, r);
    }
    const view = id ? consult.ballotView(id, rc.actor.user, rc.actor.locale) : undefined;
    const card = invokeResponseCard(told, view, id);
    // Nothing to show (e.g. a refresh of an unknown consultation): Teams keeps the card as it is.
    // (For this response type Teams expects a string; the SDK's type says object.)
    if (!card)
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: '' as unknown as Record<string, unknown>,
      };
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
  }
}

/** The app was removed from this conversation: posting there would fail from now on. */
function isRemoval(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type === 'installationUpdate') return String(a.action ?? '').startsWith('remove');
  return a.type === 'conversationUpdate' && (a.membersRemoved ?? []).some((m) => m.id === a.recipient.id);
}

export function createConsultBot(options: ConsultBotOptions): ConsultBot {
  return new ConsultBot(options);
}
