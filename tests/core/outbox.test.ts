import { describe, it, expect } from 'vitest';
import { makeHarness, withRoster, withManyDelegations, idFrom, cardText, SEC, type Harness } from '../helpers/core.ts';
import type { OutboundMessage } from '../../src/outbound.ts';

/** Leaves the survey's 7-day reminders owed and marked "sending", as a crash mid-delivery leaves them. */
async function crashMidDelivery(h: Harness): Promise<string> {
  const id = idFrom(await h.text(SEC, 'survey "Q" "A" "B"'));
  const down = { deliver: () => Promise.reject(new Error('platform unreachable')) };
  h.consult.registerDeliverer('slack', down);
  h.consult.registerDeliverer('teams', down);
  h.clock.set('2026-12-08T08:05:00Z');
  await h.consult.tick();
  await h.consult.idle();
  await h.consult.store.update(id, (c) => void c.outbox.forEach((e) => (e.sending = '2026-12-08T08:05:01.000Z')));
  return id;
}

describe('owed deliveries interrupted by a crash', () => {
  it('are not sent again when the platform says it already has them, and are sent when it has not', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = await crashMidDelivery(h);
    const owed = h.consult.store.get(id)!.outbox;
    expect(owed.length).toBe(7);
    expect(owed.every((e) => e.sending)).toBe(true);

    const after = await h.restart();
    const asked: string[] = [];
    const sent: OutboundMessage[] = [];
    // Slack finds its earlier messages by delivery key: Kenya's reached it before the crash.
    after.consult.registerDeliverer('slack', {
      deliver: async (m) => void sent.push(m) as undefined,
      wasDelivered: async (m) => {
        asked.push(m.deliveryKey!);
        return m.audience.kind === 'user' && m.audience.user === 'slack:UKEN1';
      },
    });
    // Teams cannot tell: the core resends rather than lose a reminder.
    after.consult.registerDeliverer('teams', { deliver: async (m) => void sent.push(m) as undefined });
    await after.consult.tick();
    await after.consult.idle();
    const users = sent.map((m) => (m.audience as { user: string }).user).sort();
    expect(users).toEqual([
      'slack:UHOL1',
      'slack:UICR1',
      'slack:UMEX1',
      'slack:UPHL1',
      'teams:29:che1',
      'teams:29:mex2',
    ]);
    expect(asked).toHaveLength(5);
    expect(asked.every((k) => k.startsWith(`${id}:reminder:`))).toBe(true);
    expect(after.consult.store.get(id)!.outbox).toEqual([]);
  });
});

describe('under load', () => {
  it('a burst of votes refreshes the posted ballot a few times, not once per vote, and the last refresh shows every vote', async () => {
    const h = await makeHarness();
    await withManyDelegations(h, 50);
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.consult.handle({ actor: { user: `slack:U${i}` } }, { type: 'text', text: `vote ${id} 1` }),
      ),
    );
    await h.consult.idle();
    const updates = h.sent.filter((m) => m.audience.kind === 'ballot-update');
    expect(updates.length).toBeLessThan(10);
    expect(cardText(updates.at(-1)!.card)).toContain('Turnout so far: 50 of 50 delegations');
  });

  it('a platform locale that is not a string is ignored, not a crash', async () => {
    const h = await makeHarness();
    const [reply] = await h.consult.handle(
      { actor: { user: 'slack:UX', locale: 42 as never } },
      { type: 'text', text: 'help' },
    );
    expect(reply.lang).toBe('en');
    expect(reply.purpose).toBe('help');
  });
});
