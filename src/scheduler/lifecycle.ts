/**
 * Closing and reminding, shared by commands and the scheduler. Both queue what they owe in the
 * consultation's durable outbox in the same write as the state change, so a restart loses
 * nothing; entries leave the outbox only once delivered.
 */
import type { Env } from '../commands/env.ts';
import { platformOf, type Consultation, type OutboxEntry, type UserId } from '../domain/model.ts';
import { eligibleDelegations } from '../domain/eligibility.ts';
import { hasAnswered } from '../domain/ballot.ts';

function resultEntries(c: Readonly<Consultation>): OutboxEntry[] {
  return c.channels.map((channel) => ({ key: `results:${channel.platform}:${channel.id}`, type: 'results', channel }));
}

/** Closes an open consultation and queues its results for every channel. Returns false if it was not open. */
export async function closeConsultation(env: Env, id: string, by: UserId | 'scheduler', now: Date): Promise<boolean> {
  const closed = await env.store.update(id, (c) => {
    if (c.status !== 'open') return false;
    c.status = 'closed';
    c.closedAt = now.toISOString();
    c.outbox.push(...resultEntries(c).filter((e) => !c.outbox.some((o) => o.key === e.key)));
    if (by !== 'scheduler') c.audit.push({ at: c.closedAt, by, platform: platformOf(by), action: 'close' });
    return true;
  });
  if (closed) {
    env.flushOutbox(id);
    env.refreshBallots(id);
  }
  return closed;
}

/** The users to remind: every delegate of each eligible delegation that has not answered. */
function reminderRecipients(env: Env, c: Readonly<Consultation>): UserId[] {
  const meta = env.store.meta();
  if (c.kind === 'feedback') {
    // A survey with listed participants is theirs alone: they are reminded, not the roster.
    const people = c.invited ?? meta.delegations.flatMap((d) => d.delegates);
    return people.filter((u) => !hasAnswered(c, u, env.secret));
  }
  return eligibleDelegations(meta, c)
    .filter((d) => !hasAnswered(c, d.id, env.secret))
    .flatMap((d) => d.delegates);
}

/** Queues one reminder per recipient under `slot`, marking `done` slots in the same write. */
export async function queueReminders(env: Env, id: string, slot: string, done: string[]): Promise<number> {
  const count = await env.store.update(id, (c) => {
    if (c.status !== 'open') return 0;
    const recipients = reminderRecipients(env, c);
    for (const user of recipients) {
      const key = `reminder:${slot}:${user}`;
      if (!c.outbox.some((e) => e.key === key)) c.outbox.push({ key, type: 'reminder', user });
    }
    for (const d of done) if (!c.remindersDone.includes(d)) c.remindersDone.push(d);
    return recipients.length;
  });
  if (count) env.flushOutbox(id);
  return count;
}
