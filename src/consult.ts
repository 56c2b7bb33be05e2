/** Builds the core: the one object adapters talk to. See consult-api.ts for its contract. */
import { randomBytes } from 'node:crypto';
import type { Consult } from './consult-api.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Store } from './store/store.ts';
import type { ChannelRef, Consultation, Lang, OutboxEntry, Platform, UserId } from './domain/model.ts';
import { emptyRecord, platformOf } from './domain/model.ts';
import { MAX_INTERACTION_ID } from './domain/limits.ts';
import type { OutboundMessage } from './outbound.ts';
import { Dispatch } from './delivery/dispatch.ts';
import { flushOutbox } from './delivery/outbox.ts';
import type { Request, RequestContext } from './inbound.ts';
import type { Caller, Env } from './commands/env.ts';
import type { History } from './domain/history.ts';
import { t, langFromLocale } from './i18n/index.ts';
import { applyPerson, delegationOf, isSecretariat, personChanges } from './domain/roster.ts';
import type { Directory } from './directory.ts';
import { parseCommand } from './commands/parse.ts';
import { CommandSchema, FormSubmitSchema } from './commands/command-schema.ts';
import { runCommand, runForm, errorReply } from './commands/route.ts';
import { ConsultError, problem } from './errors.ts';
import { ballotCard } from './views/ballot.ts';
import { resultsCard } from './views/results.ts';
import { homeCard } from './views/home.ts';
import { reminderCard } from './views/reminder.ts';
import { noticeCard } from './views/notice.ts';
import { tick, nextTickDelay } from './scheduler/tick.ts';
import { sharedReportRenderer, type ReportRenderer } from './report/renderer.ts';
import { createResultsCharts } from './report/results-chart.ts';
import { createChartLinks } from './report/chart-links.ts';

/** Closed consultations the secretariat's home shows with a report button, newest first. */
const HOME_CLOSED_SHOWN = 5;
import { SchedulerHealth } from './scheduler/health.ts';
import { failureCard } from './views/scheduler-failure.ts';

export interface ConsultOptions {
  store: Store;
  clock?: Clock;
  timezone?: string;
  secretariat?: UserId[];
  /** Key of the keyed hash that hides secret ballots; keep it outside the store. */
  ballotSecret?: string;
  history?: History;
  log?: (line: string) => void;
  /** How to call the bot on each mounted platform, in this language (adapters supply it; the help shows it). */
  howToCall?: (lang: Lang) => readonly string[];
  /** Draws charts and PDFs; by default the process's one worker thread, started on first use. */
  reports?: ReportRenderer;
  /** Where the bot can be reached from outside (`PUBLIC_URL`): charts are then also served by link. */
  publicUrl?: string;
}

export function createConsult(opts: ConsultOptions): Consult {
  const { store } = opts;
  const clock = opts.clock ?? systemClock;
  const zone = opts.timezone ?? 'Europe/Zurich';
  const log = opts.log ?? (() => {});
  const dispatch = new Dispatch(log);
  const reports = opts.reports ?? sharedReportRenderer(log);
  const secret = opts.ballotSecret ?? randomBytes(32).toString('hex');
  const links = opts.publicUrl
    ? createChartLinks({ publicUrl: opts.publicUrl, secret, now: () => clock.now() })
    : undefined;
  const charts = createResultsCharts(reports, log, links);
  const directories = new Map<Platform, Directory>();
  const refreshing = new Map<string, boolean>();
  const flushing = new Map<string, boolean>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;
  let started = false;
  const health = new SchedulerHealth();
  /** Per consultation, what its deadline and reminder slots were planned from: a change re-plans the next pass. */
  const planned = new Map<string, string>();
  const planKey = (c: Readonly<Consultation>) => `${c.status}|${c.openedAt}|${c.closesAt}`;

  function langFor(user: UserId, locale?: string): Lang {
    const prefs = store.meta().prefs[user];
    return prefs?.lang ?? langFromLocale(locale ?? prefs?.locale) ?? 'en';
  }

  const view = (lang: Lang) => ({ lang, t: t(lang), zone, now: clock.now(), meta: store.meta(), secret: env.secret });
  /** What a channel shows: the consultation's language, options in every language given. */
  const channelView = (c: Readonly<Consultation>) => ({ ...view(c.lang), channel: true });

  function postBallot(c: Readonly<Consultation>, channel: ChannelRef): void {
    dispatch.background(async () => {
      const card = ballotCard(channelView(c), c);
      const ref = await dispatch.deliver(channel.platform, {
        audience: { kind: 'channel', channel },
        card,
        lang: c.lang,
        purpose: 'ballot',
        consultationId: c.id,
      });
      if (ref) await store.update(c.id, (d) => void d.posted.push({ channel, ref }));
    });
  }

  /** A burst of votes refreshes each posted ballot once or twice, not once per vote; the card is drawn once per pass. */
  function refreshBallots(id: string): void {
    dispatch.coalesced(refreshing, id, async () => {
      const c = store.get(id);
      if (c && c.status !== 'open') await dispatch.settleAll(id);
      if (!c || c.posted.length === 0) return;
      const card = ballotCard(channelView(c), c);
      await Promise.allSettled(
        c.posted.map((posted) =>
          dispatch.deliver(posted.channel.platform, {
            audience: { kind: 'ballot-update', channel: posted.channel, ref: posted.ref },
            card,
            lang: c.lang,
            purpose: 'ballot',
            consultationId: id,
          }),
        ),
      );
    });
  }

  async function owedMessage(
    c: Readonly<Consultation>,
    e: OutboxEntry,
  ): Promise<{ platform: Platform; message: OutboundMessage } | undefined> {
    if (e.type === 'results' && e.channel) {
      const v = channelView(c);
      return {
        platform: e.channel.platform,
        message: {
          audience: { kind: 'channel', channel: e.channel },
          card: await charts.withChart(resultsCard(v, c), v, c),
          lang: c.lang,
          purpose: 'results',
          consultationId: c.id,
        },
      };
    }
    if (e.type === 'reminder' && e.user) {
      const lang = langFor(e.user);
      const delegation = delegationOf(store.meta(), e.user);
      return {
        platform: platformOf(e.user),
        message: {
          audience: { kind: 'user', user: e.user },
          card: reminderCard(view(lang), c, delegation, e.user),
          lang,
          purpose: 'reminder',
          consultationId: c.id,
        },
      };
    }
    if (e.type === 'notice' && e.user && e.notice) {
      const lang = langFor(e.user);
      return {
        platform: platformOf(e.user),
        message: {
          audience: { kind: 'user', user: e.user },
          card: noticeCard(view(lang), c, e.notice),
          lang,
          purpose: 'notice',
          consultationId: c.id,
        },
      };
    }
    return undefined;
  }

  function flushOwed(id: string): void {
    dispatch.coalesced(flushing, id, () => flushOutbox(id, { store, clock, dispatch, render: owedMessage, log }));
  }

  const env: Env = {
    store,
    clock,
    zone,
    secretariat: opts.secretariat ?? [],
    secret,
    history: opts.history,
    reports,
    charts,
    log,
    howToCall: opts.howToCall,
    view,
    langFor,
    postBallot,
    refreshBallots,
    flushOutbox: flushOwed,
  };
  if (!opts.ballotSecret) log('no BALLOT_SECRET given: secret ballots use a key that lasts only until restart');

  async function noteLocale(user: UserId, locale: string | undefined): Promise<void> {
    if (
      typeof locale !== 'string' ||
      locale.length > 35 ||
      locale === store.meta().prefs[user]?.locale ||
      !langFromLocale(locale)
    )
      return;
    await store.updateMeta((m) => void (m.prefs[user] = { ...m.prefs[user], locale }));
  }

  async function caller(ctx: RequestContext): Promise<Caller> {
    const user = ctx.actor.user;
    // Remember the platform locale for messages sent outside a request (reminders).
    await noteLocale(user, ctx.actor.locale);
    // A name for roster views, and the first contact of someone imported by e-mail.
    const seen = { name: ctx.actor.name, email: ctx.actor.email };
    const sec = isSecretariat(store.meta(), env.secretariat, user);
    const change = personChanges(store.meta(), user, seen, sec);
    if (change) {
      const write = store.updateMeta((m) => {
        const now = personChanges(m, user, seen, sec);
        if (now) applyPerson(m, user, now);
      });
      // Joining a delegation decides this request; a new name does not, so votes never wait for it.
      if (change.joins) await write;
      else void write.catch((err: unknown) => log(`could not remember the name of ${user}: ${(err as Error).message}`));
    }
    const platform = platformOf(user);
    return {
      user,
      platform,
      locale: ctx.actor.locale,
      lang: langFor(user, ctx.actor.locale),
      channel: ctx.channel,
      delegation: delegationOf(store.meta(), user),
      isSecretariat: isSecretariat(store.meta(), env.secretariat, user),
      // Kept in the vote's audit line: one longer than the store accepts would make the trail unloadable, so it is not used.
      ...(typeof ctx.interactionId === 'string' && ctx.interactionId.length <= MAX_INTERACTION_ID
        ? { interactionId: ctx.interactionId }
        : {}),
      directory: ctx.directory ?? directories.get(platform),
    };
  }

  async function handle(ctx: RequestContext, req: Request): Promise<OutboundMessage[]> {
    const fallback: Caller = { user: ctx.actor.user, platform: 'web', lang: 'en', isSecretariat: false };
    let who = fallback;
    try {
      who = await caller(ctx);
      if (req.type === 'text') return await runCommand(env, who, parseCommand(req.text));
      if (req.type === 'command') {
        const parsed = CommandSchema.safeParse(req.command);
        if (!parsed.success)
          throw new ConsultError(
            'parse',
            problem('unknownCommand', String((req.command as { type?: unknown })?.type ?? '?')),
          );
        return await runCommand(env, who, parsed.data);
      }
      const form = FormSubmitSchema.safeParse(req.submit);
      if (!form.success) throw new ConsultError('parse', problem('unexpected', 'form'));
      return await runForm(env, who, form.data);
    } catch (err) {
      return errorReply(env, who, err);
    }
  }

  /** Tells the secretariat, personally, what a failing pass could not do (once per degraded spell). */
  function reportFailure(err: unknown): void {
    const meta = store.meta();
    const people = new Set([...env.secretariat, ...meta.secretariat]);
    for (const user of people) {
      dispatch.background(async () => {
        const lang = langFor(user);
        await dispatch.deliver(platformOf(user), {
          audience: { kind: 'user', user },
          card: failureCard(t(lang), err),
          lang,
          purpose: 'error',
        });
      });
    }
  }

  /** One pass of the loop: never rejects, so a failing store cannot take the process down. */
  async function pass(): Promise<number> {
    try {
      await api.tick();
      return nextTickDelay(env);
    } catch {
      return health.retryDelay(); // tick() logged it and reported it
    }
  }

  function schedule(delay: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void pass().then(schedule);
    }, delay);
    timer.unref?.();
  }

  /** A change that moves a deadline or a reminder slot plans the next pass anew, not at the old time. */
  function replan(): void {
    if (!started || stopped || ticking || health.degraded) return;
    for (const c of store.all()) planned.set(c.id, planKey(c));
    schedule(nextTickDelay(env));
  }

  store.onChange?.((id) => {
    const c = store.get(id);
    if (!c || planned.get(id) === planKey(c)) return;
    planned.set(id, planKey(c));
    replan();
  });

  const api: Consult = {
    store,
    clock,
    timezone: zone,
    handle,
    registerDeliverer: (platform, d) => dispatch.register(platform, d),
    registerDirectory: (platform, d) => void directories.set(platform, d),
    wantsEmail: (user) =>
      !delegationOf(store.meta(), user) && store.meta().delegations.some((d) => (d.pending?.length ?? 0) > 0),
    ballotView(id, user, locale) {
      const c = store.get(id.toUpperCase());
      if (!c) return undefined;
      const lang = langFor(user, locale);
      return { card: ballotCard(view(lang), c, { delegation: delegationOf(store.meta(), user), user }), lang };
    },
    homeView(user, locale) {
      const lang = langFor(user, locale);
      const open = store.all().filter((c) => c.status === 'open');
      const secretariat = isSecretariat(store.meta(), env.secretariat, user);
      const closed = secretariat
        ? store
            .all()
            .filter((c) => c.status === 'closed' && c.kind !== 'silence')
            .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
            .slice(0, HOME_CLOSED_SHOWN)
        : [];
      return {
        card: homeCard(view(lang), open, delegationOf(store.meta(), user), secretariat, user, closed),
        lang,
      };
    },
    langFor,
    isSecretariat: (user) => isSecretariat(store.meta(), env.secretariat, user),
    noteLocale,
    adapterState: {
      get: (adapter, key) => store.meta().adapters[adapter]?.[key],
      set: (adapter, key, value) =>
        store.updateMeta((m) => void ((m.adapters[adapter] ??= emptyRecord())[key] = value)),
      all: (adapter) => Object.assign(emptyRecord(), store.meta().adapters[adapter]),
      delete: (adapter, key) => store.updateMeta((m) => void delete m.adapters[adapter]?.[key]),
    },
    tick() {
      ticking ??= tick(env)
        .then(
          () => health.succeeded(),
          (err: unknown) => {
            const first = health.failed(err, clock.now());
            const cause = err instanceof Error ? err.message : String(err);
            log(`scheduler pass failed, retrying in ${health.retryDelay()} ms: ${cause}`);
            if (first) reportFailure(err);
            throw err;
          },
        )
        .finally(() => (ticking = undefined));
      return ticking;
    },
    health: () => health.degraded,
    async chartImage(token) {
      const check = links?.check(token);
      if (!check?.ok) return check?.why === 'expired' ? 'expired' : 'not-found';
      const c = store.get(check.id);
      // Drawn only where a results card shows it (never for an open hidden consultation).
      const image = c ? await charts.block(view(check.lang), c) : undefined;
      return image ? image.png : 'not-found';
    },
    start() {
      stopped = false;
      started = true;
      void pass().then(schedule);
    },
    async stop() {
      stopped = true;
      started = false;
      if (timer) clearTimeout(timer);
      await ticking;
      await api.idle();
    },
    async idle() {
      while (dispatch.busy || ticking) await dispatch.idle(ticking);
    },
  };
  return api;
}
