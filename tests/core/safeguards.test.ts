import { describe, it, expect, beforeEach } from 'vitest';
import { makeHarness, withRoster, idFrom, cardText, SEC, SLACK_CH, TEAMS_CH, type Harness } from '../helpers/core.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Button, Card } from '../../src/views/card.ts';

const A = 'Managing Migration in Crisis Situations';
const B = 'Families and migration';

const buttons = (card: Card): Button[] => card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const noticesTo = (sent: OutboundMessage[], user: string) =>
  sent.filter((m) => m.purpose === 'notice' && m.audience.kind === 'user' && m.audience.user === user);

/** Clicks a button as `user`: the button's command goes to the core as data, as adapters send it. */
async function click(h: Harness, user: string, button: Button, channel = SLACK_CH): Promise<OutboundMessage[]> {
  const out = await h.consult.handle({ actor: { user }, channel }, { type: 'command', command: button.command });
  await h.consult.idle();
  return out;
}

describe('safeguards of a formal consultation', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
    id = idFrom(await h.text(SEC, `theme "${A}" "${B}" deadline 2026-12-10`));
  });

  describe('deadlines only move later', () => {
    it('refuses extend to an earlier date, says how to close now instead, and changes nothing', async () => {
      const before = h.consult.store.get(id)!;
      const [reply] = await h.say(SEC, `extend ${id} 2026-12-05`);
      expect(reply.errorCode).toBe('bad-deadline');
      expect(cardText(reply.card)).toContain('extend only moves a deadline later');
      expect(cardText(reply.card)).toContain(`To close ${id} now, type: close ${id}`);
      const [fr] = await h.say(SEC, `extend ${id} 2d`, SLACK_CH, 'fr-FR');
      expect(cardText(fr.card)).toContain(`close ${id}`);
      expect(fr.lang).toBe('fr');
      expect(h.consult.store.get(id)!.closesAt).toBe(before.closesAt);
      expect(h.consult.store.get(id)!.audit.filter((e) => e.action === 'extend')).toEqual([]);
    });

    it('counts +7d from the current deadline, not from now', async () => {
      expect(await h.text(SEC, `extend ${id} +7d`)).toContain('now closes Thursday 17 December 2026');
      expect(h.consult.store.get(id)!.closesAt).toBe('2026-12-17T22:59:59.999Z');
    });

    it('the App Home offers Extend dates after the current deadline; a stale second click changes nothing', async () => {
      const home = h.consult.homeView(SEC).card;
      const extend = buttons(home).filter((b) => b.command.type === 'extend');
      expect(extend.map((b) => b.label)).toEqual(['Extend to Fri 11 Dec', 'Extend to Thu 17 Dec']);
      await click(h, SEC, extend[1]);
      expect(h.consult.store.get(id)!.closesAt).toBe('2026-12-17T22:59:59.999Z');
      const [again] = await click(h, SEC, extend[0]);
      expect(again.errorCode).toBe('bad-deadline');
      expect(h.consult.store.get(id)!.closesAt).toBe('2026-12-17T22:59:59.999Z');
    });
  });

  it('status <id> gives the secretariat the same actions where there is no App Home: Extend after the deadline, Close asks first', async () => {
    const [reply] = await h.say(SEC, `status ${id}`, TEAMS_CH);
    const actions = buttons(reply.card);
    expect(actions.map((b) => b.label)).toEqual(['Remind', 'Extend to Fri 11 Dec', 'Extend to Thu 17 Dec', 'Close']);
    await click(h, SEC, actions[1], TEAMS_CH);
    expect(h.consult.store.get(id)!.closesAt).toBe('2026-12-11T22:59:59.999Z');
    const [ask] = await click(h, SEC, actions[3], TEAMS_CH);
    expect(cardText(ask.card)).toContain(`Close ${id} now`);
    expect(h.consult.store.get(id)!.status).toBe('open');
    // Delegates asking for the status get their ballot, without these actions.
    const [delegate] = await h.say('slack:UMEX1', `status ${id}`);
    expect(buttons(delegate.card).map((b) => b.command.type)).not.toContain('extend');
  });

  describe('close and cancel ask for confirmation', () => {
    it('close asks first; the confirm button closes; results go out only then', async () => {
      const [ask] = await h.say(SEC, `close ${id}`);
      expect(cardText(ask.card)).toContain(`Close ${id} now, before its deadline`);
      expect(cardText(ask.card)).toContain(`Or type: close ${id} confirm`);
      expect(h.consult.store.get(id)!.status).toBe('open');
      expect(h.sent.filter((m) => m.purpose === 'results')).toEqual([]);
      const confirm = buttons(ask.card).find((b) => b.style === 'danger')!;
      expect(confirm.label).toBe(`Yes, close ${id}`);
      // Only the secretariat may press it: a delegate replaying the button is refused.
      expect((await click(h, 'slack:UMEX1', confirm))[0].errorCode).toBe('not-secretariat');
      expect(h.consult.store.get(id)!.status).toBe('open');
      await click(h, SEC, confirm);
      expect(h.consult.store.get(id)!.status).toBe('closed');
      expect(h.sent.filter((m) => m.purpose === 'results')).toHaveLength(1);
    });

    it('typed close T1 confirm closes at once; the App Home close button asks first', async () => {
      const other = idFrom(await h.text(SEC, 'theme "X" "Y"'));
      const close = buttons(h.consult.homeView(SEC).card).find((b) => b.command.type === 'close')!;
      const [ask] = await click(h, SEC, close);
      expect(cardText(ask.card)).toMatch(/Close (T1|T2) now/);
      expect(h.consult.store.all().every((c) => c.status === 'open')).toBe(true);
      expect(await h.text(SEC, `close ${other} confirm`)).toContain(`${other} is closed`);
      expect(h.consult.store.get(other)!.status).toBe('closed');
      const [bad] = await h.say(SEC, `close ${id} now`);
      expect(bad.errorCode).toBe('parse');
      expect(h.consult.store.get(id)!.status).toBe('open');
    });

    it('cancel asks too, in the user’s language, and cancels only when confirmed', async () => {
      const [ask] = await h.say(SEC, `cancel ${id}`, SLACK_CH, 'es-ES');
      expect(cardText(ask.card)).toContain(`¿Cancelar ${id}?`);
      expect(h.consult.store.get(id)!.status).toBe('open');
      await click(h, SEC, buttons(ask.card)[0]);
      expect(h.consult.store.get(id)!.status).toBe('cancelled');
    });
  });

  describe('proposals are moderated', () => {
    it('caps proposals at 3 per delegation; the fourth is refused and nothing is recorded', async () => {
      for (const text of ['P1', 'P2', 'P3']) await h.text('slack:UKEN1', `propose ${id} "${text}"`);
      const [fourth] = await h.say('slack:UKEN1', `propose ${id} "P4"`);
      expect(cardText(fourth.card)).toContain('Kenya has already proposed 3 options');
      expect(h.consult.store.get(id)!.options).toHaveLength(5);
      // Another delegation has its own three.
      expect(await h.text('slack:UPHL1', `propose ${id} "P5"`)).toContain('Option 6 added');
    });

    it('caps anonymous proposals too in a secret ballot, without naming the delegation in the store', async () => {
      const secret = idFrom(await h.text(SEC, 'theme "X" "Y" secret'));
      for (const text of ['P1', 'P2', 'P3']) await h.text('slack:UKEN1', `propose ${secret} "${text}"`);
      const [fourth] = await h.say('slack:UKEN1', `propose ${secret} "P4"`);
      expect(cardText(fourth.card)).toContain('Kenya has already proposed 3 options');
      const c = h.consult.store.get(secret)!;
      expect(c.options).toHaveLength(5);
      expect(c.options.slice(2).every((o) => o.anonymous && !o.proposedBy && o.proposerTag)).toBe(true);
      expect(JSON.stringify(c.options)).not.toMatch(/kenya/i);
      expect(await h.text('slack:UPHL1', `propose ${secret} "P5"`)).not.toContain('already proposed');
    });

    it('a launch option sets the cap: proposals 1, or proposals 0 for none (no Propose button then)', async () => {
      const one = idFrom(await h.text(SEC, 'theme "X" "Y" proposals 1'));
      await h.text('slack:UKEN1', `propose ${one} "Z"`);
      expect(cardText((await h.say('slack:UKEN1', `propose ${one} "W"`))[0].card)).toContain(
        'already proposed 1 option',
      );
      const none = idFrom(await h.text(SEC, 'theme "X" "Y" proposals 0'));
      expect(cardText((await h.say('slack:UKEN1', `propose ${none} "Z"`))[0].card)).toContain(
        'does not take proposals',
      );
      const ballot = h.consult.ballotView(none, 'slack:UKEN1')!.card;
      expect(buttons(ballot).map((b) => b.command.type)).not.toContain('propose-form');
    });

    it('withdraw: ballots on the option are returned with a personal notice; others who answered are told', async () => {
      await h.text('slack:UKEN1', `propose ${id} "Migration and the environment"`);
      await h.text('slack:UKEN1', `vote ${id} 3`);
      await h.text('slack:UMEX1', `vote ${id} 1`);
      const [refused] = await h.say('slack:UKEN1', `withdraw ${id} 3`);
      expect(refused.errorCode).toBe('not-secretariat');
      const [own] = await h.say(SEC, `withdraw ${id} 1`);
      expect(cardText(own.card)).toContain("secretariat's own options");
      expect(await h.text(SEC, `withdraw ${id} 3`)).toContain(
        `Option 3 ("Migration and the environment") is withdrawn`,
      );
      const c = h.consult.store.get(id)!;
      expect(Object.keys(c.ballots)).toEqual(['mexico']);
      expect(c.options.find((o) => o.n === 3)?.withdrawn).toBe(true);
      const [returned] = noticesTo(h.sent, 'slack:UKEN1');
      expect(cardText(returned.card)).toContain("Kenya's ballot chose it, so it is returned: please vote again");
      expect(cardText(returned.card)).toContain('Kenya has not voted yet.');
      for (const mexican of ['slack:UMEX1', 'teams:29:mex2'])
        expect(cardText(noticesTo(h.sent, mexican)[0].card)).toContain("Your delegation's ballot stands without it");
      // Gone from the ballot and from the tally; a vote for it is refused.
      const ballot = h.sent.filter((m) => m.audience.kind === 'ballot-update').at(-1)!;
      expect(buttons(ballot.card).map((b) => b.label)).not.toContain('3 · Migration and the environment');
      expect((await h.say('slack:UKEN1', `vote ${id} 3`))[0].errorCode).toBe('bad-choice');
    });

    it('merge: ballots on b count for a, and delegations that answered are told', async () => {
      await h.text('slack:UKEN1', `propose ${id} "Crisis situations and migration"`);
      await h.text('slack:UKEN1', `vote ${id} 3`);
      await h.text('slack:UPHL1', `vote ${id} 1`);
      expect(await h.text(SEC, `merge ${id} 1 3`)).toContain(`Option 3 of ${id} is merged into option 1`);
      const c = h.consult.store.get(id)!;
      expect(c.ballots.kenya.choices).toEqual([1]);
      expect(c.options.find((o) => o.n === 3)).toMatchObject({ withdrawn: true, mergedInto: 1 });
      expect(cardText(noticesTo(h.sent, 'slack:UKEN1')[0].card)).toContain('merged option 3');
      expect(cardText(noticesTo(h.sent, 'slack:UPHL1').at(-1)!.card)).toContain('ballots on 3 now count for 1');
      await h.text(SEC, `close ${id} confirm`);
      expect(await h.text('slack:UKEN1', `results ${id}`)).toContain(`Decision: "${A}" is chosen`);
    });

    it('a new proposal is announced to delegations that already answered, not to the proposer', async () => {
      await h.text('slack:UMEX1', `vote ${id} 1`);
      await h.text('slack:UKEN1', `vote ${id} 2`);
      await h.text('slack:UKEN1', `propose ${id} "Migration and health"`);
      expect(cardText(noticesTo(h.sent, 'teams:29:mex2')[0].card)).toContain(
        `A new option was proposed in ${id}: 3. Migration and health`,
      );
      expect(noticesTo(h.sent, 'slack:UKEN1')).toEqual([]);
      expect(noticesTo(h.sent, 'slack:UPHL1')).toEqual([]);
    });

    it('in a secret ballot, a withdrawal after votes is refused (it could reveal who chose it); a merge works', async () => {
      const s = idFrom(await h.text(SEC, 'theme "X" "Y" secret'));
      await h.text('slack:UKEN1', `propose ${s} "Z"`);
      // An anonymous proposal reaches the ballot at the next publication slot (15:00 in Geneva).
      h.clock.set('2026-12-01T14:00:30Z');
      await h.consult.tick();
      await h.text('slack:UKEN1', `vote ${s} 3`);
      const [refused] = await h.say(SEC, `withdraw ${s} 3`);
      expect(cardText(refused.card)).toContain('could reveal who chose it');
      expect(h.consult.store.get(s)!.options[2].withdrawn).toBeUndefined();
      await h.text(SEC, `merge ${s} 1 3`);
      const ballots = Object.values(h.consult.store.get(s)!.ballots);
      expect(ballots.map((b) => b.choices)).toEqual([[1]]);
    });
  });

  describe('abstaining is an answer', () => {
    it('counts in turnout, not in the majority base, and the results say so', async () => {
      await h.text('slack:UMEX1', `vote ${id} 1`);
      await h.text('slack:UKEN1', `vote ${id} 1`);
      await h.text('slack:UPHL1', `vote ${id} 2`);
      const ballot = h.consult.ballotView(id, 'teams:29:che1')!.card;
      const abstain = buttons(ballot).find((b) => b.label === 'Abstain')!;
      const [reply] = await click(h, 'teams:29:che1', abstain, TEAMS_CH);
      expect(cardText(reply.card)).toContain('Abstention recorded for Switzerland');
      expect(cardText(h.consult.ballotView(id, 'teams:29:che1')!.card)).toContain('Switzerland abstains.');
      await h.text(SEC, `close ${id} confirm`);
      const results = await h.text('slack:UKEN1', `results ${id}`);
      expect(results).toContain('Turnout: 4 of 4 delegations (100%)');
      expect(results).toContain('Abstentions: 1 (counted in turnout, not in the majority base of 3 ballots)');
      expect(results).toContain('2 votes · 67%');
      // 2 of 4 is no absolute majority; 2 of the 3 that chose is.
      expect(results).toContain(`Decision: "${A}" is chosen by an absolute majority.`);
    });

    it('is typed vote T1 abstain; refused with a choice, in shortlists, and when everyone abstains nothing is decided', async () => {
      expect(await h.text('slack:UMEX1', `vote ${id} abstain`)).toContain('Abstention recorded for Mexico');
      const w = idFrom(await h.text(SEC, 'topics "A" "B" "C"'));
      expect((await h.say('slack:UMEX1', `vote ${w} abstain`))[0].errorCode).toBe('bad-choice');
      const [mixed] = await click(h, 'slack:UKEN1', {
        label: '',
        command: { type: 'vote', id, choices: [1], abstain: true },
      });
      expect(cardText(mixed.card)).toContain('An abstention cannot go with a choice');
      expect(Object.keys(h.consult.store.get(id)!.ballots)).toEqual(['mexico']);
      await h.text(SEC, `close ${id} confirm`);
      expect(await h.text('slack:UMEX1', `results ${id}`)).toContain('every delegation that answered abstained');
    });
  });

  describe('observers follow, Member States vote', () => {
    it('an observer sees a read-only ballot in a members-only poll; the channel ballot keeps its buttons and says who votes', async () => {
      const mine = h.consult.ballotView(id, 'slack:UHOL1')!.card;
      expect(cardText(mine)).toContain('Observers follow this consultation; Member States vote.');
      expect(buttons(mine)).toEqual([]);
      expect(mine.blocks.some((b) => b.type === 'form')).toBe(false);
      const channel = h.sent.find((m) => m.purpose === 'ballot' && m.audience.kind === 'channel')!.card;
      expect(cardText(channel)).toContain('Observers follow this consultation; Member States vote.');
      expect(buttons(channel).length).toBeGreaterThan(2);
      expect(cardText(h.consult.homeView('slack:UHOL1').card)).toContain('Holy See follows this consultation');
      // In a consultation open to all, the observer has the buttons.
      const all = idFrom(await h.text(SEC, 'survey "Q" "A" "B"'));
      expect(buttons(h.consult.ballotView(all, 'slack:UHOL1')!.card).length).toBeGreaterThan(2);
    });

    it('in French, for the ICRC', () => {
      const card = h.consult.ballotView(id, 'slack:UICR1', 'fr-FR')!.card;
      expect(cardText(card)).toContain('Les observateurs suivent cette consultation ; les États Membres votent.');
      expect(buttons(card)).toEqual([]);
    });
  });

  it('a colleague changing the delegation’s ballot: the delegate who cast the previous one is told personally', async () => {
    await h.text('slack:UMEX1', `vote ${id} 1`);
    await h.text('slack:UMEX1', `vote ${id} 2`);
    expect(noticesTo(h.sent, 'slack:UMEX1')).toEqual([]);
    await h.text('teams:29:mex2', `vote ${id} 1`, TEAMS_CH);
    const [notice] = noticesTo(h.sent, 'slack:UMEX1');
    expect(cardText(notice.card)).toContain(
      `Another delegate of Mexico changed Mexico's ballot on ${id}: it is now 1. ${A}.`,
    );
    expect(noticesTo(h.sent, 'teams:29:mex2')).toEqual([]);
    // Secret ballots: told too, without the choice.
    const s = idFrom(await h.text(SEC, 'theme "X" "Y" secret'));
    await h.text('teams:29:mex2', `vote ${s} 1`, TEAMS_CH);
    await h.text('slack:UMEX1', `vote ${s} 2`);
    const secret = noticesTo(h.sent, 'teams:29:mex2').at(-1)!;
    expect(cardText(secret.card)).toContain('secret ballot: the choice is not shown');
    expect(JSON.stringify(h.consult.store.get(s)!.outbox)).not.toMatch(/"choices"/);
  });

  describe('low turnout is always visible', () => {
    it('without a quorum, a decision by few says "low turnout: N of M"; a quorum appears on the ballot', async () => {
      await h.text('slack:UMEX1', `vote ${id} 1`);
      await h.text(SEC, `close ${id} confirm`);
      const results = await h.text('slack:UKEN1', `results ${id}`);
      expect(results).toContain('Turnout: 1 of 4 delegations (25%)');
      expect(results).toContain(`Decision: "${A}" is chosen by an absolute majority. (low turnout: 1 of 4)`);
      const q = idFrom(await h.text(SEC, 'theme "X" "Y" quorum 50%'));
      expect(cardText(h.consult.ballotView(q, 'slack:UKEN1')!.card)).toContain(
        'Quorum: 50% of the eligible delegations must answer for a conclusive result.',
      );
    });
  });

  describe('launch checks', () => {
    it('a theme poll needs two options unless single; one option with single is the 2013 case', async () => {
      const [one] = await h.say(SEC, 'theme "Adopt the theme?"');
      expect(cardText(one.card)).toContain('A theme poll needs two options');
      expect(cardText(one.card)).toContain('theme "Adopt the theme?" single');
      const single = idFrom(await h.text(SEC, 'theme "Adopt the theme?" single'));
      expect(h.consult.store.get(single)!.options.map((o) => o.text)).toEqual(['Adopt the theme?']);
      // The same rule holds for a launch that arrives as data (the launch form).
      const [data] = await click(h, SEC, { label: '', command: { type: 'theme', options: ['Only one'] } });
      expect(cardText(data.card)).toContain('A theme poll needs two options');
      expect(h.consult.store.all()).toHaveLength(2);
    });

    it('an unquoted option gets an error that shows the command with quotes', async () => {
      const [reply] = await h.say(SEC, 'theme Migration and health, Families and migration deadline 14d');
      expect(reply.errorCode).toBe('parse');
      expect(cardText(reply.card)).toContain(
        'Write it like this: theme "Migration and health" "Families and migration" deadline 14d',
      );
      const [topics] = await h.say(SEC, 'topics "A" B "C" select 2', SLACK_CH, 'fr-FR');
      expect(cardText(topics.card)).toContain('topics "A" "B" "C" select 2');
      // A typo after the options is not taken for an option.
      expect(cardText((await h.say(SEC, 'theme "A" "B" dedline 14d'))[0].card)).toContain(
        "Je n'ai pas compris « dedline »",
      );
      expect(h.consult.store.all()).toHaveLength(1);
    });
  });
});
