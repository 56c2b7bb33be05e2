/** Launching consultations: theme polls, topic shortlists, written surveys, satisfaction surveys. Secretariat only. */
import type { Command, LaunchOptions } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply } from './env.ts';
import type { ChannelRef, Consultation, ConsultationKind, Option, UserId } from '../domain/model.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { parseDeadline, defaultDeadline } from '../domain/deadline.ts';
import { findSimilar } from '../domain/history.ts';
import { silenceDeadline } from '../domain/silence.ts';
import { methodOf } from '../domain/tally.ts';
import { launchOptions } from '../domain/ballot.ts';
import { ConsultError, fail, problem } from '../errors.ts';
import { textCard } from '../views/reply.ts';
import type { OutboundMessage } from '../outbound.ts';

const PREFIX: Record<ConsultationKind, string> = { theme: 'T', topics: 'W', survey: 'S', feedback: 'F', silence: 'SP' };

export function resolveDeadline(env: Env, input: string | undefined, kind: ConsultationKind, now: Date): Date {
  if (!input) return kind === 'silence' ? silenceDeadline(now, env.zone) : defaultDeadline(kind, now, env.zone);
  try {
    return parseDeadline(input, now, env.zone);
  } catch (err) {
    // Said beside the deadline field of a launch form.
    if (err instanceof ConsultError) throw new ConsultError(err.code, err.problem, { field: 'deadline' });
    return fail('bad-deadline', problem('deadlineFormat', input), 'deadline');
  }
}

export interface Draft {
  kind: ConsultationKind;
  title: string;
  options: Option[];
  select: number;
  opts: LaunchOptions;
  eligibility: 'members' | 'all';
  channels: ChannelRef[];
  statements?: string[];
  participants?: number;
  invited?: UserId[];
  source?: string;
  method?: 'majority' | 'top';
  secrecy?: 'recorded' | 'secret';
}

export async function open(env: Env, caller: Caller, d: Draft): Promise<Consultation> {
  const now = env.clock.now();
  const secrecy = d.secrecy ?? (d.opts.secret ? 'secret' : 'recorded');
  const visibility = d.opts.live ? 'live' : 'hidden';
  // Counts redrawn after each vote, beside turnout rising by one, would attribute every secret choice.
  // Checked here, on what would be stored, so every launch path (typed, buttons, forms, surveys) is refused alike.
  if (secrecy === 'secret' && visibility === 'live') fail('invalid', problem('secretLive'), 'results');
  const closesAt = resolveDeadline(env, d.opts.deadline, d.kind, now);
  const prefix = PREFIX[d.kind];
  const n = await env.store.updateMeta((m) => (m.counters[prefix] = (m.counters[prefix] ?? 0) + 1));
  const c: Consultation = {
    id: `${prefix}${n}`,
    kind: d.kind,
    title: d.title,
    options: d.options,
    select: d.select,
    method: d.method,
    statements: d.statements,
    participants: d.participants,
    ...(d.invited ? { invited: d.invited } : {}),
    channels: d.channels,
    posted: [],
    openedAt: now.toISOString(),
    closesAt: closesAt.toISOString(),
    status: 'open',
    eligibility: d.eligibility,
    visibility,
    secrecy,
    quorum: d.opts.quorum,
    proposalCap: d.opts.proposals,
    createdBy: caller.user,
    // Channel posts are read by everyone: in the language the launch asked for, else the launcher's.
    lang: d.opts.lang ?? caller.lang,
    source: d.source,
    ballots: {},
    answered: [],
    remindersDone: [],
    outbox: [],
    audit: [{ at: now.toISOString(), by: caller.user, platform: caller.platform, action: 'launch' }],
  };
  await env.store.create(c);
  for (const channel of c.channels) env.postBallot(c, channel);
  return c;
}

export function launchedReply(env: Env, caller: Caller, c: Consultation, notes: string[] = []): OutboundMessage[] {
  const t = env.view(caller.lang).t;
  const text = [t.reply.launched(c.id, t.kind[c.kind]), ...notes].join('\n');
  return [reply(caller, textCard(t.kind[c.kind], text, 'success'), 'reply', { consultationId: c.id })];
}

function historyNotes(env: Env, caller: Caller, texts: string[]): string[] {
  if (!env.history) return [];
  const t = env.view(caller.lang).t;
  return texts.flatMap((text) => {
    const [best] = findSimilar(text, env.history!);
    return best ? [t.reply.historyWarning(best.title, best.year, best.notChosen ?? false)] : [];
  });
}

export const here = (caller: Caller): ChannelRef[] => (caller.channel ? [caller.channel] : []);

export async function launch(
  env: Env,
  caller: Caller,
  cmd: Extract<Command, { type: 'theme' | 'topics' | 'survey' | 'feedback' }>,
): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  switch (cmd.type) {
    case 'theme': {
      // The 2013 case: one question ("adopt the theme? yes / no") only when the secretariat says so.
      if (cmd.options.length < 2 && !cmd.single) fail('invalid', problem('needsTwo'), 'options');
      const c = await open(env, caller, {
        kind: 'theme',
        title: '',
        options: launchOptions(cmd.options, cmd.translations),
        select: 1,
        opts: cmd,
        eligibility: cmd.eligible ?? 'members',
        channels: here(caller),
      });
      return launchedReply(env, caller, c, historyNotes(env, caller, cmd.options));
    }
    case 'topics': {
      const select = Math.min(cmd.select ?? 2, cmd.options.length);
      const c = await open(env, caller, {
        kind: 'topics',
        title: '',
        options: launchOptions(cmd.options, cmd.translations),
        select,
        method: 'top',
        opts: cmd,
        eligibility: cmd.eligible ?? 'members',
        channels: here(caller),
      });
      return launchedReply(env, caller, c, historyNotes(env, caller, cmd.options));
    }
    case 'survey': {
      if (!cmd.from) {
        const c = await open(env, caller, {
          kind: 'survey',
          title: cmd.title ?? '',
          options: launchOptions(cmd.options ?? [], cmd.translations),
          select: 1,
          opts: cmd,
          eligibility: cmd.eligible ?? 'all',
          channels: here(caller),
        });
        return launchedReply(env, caller, c);
      }
      const source = env.store.get(cmd.from.toUpperCase());
      if (!source) return fail('unknown-id', problem('unknownId', cmd.from!), 'from');
      if (source.status === 'open') fail('invalid', problem('surveySourceOpen', source.id), 'from');
      if (source.kind === 'feedback') fail('invalid', problem('surveyNeedsOptions'), 'from');
      // The survey goes to every channel of the poll it follows, and here.
      const channels = [...source.channels];
      for (const ch of here(caller))
        if (!channels.some((x) => x.platform === ch.platform && x.id === ch.id)) channels.push(ch);
      const c = await open(env, caller, {
        kind: 'survey',
        title: source.title,
        options: source.options.map((o) => ({ ...o })),
        select: source.select,
        method: methodOf(source),
        opts: cmd,
        eligibility: cmd.eligible ?? 'all',
        channels,
        source: source.id,
        secrecy: cmd.secret ? 'secret' : source.secrecy,
      });
      return launchedReply(env, caller, c);
    }
    case 'feedback': {
      const c = await open(env, caller, {
        kind: 'feedback',
        title: cmd.workshop,
        options: [],
        select: 1,
        opts: cmd,
        eligibility: 'all',
        channels: here(caller),
        statements: cmd.statements ?? [...env.view(caller.lang).t.defaultStatements],
        // A list of participants is who may answer, and its size the base of the response rate.
        participants: cmd.invited?.length ?? cmd.participants,
        invited: cmd.invited as UserId[] | undefined,
        secrecy: 'secret',
      });
      return launchedReply(env, caller, c);
    }
  }
}
