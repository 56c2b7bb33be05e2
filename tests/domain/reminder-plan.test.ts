import { describe, expect, it } from 'vitest';
import { dueSlot, reminderSlots } from '../../src/domain/reminder-plan.ts';

const GVA = 'Europe/Zurich';
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('reminderSlots', () => {
  it('plans 7 days, 2 days and the last morning at 09:00 local (winter: 08:00Z)', () => {
    const opened = new Date('2026-11-20T09:00:00Z');
    const closes = new Date('2026-12-04T22:59:59.999Z'); // end of 4 Dec, Geneva
    expect(iso(reminderSlots(opened, closes, GVA))).toEqual([
      '2026-11-27T08:00:00.000Z',
      '2026-12-02T08:00:00.000Z',
      '2026-12-04T08:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local across spring forward (08:00Z before, 07:00Z after)', () => {
    const opened = new Date('2027-03-20T09:00:00Z');
    const closes = new Date('2027-04-03T21:59:59.999Z');
    expect(iso(reminderSlots(opened, closes, GVA))).toEqual([
      '2027-03-27T08:00:00.000Z', // Saturday before the change: CET
      '2027-04-01T07:00:00.000Z', // CEST
      '2027-04-03T07:00:00.000Z',
    ]);
  });

  it('keeps 09:00 local across fall back (07:00Z before, 08:00Z after)', () => {
    const opened = new Date('2026-10-18T08:00:00Z');
    const closes = new Date('2026-11-01T22:59:59.999Z');
    expect(iso(reminderSlots(opened, closes, GVA))).toEqual([
      '2026-10-25T08:00:00.000Z', // the change day itself: already CET at 09:00
      '2026-10-30T08:00:00.000Z',
      '2026-11-01T08:00:00.000Z',
    ]);
    const summer = new Date('2026-10-01T08:00:00Z');
    expect(iso(reminderSlots(summer, new Date('2026-10-20T21:59:59.999Z'), GVA))[0]).toBe('2026-10-13T07:00:00.000Z');
  });

  it('has no same-day slot when the deadline is at 08:00 on the last day', () => {
    const opened = new Date('2026-11-20T09:00:00Z');
    const closes = new Date('2026-12-04T07:00:00Z'); // 08:00 Geneva
    expect(iso(reminderSlots(opened, closes, GVA))).toEqual(['2026-11-27T08:00:00.000Z', '2026-12-02T08:00:00.000Z']);
  });

  it('keeps only slots inside a short consultation', () => {
    const opened = new Date('2026-12-01T10:00:00Z'); // 11:00 Geneva
    const closes = new Date(opened.getTime() + 36 * 3600_000); // 2 Dec 23:00 Geneva
    expect(iso(reminderSlots(opened, closes, GVA))).toEqual(['2026-12-02T08:00:00.000Z']); // only the last morning; 7 and 2 days before precede opening
    const shorter = new Date(opened.getTime() + 20 * 3600_000); // 2 Dec 07:00 Geneva
    expect(reminderSlots(opened, shorter, GVA)).toEqual([]);
  });

  it('sorts and de-duplicates custom offsets and hours', () => {
    const opened = new Date('2026-11-01T00:00:00Z');
    const closes = new Date('2026-12-04T22:59:59.999Z');
    expect(iso(reminderSlots(opened, closes, GVA, [0, 3, 3, 1], 17))).toEqual([
      '2026-12-01T16:00:00.000Z',
      '2026-12-03T16:00:00.000Z',
      '2026-12-04T16:00:00.000Z',
    ]);
  });
});

describe('dueSlot', () => {
  const slots = [new Date('2026-11-27T08:00:00Z'), new Date('2026-12-02T08:00:00Z'), new Date('2026-12-04T08:00:00Z')];
  const closes = new Date('2026-12-04T22:59:59.999Z');

  it('has nothing due before the first slot', () => {
    expect(dueSlot(slots, [], new Date('2026-11-27T07:59:59Z'), closes)).toEqual({ skip: [] });
  });

  it('sends a slot once it is reached, and never again once done', () => {
    expect(dueSlot(slots, [], slots[0], closes)).toEqual({ due: slots[0], skip: [] });
    expect(dueSlot(slots, [slots[0].toISOString()], new Date('2026-11-30T00:00:00Z'), closes)).toEqual({ skip: [] });
  });

  it('sends only the latest after downtime over two slots and skips the older', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(dueSlot(slots, [], now, closes)).toEqual({ due: slots[1], skip: [slots[0]] });
  });

  it('matches done entries by instant, whatever the ISO spelling', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    expect(dueSlot(slots, ['2026-11-27T09:00:00+01:00'], now, closes)).toEqual({ skip: [] });
  });

  it('sends nothing at or after the close, skipping what is left', () => {
    expect(dueSlot(slots, [slots[0].toISOString()], closes, closes)).toEqual({ skip: [slots[1], slots[2]] });
  });
});
