import { describe, it, expect } from 'vitest';
import { makeHarness, withRoster, idFrom, SEC, SLACK_CH } from '../helpers/core.ts';
import { satisfaction } from '../../src/domain/tally.ts';
import { pct } from '../../src/views/format.ts';
import type { CardBlock } from '../../src/views/card.ts';
import { decodePng, inkAndColour, pdfOf, pdfText } from './support.ts';
import { PALETTE } from '../../src/report/palette.ts';

describe('the satisfaction survey report', () => {
  it('shows each statement with its % agree and respondents, and the response rate, equal to the core’s tally', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'feedback "Protecting Migrants during Times of Crisis" participants 12'));
    const answer = (user: string, values: Record<string, string>) =>
      h.consult.handle(
        { actor: { user }, channel: SLACK_CH },
        { type: 'form', submit: { action: { type: 'feedback', id }, values } },
      );
    await answer('slack:UKEN1', { s1: '5', s2: '5', s3: '4', s4: '2' });
    await answer('slack:UMEX1', { s1: '4', s2: '5', s3: '2', s4: '4' });
    await answer('slack:UPHL1', { s1: '5', s2: '4', s3: '3' });
    await answer('slack:UHOL1', { s1: '2', s2: '5', s3: '5', s4: '5' });
    await answer('slack:UICR1', { s1: '4', s2: '4', s4: '1' });
    await h.text(SEC, `close ${id} confirm`);

    const c = h.consult.store.get(id)!;
    const tally = satisfaction(c);
    const [reply] = await h.say(SEC, `report ${id}`);
    const text = await pdfText(pdfOf(reply));
    expect(text).toContain(`Report on ${id}: Protecting Migrants during Times of Crisis`);
    expect(text).toContain('Response rate: 5 of 12 participants (42%)');
    expect(tally.responseRate).toBeCloseTo(5 / 12);
    for (const st of tally.statements) {
      // "<statement> <% agree> <respondents>", as in the table; the statement may wrap across lines.
      expect(text).toContain(`${st.statement} ${pct(st.share, 'en')} ${st.respondents}`);
    }
    expect(tally.statements.map((s) => [pct(s.share, 'en'), s.respondents])).toEqual([
      ['80%', 5],
      ['100%', 5],
      ['50%', 4],
      ['50%', 4],
    ]);
    expect(text).toContain('anonymous, one answer per participant');

    // The results post shows a stacked bar per statement, in the colour-blind-safe Likert colours.
    const posted = h.sent.find((m) => m.purpose === 'results' && m.consultationId === id)!;
    const image = posted.card.blocks.find((b): b is Extract<CardBlock, { type: 'image' }> => b.type === 'image')!;
    expect(image.alt).toContain('80% agree (5 responses)');
    const { pixels } = decodePng(image.png);
    for (const colour of PALETTE.likert) expect(inkAndColour(pixels, colour).has).toBe(true);
  });
});
