/** The silence procedure's cards: the ballot (one action, Object), the objection form, the results. */
import type { Consultation, Delegation } from '../domain/model.ts';
import { objections } from '../domain/silence.ts';
import { isEligible } from '../domain/eligibility.ts';
import { turnoutCount } from '../domain/tally.ts';
import type { Button, Card, CardBlock } from './card.ts';
import type { ViewContext } from './ballot.ts';
import { MAX_TEXT } from '../domain/limits.ts';

function names(v: ViewContext, list: { delegation: Delegation }[]): string {
  return new Intl.ListFormat(v.lang, { type: 'conjunction' }).format(list.map((o) => o.delegation.name));
}

/** The blocks of a silence procedure's ballot after the common head (title, deadline, eligibility). */
export function silenceBallotBlocks(
  v: ViewContext,
  c: Readonly<Consultation>,
  viewer: { delegation?: Delegation } | undefined,
): CardBlock[] {
  const s = v.t.silence;
  const list = objections(v.meta, c);
  const blocks: CardBlock[] = [
    { type: 'text', text: s.objections(list.length, names(v, list)), style: list.length ? 'warning' : 'normal' },
  ];
  const mine = viewer?.delegation;
  if (mine) {
    const objects = Object.hasOwn(c.ballots, mine.id);
    blocks.push({ type: 'text', text: objects ? s.objected(mine.name) : s.notObjected(mine.name) });
  }
  if (c.status !== 'open') return blocks;
  // Observers follow a members-only procedure: no buttons that would only refuse.
  if (mine && !isEligible(mine, c)) {
    blocks.push({ type: 'text', text: v.t.safeguard.observersFollow, style: 'muted' });
    return blocks;
  }
  const object: Button = { label: s.objectButton, command: { type: 'object-form', id: c.id }, style: 'danger' };
  const withdraw: Button = { label: s.withdrawButton, command: { type: 'withdraw-objection', id: c.id } };
  // The channel's ballot offers both; a delegate's own view only what applies to their delegation.
  const buttons = !mine ? [object, withdraw] : Object.hasOwn(c.ballots, mine.id) ? [withdraw] : [object];
  blocks.push({ type: 'actions', buttons });
  return blocks;
}

export function objectForm(v: ViewContext, c: Readonly<Consultation>): Card {
  return {
    title: `${v.t.kind.silence} ${c.id}`,
    blocks: [
      { type: 'text', text: c.title },
      { type: 'text', text: v.t.silence.explain, style: 'muted' },
      {
        type: 'form',
        form: {
          id: `object:${c.id}`,
          inputs: [
            { type: 'text', id: 'reason', label: v.t.silence.reasonLabel, maxLength: MAX_TEXT, required: false },
          ],
          submit: { label: v.t.silence.objectButton, action: { type: 'object', id: c.id } },
        },
      },
    ],
  };
}

/** Adopted under silence procedure, or broken by the objecting delegations, named (objections are never secret). */
export function silenceResultBlocks(v: ViewContext, c: Readonly<Consultation>): CardBlock[] {
  const s = v.t.silence;
  const list = objections(v.meta, c);
  const { eligible } = turnoutCount(v.meta, c);
  const blocks: CardBlock[] = [{ type: 'text', text: c.title }];
  blocks.push({ type: 'text', text: s.objectionsOf(list.length, eligible) });
  const decision = list.length > 0 ? s.broken(list.length, names(v, list)) : c.status === 'open' ? s.holds : s.adopted;
  blocks.push({ type: 'text', text: decision, style: list.length || c.status === 'open' ? 'warning' : 'success' });
  const reasons = list.filter((o) => o.reason);
  if (reasons.length)
    blocks.push({
      type: 'fields',
      fields: [{ label: s.reasons, value: reasons.map((o) => s.reasonOf(o.delegation.name, o.reason!)).join('\n') }],
    });
  return blocks;
}
