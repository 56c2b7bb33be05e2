/**
 * What the core asks adapters to deliver. Only three kinds of value cross the boundary:
 * inbound requests (src/inbound.ts), these outbound messages, and channel references.
 */
import type { ChannelRef, Lang, UserId } from './domain/model.ts';
import type { Card } from './views/card.ts';

/** @public Who a message goes to; adapters' deliverers switch on its kind. */
export type Audience =
  /** Back to the person who asked, visible to them only (Slack ephemeral, Teams reply or invoke response). */
  | { kind: 'reply' }
  /** A public post in a channel. */
  | { kind: 'channel'; channel: ChannelRef }
  /** A direct message to one user (reminders). */
  | { kind: 'user'; user: UserId }
  /** Refresh the ballot message posted earlier in this channel, for everyone. */
  | { kind: 'ballot-update'; channel: ChannelRef; ref: string };

/** @public Why a message is sent; adapters may pace or shape messages by it. */
export type Purpose =
  | 'ballot'
  | 'results'
  | 'reminder'
  /** A personal notice to a delegate: a colleague changed the delegation's ballot, or the options changed. */
  | 'notice'
  | 'reply'
  | 'status'
  | 'help'
  | 'error'
  | 'form'
  | 'export'
  | 'home';

export interface OutboundMessage {
  audience: Audience;
  card: Card;
  lang: Lang;
  purpose: Purpose;
  consultationId?: string;
  /** For errors: the typed error code (e.g. 'ineligible', 'closed'), so adapters and tests need not read text. */
  errorCode?: string;
  /** For errors of a launch: the field it concerns (errors.ts ErrorField), for forms that show errors inline. */
  errorField?: string;
  /**
   * For messages the bot owes from its durable outbox (reminders, results): a key unique to
   * this delivery. Adapters that can attach it to the platform message (Slack message
   * metadata) can later tell whether a delivery interrupted by a crash already went out.
   */
  deliveryKey?: string;
  /**
   * For owed reminders: whether the message is still wanted (false once its consultation is
   * cancelled or closed). Deliverers ask right before each send, also after waiting for a pacer
   * slot or a rate limit, and drop the message (resolving undefined) when it is not.
   */
  stillWanted?: () => boolean;
  /**
   * A file for the person who asked (CSV export, roster, PDF report). Text or bytes. Adapters deliver
   * it privately to the requester: never posted in a channel.
   */
  file?: { name: string; mime: string; content: string | Uint8Array };
}

/** Each platform's adapter delivers messages addressed to its channels and users. */
export interface Deliverer {
  /** Resolves with the platform's message reference for posts (used to update ballots in place). */
  deliver(message: OutboundMessage): Promise<string | undefined>;
  /**
   * Asked after a restart about an owed message whose delivery had started when the bot
   * stopped: true if the platform already has it (found by `deliveryKey`), false if surely
   * not, undefined if it cannot tell. Without this method the core resends (never loses).
   */
  wasDelivered?(message: OutboundMessage): Promise<boolean | undefined>;
}
