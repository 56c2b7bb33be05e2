import { describe, expect, it } from 'vitest';
import { defaultDeadline, parseDeadline } from '../../src/domain/deadline.ts';
import { ConsultError } from '../../src/errors.ts';

const GVA = 'Europe/Zurich';
const now = new Date('2026-12-01T10:00:00Z'); // 11:00 Geneva, winter

function code(input: string, at = now): string | undefined {
  try {
    parseDeadline(input, at, GVA);
  } catch (e) {
    if (e instanceof ConsultError) return e.problem.key === 'deadlinePast' ? 'past' : 'format';
    throw e;
  }
  return undefined;
}

describe('parseDeadline', () => {
  it('reads a date as the end of that day in the zone', () => {
    expect(parseDeadline('2026-12-07', now, GVA).toISOString()).toBe('2026-12-07T22:59:59.999Z');
    expect(parseDeadline('2027-07-07', now, GVA).toISOString()).toBe('2027-07-07T21:59:59.999Z');
  });

  it('reads a date-time without offset as Geneva wall time, with offset as absolute', () => {
    expect(parseDeadline('2026-12-07T17:00', now, GVA).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(parseDeadline('2026-12-07 17:00:30', now, GVA).toISOString()).toBe('2026-12-07T16:00:30.000Z');
    expect(parseDeadline('2026-12-07T17:00Z', now, GVA).toISOString()).toBe('2026-12-07T17:00:00.000Z');
    expect(parseDeadline('2026-12-07t17:00+05:30', now, GVA).toISOString()).toBe('2026-12-07T11:30:00.000Z');
  });

  it('reads durations, case-insensitively', () => {
    expect(parseDeadline('14d', now, GVA).toISOString()).toBe('2026-12-15T22:59:59.999Z');
    expect(parseDeadline('2W', now, GVA)).toEqual(parseDeadline('14d', now, GVA));
    expect(parseDeadline(' 36H ', now, GVA).toISOString()).toBe('2026-12-02T22:00:00.000Z');
  });

  it('counts days from the local day, not the UTC day', () => {
    const lateEvening = new Date('2026-12-01T23:30:00Z'); // already 2 Dec in Geneva
    expect(parseDeadline('1d', lateEvening, GVA).toISOString()).toBe('2026-12-03T22:59:59.999Z');
  });

  it('makes 36h exactly 36 real hours across a DST change', () => {
    const spring = new Date('2027-03-27T10:00:00Z');
    expect(parseDeadline('36h', spring, GVA).getTime() - spring.getTime()).toBe(36 * 3600_000);
    const autumn = new Date('2026-10-24T10:00:00Z');
    expect(parseDeadline('36h', autumn, GVA).getTime() - autumn.getTime()).toBe(36 * 3600_000);
  });

  it('keeps 14d on local end of day across DST', () => {
    expect(parseDeadline('14d', new Date('2027-03-20T09:00:00Z'), GVA).toISOString()).toBe('2027-04-03T21:59:59.999Z');
  });

  it('rejects nonsense with code format', () => {
    for (const bad of [
      '',
      'soon',
      '2026-02-30',
      '2026-13-01',
      '2026-12-07T25:00',
      '0d',
      '0h',
      '99999d',
      '400d',
      '60w',
      '14',
      'd',
      '-3d',
      '1.5d',
      '2026-12-07T17:00+25:00',
    ])
      expect(code(bad), bad).toBe('format');
  });

  it('rejects a deadline not after now with code past', () => {
    expect(code('2026-11-30')).toBe('past');
    expect(code('2026-12-01T11:00')).toBe('past'); // exactly now, Geneva time
    expect(code('2026-12-01T10:00Z')).toBe('past');
    expect(code('2026-12-01')).toBeUndefined(); // end of today is still ahead
  });

  it('throws a typed error with the input', () => {
    expect(() => parseDeadline('nope', now, GVA)).toThrow(ConsultError);
  });
});

describe('defaultDeadline', () => {
  it('closes a two-week survey 14 calendar days after launch across spring forward', () => {
    const launch = new Date('2027-03-20T09:00:00Z'); // 10:00 Geneva (CET)
    expect(defaultDeadline('survey', launch, GVA).toISOString()).toBe('2027-04-03T21:59:59.999Z');
  });

  it('closes a two-week survey 14 calendar days after launch across fall back', () => {
    const launch = new Date('2026-10-18T08:00:00Z'); // 10:00 Geneva (CEST)
    expect(defaultDeadline('survey', launch, GVA).toISOString()).toBe('2026-11-01T22:59:59.999Z');
  });

  it('gives polls and feedback seven days', () => {
    for (const kind of ['theme', 'topics', 'feedback'] as const)
      expect(defaultDeadline(kind, now, GVA).toISOString()).toBe('2026-12-08T22:59:59.999Z');
  });
});
