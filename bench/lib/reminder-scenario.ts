/**
 * A consultation whose next reminder slot is a moment away, for the reminder bench and the
 * restart-storm drill: N delegations (one Slack delegate each) on the roster, none answered,
 * earlier slots already handled, and the server's clock started just before the slot.
 */
import { join } from 'node:path';
import { makeConsultation, makeDelegations, seedStore, slackUserOf } from './seed.ts';
import { reminderSlots } from '../../src/domain/reminder-plan.ts';
import type { RecordedCall as Call } from '../../tests/slack/recorder.ts';

export interface ReminderScenario {
  dataDir: string;
  /** The slot the reminders belong to. */
  slot: Date;
  /** Env for the server: CLOCK_AT/CLOCK_REAL_AT put the slot `leadMs` after now. */
  clockEnv(leadMs: number): { CLOCK_AT: string; CLOCK_REAL_AT: string; realSlotAt: number };
  users: string[];
  /** The DM channel the recorder opens for a user. */
  dmOf(user: string): string;
}

const ZONE = 'Europe/Zurich';

export async function reminderScenario(root: string, delegates: number): Promise<ReminderScenario> {
  const delegations = makeDelegations(delegates);
  // A two-week consultation far enough in the future that nothing real interferes.
  const closesAt = new Date('2031-03-20T22:59:00Z');
  const openedAt = new Date(closesAt.getTime() - 14 * 86_400_000);
  const slots = reminderSlots(openedAt, closesAt, ZONE);
  if (slots.length < 2) throw new Error('reminder scenario: expected several reminder slots');
  const slot = slots[1];
  const c = makeConsultation(
    { id: 'T1', openedAt, closesAt, options: 2, channels: [{ platform: 'slack', id: 'CBENCH' }] },
    delegations,
  );
  c.remindersDone = [slots[0].toISOString()];
  const dataDir = join(root, 'store');
  await seedStore(dataDir, { pastBallots: 0, delegations, extra: [c], secretariat: ['slack:USEC'] });
  const users = delegations.map((_, i) => slackUserOf(i));
  return {
    dataDir,
    slot,
    users,
    dmOf: (user) => `D${user.replace(/^U/, '')}`,
    clockEnv(leadMs) {
      const realAt = Date.now();
      return {
        CLOCK_AT: new Date(slot.getTime() - leadMs).toISOString(),
        CLOCK_REAL_AT: String(realAt),
        realSlotAt: realAt + leadMs,
      };
    },
  };
}

/** Successful chat.postMessage calls per channel. */
export function postsByChannel(calls: Call[]): Map<string, Call[]> {
  const m = new Map<string, Call[]>();
  for (const c of calls) {
    if (c.method !== 'chat.postMessage' || c.limited) continue;
    const ch = String(c.body.channel);
    (m.get(ch) ?? m.set(ch, []).get(ch)!).push(c);
  }
  return m;
}

/** Smallest gap (ms) between two successful posts in the same channel; Infinity if none posted twice. */
export function minSameChannelGap(byChannel: Map<string, Call[]>): number {
  let min = Infinity;
  for (const posts of byChannel.values())
    for (let i = 1; i < posts.length; i++) min = Math.min(min, posts[i].at - posts[i - 1].at);
  return min;
}

export interface ReminderCheck {
  expected: number;
  reminded: number;
  duplicated: number;
  missing: number;
  /** Messages a reminder takes (1 unless the card was split). */
  perReminder: number;
  unexpectedChannels: number;
}

/** Exactly once: every user's DM channel got the same number of posts (one reminder), no other DM got any. */
export function checkReminders(calls: Call[], s: ReminderScenario): ReminderCheck {
  const by = postsByChannel(calls);
  const counts = s.users.map((u) => by.get(s.dmOf(u))?.length ?? 0);
  const positive = counts.filter((n) => n > 0);
  const per = positive.length ? Math.min(...positive) : 1;
  const dms = new Set(s.users.map((u) => s.dmOf(u)));
  return {
    expected: s.users.length,
    reminded: counts.filter((n) => n >= per && n > 0).length,
    duplicated: counts.filter((n) => n > per).length,
    missing: counts.filter((n) => n === 0).length,
    perReminder: per,
    unexpectedChannels: [...by.keys()].filter((ch) => ch.startsWith('D') && !dms.has(ch)).length,
  };
}
