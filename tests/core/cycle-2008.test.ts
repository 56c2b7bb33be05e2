import { describe, it, expect } from 'vitest';
import { makeHarness, withRoster, idFrom, cardText, SEC, SLACK_CH, TEAMS_CH } from '../helpers/core.ts';

const GENDER = 'Mainstreaming Gender into Migration Management';
const RETURN = 'Return Migration: Challenges and Opportunities';

describe('the 2008 cycle, end to end in the core', () => {
  it('split theme poll → inconclusive → two-week written survey to members and observers → reminders to non-responders → decision in every channel', async () => {
    const h = await makeHarness();
    h.clock.set('2026-12-01T08:00:00Z'); // Tuesday 09:00 in Geneva
    await withRoster(h);

    // The theme poll runs in a Slack channel and a Teams channel.
    const poll = idFrom(await h.text(SEC, `theme "${GENDER}" "${RETURN}"`));
    await h.text(SEC, `share ${poll}`, TEAMS_CH);
    await h.text('slack:UMEX1', `vote ${poll} 1`);
    await h.text('slack:UKEN1', `vote ${poll} 2`);
    await h.text('slack:UPHL1', `vote ${poll} 1`);
    await h.text('teams:29:che1', `vote ${poll} 2`, TEAMS_CH);
    await h.text(SEC, `close ${poll} confirm`);
    const pollResults = h.sent.filter((m) => m.purpose === 'results' && m.consultationId === poll);
    expect(pollResults.map((m) => m.audience)).toEqual([
      { kind: 'channel', channel: SLACK_CH },
      { kind: 'channel', channel: TEAMS_CH },
    ]);
    expect(cardText(pollResults[0].card)).toContain('Inconclusive: tie between');
    expect(cardText(pollResults[0].card)).toContain(`survey ${poll}`);

    // A written survey to all Member States and observers, two weeks, carrying the poll's options.
    const launched = await h.text(SEC, `survey ${poll}`);
    const survey = idFrom(launched.replace(poll, ''));
    const s = h.consult.store.get(survey)!;
    expect(s.kind).toBe('survey');
    expect(s.eligibility).toBe('all');
    expect(s.options.map((o) => o.text)).toEqual([GENDER, RETURN]);
    expect(s.closesAt).toBe('2026-12-15T22:59:59.999Z'); // 14 calendar days, end of day in Geneva
    expect(s.channels).toEqual([SLACK_CH, TEAMS_CH]);
    expect(
      h.sent.filter((m) => m.purpose === 'ballot' && m.consultationId === survey && m.audience.kind === 'channel'),
    ).toHaveLength(2);

    // Observers may answer the survey; Mexico and the Holy See answer early.
    await h.text('teams:29:mex2', `vote ${survey} 2`, TEAMS_CH);
    expect(await h.text('slack:UHOL1', `vote ${survey} 2`)).toContain('Vote recorded for Holy See');

    // 7 days before the close, 09:00 Geneva: reminders go to every delegate of the delegations that have not answered.
    h.clock.set('2026-12-08T08:00:00Z');
    await h.consult.tick();
    await h.consult.idle();
    const reminded = h.sent
      .filter((m) => m.purpose === 'reminder')
      .map((m) => (m.audience as { user: string }).user)
      .sort();
    expect(reminded).toEqual(['slack:UICR1', 'slack:UKEN1', 'slack:UPHL1', 'teams:29:che1']);
    const kenya = h.sent.find(
      (m) => m.purpose === 'reminder' && (m.audience as { user: string }).user === 'slack:UKEN1',
    )!;
    expect(cardText(kenya.card)).toContain('Kenya has not answered');
    expect(kenya.card.blocks.some((b) => b.type === 'actions')).toBe(true); // the ballot is inline

    // Running the scheduler again sends nothing twice.
    await h.consult.tick();
    await h.consult.idle();
    expect(h.sent.filter((m) => m.purpose === 'reminder')).toHaveLength(4);

    await h.text('slack:UKEN1', `vote ${survey} 2`);
    await h.text('slack:UPHL1', `vote ${survey} 1`);

    // At the deadline the scheduler closes the survey and posts the decision in every channel.
    h.clock.set('2026-12-15T23:00:00Z');
    await h.consult.tick();
    await h.consult.idle();
    const results = h.sent.filter((m) => m.purpose === 'results' && m.consultationId === survey);
    expect(results.map((m) => m.audience)).toEqual([
      { kind: 'channel', channel: SLACK_CH },
      { kind: 'channel', channel: TEAMS_CH },
    ]);
    const text = cardText(results[0].card);
    expect(text).toContain(`Decision: "${RETURN}" is chosen by an absolute majority.`);
    expect(text).toContain('Turnout: 4 of 6 delegations (67%)');
    expect(text).toMatch(/Observer State: 1\/1/);
    expect(h.consult.store.get(survey)!.status).toBe('closed');
    expect(h.consult.store.get(survey)!.outbox).toEqual([]);
  });
});
