/** What delegates do: vote, propose an option, answer a satisfaction survey. */
import type { Command } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply, requireConsultation } from './env.ts';
import {
  castVote,
  checkVote,
  proposeOption,
  recordAnswers,
  requireOpen,
  requireParticipant,
  type Vote,
} from '../domain/ballot.ts';
import { isPublished, nextPublication, proposerTag } from '../domain/secrecy.ts';
import { requireEligible } from '../domain/eligibility.ts';
import { alreadyApplied, noteApplied } from '../domain/replays.ts';
import { fail, problem } from '../errors.ts';
import { textCard } from '../views/reply.ts';
import { formatDate } from '../views/format.ts';
import type { Consultation } from '../domain/model.ts';
import { proposeForm, answerForm } from '../views/forms.ts';
import { currentVoter, queueNotice } from '../domain/notices.ts';
import { noticeAdded, requireProposalSlot } from '../domain/proposals.ts';
import { objection } from './silence.ts';
import type { Card, FormSubmit } from '../views/card.ts';
import { optionText } from '../views/option-text.ts';
import { MAX_LIKERT, MAX_TEXT } from '../domain/limits.ts';
import type { OutboundMessage } from '../outbound.ts';
import { rosterImport } from './roster-io.ts';
import { submitLaunchForm } from './launch-form.ts';

/** The voter's confirmation: what was recorded, and until when it may change. The posted ballot is refreshed on its own. */
function voteReply(env: Env, caller: Caller, c: Readonly<Consultation>, note: string): OutboundMessage[] {
  const v = env.view(caller.lang);
  const card: Card = {
    title: v.t.ballot.id(c.id),
    blocks: [
      { type: 'text', text: note, style: 'success' },
      { type: 'text', text: v.t.reply.changeUntil(formatDate(c.closesAt, v.zone, v.lang)), style: 'muted' },
    ],
  };
  return [reply(caller, card, 'reply', { consultationId: c.id })];
}

export async function vote(env: Env, caller: Caller, id: string, v: Vote): Promise<OutboundMessage[]> {
  const now = env.clock.now();
  const c0 = requireConsultation(env, id);
  // The store applies this at once, on the live state: every check runs here, before any change.
  const done = await env.store.update(c0.id, (c) => {
    // The same click again (a replay, even after a restart): already applied, nothing changes.
    if (caller.interactionId && alreadyApplied(c, caller.interactionId, now)) return undefined;
    requireOpen(c, now);
    const delegation = requireEligible(caller.delegation, c);
    checkVote(c, v, now);
    const previous = currentVoter(c, delegation.id);
    const publishAt = () => nextPublication(now, env.zone, new Date(c.closesAt));
    const choices = castVote(c, v, {
      delegation,
      user: caller.user,
      platform: caller.platform,
      at: now,
      secret: env.secret,
      publishAt,
      ...(caller.interactionId ? { click: caller.interactionId } : {}),
    });
    // A colleague's ballot was replaced: whoever cast it is told, personally, in the same write.
    if (previous && previous !== caller.user && delegation.delegates.includes(previous))
      queueNotice(c, [previous], { kind: 'colleague-vote', delegation: delegation.id }, now.toISOString());
    if (caller.interactionId) noteApplied(c, caller.interactionId, now);
    const pending = c.options.find((o) => choices.includes(o.n) && !isPublished(o, now));
    return { delegation, choices, pending };
  });
  if (!done) return voteReply(env, caller, c0, env.view(caller.lang).t.reply.alreadyApplied);
  const { delegation, choices, pending } = done;
  // The refresh shows turnout rising by one, never a new option: that waits for its publication slot.
  env.refreshBallots(c0.id);
  env.flushOutbox(c0.id);
  const c = env.store.get(c0.id)!;
  const view = env.view(caller.lang);
  const t = view.t;
  const chosen = choices
    .map((n) => {
      const o = c.options.find((x) => x.n === n);
      return `${n}. ${o ? optionText(view, o) : n}`;
    })
    .join('; ');
  const notes = [
    v.abstain
      ? t.safeguard.abstainRecorded(delegation.name)
      : c.secrecy === 'secret'
        ? t.reply.voteRecordedSecret(delegation.name)
        : t.reply.voteRecorded(delegation.name, chosen),
  ];
  if (pending?.publishAt)
    notes.push(t.reply.optionPending(pending.text, formatDate(pending.publishAt, env.zone, caller.lang)));
  return voteReply(env, caller, c, notes.join('\n'));
}

export async function answer(env: Env, caller: Caller, id: string, answers: number[]): Promise<OutboundMessage[]> {
  const now = env.clock.now();
  const c0 = requireConsultation(env, id);
  await env.store.update(c0.id, (c) => {
    requireOpen(c, now);
    recordAnswers(c, answers, caller.user, env.secret, caller.delegation !== undefined);
  });
  env.refreshBallots(c0.id);
  const t = env.view(caller.lang).t;
  return [
    reply(caller, textCard(t.kind.feedback, t.reply.answerRecorded, 'success'), 'reply', { consultationId: c0.id }),
  ];
}

export async function propose(env: Env, caller: Caller, id: string, text: string): Promise<OutboundMessage[]> {
  const now = env.clock.now();
  const c0 = requireConsultation(env, id);
  const option = await env.store.update(c0.id, (c) => {
    requireOpen(c, now);
    if (c.kind === 'feedback') fail('invalid', problem('isFeedback', c.id));
    if (c.kind === 'silence') fail('invalid', problem('isSilence', c.id));
    // The secretariat may add options too; delegates must be eligible, and within their delegation's cap.
    const delegation = caller.isSecretariat && !caller.delegation ? undefined : requireEligible(caller.delegation, c);
    const tag = delegation && c.secrecy === 'secret' ? proposerTag(env.secret, c.id, delegation.id) : undefined;
    if (delegation) requireProposalSlot(c, delegation.id, delegation.name, tag);
    const by = delegation?.id ?? 'secretariat';
    const publishAt = nextPublication(now, env.zone, new Date(c.closesAt));
    const option = proposeOption(c, text, by, caller.user, caller.platform, now, { publishAt, proposerTag: tag });
    // An anonymous option is announced when it is published (scheduler/tick.ts), to every answered delegation.
    if (!option.publishAt) noticeAdded(c, env.store.meta(), option.n, by, now);
    return option;
  });
  env.flushOutbox(c0.id);
  const t = env.view(caller.lang).t;
  const said = option.publishAt
    ? t.reply.proposedPending(c0.id, option.n, option.text, formatDate(option.publishAt, env.zone, caller.lang))
    : t.reply.proposed(c0.id, option.n, option.text);
  if (!option.publishAt) env.refreshBallots(c0.id);
  return [reply(caller, textCard(t.ballot.id(c0.id), said, 'success'), 'reply', { consultationId: c0.id })];
}

export function openForm(
  env: Env,
  caller: Caller,
  cmd: Extract<Command, { type: 'propose-form' | 'answer-form' }>,
): OutboundMessage[] {
  const c = requireConsultation(env, cmd.id);
  requireOpen(c, env.clock.now());
  const v = env.view(caller.lang);
  if (cmd.type === 'answer-form') {
    if (c.kind !== 'feedback') fail('invalid', problem('notFeedback', c.id));
    // Refused before the form is filled in, not after.
    requireParticipant(c, caller.user, caller.delegation !== undefined);
    return [reply(caller, answerForm(v, c), 'form', { consultationId: c.id })];
  }
  if (c.kind === 'feedback') fail('invalid', problem('isFeedback', c.id));
  return [reply(caller, proposeForm(v, c), 'form', { consultationId: c.id })];
}

const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);

function num(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail('invalid', problem('badNumber', raw));
  return n;
}

/** A submitted form: the adapter passes the raw values; the core reads them. */
export async function submitForm(env: Env, caller: Caller, submit: FormSubmit): Promise<OutboundMessage[]> {
  const { action, values } = submit;
  switch (action.type) {
    case 'vote': {
      const choices = list(values.approve).map(num);
      const a = list(values.combineA)[0];
      const b = list(values.combineB)[0];
      const combine: [number, number] | undefined = a && b ? [num(a), num(b)] : undefined;
      return vote(env, caller, action.id, { choices, combine });
    }
    case 'propose': {
      const raw = values.text;
      const text = (Array.isArray(raw) ? raw.join(' ') : (raw ?? '')).replace(/\s+/g, ' ').trim();
      if (!text) fail('invalid', problem('missingText'));
      if (text.length > MAX_TEXT) fail('invalid', problem('tooLong', MAX_TEXT));
      return propose(env, caller, action.id, text);
    }
    case 'object': {
      const raw = values.reason;
      const reason = (Array.isArray(raw) ? raw.join(' ') : (raw ?? '')).replace(/\s+/g, ' ').trim();
      if (reason.length > MAX_TEXT) fail('invalid', problem('tooLong', MAX_TEXT));
      return objection(
        env,
        caller,
        reason ? { type: 'object', id: action.id, reason } : { type: 'object', id: action.id },
      );
    }
    case 'launch':
      return submitLaunchForm(env, caller, action.id, values, action.channel);
    case 'feedback': {
      const c = requireConsultation(env, action.id);
      const answers = (c.statements ?? []).map((_, i) => {
        const raw = list(values[`s${i + 1}`])[0];
        return raw ? Math.min(MAX_LIKERT, num(raw)) : 0;
      });
      return answer(env, caller, action.id, answers);
    }
    case 'roster-import':
      return rosterImport(env, caller, typeof values.csv === 'string' ? values.csv : '');
  }
}
