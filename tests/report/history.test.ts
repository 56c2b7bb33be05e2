import { describe, it, expect } from 'vitest';
import { makeHarness, withRoster, idFrom, cardText, SEC } from '../helpers/core.ts';

describe('history', () => {
  it('lists the past themes and workshops by year, then the consultations closed here with the chart of each decision', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "Human Rights and Migration" "Migrants and Cities"'));
    await h.text('slack:UMEX1', `vote ${id} 2`);
    await h.text('slack:UKEN1', `vote ${id} 2`);
    await h.text(SEC, `close ${id} confirm`);
    await h.text(SEC, 'theme "Still open" "Not in history"');

    // Anyone may ask, a delegate here.
    const [reply] = await h.say('slack:UPHL1', 'history');
    const text = cardText(reply.card);
    expect(text).toContain('2012: Managing Migration in Crisis Situations');
    expect(text).toContain(
      'Workshops: Moving to Safety: Migration Consequences of Complex Crises and Protecting Migrants during Times of Crisis',
    );
    expect(text).toContain('Proposed, not chosen: Families and migration');
    expect(text.indexOf('2001:')).toBeLessThan(text.indexOf('2014:'));
    expect(text).toContain('Closed in this installation');
    expect(text).toContain(`Results of ${id}: Theme poll`);
    expect(text).toContain('Decision: "Migrants and Cities" is chosen by an absolute majority.');
    expect(text).not.toContain('Still open');
    const images = reply.card.blocks.filter((b) => b.type === 'image');
    expect(images).toHaveLength(1);
    expect(images[0].type === 'image' && images[0].alt).toContain('✓ 2. Migrants and Cities');

    const [fr] = await h.say('slack:UPHL1', 'history', undefined, 'fr-FR');
    expect(cardText(fr.card)).toContain('Historique du dialogue');
    expect(cardText(fr.card)).toContain('Clôturées dans cette installation');
  });
});
