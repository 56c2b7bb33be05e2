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
    await answer('slack:UGUEST', { s1: '5', s2: '3' });
    const [none] = await answer('slack:UOTHER', {});
    expect(none.errorCode).toBe('invalid');
    const file = await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8');
    expect(file).not.toMatch(/UKEN1|UMEX1|UGUEST/);
    await h.text(SEC, `close ${id} confirm`);
    const text = await h.text(SEC, `results ${id}`);
    expect(text).toContain('100% agree (3 responses)');
    expect(text).toContain('67% agree (3 responses)');
    expect(text).toContain('50% agree (2 responses)');
    expect(text).toContain('Response rate: 3 of 10 participants (30%)');
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
