/** Secretariat actions on a running consultation: close, extend, cancel, remind, export; and share. */
import type { Caller, Env } from './env.ts';
import { reply, requireConsultation } from './env.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { ConsultError, fail, problem } from '../errors.ts';
import { textCard } from '../views/reply.ts';
import { formatDate } from '../views/format.ts';
import { resolveDeadline } from './launch.ts';
import { closeConsultation, queueReminders } from '../scheduler/lifecycle.ts';
import { auditCsv, turnoutCsv } from './export-csv.ts';
import { missingDelegations } from '../views/status.ts';
import type { OutboundMessage } from '../outbound.ts';
import { confirmCard } from '../views/confirm.ts';
import { parseDeadline } from '../domain/deadline.ts';
import type { Consultation } from '../domain/model.ts';

/**
 * The new deadline of `extend`: a date, a time or a duration from now as at launch, or `+7d` counted
 * from the current deadline. It must be later than the current one: closing early is `close`.
 */
function laterDeadline(env: Env, c: Readonly<Consultation>, input: string, now: Date): Date {
  const current = new Date(c.closesAt);
  let closesAt: Date;
  if (input.startsWith('+')) {
    try {
      closesAt = parseDeadline(input.slice(1), current, env.zone);
    } catch (err) {
      if (!(err instanceof ConsultError)) throw err;
      return fail('bad-deadline', problem('deadlineFormat', input));
    }
  } else closesAt = resolveDeadline(env, input, c.kind, now);
  if (closesAt.getTime() <= current.getTime()) {
    fail(
      'bad-deadline',
      problem('extendEarlier', c.id, { date: current.toISOString() }, { date: closesAt.toISOString() }),
    );
  }
  return closesAt;
}

function requireOpenForChange(env: Env, id: string) {
  const c = requireConsultation(env, id);
  if (c.status === 'cancelled') fail('cancelled', problem('cancelled', c.id));
  if (c.status === 'closed') fail('closed', problem('alreadyClosed', c.id));
  return c;
}

export async function manage(
  env: Env,
  caller: Caller,
  type: 'close' | 'extend' | 'cancel' | 'remind' | 'export',
  id: string,
  deadline?: string,
  confirm = false,
): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  const t = env.view(caller.lang).t;
  const now = env.clock.now();
  const at = now.toISOString();
  const done = (text: string, cid: string) => [
    reply(caller, textCard(t.ballot.id(cid), text, 'success'), 'reply', { consultationId: cid }),
  ];
  switch (type) {
    case 'close': {
      const c = requireOpenForChange(env, id);
      if (!confirm)
        return [reply(caller, confirmCard(env.view(caller.lang), c, 'close'), 'reply', { consultationId: c.id })];
      await closeConsultation(env, c.id, caller.user, now);
      return done(t.reply.closed(c.id), c.id);
    }
    case 'extend': {
      const c = requireOpenForChange(env, id);
      const closesAt = laterDeadline(env, c, deadline ?? '', now);
      await env.store.update(c.id, (d) => {
        d.closesAt = closesAt.toISOString();
        // Reminder slots are derived from the deadline: forgetting done slots re-plans them.
        d.remindersDone = d.remindersDone.filter((s) => Date.parse(s) <= now.getTime());
        d.audit.push({ at, by: caller.user, platform: caller.platform, action: 'extend', detail: d.closesAt });
      });
      env.refreshBallots(c.id);
      return done(t.reply.extended(c.id, formatDate(closesAt, env.zone, caller.lang)), c.id);
    }
    case 'cancel': {
      const c = requireOpenForChange(env, id);
      if (!confirm)
        return [reply(caller, confirmCard(env.view(caller.lang), c, 'cancel'), 'reply', { consultationId: c.id })];
      await env.store.update(c.id, (d) => {
        d.status = 'cancelled';
        d.closedAt = at;
        d.outbox = d.outbox.filter((e) => e.type !== 'reminder');
        d.audit.push({ at, by: caller.user, platform: caller.platform, action: 'cancel' });
      });
      env.refreshBallots(c.id);
      return done(t.reply.cancelledReply(c.id), c.id);
    }
    case 'remind': {
      const c = requireOpenForChange(env, id);
      // Named before queueing: once reminded they are still missing, but this says who was reminded.
      const reminded =
        c.kind === 'feedback' ? [] : missingDelegations(env.view(caller.lang), c).filter((d) => d.delegates.length);
      const sent = await queueReminders(env, c.id, `manual-${at}`, []);
      await env.store.update(
        c.id,
        (d) =>
          void d.audit.push({ at, by: caller.user, platform: caller.platform, action: 'remind', detail: String(sent) }),
      );
      if (!sent) return done(t.reply.nobodyToRemind(c.id), c.id);
      if (!reminded.length) return done(t.reply.reminded(c.id, sent), c.id);
      const names = reminded.map((d) => d.name).join(', ');
      return done(t.missing.reminded(c.id, reminded.length, sent, names), c.id);
    }
    case 'export': {
      const c = requireConsultation(env, id);
      await env.store.update(
        c.id,
        (d) => void d.audit.push({ at, by: caller.user, platform: caller.platform, action: 'export' }),
      );
      const fresh = env.store.get(c.id)!;
      // Hidden means hidden from the secretariat too until the close (as `results`): turnout only, no choices.
      // A cancelled consultation never reaches a close, so its hidden choices stay hidden.
      if (fresh.visibility === 'hidden' && fresh.status !== 'closed') {
        const csv = turnoutCsv(fresh, env.store.meta());
        const cast = fresh.audit.filter((e) => e.action === 'vote').length;
        const text = t.reply.exportedTurnout(c.id, cast, formatDate(fresh.closesAt, env.zone, caller.lang));
        return [
          reply(caller, textCard(t.ballot.id(c.id), text, 'success'), 'export', {
            consultationId: c.id,
            file: { name: `consult-${c.id}-turnout.csv`, mime: 'text/csv', content: csv },
          }),
        ];
      }
      const csv = auditCsv(fresh, env.store.meta());
      return [
        reply(caller, textCard(t.ballot.id(c.id), t.reply.exported(c.id, fresh.audit.length), 'success'), 'export', {
          consultationId: c.id,
          file: { name: `consult-${c.id}.csv`, mime: 'text/csv', content: csv },
        }),
      ];
    }
  }
}

/** Posts the ballot in the current channel too; the tally stays one. */
export async function share(env: Env, caller: Caller, id: string): Promise<OutboundMessage[]> {
  const c = requireOpenForChange(env, id);
  const channel = caller.channel;
  const t = env.view(caller.lang).t;
  if (!channel) return [reply(caller, textCard(t.ballot.id(c.id), t.errors.noChannel, 'error'), 'error')];
  const known = c.channels.some((x) => x.platform === channel.platform && x.id === channel.id);
  await env.store.update(c.id, (d) => {
    if (!known) d.channels.push(channel);
    d.audit.push({
      at: env.clock.now().toISOString(),
      by: caller.user,
      platform: caller.platform,
      action: 'share',
      detail: `${channel.platform}:${channel.id}`,
    });
  });
  env.postBallot(env.store.get(c.id)!, channel);
  return [
    reply(caller, textCard(t.ballot.id(c.id), t.reply.shared(c.id), 'success'), 'reply', { consultationId: c.id }),
  ];
}
