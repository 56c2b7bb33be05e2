import { describe, it, expect } from 'vitest';
import { makeHarness, withRoster, cardText, SEC, SLACK_CH, TEAMS_CH, type Harness } from '../helpers/core.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Button, Card } from '../../src/views/card.ts';

const TEXT = "The IDM 2027 will be held under the theme 'Migration and sustainable development'.";

const buttons = (card: Card): Button[] => card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const silenceId = (text: string) => /\b(SP\d+)\b/.exec(text)![1];

async function click(h: Harness, user: string, button: Button, channel = SLACK_CH): Promise<OutboundMessage[]> {
  const out = await h.consult.handle({ actor: { user }, channel }, { type: 'command', command: button.command });
  await h.consult.idle();
  return out;
}

async function closeAtDeadline(h: Harness, id: string): Promise<string> {
  h.clock.set(new Date(Date.parse(h.consult.store.get(id)!.closesAt) + 1000).toISOString());
  await h.consult.tick();
  await h.consult.idle();
  const posted = h.sent.filter((m) => m.purpose === 'results' && m.consultationId === id);
  expect(posted.map((m) => m.audience)).toEqual([{ kind: 'channel', channel: SLACK_CH }]);
  return cardText(posted[0].card);
}

const LANGS = [
  {
    lang: 'en',
    locale: 'en-GB',
    adopted: 'Decision: adopted under silence procedure (no objection by the deadline).',
    broken: 'Decision: silence broken by 1 delegation: Mexico.',
    objections: 'Objections: 1 of 4 eligible delegations',
    reason: 'Mexico: "We need more time to consult the capital."',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    adopted: "Décision : adopté selon la procédure d'approbation tacite (aucune objection avant la date limite).",
    broken: 'Décision : approbation tacite rompue par 1 délégation : Mexico.',
    objections: 'Objections : 1 sur 4 délégations habilitées',
    reason: 'Mexico : « We need more time to consult the capital. »',
  },
  {
    lang: 'es',
    locale: 'es-ES',
    adopted: 'Decisión: adoptado por procedimiento de acuerdo tácito (ninguna objeción antes del plazo).',
    broken: 'Decisión: acuerdo tácito roto por 1 delegación: Mexico.',
    objections: 'Objeciones: 1 de 4 delegaciones habilitadas',
    reason: 'Mexico: «We need more time to consult the capital.»',
  },
] as const;

describe.each(LANGS)('the silence procedure ($lang)', (l) => {
  it('is adopted when no eligible delegation objects by the deadline (default: 5 working days, end of day)', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const [launched] = await h.say(SEC, `silence "${TEXT}"`, SLACK_CH, l.locale);
    const id = silenceId(cardText(launched.card));
    const c = h.consult.store.get(id)!;
    // Tuesday 1 December + 5 working days = Tuesday 8 December, 23:59:59.999 in Geneva.
    expect(c.closesAt).toBe('2026-12-08T22:59:59.999Z');
    expect(c.kind).toBe('silence');
    const ballot = h.sent.find((m) => m.purpose === 'ballot')!.card;
    expect(cardText(ballot)).toContain(TEXT);
    expect(buttons(ballot).map((b) => b.command.type)).toEqual(['object-form', 'withdraw-objection']);
    expect(await closeAtDeadline(h, id)).toContain(l.adopted);
  });

  it('is broken by the delegations that object, named; an objection withdrawn before the deadline does not count', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = silenceId(await h.text(SEC, `silence "${TEXT}" deadline 2026-12-04`, SLACK_CH, l.locale));
    // Mexico objects through the form opened by the ballot's one action, with a reason.
    const ballot = h.consult.ballotView(id, 'slack:UMEX1', l.locale)!.card;
    const [form] = await click(h, 'slack:UMEX1', buttons(ballot)[0]);
    expect(form.purpose).toBe('form');
    const submit = await h.consult.handle(
      { actor: { user: 'slack:UMEX1', locale: l.locale }, channel: SLACK_CH },
      {
        type: 'form',
        submit: { action: { type: 'object', id }, values: { reason: 'We need more time to consult the capital.' } },
      },
    );
    expect(submit[0].errorCode).toBeUndefined();
    // Kenya objects, typed, then withdraws before the deadline.
    await h.text('slack:UKEN1', `object ${id}`, SLACK_CH, l.locale);
    expect(Object.keys(h.consult.store.get(id)!.ballots).sort()).toEqual(['kenya', 'mexico']);
    await h.text('slack:UKEN1', `withdraw ${id}`, SLACK_CH, l.locale);
    expect(Object.keys(h.consult.store.get(id)!.ballots)).toEqual(['mexico']);
    // Objections are never secret: names on the ballot and in the audit trail.
    const update = h.sent.filter((m) => m.audience.kind === 'ballot-update').at(-1)!;
    expect(cardText(update.card)).toContain('Mexico');
    expect(h.consult.store.get(id)!.audit.map((e) => [e.action, e.delegation])).toEqual([
      ['launch', undefined],
      ['object', 'mexico'],
      ['object', 'kenya'],
      ['withdraw-objection', 'kenya'],
    ]);
    const results = await closeAtDeadline(h, id);
    expect(results).toContain(l.broken);
    expect(results).toContain(l.objections);
    expect(results).toContain(l.reason);
    // After the deadline, nobody can object or withdraw.
    expect((await h.say('slack:UKEN1', `object ${id}`))[0].errorCode).toBe('closed');
    expect((await h.say('slack:UMEX1', `withdraw ${id}`))[0].errorCode).toBe('closed');
  });
});

describe('the silence procedure’s rules', () => {
  it('refuses observers in a members-only procedure and shows them a read-only ballot; only the secretariat launches', async () => {
    const h = await makeHarness();
    await withRoster(h);
    expect((await h.say('slack:UMEX1', `silence "${TEXT}"`))[0].errorCode).toBe('not-secretariat');
    const id = silenceId(await h.text(SEC, `silence "${TEXT}"`));
    expect((await h.say('slack:UHOL1', `object ${id}`))[0].errorCode).toBe('ineligible');
    const card = h.consult.ballotView(id, 'slack:UHOL1')!.card;
    expect(buttons(card)).toEqual([]);
    expect(cardText(card)).toContain('Observers follow this consultation; Member States vote.');
    expect(h.consult.store.get(id)!.ballots).toEqual({});
  });

  it('refuses a vote, a proposal, a second withdrawal and a secret procedure, with clear errors', async () => {
    const h = await makeHarness();
    await withRoster(h);
    expect(cardText((await h.say(SEC, `silence "${TEXT}" secret`))[0].card)).toContain('never secret');
    const id = silenceId(await h.text(SEC, `silence "${TEXT}" eligible all`));
    expect(cardText((await h.say('slack:UMEX1', `vote ${id} 1`))[0].card)).toContain('nothing to vote on');
    expect(cardText((await h.say('slack:UMEX1', `propose ${id} "X"`))[0].card)).toContain('nothing to vote on');
    expect(cardText((await h.say('slack:UHOL1', `withdraw ${id}`))[0].card)).toContain('Holy See has not objected to');
    expect(h.consult.store.get(id)!.audit).toHaveLength(1);
  });

  it('reminds the delegations that have not objected, and tells a delegate when a colleague withdraws their objection', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const id = silenceId(await h.text(SEC, `silence "${TEXT}"`));
    await h.text('slack:UMEX1', `object ${id} "Not yet"`);
    await h.text('teams:29:mex2', `withdraw ${id}`, TEAMS_CH);
    const notice = h.sent.find((m) => m.purpose === 'notice' && m.audience.kind === 'user')!;
    expect(notice.audience).toEqual({ kind: 'user', user: 'slack:UMEX1' });
    expect(cardText(notice.card)).toContain(`Another delegate of Mexico withdrew Mexico's objection to ${id}.`);
    expect(await h.text(SEC, `remind ${id}`)).toContain(`Reminder of ${id} sent to 5 delegates of 4 delegations`);
    const reminder = h.sent.find((m) => m.purpose === 'reminder')!;
    expect(cardText(reminder.card)).toContain('It is adopted unless a delegation objects');
  });
});
