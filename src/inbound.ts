/** What adapters hand to the core: who acts, where, and what they ask for. */
import type { ChannelRef, UserId } from './domain/model.ts';
import type { Command } from './commands/command.ts';
import type { FormSubmit } from './views/card.ts';
import type { Directory } from './directory.ts';

/** @public Who acts; adapters build it from the platform's event. */
export interface Actor {
  user: UserId;
  /** Platform locale, e.g. fr-FR (Slack users.info, Teams activity.locale, browser language). */
  locale?: string;
  /** What the platform says about the person, when the adapter knows it: matches addresses imported for them. */
  name?: string;
  email?: string;
}

export type Request =
  /** Typed text: a slash command's text or a Teams message with the mention stripped. */
  | { type: 'text'; text: string }
  /** A button carrying a ready-made command. */
  | { type: 'command'; command: Command }
  | { type: 'form'; submit: FormSubmit };

export interface RequestContext {
  actor: Actor;
  /** Where the request came from; absent in a direct message context without a channel. */
  channel?: ChannelRef;
  /** Who can be found where this request was typed; else the directory the platform registered, if any. */
  directory?: Directory;
  /**
   * The platform's id of this one interaction (a click), stable if the same request is sent again:
   * a vote already applied under it is not applied again, even after a restart.
   */
  interactionId?: string;
}
