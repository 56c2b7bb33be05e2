/**
 * One scheduler pass, derived from stored state only, so it is safe to run at any time and
 * after any restart: closes what is past its deadline, queues the reminder that is due
 * (once per slot; slots missed while down collapse into one), and delivers what is owed.
 */
import type { Env } from '../commands/env.ts';
import { reminderSlots, dueSlot } from '../domain/reminder-plan.ts';
import { closeConsultation, queueReminders } from './lifecycle.ts';

export async function tick(env: Env): Promise<void> {
  const now = env.clock.now();
  for (const c of env.store.all()) {
    if (c.status === 'open' && now.getTime() >= Date.parse(c.closesAt)) {
      await closeConsultation(env, c.id, 'scheduler', now);
      continue;
    }
    if (c.status === 'open' && c.options.some((o) => o.publishAt && Date.parse(o.publishAt) <= now.getTime())) {
      await publishDueOptions(env, c.id, now);
    }
    if (c.status === 'open') {
      const closesAt = new Date(c.closesAt);
      const slots = reminderSlots(new Date(c.openedAt), closesAt, env.zone);
      const { due, skip } = dueSlot(slots, c.remindersDone, now, closesAt);
      if (due) {
        await queueReminders(
          env,
          c.id,
          due.toISOString(),
          [due, ...skip].map((d) => d.toISOString()),
        );
      } else if (skip.length) {
        await env.store.update(c.id, (d) => void d.remindersDone.push(...skip.map((s) => s.toISOString())));
      }
    }
    if (c.outbox.length) env.flushOutbox(c.id);
  }
}

/** When the next pass is worth running: the next deadline or reminder slot, but at least once a minute. */
export function nextTickDelay(env: Env, maxMs = 60_000): number {
  const now = env.clock.now().getTime();
  let next = now + maxMs;
  for (const c of env.store.all()) {
    if (c.status !== 'open') continue;
    const closes = Date.parse(c.closesAt);
    next = Math.min(next, closes);
    for (const s of reminderSlots(new Date(c.openedAt), new Date(closes), env.zone)) {
      if (s.getTime() > now) next = Math.min(next, s.getTime());
    }
  }
  return Math.max(1000, next - now);
}

/**
 * Anonymous options of a secret consultation reach the ballot at a publication slot, apart from the
 * vote or proposal that made them (domain/secrecy.ts); once shown, the slot is forgotten.
 */
async function publishDueOptions(env: Env, id: string, now: Date): Promise<void> {
  await env.store.update(id, (d) => {
    for (const o of d.options) if (o.publishAt && Date.parse(o.publishAt) <= now.getTime()) delete o.publishAt;
  });
  env.refreshBallots(id);
}
