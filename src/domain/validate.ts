/**
 * What the schemas cannot say: values that are well-formed JSON of the right types but make no
 * sense together. A hand-edited or damaged file with one of these loaded before and misbehaved
 * (a deadline that never comes and a scheduler spinning, a vote counted twice); the store now
 * refuses it at start, naming the field and the problem, and leaves the file as it is.
 */
import type { Consultation, Meta } from './model.ts';

export interface Problem {
  /** Where, as a dotted path into the file, e.g. `closesAt` or `delegations.3.id`. */
  at: string;
  problem: string;
}

/** An instant as the store writes it (ISO 8601 with a zone) that is also a real date. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string): number | undefined {
  if (!ISO_INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  // Date.parse rolls some impossible days over (Feb 30 → Mar 2): the calendar date must survive.
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return ms;
}

const notDate = (value: string) =>
  `${JSON.stringify(value.slice(0, 40))} is not a date and time (the store writes them like 2026-12-07T22:59:59.999Z)`;

function firstDuplicate<T>(values: readonly T[]): { value: T; index: number } | undefined {
  const seen = new Set<T>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return { value, index };
    seen.add(value);
  }
  return undefined;
}

export function consultationProblem(c: Readonly<Consultation>): Problem | undefined {
  const dates: Array<[string, string | undefined]> = [
    ['openedAt', c.openedAt],
    ['closesAt', c.closesAt],
    ['closedAt', c.closedAt],
  ];
  for (const [at, value] of dates) {
    if (value !== undefined && instant(value) === undefined) return { at, problem: notDate(value) };
  }
  if (instant(c.closesAt)! < instant(c.openedAt)!)
    return { at: 'closesAt', problem: `it is before openedAt (${c.openedAt})` };
  if (c.closedAt && instant(c.closedAt)! < instant(c.openedAt)!)
    return { at: 'closedAt', problem: `it is before openedAt (${c.openedAt})` };
  for (const [i, value] of c.remindersDone.entries()) {
    if (instant(value) === undefined) return { at: `remindersDone.${i}`, problem: notDate(value) };
  }

  const numbers = c.options.map((o) => o.n);
  const dupOption = firstDuplicate(numbers);
  if (dupOption) return { at: `options.${dupOption.index}.n`, problem: `option ${dupOption.value} appears twice` };
  if (c.kind === 'feedback' && !c.statements?.length)
    return { at: 'statements', problem: 'a satisfaction survey needs its statements' };
  if (c.kind === 'theme' || c.kind === 'topics' || c.kind === 'survey') {
    if (c.select > c.options.length)
      return { at: 'select', problem: `it selects ${c.select} of only ${c.options.length} options` };
  }

  const known = new Set(numbers);
  for (const [key, ballot] of Object.entries(c.ballots)) {
    const unknown = ballot.choices.find((n) => !known.has(n));
    if (unknown !== undefined)
      return { at: `ballots.${key}.choices`, problem: `option ${unknown} does not exist in this consultation` };
    if (c.kind === 'feedback' && ballot.answers && ballot.answers.length !== c.statements!.length)
      return {
        at: `ballots.${key}.answers`,
        problem: `it answers ${ballot.answers.length} of ${c.statements!.length} statements`,
      };
  }
  const dupAnswered = firstDuplicate(c.answered);
  if (dupAnswered)
    return { at: `answered.${dupAnswered.index}`, problem: `${JSON.stringify(dupAnswered.value)} is listed twice` };
  const dupOutbox = firstDuplicate(c.outbox.map((e) => e.key));
  if (dupOutbox)
    return {
      at: `outbox.${dupOutbox.index}.key`,
      problem: `delivery ${JSON.stringify(dupOutbox.value)} is listed twice`,
    };
  for (const [i, e] of c.audit.entries()) {
    if (instant(e.at) === undefined) return { at: `audit.${i}.at`, problem: notDate(e.at) };
  }
  return undefined;
}

export function metaProblem(m: Readonly<Meta>): Problem | undefined {
  const dupId = firstDuplicate(m.delegations.map((d) => d.id));
  if (dupId)
    return {
      at: `delegations.${dupId.index}.id`,
      problem: `delegation id ${JSON.stringify(dupId.value)} is used twice: one delegation, one voice`,
    };
  const delegationOf = new Map<string, string>();
  for (const [i, d] of m.delegations.entries()) {
    for (const [j, user] of d.delegates.entries()) {
      const other = delegationOf.get(user);
      if (other !== undefined)
        return {
          at: `delegations.${i}.delegates.${j}`,
          problem: `${user} is a delegate of both ${JSON.stringify(other)} and ${JSON.stringify(d.id)}: a user votes for one delegation`,
        };
      delegationOf.set(user, d.id);
    }
  }
  const dupSec = firstDuplicate(m.secretariat);
  if (dupSec) return { at: `secretariat.${dupSec.index}`, problem: `${dupSec.value} is listed twice` };
  return undefined;
}
