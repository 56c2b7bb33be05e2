/**
 * The silence procedure: a text is adopted unless an eligible delegation objects by the
 * deadline. An objection is a ballot with no choice (and perhaps a reason), always recorded
 * under the delegation's name, never secret; withdrawing it removes the ballot. Every change
 * goes to the audit trail.
 */
import { addBusinessDays, endOfDay } from 'date-fns';
import { tz } from '@date-fns/tz';
import { fail, problem } from '../errors.ts';
import type { Consultation, Delegation, Meta, Platform, UserId } from './model.ts';
import { isEligible } from './eligibility.ts';

/** Default length of a silence procedure: working days (Monday to Friday), ending at the end of the last one. */
const SILENCE_WORKING_DAYS = 5;

export function silenceDeadline(now: Date, zone: string, days = SILENCE_WORKING_DAYS): Date {
  const ctx = tz(zone);
  return new Date(endOfDay(addBusinessDays(now, days, { in: ctx }), { in: ctx }).getTime());
}

export function requireSilence(c: Readonly<Consultation>): void {
  if (c.kind !== 'silence') fail('invalid', problem('notSilence', c.id));
}

export interface Objector {
  delegation: Delegation;
  user: UserId;
  platform: Platform;
  at: Date;
}

/** Records (or replaces) the delegation's objection. */
export function recordObjection(c: Consultation, who: Objector, reason?: string): void {
  requireSilence(c);
  const at = who.at.toISOString();
  const id = who.delegation.id;
  c.ballots[id] = { choices: [], at, by: who.user, platform: who.platform, ...(reason ? { reason } : {}) };
  c.audit.push({ at, by: who.user, platform: who.platform, action: 'object', delegation: id, detail: reason });
}

export function withdrawObjection(c: Consultation, who: Objector): void {
  requireSilence(c);
  const id = who.delegation.id;
  if (!Object.hasOwn(c.ballots, id)) fail('invalid', problem('noObjection', who.delegation.name, c.id));
  delete c.ballots[id];
  const at = who.at.toISOString();
  c.audit.push({ at, by: who.user, platform: who.platform, action: 'withdraw-objection', delegation: id });
}

/** The objecting delegations that are eligible, in roster order, with their reasons. */
export function objections(
  meta: Readonly<Meta>,
  c: Readonly<Consultation>,
): { delegation: Delegation; reason?: string }[] {
  return meta.delegations
    .filter((d) => Object.hasOwn(c.ballots, d.id) && isEligible(d, c))
    .map((d) => ({ delegation: d, reason: c.ballots[d.id].reason }));
}
