/** Seeing who is missing: `status <id>` by name for the secretariat, `remind` names who it reminded, `status` lists. */
import { describe, expect, it } from 'vitest';
import { SEC, idFrom, makeHarness, withRoster } from '../helpers/core.ts';

describe('status of one consultation', () => {
  it('names, for the secretariat, the eligible delegations that have not answered, by kind and region', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'survey "Which theme for 2027?" "A" "B"'));
    await h.say('slack:UKEN1', `vote ${id} 1`);
    await h.say('slack:UICR1', `vote ${id} 2`);
    const text = await h.text(SEC, `status ${id}`);
    expect(text).toContain('Turnout so far: 2 of 6 delegations (33%)');
    expect(text).toContain('4 delegations have not answered yet:');
    expect(text).toContain('Member State, Americas: Mexico');
    expect(text).toContain('Member State, Asia-Pacific: Philippines');
    expect(text).toContain('Member State, Europe: Switzerland');
    expect(text).toContain('Observer State, Europe: Holy See');
    expect(text).not.toMatch(/Kenya|ICRC/);
    // Kinds in roster order, members first.
    expect(text.indexOf('Member State, Europe')).toBeLessThan(text.indexOf('Observer State, Europe'));
  });

  it('shows delegates only the turnout, never the names of others', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    await h.say('slack:UKEN1', `vote ${id} 1`);
    const text = await h.text('slack:UMEX1', `status ${id}`);
    expect(text).toContain('Turnout so far: 1 of 4 delegations');
    expect(text).not.toMatch(/Philippines|Switzerland|have not answered/);
  });

  it('says so when everyone has answered, in the reader’s language', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    for (const u of ['slack:UMEX1', 'slack:UKEN1', 'slack:UPHL1', 'teams:29:che1']) await h.say(u, `vote ${id} 1`);
    expect(await h.text(SEC, `status ${id}`, undefined, 'fr-FR')).toContain(
      'Toutes les délégations habilitées ont répondu.',
    );
  });
});

describe('remind', () => {
  it('answers with the number and the names of the delegations reminded', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    await h.say('slack:UKEN1', `vote ${id} 1`);
    const text = await h.text(SEC, `remind ${id}`);
    expect(text).toContain(
      `Reminder of ${id} sent to 4 delegates of 3 delegations that have not answered: Mexico, Philippines, Switzerland.`,
    );
    expect(h.sent.filter((m) => m.purpose === 'reminder')).toHaveLength(4);
  });
});

describe('status of all consultations', () => {
  it('lists open ones by title (the kind when untitled) and closed ones of the last 30 days only', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const old = idFrom(await h.text(SEC, 'theme "Old A" "Old B"'));
    await h.say(SEC, `close ${old} confirm`);
    await h.say(SEC, `close ${old}`);
    h.clock.advance(31 * 86_400_000);
    const recent = idFrom(await h.text(SEC, 'topics "X" "Y" "Z"'));
    await h.say(SEC, `cancel ${recent} confirm`);
    await h.say(SEC, `cancel ${recent}`);
    const open = idFrom(await h.text(SEC, 'survey "Which theme for 2027?" "A" "B"'));
    const text = await h.text(SEC, 'status');
    expect(text).toContain(`${open} · Written survey: Which theme for 2027? · open`);
    expect(text).toContain(`${recent} · Topic shortlist · cancelled`);
    expect(text).not.toContain(`${old} ·`);
    expect(text).not.toContain('—');
    expect(text.indexOf(open)).toBeLessThan(text.indexOf(recent));
  });
});
