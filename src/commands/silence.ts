/** The silence procedure: the secretariat launches it; delegations object (reason optional) or withdraw their objection. */
import type { Command } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply, requireConsultation } from './env.ts';
import { here, launchedReply, open } from './launch.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { requireOpen } from '../domain/ballot.ts';
import { requireEligible } from '../domain/eligibility.ts';
import { recordObjection, requireSilence, withdrawObjection } from '../domain/silence.ts';
import { currentVoter, queueNotice } from '../domain/notices.ts';
import { fail, problem } from '../errors.ts';
import { textCard } from '../views/reply.ts';
import { formatDate } from '../views/format.ts';
import { objectForm } from '../views/silence.ts';
import type { OutboundMessage } from '../outbound.ts';

export async function launchSilence(
  env: Env,
  caller: Caller,
  cmd: Extract<Command, { type: 'silence' }>,
): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  // Typed commands are refused by the parser already; a form may still ask for it.
  if (cmd.secret) fail('invalid', problem('noSecret'), 'results');
  const c = await open(env, caller, {
    kind: 'silence',
    title: cmd.text,
    options: [],
    select: 1,
    // Objections are public: the ballot shows them as they come.
    opts: { deadline: cmd.deadline, live: true, lang: cmd.lang },
    eligibility: cmd.eligible ?? 'members',
    channels: here(caller),
    secrecy: 'recorded',
  });
  return launchedReply(env, caller, c);
}

export async function objection(
  env: Env,
  caller: Caller,
  cmd: Extract<Command, { type: 'object' | 'withdraw-objection' | 'object-form' }>,
): Promise<OutboundMessage[]> {
  const now = env.clock.now();
  const c0 = requireConsultation(env, cmd.id);
  const v = env.view(caller.lang);
  if (cmd.type === 'object-form') {
    requireOpen(c0, now);
    requireSilence(c0);
    requireEligible(caller.delegation, c0);
    return [reply(caller, objectForm(v, c0), 'form', { consultationId: c0.id })];
  }
  const delegation = await env.store.update(c0.id, (c) => {
    requireOpen(c, now);
    requireSilence(c);
    const d = requireEligible(caller.delegation, c);
    const previous = currentVoter(c, d.id);
    const who = { delegation: d, user: caller.user, platform: caller.platform, at: now };
    if (cmd.type === 'object') recordObjection(c, who, cmd.reason);
    else withdrawObjection(c, who);
    // A colleague's objection changed: whoever lodged it is told, personally.
    if (previous && previous !== caller.user && d.delegates.includes(previous))
      queueNotice(c, [previous], { kind: 'colleague-vote', delegation: d.id }, now.toISOString());
    return d;
  });
  env.refreshBallots(c0.id);
  env.flushOutbox(c0.id);
  const text =
    cmd.type === 'object'
      ? v.t.silence.objectRecorded(delegation.name, c0.id, formatDate(c0.closesAt, v.zone, v.lang))
      : v.t.silence.objectionWithdrawn(delegation.name, c0.id);
  return [reply(caller, textCard(v.t.ballot.id(c0.id), text, 'success'), 'reply', { consultationId: c0.id })];
}
