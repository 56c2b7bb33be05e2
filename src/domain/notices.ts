/**
 * Personal notices to delegates, queued in the consultation's durable outbox in the same write
 * as the change they report, so a restart loses none. They are rendered in each reader's
 * language when delivered.
 */
import type { Consultation, Meta, Notice, UserId } from './model.ts';

export function delegatesOf(meta: Readonly<Meta>, delegation: string): UserId[] {
  return meta.delegations.find((d) => d.id === delegation)?.delegates ?? [];
}

/** Queues `notice` for each user once (a key per notice, option, time and user). Returns how many were queued. */
export function queueNotice(c: Consultation, users: readonly UserId[], notice: Notice, at: string): number {
  const option = 'option' in notice ? notice.option : '';
  let queued = 0;
  for (const user of users) {
    const key = `notice:${notice.kind}:${option}:${at}:${user}`;
    if (c.outbox.some((e) => e.key === key)) continue;
    c.outbox.push({ key, type: 'notice', user, notice });
    queued++;
  }
  return queued;
}

/** Delegations that have answered: ballot keys for recorded ballots, the `answered` list for secret ones. */
function answeredDelegations(c: Readonly<Consultation>): string[] {
  return c.secrecy === 'secret' ? [...c.answered] : Object.keys(c.ballots);
}

/**
 * Who cast the delegation's current ballot. Recorded ballots say it; for secret ones the audit
 * trail does (it names who voted, never the choice), read from the end.
 */
export function currentVoter(c: Readonly<Consultation>, delegation: string): UserId | undefined {
  if (c.secrecy !== 'secret') return c.ballots[delegation]?.by;
  if (!c.answered.includes(delegation)) return undefined;
  for (let i = c.audit.length - 1; i >= 0; i--) {
    const e = c.audit[i];
    if (e.action === 'vote' && e.delegation === delegation) return e.by;
  }
  return undefined;
}

/** Tells every delegate of each answered delegation (but `except`) that the options changed. */
export function noticeAnswered(
  c: Consultation,
  meta: Readonly<Meta>,
  notice: (delegation: string) => Notice,
  at: string,
  except: ReadonlySet<string> = new Set(),
): number {
  let queued = 0;
  for (const d of answeredDelegations(c)) {
    if (except.has(d)) continue;
    queued += queueNotice(c, delegatesOf(meta, d), notice(d), at);
  }
  return queued;
}
