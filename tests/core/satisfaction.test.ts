import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeHarness, withRoster, idFrom, cardText, SEC, SLACK_CH } from '../helpers/core.ts';

describe('a satisfaction survey after a workshop', () => {
  it('is anonymous per participant and reports the share agreeing per statement with the response rate', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(
      await h.text(SEC, 'feedback "Climate change, environmental degradation and migration" participants 10'),
    );
    const [form] = await h.say('slack:UKEN1', `status ${id}`);
    expect(cardText(form.card)).toContain('furthered mutual learning');
    // Participants answer through the form; one changes their answers, the latest counts.
    const answer = (user: string, values: Record<string, string>) =>
      h.consult.handle(
        { actor: { user }, channel: SLACK_CH },
        { type: 'form', submit: { action: { type: 'feedback', id }, values } },
      );
    await answer('slack:UKEN1', { s1: '2', s2: '2' });
    await answer('slack:UKEN1', { s1: '5', s2: '4', s3: '2' });
    await answer('slack:UMEX1', { s1: '4', s2: '5', s3: '4' });
    await answer('slack:UPHL1', { s1: '5', s2: '3' });
    const [none] = await answer('slack:UKEN1', {});
    expect(none.errorCode).toBe('invalid');
    const file = await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8');
    expect(file).not.toMatch(/UKEN1|UMEX1|UPHL1/);
    await h.text(SEC, `close ${id} confirm`);
    const text = await h.text(SEC, `results ${id}`);
    expect(text).toContain('100% agree (3 responses)');
    expect(text).toContain('67% agree (3 responses)');
    expect(text).toContain('50% agree (2 responses)');
    expect(text).toContain('Response rate: 3 of 10 participants (30%)');
  });
});

describe('who may answer a satisfaction survey', () => {
  const answer = (h: Awaited<ReturnType<typeof makeHarness>>, user: string, id: string) =>
    h.consult.handle(
      { actor: { user }, channel: SLACK_CH },
      { type: 'form', submit: { action: { type: 'feedback', id }, values: { s1: '5', s2: '4', s3: '4' } } },
    );

  it('without a list, delegates on the roster answer; anyone else is refused politely and nothing is recorded', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'feedback "Workshop on labour mobility" participants 30'));
    await answer(h, 'slack:UKEN1', id);
    const before = await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8');
    for (const outsider of ['slack:UOUTSIDER', 'teams:29:stranger', SEC]) {
      const [refusal] = await answer(h, outsider, id);
      expect(refusal.errorCode).toBe('ineligible');
      expect(cardText(refusal.card)).toContain('you are not on its list, so your answer was not recorded');
    }
    // The answer form itself is refused, before it is filled in.
    const [form] = await h.consult.handle(
      { actor: { user: 'slack:UOUTSIDER' }, channel: SLACK_CH },
      { type: 'command', command: { type: 'answer-form', id } },
    );
    expect(form.errorCode).toBe('ineligible');
    expect(await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8')).toBe(before);
    expect(Object.keys(h.consult.store.get(id)!.ballots)).toHaveLength(1);
  });

  it('with a list (users, by commas or spaces), only the listed answer, delegates or not, and the rate is on the list', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(
      await h.text(SEC, 'feedback "Workshop" participants slack:UGUEST1,slack:UKEN1 slack:UGUEST2 deadline 2026-12-31'),
    );
    const c = h.consult.store.get(id)!;
    expect(c.invited).toEqual(['slack:UGUEST1', 'slack:UKEN1', 'slack:UGUEST2']);
    expect(c.participants).toBe(3);
    expect((await answer(h, 'slack:UGUEST1', id))[0].errorCode).toBeUndefined();
    expect((await answer(h, 'slack:UGUEST2', id))[0].errorCode).toBeUndefined();
    // On the roster but not on the list: refused.
    const [refused] = await answer(h, 'slack:UMEX1', id);
    expect(refused.errorCode).toBe('ineligible');
    expect(Object.keys(h.consult.store.get(id)!.ballots)).toHaveLength(2);
    await h.text(SEC, `close ${id} confirm`);
    expect(await h.text(SEC, `results ${id}`)).toContain('Response rate: 2 of 3 participants (67%)');
  });

  it('reminders of a survey with a list go to the listed participants who have not answered, not to the roster', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'feedback "Workshop" participants slack:UGUEST1,slack:UKEN1,slack:UGUEST2'));
    await answer(h, 'slack:UGUEST1', id);
    const sentBefore = h.sent.length;
    expect(await h.text(SEC, `remind ${id}`)).toMatch(/2/);
    const reminded = h.sent
      .slice(sentBefore)
      .filter((m) => m.purpose === 'reminder')
      .map((m) => (m.audience.kind === 'user' ? m.audience.user : ''));
    expect(reminded.sort()).toEqual(['slack:UGUEST2', 'slack:UKEN1']);
  });

  it('the refusal is in the user’s language', async () => {
    const h = await makeHarness();
    const id = idFrom(await h.text(SEC, 'feedback "Atelier" participants slack:UGUEST1'));
    const fr = await h.consult.handle(
      { actor: { user: 'slack:UOUT', locale: 'fr-FR' }, channel: SLACK_CH },
      { type: 'form', submit: { action: { type: 'feedback', id }, values: { s1: '5' } } },
    );
    expect(cardText(fr[0].card)).toContain('vous ne figurez pas sur sa liste');
    const es = await h.consult.handle(
      { actor: { user: 'slack:UOUT', locale: 'es-ES' }, channel: SLACK_CH },
      { type: 'form', submit: { action: { type: 'feedback', id }, values: { s1: '5' } } },
    );
    expect(cardText(es[0].card)).toContain('usted no figura en su lista');
  });

  it('a list that names something other than users is refused at launch, saying which', async () => {
    const h = await makeHarness();
    const text = await h.text(SEC, 'feedback "Workshop" participants slack:UA,bob');
    expect(text).toContain('bob');
    expect(h.consult.store.all()).toHaveLength(0);
  });
});

describe('languages', () => {
  it('the same ballot reads in French and in Spanish, dates included', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "Managing Migration in Crisis Situations" "Families and migration"'));
    const fr = cardText(h.consult.ballotView(id, 'slack:UKEN1', 'fr-FR')!.card);
    const es = cardText(h.consult.ballotView(id, 'slack:UKEN1', 'es-ES')!.card);
    expect(fr).toContain('heure de Genève');
    expect(fr).toMatch(/décembre/);
    expect(es).toContain('hora de Ginebra');
    expect(es).toMatch(/diciembre/);
    expect(fr).toContain('Managing Migration in Crisis Situations');
  });

  it('a satisfaction survey launched in French has French default statements', async () => {
    const h = await makeHarness();
    const id = idFrom(await h.text(SEC, 'feedback "Atelier"', SLACK_CH, 'fr-FR'));
    expect(h.consult.store.get(id)!.statements![0]).toContain("L'atelier a favorisé");
  });
});
