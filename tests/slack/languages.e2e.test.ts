/** Three languages: the Slack user locale (users.info, cached) picks the language unless the user chose one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import { cardToBlockKit } from '../../adapters/slack/render.ts';
import {
  blocksText,
  findButton,
  last,
  SEC,
  startSlackHarness,
  THEME_2015,
  type SlackHarness,
} from './support/harness.ts';

describe('Slack: languages', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    h.recorder.setLocale('U0FRA1', 'fr-FR');
    h.recorder.setLocale('U0ESP1', 'es-ES');
    await h.roster('U0FRA1', 'France', 'member', 'Europe');
    await h.roster('U0ESP1', 'Spain', 'member', 'Europe');
    await h.slash(SEC, `theme "${THEME_2015}" "Migration and Development"`);
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('the same ballot rendered for an fr-FR user and an es-ES user is in French and in Spanish', () => {
    const fr = h.consult.ballotView('T1', 'slack:U0FRA1', 'fr-FR')!;
    const es = h.consult.ballotView('T1', 'slack:U0ESP1', 'es-ES')!;
    const frText = blocksText(cardToBlockKit(fr.card, { surface: 'message', lang: fr.lang }).blocks);
    const esText = blocksText(cardToBlockKit(es.card, { surface: 'message', lang: es.lang }).blocks);
    expect(frText).toMatch(/Clôture le/);
    expect(frText).toMatch(/Proposer une option/);
    expect(esText).toMatch(/Se cierra el/);
    expect(esText).toMatch(/Proponer una opción/);
    // The option texts are the secretariat's, whole, in both.
    expect(frText).toContain(THEME_2015);
    expect(esText).toContain(THEME_2015);
  });

  it('replies follow the Slack locale: a French delegate votes and is answered in French, a Spanish one in Spanish; locales are looked up once', async () => {
    const blocks = h.consult.ballotView('T1', 'slack:U0FRA1')!;
    const buttons = cardToBlockKit(blocks.card, { surface: 'message', lang: blocks.lang }).blocks;
    await h.click('U0FRA1', findButton(buttons, /^1 · /));
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toMatch(/France/);
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toMatch(/enregistré/i);
    await h.click('U0ESP1', findButton(buttons, /^2 · /));
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toMatch(/registrado/i);
    await h.slash('U0FRA1', 'status T1');
    expect(h.recorder.callsTo('users.info').filter((c) => c.body.user === 'U0FRA1')).toHaveLength(1);
  });

  it('reminders reach each delegate in their language, with the ballot inline', async () => {
    // The core learns a user's locale from their requests; here each has used /consult once.
    await h.slash('U0FRA1', 'help');
    await h.slash('U0ESP1', 'help');
    h.recorder.clear();
    await h.slash(SEC, 'remind T1');
    const dm = (channel: string) =>
      blocksText(h.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === channel)!.body.blocks);
    expect(dm('D0FRA1')).toMatch(/Clôture le/);
    expect(dm('D0ESP1')).toMatch(/Se cierra el/);
  });

  it('a user’s own choice (lang es) wins over their Slack locale', async () => {
    await h.slash('U0FRA1', 'lang es');
    await h.slash('U0FRA1', 'status T1');
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).not.toMatch(/Clôture|réponses/);
  });

  it('the launch modal is in the secretariat member’s language', async () => {
    const h2 = await startSlackHarness();
    h2.recorder.setLocale(SEC, 'es-ES');
    await h2.slash(SEC, '');
    const view = last(h2.recorder.callsTo('views.open')).body.view;
    expect(view.title.text).toBe('Nueva consulta');
    expect(validateCalls(h2.recorder.calls)).toEqual([]);
    await h2.close();
  });
});

describe('Slack: deadlines in each reader’s own time', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0FRA1', 'France', 'member', 'Europe');
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('the posted ballot shows the deadline in Geneva time and, beside it, a date token Slack renders in the reader’s zone', async () => {
    await h.slash(SEC, 'theme "Labour migration" "Return migration" deadline 2026-12-07T23:59');
    await h.consult.idle();
    const post = last(h.recorder.callsTo('chat.postMessage'));
    const text = blocksText(post.body.blocks);
    const closesAt = new Date(h.consult.store.get('T1')!.closesAt);
    const epoch = Math.floor(closesAt.getTime() / 1000);
    expect(closesAt.toISOString()).toBe('2026-12-07T22:59:00.000Z');
    expect(text).toContain(
      `Monday 7 December 2026, 23:59 (Geneva time) (your time: <!date^${epoch}^{date_short_pretty} {time}|2026-12-07 22:59 UTC>)`,
    );
    // A French delegate's own view says it in French, with the same instant.
    const fr = h.consult.ballotView('T1', 'slack:U0FRA1', 'fr-FR')!;
    const frText = blocksText(cardToBlockKit(fr.card, { surface: 'message', lang: fr.lang }).blocks);
    expect(frText).toContain(`(heure de Genève) (votre heure : <!date^${epoch}^`);
  });
});
