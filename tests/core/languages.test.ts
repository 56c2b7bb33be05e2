import { describe, it, expect, beforeEach } from 'vitest';
import { makeHarness, withRoster, cardText, SEC, SLACK_CH, type Harness } from '../helpers/core.ts';
import type { OutboundMessage } from '../../src/outbound.ts';

const TRILINGUAL =
  'theme "Return migration" fr:"Migration de retour" es:"Migración de retorno" ' +
  '"Labour migration" fr:«Migration de travail» es:"Migración laboral"';

const channelPosts = (h: Harness, purpose: OutboundMessage['purpose']) =>
  h.sent.filter((m) => m.audience.kind === 'channel' && m.purpose === purpose).map((m) => cardText(m.card));

describe('options in several languages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
  });

  it('a French and an English delegate on one ballot each read their language; the channel post shows all three', async () => {
    await h.say(SEC, TRILINGUAL, SLACK_CH, 'en-GB');
    const [post] = channelPosts(h, 'ballot');
    expect(post).toContain('1. Return migration / Migration de retour / Migración de retorno');
    expect(post).toContain('2. Labour migration / Migration de travail / Migración laboral');

    const french = h.consult.ballotView('T1', 'slack:UKEN1', 'fr-FR')!;
    expect(french.lang).toBe('fr');
    const frText = cardText(french.card);
    expect(frText).toContain('1. Migration de retour');
    expect(frText).not.toContain('Return migration');
    const english = cardText(h.consult.ballotView('T1', 'slack:UMEX1', 'en-US')!.card);
    expect(english).toContain('1. Return migration');
    expect(english).not.toMatch(/Migration de retour|Migración/);

    // The vote confirmations, personal too.
    expect(await h.text('slack:UKEN1', 'vote T1 1', SLACK_CH, 'fr-FR')).toContain('1. Migration de retour');
    const mexico = await h.text('slack:UMEX1', 'vote T1 2', SLACK_CH, 'en-US');
    expect(mexico).toContain('2. Labour migration');
    expect(mexico).not.toContain('Migration de travail');

    // Results in the channel: every language again.
    await h.say(SEC, 'close T1 confirm');
    const [results] = channelPosts(h, 'results');
    expect(results).toContain('Return migration / Migration de retour / Migración de retorno');
  });

  it('the translations are kept in the store and survive a restart', async () => {
    await h.say(SEC, TRILINGUAL);
    const again = await h.restart();
    expect(again.consult.store.get('T1')!.options[0]).toMatchObject({
      text: 'Return migration',
      tr: { fr: 'Migration de retour', es: 'Migración de retorno' },
    });
    expect(cardText(again.consult.ballotView('T1', 'slack:UPHL1', 'es-ES')!.card)).toContain('1. Migración de retorno');
  });

  it('`lang fr` posts the ballot and the results in French, while the launcher is answered in theirs', async () => {
    const reply = await h.text(SEC, 'theme "A" "B" lang fr', SLACK_CH, 'en-GB');
    expect(reply).toContain('T1 is open');
    expect(h.consult.store.get('T1')!.lang).toBe('fr');
    const [post] = channelPosts(h, 'ballot');
    expect(post).toContain('Sondage sur le thème T1');
    expect(post).toContain('Clôture le mardi 8 décembre 2026');
    await h.say(SEC, 'close T1 confirm', SLACK_CH, 'en-GB');
    const [results] = channelPosts(h, 'results');
    expect(results).toMatch(/Résultats|résultats/);
    expect(results).not.toMatch(/\bResults\b/);
  });

  it('a translation without its option, or two in one language, is refused in the writer’s language and launches nothing', async () => {
    expect(await h.text(SEC, 'theme fr:"Retour" "A" "B"')).toMatch(
      /fr:"Retour" translates an option: write it right after that option/,
    );
    expect(await h.text(SEC, 'theme "A" fr:"Un" fr:"Une" "B"', SLACK_CH, 'fr-FR')).toMatch(
      /L’option « A » a deux textes en fr : gardez-en un\./,
    );
    expect(await h.text(SEC, 'theme "A" "B" lang de', SLACK_CH, 'en-GB')).toMatch(/Choose en, fr or es/);
    expect(h.consult.store.all()).toHaveLength(0);
  });

  it('a launch without translations stores none', async () => {
    await h.say(SEC, 'theme "A" "B"');
    expect(h.consult.store.get('T1')!.options.every((o) => o.tr === undefined)).toBe(true);
  });
});
