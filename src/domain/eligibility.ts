/** Who may answer a consultation: Member States only, or Member States and observers. */
import { fail, problem } from '../errors.ts';
import type { Consultation, Delegation, Meta } from './model.ts';
import { hasDelegates } from './roster.ts';

export function isEligible(d: Delegation, c: Pick<Consultation, 'eligibility'>): boolean {
  return c.eligibility === 'all' || d.kind === 'member';
}

export function eligibleDelegations(meta: Readonly<Meta>, c: Pick<Consultation, 'eligibility'>): Delegation[] {
  return meta.delegations.filter((d) => hasDelegates(d) && isEligible(d, c));
}

export function requireEligible(d: Delegation | undefined, c: Pick<Consultation, 'eligibility'>): Delegation {
  if (!d) return fail('not-on-roster', problem('notOnRoster'));
  if (!isEligible(d, c)) fail('ineligible', problem('ineligible', d.name, { delegationKind: d.kind }));
  return d;
}
