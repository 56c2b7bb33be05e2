/** The secretariat moderates proposals: withdraw a proposed option, merge two options. */
import type { Command } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply, requireConsultation } from './env.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { requireOpen } from '../domain/ballot.ts';
import { mergeOptions, withdrawOption } from '../domain/proposals.ts';
import { fail, problem } from '../errors.ts';
import { textCard } from '../views/reply.ts';
import type { OutboundMessage } from '../outbound.ts';

export async function moderate(
  env: Env,
  caller: Caller,
  cmd: Extract<Command, { type: 'withdraw' | 'merge' }>,
): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  const now = env.clock.now();
  const c0 = requireConsultation(env, cmd.id);
  const t = env.view(caller.lang).t;
  const by = { user: caller.user, platform: caller.platform, at: now };
  const text = await env.store.update(c0.id, (c) => {
    requireOpen(c, now);
    if (c.kind === 'feedback' || c.kind === 'silence') fail('invalid', problem('noSuchOption', c.id, 1));
    if (cmd.type === 'withdraw') {
      const option = c.options.find((o) => o.n === cmd.option);
      withdrawOption(c, env.store.meta(), cmd.option, by);
      return t.safeguard.withdrawnReply(c.id, cmd.option, option?.text ?? '');
    }
    mergeOptions(c, env.store.meta(), cmd.into, cmd.from, by);
    return t.safeguard.mergedReply(c.id, cmd.from, cmd.into);
  });
  env.refreshBallots(c0.id);
  env.flushOutbox(c0.id);
  return [reply(caller, textCard(t.ballot.id(c0.id), text, 'success'), 'reply', { consultationId: c0.id })];
}
