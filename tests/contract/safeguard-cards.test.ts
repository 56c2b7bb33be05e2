/**
 * The new cards (silence procedure, confirmations, notices, read-only ballots, abstention) are
 * neutral cards like the others: every adapter renders them within its platform's rules.
 */
import { describe, it, expect } from 'vitest';
import { cardToMessages } from '../../adapters/slack/render.ts';
import { cardToModal } from '../../adapters/slack/modal.ts';
import { cardToAdaptiveCard } from '../../adapters/botframework/render.ts';
import { validateMessage, validateView } from '../slack/block-kit-limits.ts';
import { adaptiveCardErrors } from '../teams/support/adaptive-card-schema.ts';
import { makeHarness, withRoster, cardText, SEC, SLACK_CH, type Harness } from '../helpers/core.ts';
import type { Lang } from '../../src/domain/model.ts';
import type { Card } from '../../src/views/card.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

async function cards(lang: Lang): Promise<{ h: Harness; all: Record<string, Card> }> {
  const h = await makeHarness();
  await withRoster(h);
  const loc = LOCALE[lang];
  const say = (user: string, text: string) => h.say(user, text, SLACK_CH, loc);
  await say(SEC, 'silence "The IDM 2027 theme is adopted." deadline 2026-12-04');
  await say('slack:UMEX1', 'object SP1 "More time is needed."');
  const [form] = await h.consult.handle(
    { actor: { user: 'slack:UKEN1', locale: loc }, channel: SLACK_CH },
    { type: 'command', command: { type: 'object-form', id: 'SP1' } },
  );
  await say('teams:29:mex2', 'withdraw SP1');
  await say('slack:UKEN1', 'object SP1 "Not in this form."');
  await say(SEC, 'theme "A" "B" quorum 50%');
  await say('slack:UKEN1', 'propose T1 "C"');
  await say('slack:UKEN1', 'vote T1 3');
  await say('slack:UPHL1', 'vote T1 abstain');
  await say('slack:UMEX1', 'vote T1 1');
  await say('teams:29:mex2', 'vote T1 2');
  await say(SEC, 'withdraw T1 3');
  const [confirm] = await say(SEC, 'close T1');
  await say(SEC, 'close T1 confirm');
  h.clock.set('2026-12-05T00:00:00Z');
  await h.consult.tick();
  await h.consult.idle();
  const last = (purpose: string, id: string) =>
    h.sent.filter((m) => m.purpose === purpose && m.consultationId === id).at(-1)!.card;
  const notices = h.sent.filter((m) => m.purpose === 'notice');
  expect(notices.length).toBeGreaterThanOrEqual(3);
  return {
    h,
    all: {
      silenceBallot: h.sent.find((m) => m.purpose === 'ballot' && m.consultationId === 'SP1')!.card,
      silencePersonal: h.consult.ballotView('SP1', 'slack:UKEN1', loc)!.card,
      silenceObserver: h.consult.ballotView('SP1', 'slack:UHOL1', loc)!.card,
      objectForm: form.card,
      silenceResults: last('results', 'SP1'),
      themeResults: last('results', 'T1'),
      confirm: confirm.card,
      home: h.consult.homeView(SEC, loc).card,
      ...Object.fromEntries(notices.map((m, i) => [`notice${i}`, m.card])),
    },
  };
}

describe.each(['en', 'fr', 'es'] as const)('the safeguard and silence cards render on every platform (%s)', (lang) => {
  it('as Block Kit messages, a Slack modal, and Adaptive Cards 1.5', async () => {
    const { all } = await cards(lang);
    for (const [name, card] of Object.entries(all)) {
      for (const m of cardToMessages(card, { lang })) expect(validateMessage(m), name).toEqual([]);
      const ac = cardToAdaptiveCard(card, lang, { refresh: { consultationId: 'SP1' } });
      expect(adaptiveCardErrors(ac), name).toEqual([]);
      // Nothing the core says is dropped: every text block reaches the Adaptive Card.
      // Markdown escapes (`1\\. A`) are how Adaptive Cards show the text as written.
      const json = JSON.stringify(ac).replace(/\\\\([!-/:-@[-`{-~])/g, '$1');
      for (const b of card.blocks)
        if (b.type === 'text') expect(json, name).toContain(JSON.stringify(b.text.split('\n')[0]).slice(1, 30));
    }
    expect(validateView(cardToModal(all.objectForm, { lang, channel: 'C0MAIN' }))).toEqual([]);
    expect(cardText(all.silenceResults)).toContain('Kenya');
  });
});
