/**
 * The core's public face: the only thing adapters call. Adapters translate platform
 * events into `handle` calls and render the messages they get back or are asked to deliver.
 */
import type { Lang, Platform, UserId } from './domain/model.ts';
import type { RequestContext, Request } from './inbound.ts';
import type { Deliverer, OutboundMessage } from './outbound.ts';
import type { Card } from './views/card.ts';
import type { Store } from './store/store.ts';
import type { Clock } from './clock.ts';
import type { Degraded } from './scheduler/health.ts';
import type { Directory } from './directory.ts';

export interface Consult {
  readonly store: Store;
  readonly clock: Clock;
  readonly timezone: string;

  /**
   * Runs a request and returns what to show the person who asked (audience `reply`).
   * Anything for others (ballots posted to channels, in-place updates, results) is
   * handed to the deliverers in the background, after the state change is durable.
   * Never throws for user mistakes: those come back as an error card in the user's language.
   */
  handle(ctx: RequestContext, req: Request): Promise<OutboundMessage[]>;

  /** Each platform adapter registers how to deliver messages addressed to its channels and users. */
  registerDeliverer(platform: Platform, deliverer: Deliverer): void;

  /** An adapter that can find its platform's people by e-mail registers how (see src/directory.ts). */
  registerDirectory(platform: Platform, directory: Directory): void;

  /** Whether this user's e-mail could still matter: the roster waits for addresses and the user is on none yet. */
  wantsEmail(user: UserId): boolean;

  /** The ballot as this user should see it now (their delegation's vote, turnout, deadline). */
  ballotView(id: string, user: UserId, locale?: string): { card: Card; lang: Lang } | undefined;

  /** The personal overview (Slack App Home): open consultations, whether the delegation answered; more for the secretariat. */
  homeView(user: UserId, locale?: string): { card: Card; lang: Lang };

  /** Whether this user is the secretariat (adapters use it to offer, not to enforce: the core enforces). */
  isSecretariat(user: UserId): boolean;

  /** Remembers a user's platform locale seen outside a request (e.g. App Home), so reminders use their language. */
  noteLocale(user: UserId, locale: string): Promise<void>;

  /** The user's language: their `lang` choice, else their platform locale, else English. */
  langFor(user: UserId, locale?: string): Lang;

  /** Durable opaque state for adapters (e.g. Teams conversation references). */
  adapterState: {
    get(adapter: string, key: string): unknown;
    set(adapter: string, key: string, value: unknown): Promise<void>;
    all(adapter: string): Record<string, unknown>;
    delete(adapter: string, key: string): Promise<void>;
  };

  /**
   * The PNG a chart link points to (see src/report/chart-links.ts), when a public URL is set:
   * 'expired' past its expiry, 'not-found' for a forged token or a chart no longer shown.
   */
  chartImage(token: string): Promise<Uint8Array | 'expired' | 'not-found'>;

  /** Set while scheduler passes fail (e.g. the store cannot be written): why, since when; undefined when healthy. */
  health(): Readonly<Degraded> | undefined;

  /** Runs due closes, reminders and owed deliveries once. Idempotent. */
  tick(): Promise<void>;
  /** Starts periodic ticks (runs one at once: overdue closes and missed reminders after a restart). */
  start(): void;
  stop(): Promise<void>;
  /** Resolves when the running scheduler pass and background deliveries have finished (tests, shutdown). */
  idle(): Promise<void>;
}
