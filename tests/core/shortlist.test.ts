import { describe, it, expect } from 'vitest';
import { makeHarness, withRoster, idFrom, cardText, SEC, TEAMS_CH } from '../helpers/core.ts';

describe('a workshop topic shortlist', () => {
  it('selects the two topics with most approvals and reports a combination request as its own option', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(
      await h.text(
        SEC,
        'topics "Health and migration" "Migrants and the host society" "Return and reintegration" "Diaspora"',
      ),
    );
    // Mexico asks to combine topics 1 and 2 into one workshop, and approves topic 3.
    expect(await h.text('slack:UMEX1', `vote ${id} 3 1+2`)).toContain(
      'Vote recorded for Mexico: 3. Return and reintegration; 5. Health and migration + Migrants and the host society',
    );
    expect(await h.text('slack:UKEN1', `vote ${id} 2+1`)).toContain(
      '5. Health and migration + Migrants and the host society',
    );
    await h.text('slack:UPHL1', `vote ${id} 3,4`);
    await h.text('teams:29:che1', `vote ${id} 5`, TEAMS_CH);
    const [tooMany] = await h.say('slack:UPHL1', `vote ${id} 1,2,3`);
    expect(cardText(tooMany.card)).toContain('at most 2 topics');
    await h.text(SEC, `close ${id} confirm`);
    const text = await h.text(SEC, `results ${id}`);
    expect(text).toContain(
      'Decision: selected 5. "Health and migration + Migrants and the host society" and 3. "Return and reintegration".',
    );
    expect(text).toContain('3 approvals');
  });

  it('reports a tie at the cut instead of breaking it silently', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'topics "A" "B" "C"'));
    await h.text('slack:UMEX1', `vote ${id} 1,2`);
    await h.text('slack:UKEN1', `vote ${id} 1,3`);
    await h.text('slack:UPHL1', `vote ${id} 1`);
    await h.text(SEC, `close ${id} confirm`);
    const text = await h.text(SEC, `results ${id}`);
    expect(text).toContain('Inconclusive: tie at the cut between 2. "B" and 3. "C"');
    expect(text).toContain(`survey ${id}`);
  });

  it('an exceptional year selects one topic', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'topics "A" "B" "C" select 1'));
    await h.text('slack:UMEX1', `vote ${id} 2`);
    await h.text(SEC, `close ${id} confirm`);
    expect(await h.text(SEC, `results ${id}`)).toContain('Decision: selected 2. "B"');
  });

  it('votes by the form of the ballot card, as buttons and selects send them', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'topics "A" "B" "C"'));
    const [reply] = await h.consult.handle(
      { actor: { user: 'slack:UKEN1' } },
      {
        type: 'form',
        submit: { action: { type: 'vote', id }, values: { approve: ['1'], combineA: '2', combineB: '3' } },
      },
    );
    expect(cardText(reply.card)).toContain('Vote recorded for Kenya: 1. A; 4. B + C');
  });
});
