import { describe, it, expect, vi, afterEach } from 'vitest';
import { makeHarness, withRoster, idFrom, SEC } from '../helpers/core.ts';

const reminders = (sent: { purpose: string }[]) => sent.filter((m) => m.purpose === 'reminder').length;

describe('the scheduler', () => {
  afterEach(() => void vi.useRealTimers());

  it('after a restart, sends once the reminder that fell due while the bot was down, and never twice across two restarts', async () => {
    let h = await makeHarness();
    h.clock.set('2026-12-01T08:00:00Z');
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'survey "Which theme?" "A" "B"')); // closes 2026-12-15, all delegations eligible
    await h.text('slack:UMEX1', `vote ${id} 1`);

    // Down from before the 7-day slot (Dec 8, 09:00) until after the 2-day slot (Dec 13, 09:00).
    h.clock.set('2026-12-13T10:00:00Z');
    h = await h.restart();
    await h.consult.tick();
    await h.consult.idle();
    const first = reminders(h.sent);
    expect(first).toBe(5); // every delegate of the five delegations that have not answered, once
    expect(h.consult.store.get(id)!.remindersDone).toHaveLength(2);

    h = await h.restart();
    await h.consult.tick();
    await h.consult.idle();
    h = await h.restart();
    await h.consult.tick();
    await h.consult.idle();
    expect(reminders(h.sent)).toBe(0);

    // The last-day 09:00 reminder still comes, once.
    h.clock.set('2026-12-15T08:30:00Z');
    await h.consult.tick();
    await h.consult.tick();
    await h.consult.idle();
    expect(reminders(h.sent)).toBe(5);
  });

  it('a reminder owed but undelivered when the bot died is delivered after the restart', async () => {
    let h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'survey "Q" "A" "B"'));
    h.consult.registerDeliverer('slack', { deliver: () => Promise.reject(new Error('Slack is down')) });
    h.clock.set('2026-12-08T08:05:00Z');
    await h.consult.tick();
    await h.consult.idle();
    expect(h.consult.store.get(id)!.outbox.length).toBeGreaterThan(0);
    h = await h.restart();
    await h.consult.tick();
    await h.consult.idle();
    // The Teams delegates were reached before; the Slack ones now, once.
    expect(
      h.sent
        .filter((m) => m.purpose === 'reminder')
        .map((m) => (m.audience as { user: string }).user)
        .sort(),
    ).toEqual(['slack:UHOL1', 'slack:UICR1', 'slack:UKEN1', 'slack:UMEX1', 'slack:UPHL1']);
    expect(h.consult.store.get(id)!.outbox).toEqual([]);
  });

  it('closes overdue consultations at start and posts results; sends no reminder after the close or after a cancel', async () => {
    let h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B" deadline 36h'));
    const cancelled = idFrom(await h.text(SEC, 'survey "Q" "A" "B"'));
    await h.text(SEC, `cancel ${cancelled} confirm`);
    h.clock.advance(40 * 3600_000);
    h = await h.restart();
    await h.consult.tick();
    await h.consult.idle();
    expect(h.consult.store.get(id)!.status).toBe('closed');
    expect(h.sent.filter((m) => m.purpose === 'results').map((m) => m.consultationId)).toEqual([id]);
    h.clock.set('2026-12-15T08:30:00Z');
    await h.consult.tick();
    await h.consult.idle();
    expect(reminders(h.sent)).toBe(0);
  });

  it('extending a deadline re-plans its reminders', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B" deadline 2026-12-05'));
    await h.text(SEC, `extend ${id} 2026-12-20`);
    expect(h.consult.store.get(id)!.closesAt).toBe('2026-12-20T22:59:59.999Z');
    h.clock.set('2026-12-13T08:01:00Z'); // 7 days before Dec 20, 09:01 Geneva
    await h.consult.tick();
    await h.consult.idle();
    expect(reminders(h.sent)).toBe(5); // the delegates of the four Member States
  });

  it('runs by itself on timers: start() closes at the deadline with fake timers', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const h = await makeHarness({ clock: { now: () => new Date(), set() {}, advance() {} } as never });
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B" deadline 36h'));
    h.consult.start();
    // Hour by hour, letting each pass's real file writes finish before time moves on.
    for (let hour = 0; hour < 37; hour++) {
      await vi.advanceTimersByTimeAsync(3600_000);
      await h.consult.idle();
    }
    expect(h.consult.store.get(id)!.status).toBe('closed');
    await h.consult.stop();
  });

  it('two-week surveys close at the end of the 14th day in Geneva across daylight saving changes', async () => {
    const h = await makeHarness();
    h.clock.set('2027-03-20T09:00:00Z');
    const spring = idFrom(await h.text(SEC, 'survey "Q" "A" "B"'));
    expect(h.consult.store.get(spring)!.closesAt).toBe('2027-04-03T21:59:59.999Z');
    h.clock.set('2026-10-18T09:00:00Z');
    const autumn = idFrom(await h.text(SEC, 'survey "Q" "A" "B"'));
    expect(h.consult.store.get(autumn)!.closesAt).toBe('2026-11-01T22:59:59.999Z');
  });
});
