/**
 * Deadlines typed by the secretariat, and default ones per consultation kind.
 *
 * All calendar math happens in the organisation's zone via @date-fns/tz, so
 * "end of day" and "N days" stay right across daylight saving changes.
 * "End of day" is 23:59:59.999 local time of that day (inclusive of the whole day).
 * Results are plain `Date`s (absolute instants) so they serialise as `...Z`.
 */
import { addDays, addHours, endOfDay, isValid, parse, parseISO } from 'date-fns';
import { tz, type TZDate } from '@date-fns/tz';
import { fail as refuse, problem } from '../errors.ts';

/** Longest relative deadline accepted: guards against typos like `99999d`. */
const MAX_DEADLINE_DAYS = 366;

/** Default open period in calendar days; "two weeks means 14 calendar days from launch". */
export const DEFAULT_DAYS = { theme: 7, topics: 7, survey: 14, feedback: 7 } as const;

/** A bad zone is a configuration bug, not user input: fail loudly. */
function zoneCtx(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new RangeError(`unknown time zone: ${zone}`);
  }
  return tz(zone);
}

const plain = (d: Date | TZDate) => new Date(d.getTime());

/** End of the local day `days` calendar days after `now` (in `zone`). */
function endOfDayAfter(now: Date, days: number, zone: string): Date {
  const ctx = zoneCtx(zone);
  return plain(endOfDay(addDays(now, days, { in: ctx }), { in: ctx }));
}

export function defaultDeadline(kind: keyof typeof DEFAULT_DAYS, now: Date, zone: string): Date {
  return endOfDayAfter(now, DEFAULT_DAYS[kind], zone);
}

const DURATION = /^(\d{1,5})([HDW])$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const ABSOLUTE_DT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):?[0-5]\d)$/; // real offsets only: parseISO allows +25:00

/**
 * Reads `2026-12-07` (end of that day in zone), `2026-12-07T17:00` (wall time in zone;
 * a time inside a spring-forward gap moves forward by the gap), `2026-12-07T17:00Z` /
 * `...+01:00` (absolute), `14d` / `2w` (end of the day N calendar days after now, in zone)
 * or `36h` (exactly N real hours after now). Case-insensitive.
 * Throws a 'bad-deadline' ConsultError: deadlineFormat for anything else, deadlinePast if not after `now`.
 */
export function parseDeadline(input: string, now: Date, zone: string): Date {
  const ctx = zoneCtx(zone);
  // Upper-case once so `t`/`z`/`d` are accepted; a space may stand for the `T`.
  const s = input
    .trim()
    .toUpperCase()
    .replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T');
  const fail = (code: 'format' | 'past'): never =>
    refuse('bad-deadline', code === 'past' ? problem('deadlinePast', input) : problem('deadlineFormat', input));

  let at: Date | undefined;
  const dur = DURATION.exec(s);
  if (dur) {
    const n = Number(dur[1]);
    const unit = dur[2];
    const days = unit === 'H' ? n / 24 : unit === 'W' ? n * 7 : n;
    if (n < 1 || days > MAX_DEADLINE_DAYS) fail('format');
    // Hours are real elapsed time; days and weeks are calendar days ending at local end of day.
    at = unit === 'H' ? addHours(now, n) : endOfDayAfter(now, days, zone);
  } else if (DATE_ONLY.test(s)) {
    at = endOfDay(parse(s, 'yyyy-MM-dd', now, { in: ctx }), { in: ctx });
  } else if (LOCAL_DT.test(s)) {
    const fmt = s.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm";
    at = parse(s, fmt, now, { in: ctx });
  } else if (ABSOLUTE_DT.test(s)) {
    at = parseISO(s);
  }
  if (!at || !isValid(at)) return fail('format');
  if (at.getTime() <= now.getTime()) fail('past');
  return plain(at);
}
