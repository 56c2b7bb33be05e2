/**
 * When reminders go out, as pure functions of the consultation's window.
 * The scheduler persists which slots were handled (`done`), so a restart
 * loses none and sends none twice.
 */
import { set, startOfDay, subDays } from 'date-fns';
import { tz } from '@date-fns/tz';

/** Default: 7 days before, 2 days before, and the morning of the last day. */
const DEFAULT_REMINDER_OFFSETS_DAYS = [7, 2, 0] as const;
const DEFAULT_REMINDER_HOUR = 9;

/**
 * `hour`:00 local on the calendar day `offset` days before the deadline's local day,
 * for each offset; only slots strictly inside (openedAt, closesAt); sorted, unique.
 * Local wall time is kept across DST (09:00 Geneva is 08:00Z in winter, 07:00Z in summer).
 */
export function reminderSlots(
  openedAt: Date,
  closesAt: Date,
  zone: string,
  offsetsDays: readonly number[] = DEFAULT_REMINDER_OFFSETS_DAYS,
  hour: number = DEFAULT_REMINDER_HOUR,
): Date[] {
  const ctx = tz(zone);
  const lastDay = startOfDay(closesAt, { in: ctx });
  const times = new Set<number>();
  for (const offset of offsetsDays) {
    const slot = set(
      subDays(lastDay, offset, { in: ctx }),
      { hours: hour, minutes: 0, seconds: 0, milliseconds: 0 },
      { in: ctx },
    );
    const t = slot.getTime();
    if (t > openedAt.getTime() && t < closesAt.getTime()) times.add(t);
  }
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

export interface DueSlot {
  /** The one reminder to send now, if any. */
  due?: Date;
  /** Passed, unhandled slots to mark done without sending (superseded, or the consultation closed). */
  skip: Date[];
}

/**
 * Which reminders to handle at `now`. Of the passed slots not in `done` (ISO strings):
 * after the close none is due; otherwise only the latest is sent, so a bot that was
 * down over two slots sends one reminder, not two.
 */
export function dueSlot(slots: readonly Date[], done: readonly string[], now: Date, closesAt: Date): DueSlot {
  // Compare instants, not strings: `done` may hold the same time in another ISO spelling.
  const handled = new Set(done.map((iso) => Date.parse(iso)));
  const pending = [...new Set(slots.map((s) => s.getTime()))]
    .filter((t) => t <= now.getTime() && !handled.has(t))
    .sort((a, b) => a - b)
    .map((t) => new Date(t));
  if (now.getTime() >= closesAt.getTime() || pending.length === 0) return { skip: pending };
  return { due: pending[pending.length - 1], skip: pending.slice(0, -1) };
}
