/** What every command handler gets: the store, the clock, the rules' settings, views and delivery. */
import type { Clock } from '../clock.ts';
import type { Store } from '../store/store.ts';
import type { ChannelRef, Consultation, Delegation, Lang, Platform, UserId } from '../domain/model.ts';
import type { OutboundMessage } from '../outbound.ts';
import type { ViewContext } from '../views/ballot.ts';
import type { History } from '../domain/history.ts';
import { fail, problem } from '../errors.ts';
import type { ReportRenderer } from '../report/renderer.ts';
import type { ResultsCharts } from '../report/results-chart.ts';
import type { Directory } from '../directory.ts';

export interface Env {
  store: Store;
  clock: Clock;
  zone: string;
  secretariat: ReadonlyArray<UserId>;
  secret: string;
  history?: History;
  /** Draws charts and PDFs off the main thread. */
  reports: ReportRenderer;
  /** Results charts, drawn once per consultation state and language. */
  charts: ResultsCharts;
  log(line: string): void;
  /** How to call the bot on each platform, from the adapters (help). */
  howToCall?(lang: Lang): readonly string[];
  view(lang: Lang): ViewContext;
  langFor(user: UserId, locale?: string): Lang;
  /** Posts the ballot in a channel (background) and remembers the message to update it later. */
  postBallot(c: Readonly<Consultation>, channel: ChannelRef): void;
  /** Updates every posted ballot message of this consultation (background). */
  refreshBallots(id: string): void;
  /** Delivers owed outbox entries of this consultation (background). */
  flushOutbox(id: string): void;
}

/** Who is asking, resolved once per request. */
export interface Caller {
  user: UserId;
  platform: Platform;
  locale?: string;
  lang: Lang;
  channel?: ChannelRef;
  delegation?: Delegation;
  isSecretariat: boolean;
  /** Finds people of the caller's platform by e-mail (roster import), when the adapter offers it. */
  directory?: Directory;
  /** The platform's id of this interaction, when it has one (see RequestContext). */
  interactionId?: string;
}

export function requireConsultation(env: Env, id: string): Readonly<Consultation> {
  const c = env.store.get(id.toUpperCase());
  if (!c) return fail('unknown-id', problem('unknownId', id));
  return c;
}

export function reply(
  caller: Caller,
  card: OutboundMessage['card'],
  purpose: OutboundMessage['purpose'] = 'reply',
  extra: Partial<OutboundMessage> = {},
): OutboundMessage {
  return { audience: { kind: 'reply' }, card, lang: caller.lang, purpose, ...extra };
}
