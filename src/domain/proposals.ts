/**
 * Moderating proposals: a cap per delegation, withdrawal and merge by the secretariat. Options
 * are never removed from the list (their numbers are what ballots and messages refer to): a
 * withdrawn or merged option is marked and leaves the ballot. Delegations that already answered
 * are told of every change, in the same write.
 */
import { fail, problem } from '../errors.ts';
import type { Consultation, Meta, Option, UserId } from './model.ts';
import { delegatesOf, noticeAnswered, queueNotice } from './notices.ts';

/** Options each delegation may propose in a consultation unless its launch says otherwise (`proposals N`). */
const PROPOSAL_CAP = 3;

export function activeOptions(c: Readonly<Consultation>): Option[] {
  return c.options.filter((o) => !o.withdrawn);
}

export function proposalCap(c: Readonly<Consultation>): number {
  return c.proposalCap ?? PROPOSAL_CAP;
}

/** Refuses a proposal past the delegation's cap. Withdrawn and merged proposals still count: they were made. */
export function requireProposalSlot(c: Readonly<Consultation>, delegation: string, name: string, tag?: string): void {
  const cap = proposalCap(c);
  const mine = (o: Option) => o.proposedBy === delegation || (tag !== undefined && o.proposerTag === tag);
  const made = c.options.filter((o) => mine(o) && !o.combines).length;
  if (made >= cap) fail('invalid', problem('proposalCap', name, cap, c.id));
}

function requireActive(c: Readonly<Consultation>, n: number): Option {
  const option = c.options.find((o) => o.n === n);
  if (!option || option.withdrawn) return fail('bad-choice', problem('noSuchOption', c.id, n));
  return option;
}

export interface Actor {
  user: UserId;
  platform: Consultation['audit'][number]['platform'];
  at: Date;
}

/**
 * Withdraws a proposed option. Recorded ballots on it lose that choice; a ballot left with no
 * choice is returned to its delegation, whose delegates are told. In a secret ballot nobody may
 * learn who chose it, so once ballots are cast a withdrawal is refused (a merge still works).
 */
export function withdrawOption(c: Consultation, meta: Readonly<Meta>, n: number, by: Actor): void {
  const option = requireActive(c, n);
  if (!option.proposedBy && !option.anonymous) fail('invalid', problem('notProposed', c.id, n));
  if (c.secrecy === 'secret' && c.answered.length > 0) fail('invalid', problem('withdrawSecret', c.id, n));
  const at = by.at.toISOString();
  option.withdrawn = true;
  const told = new Set<string>();
  for (const [delegation, ballot] of Object.entries(c.ballots)) {
    if (!ballot.choices.includes(n)) continue;
    ballot.choices = ballot.choices.filter((x) => x !== n);
    told.add(delegation);
    if (ballot.choices.length === 0 && !ballot.abstain) {
      delete c.ballots[delegation];
      queueNotice(c, delegatesOf(meta, delegation), { kind: 'ballot-returned', delegation, option: n }, at);
    } else {
      queueNotice(
        c,
        delegatesOf(meta, delegation),
        { kind: 'options-changed', delegation, change: 'withdrawn', option: n },
        at,
      );
    }
  }
  noticeAnswered(
    c,
    meta,
    (delegation) => ({ kind: 'options-changed', delegation, change: 'withdrawn', option: n }),
    at,
    told,
  );
  c.audit.push({ at, by: by.user, platform: by.platform, action: 'withdraw', detail: String(n) });
}

/** Folds option `from` into option `into`: ballots on `from` count for `into` (secret ones too: by key, not by name). */
export function mergeOptions(c: Consultation, meta: Readonly<Meta>, into: number, from: number, by: Actor): void {
  if (into === from) fail('bad-choice', problem('mergeSame'));
  requireActive(c, into);
  const merged = requireActive(c, from);
  const at = by.at.toISOString();
  merged.withdrawn = true;
  merged.mergedInto = into;
  for (const ballot of Object.values(c.ballots)) {
    if (!ballot.choices.includes(from)) continue;
    ballot.choices = [...new Set(ballot.choices.map((x) => (x === from ? into : x)))];
  }
  noticeAnswered(
    c,
    meta,
    (delegation) => ({ kind: 'options-changed', delegation, change: 'merged', option: from, into }),
    at,
  );
  c.audit.push({ at, by: by.user, platform: by.platform, action: 'merge', detail: `${from}>${into}` });
}

/** After a proposal: delegations that already answered (but the proposer's) are told of the new option. */
export function noticeAdded(c: Consultation, meta: Readonly<Meta>, n: number, proposer: string, at: Date): void {
  noticeAnswered(
    c,
    meta,
    (delegation) => ({ kind: 'options-changed', delegation, change: 'added', option: n }),
    at.toISOString(),
    new Set([proposer]),
  );
}
