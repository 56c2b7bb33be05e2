/** Reading commands and personal settings: help, status, results, roster, lang. */
import type { Command } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply, requireConsultation } from './env.ts';
import { addDelegate, removeDelegate, requireSecretariat } from '../domain/roster.ts';
import { fail, problem } from '../errors.ts';
import { helpCard } from '../views/help.ts';
import { missingCard, statusCard, statusList } from '../views/status.ts';
import { manageButtons } from '../views/confirm.ts';
import { ONE_MESSAGE, rosterListing } from '../views/roster.ts';
import { ballotCard } from '../views/ballot.ts';
import { resultsCard } from '../views/results.ts';
import { textCard } from '../views/reply.ts';
import type { OutboundMessage } from '../outbound.ts';

export function help(env: Env, caller: Caller): OutboundMessage[] {
  return [reply(caller, helpCard(env.view(caller.lang).t, caller.isSecretariat, env.howToCall?.(caller.lang)), 'help')];
}

export function status(env: Env, caller: Caller, id?: string): OutboundMessage[] {
  const v = env.view(caller.lang);
  if (id) {
    const c = requireConsultation(env, id);
    // The secretariat sees who is missing, by name; delegates see the ballot with the turnout.
    if (caller.isSecretariat) {
      const card = missingCard(v, c);
      if (c.status === 'open') card.blocks.push({ type: 'actions', buttons: manageButtons(v, c) });
      return [reply(caller, card, 'status', { consultationId: c.id })];
    }
    return [
      reply(caller, ballotCard(v, c, { delegation: caller.delegation, user: caller.user }), 'ballot', {
        consultationId: c.id,
      }),
    ];
  }
  return [reply(caller, statusCard(v, statusList(env.store.all(), env.clock.now()), caller.delegation), 'status')];
}

export function results(env: Env, caller: Caller, id: string): OutboundMessage[] {
  const c = requireConsultation(env, id);
  // Hidden results stay hidden from everyone, the secretariat included, until the close.
  if (c.status === 'open' && c.visibility === 'hidden') {
    fail('results-hidden', problem('resultsHidden', c.id, { date: c.closesAt }));
  }
  return [reply(caller, resultsCard(env.view(caller.lang), c), 'results', { consultationId: c.id })];
}

export async function roster(
  env: Env,
  caller: Caller,
  cmd: Extract<Command, { type: 'roster-add' | 'roster-remove' | 'roster-list' }>,
): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  const t = env.view(caller.lang).t;
  if (cmd.type === 'roster-add') {
    const d = await env.store.updateMeta((m) => addDelegate(m, cmd.user, cmd.delegation, cmd.kind, cmd.region));
    return [reply(caller, textCard(t.reply.rosterTitle, t.reply.rosterAdded(cmd.user, d.name), 'success'))];
  }
  if (cmd.type === 'roster-remove') {
    const d = await env.store.updateMeta((m) => removeDelegate(m, cmd.user));
    return [reply(caller, textCard(t.reply.rosterTitle, t.reply.rosterRemoved(cmd.user, d.name), 'success'))];
  }
  const meta = env.store.meta();
  const listing = rosterListing(t, meta, [...new Set([...env.secretariat, ...meta.secretariat])]);
  if (listing.text.length <= ONE_MESSAGE) return [reply(caller, listing.card)];
  return [
    reply(
      caller,
      textCard(t.reply.rosterTitle, t.roster.listAsFile(listing.delegations, listing.delegates)),
      'export',
      { file: { name: 'roster.txt', mime: 'text/plain', content: listing.text } },
    ),
  ];
}

export async function setLang(env: Env, caller: Caller, lang: Caller['lang']): Promise<OutboundMessage[]> {
  await env.store.updateMeta((m) => void (m.prefs[caller.user] = { ...m.prefs[caller.user], lang }));
  const t = env.view(lang).t;
  return [
    { audience: { kind: 'reply' }, card: textCard(t.help.title, t.reply.langSet, 'success'), lang, purpose: 'reply' },
  ];
}
