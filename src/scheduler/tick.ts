/**
 * One scheduler pass, derived from stored state only, so it is safe to run at any time and
 * after any restart: closes what is past its deadline, queues the reminder that is due
 * (once per slot; slots missed while down collapse into one), and delivers what is owed.
 * A consultation whose step fails (the store cannot be written) does not stop the others: the
 * pass goes on and then rejects with every failure, for the scheduler loop to report and retry.
 */
import type { Env } from '../commands/env.ts';
import { reminderSlots, dueSlot } from '../domain/reminder-plan.ts';
import { closeConsultation, queueReminders } from './lifecycle.ts';

export interface StepFailure {
  id: string;
  step: 'close' | 'remind';
  cause: unknown;
}

export class PassFailed extends Error {
  constructor(readonly failures: StepFailure[]) {
    const what = failures.map(
      (f) => `${f.step} ${f.id}: ${f.cause instanceof Error ? f.cause.message : String(f.cause)}`,
    );
    super(`scheduler pass failed (${what.join('; ')})`);
    this.name = 'PassFailed';
  }
}

export async function tick(env: Env): Promise<void> {
  const now = env.clock.now();
  const failures: StepFailure[] = [];
  for (const c of env.store.all()) {
    let step: StepFailure['step'] = 'close';
    try {
      if (c.status === 'open' && now.getTime() >= Date.parse(c.closesAt)) {
        await closeConsultation(env, c.id, 'scheduler', now);
        continue;
      }
      step = 'remind';
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
    } catch (cause) {
      failures.push({ id: c.id, step, cause });
      continue;
    }
    if (c.outbox.length) env.flushOutbox(c.id);
  }
  if (failures.length) throw new PassFailed(failures);
}

/** When the next pass is worth running: the next deadline or reminder slot, but at least once a minute. */
export function nextTickDelay(env: Env, maxMs = 60_000): number {
  const now = env.clock.now().getTime();
  let next = now + maxMs;
  for (const c of env.store.all()) {
    if (c.status !== 'open') continue;
    const closes = Date.parse(c.closesAt);
    if (!Number.isFinite(closes)) continue; // never a NaN delay (a busy loop); the store refuses such files
    next = Math.min(next, closes);
    for (const s of reminderSlots(new Date(c.openedAt), new Date(closes), env.zone)) {
      if (s.getTime() > now) next = Math.min(next, s.getTime());
    }
  }
  // A pass a little early finds nothing due and plans the next one: keep a small floor, never a spin.
  return Math.max(100, next - now);
}
