import { describe, it, expect, beforeEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeHarness, withRoster, idFrom, cardText, SEC, SLACK_CH, TEAMS_CH, type Harness } from '../helpers/core.ts';

const A2012 = 'Managing Migration in Crisis Situations';
const B2012 = 'Families and migration';

describe('the rules of a consultation', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
    id = idFrom(await h.text(SEC, `theme "${A2012}" "${B2012}"`));
  });

  it('posts the ballot in the channel it was launched in, with every option in full', async () => {
    const ballot = h.sent.find((m) => m.purpose === 'ballot' && m.audience.kind === 'channel');
    expect(ballot?.audience).toEqual({ kind: 'channel', channel: SLACK_CH });
    const text = cardText(ballot!.card);
    expect(text).toContain(`1. ${A2012}`);
    expect(text).toContain(`2. ${B2012}`);
    expect(text).toContain('Recorded ballot');
    expect(text).toMatch(/Closes .* \(Geneva time\)/);
  });

  it('refuses a launch by anyone but the secretariat, and records nothing', async () => {
    const [reply] = await h.say('slack:UMEX1', 'theme "A" "B"');
    expect(reply.errorCode).toBe('not-secretariat');
    expect(cardText(reply.card)).toContain('Only the secretariat');
    expect(h.consult.store.all()).toHaveLength(1);
  });

  it('one delegation, one voice: a delegate of Mexico changes Mexico’s vote from Teams; the latest counts, both stay in the audit trail', async () => {
    expect(await h.text('slack:UMEX1', `vote ${id} 1`)).toContain(`Vote recorded for Mexico: 1. ${A2012}`);
    expect(await h.text('teams:29:mex2', `vote ${id} 2`, TEAMS_CH)).toContain(`Vote recorded for Mexico: 2. ${B2012}`);
    const c = h.consult.store.get(id)!;
    expect(Object.keys(c.ballots)).toEqual(['mexico']);
    expect(c.ballots.mexico).toMatchObject({ choices: [2], by: 'teams:29:mex2', platform: 'teams' });
    const votes = c.audit.filter((e) => e.action === 'vote');
    expect(votes.map((e) => [e.by, e.choices])).toEqual([
      ['slack:UMEX1', [1]],
      ['teams:29:mex2', [2]],
    ]);
  });

  it('refuses an observer in a Member-States-only poll, politely and in their language, recording nothing', async () => {
    const [reply] = await h.say('slack:UHOL1', `vote ${id} 1`, SLACK_CH, 'fr-FR');
    expect(reply.errorCode).toBe('ineligible');
    expect(reply.lang).toBe('fr');
    expect(cardText(reply.card)).toMatch(/Holy See/);
    expect(cardText(reply.card)).toMatch(/Aucun vote n'a été enregistré|enregistr/);
    expect(h.consult.store.get(id)!.ballots).toEqual({});
  });

  it('refuses someone not on the roster', async () => {
    const [reply] = await h.say('slack:UNOBODY', `vote ${id} 1`);
    expect(reply.errorCode).toBe('not-on-roster');
  });

  it('refuses a vote after the close and a proposal after the close', async () => {
    await h.text(SEC, `close ${id} confirm`);
    const [vote] = await h.say('slack:UKEN1', `vote ${id} 1`);
    expect(vote.errorCode).toBe('closed');
    expect(cardText(vote.card)).toContain('Nothing was recorded');
    const [proposal] = await h.say('slack:UKEN1', `propose ${id} "Migration and climate"`);
    expect(proposal.errorCode).toBe('closed');
    expect(h.consult.store.get(id)!.options).toHaveLength(2);
  });

  it('refuses a vote once the deadline has passed even before the scheduler has run', async () => {
    h.clock.advance(30 * 24 * 3600_000);
    const [vote] = await h.say('slack:UKEN1', `vote ${id} 1`);
    expect(vote.errorCode).toBe('closed');
  });

  it('answers an unknown id with how to find the open ones', async () => {
    const [reply] = await h.say('slack:UKEN1', 'vote T99 1');
    expect(reply.errorCode).toBe('unknown-id');
    expect(cardText(reply.card)).toContain('There is no consultation "T99"');
  });

  it('explains a malformed command and how to write it, in the user’s language', async () => {
    const [en] = await h.say(SEC, 'theme "Families" deadline');
    expect(en.errorCode).toBe('parse');
    expect(cardText(en.card)).toContain('Write it like this: theme "A" "B"');
    const [es] = await h.say(SEC, 'vote', SLACK_CH, 'es-ES');
    expect(es.lang).toBe('es');
    expect(cardText(es.card)).toMatch(/vote ‹id›/);
    const [fr] = await h.say(SEC, 'launch everything', SLACK_CH, 'fr-FR');
    expect(cardText(fr.card)).toContain('launch');
    expect(fr.lang).toBe('fr');
  });

  it('lets a delegation propose an option while open; it appears on the ballot with who proposed it', async () => {
    expect(await h.text('slack:UKEN1', `propose ${id} "Migration and the environment"`)).toContain('Option 3 added');
    const [dup] = await h.say('slack:UPHL1', `propose ${id} "migration AND the environment"`);
    expect(cardText(dup.card)).toContain('already an option: 3. Migration and the environment.');
    const ballot = h.sent.filter((m) => m.audience.kind === 'ballot-update').at(-1)!;
    expect(cardText(ballot.card)).toContain('3. Migration and the environment (proposed by Kenya)');
  });

  it('hides results until the close, from the secretariat too, then shows counts, turnout and the decision', async () => {
    await h.text('slack:UMEX1', `vote ${id} 1`);
    const [hidden] = await h.say(SEC, `results ${id}`);
    expect(hidden.errorCode).toBe('results-hidden');
    await h.text('slack:UKEN1', `vote ${id} 1`);
    await h.text('slack:UPHL1', `vote ${id} 2`);
    await h.text(SEC, `close ${id} confirm`);
    const text = await h.text('slack:UKEN1', `results ${id}`);
    expect(text).toContain('2 votes · 67%');
    expect(text).toContain('Turnout: 3 of 4 delegations (75%)');
    expect(text).toContain(`Decision: "${A2012}" is chosen by an absolute majority.`);
    expect(text).toMatch(/Member State: 3\/4/);
    expect(text).toMatch(/Africa: 1\/1/);
  });

  it('shows live results while open when the secretariat chose live', async () => {
    const live = idFrom(await h.text(SEC, 'theme "A" "B" live'));
    await h.text('slack:UMEX1', `vote ${live} 2`);
    expect(await h.text('slack:UKEN1', `results ${live}`)).toContain('Interim results');
  });

  it('keeps only the secretariat for close, extend, cancel, remind, export and roster edits', async () => {
    for (const cmd of [
      `close ${id}`,
      `extend ${id} 14d`,
      `cancel ${id}`,
      `remind ${id}`,
      `export ${id}`,
      'roster add slack:UX "France" member',
      'roster list',
    ]) {
      const [reply] = await h.say('slack:UMEX1', cmd);
      expect(reply.errorCode, cmd).toBe('not-secretariat');
    }
    expect(h.consult.store.get(id)!.status).toBe('open');
  });

  it('an inconclusive poll says why: a tie, or no absolute majority, or no ballots, or low turnout', async () => {
    await h.text('slack:UMEX1', `vote ${id} 1`);
    await h.text('slack:UKEN1', `vote ${id} 2`);
    await h.text(SEC, `close ${id} confirm`);
    expect(await h.text(SEC, `results ${id}`)).toContain(`Inconclusive: tie between 1. "${A2012}" and 2. "${B2012}"`);

    const three = idFrom(await h.text(SEC, 'theme "A" "B" "C"'));
    await h.text('slack:UMEX1', `vote ${three} 1`);
    await h.text('slack:UKEN1', `vote ${three} 2`);
    await h.text('slack:UPHL1', `vote ${three} 3`);
    await h.text('teams:29:che1', `vote ${three} 1`, TEAMS_CH);
    await h.text(SEC, `close ${three} confirm`);
    expect(await h.text(SEC, `results ${three}`)).toContain('Inconclusive: no option has an absolute majority');

    const empty = idFrom(await h.text(SEC, 'theme "A" "B"'));
    await h.text(SEC, `close ${empty} confirm`);
    expect(await h.text(SEC, `results ${empty}`)).toContain('Inconclusive: no ballots were cast');

    const quorum = idFrom(await h.text(SEC, 'theme "A" "B" quorum 75%'));
    await h.text('slack:UMEX1', `vote ${quorum} 1`);
    await h.text(SEC, `close ${quorum} confirm`);
    expect(await h.text(SEC, `results ${quorum}`)).toContain('Inconclusive: turnout 25% is below the quorum of 75%');
  });

  it('a secret ballot stores who answered but never what they chose, not even in the file on disk', async () => {
    const s = idFrom(await h.text(SEC, `theme "${A2012}" "${B2012}" secret`));
    expect(await h.text('slack:UMEX1', `vote ${s} 2`)).toContain('The ballot is secret');
    await h.text('slack:UKEN1', `vote ${s} 1`);
    await h.text('teams:29:mex2', `vote ${s} 1`, TEAMS_CH);
    const file = await readFile(join(h.dir, 'consultations', `${s}.json`), 'utf8');
    const doc = JSON.parse(file);
    expect(doc.answered.sort()).toEqual(['kenya', 'mexico']);
    expect(Object.keys(doc.ballots)).toHaveLength(2);
    expect(file).not.toMatch(/"mexico"\s*:|"kenya"\s*:/);
    // The audit trail, a log beside the file, records the three votes and never a choice.
    const trail = (await readFile(join(h.dir, 'consultations', `${s}.audit.jsonl`), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(trail.filter((e) => e.action === 'vote')).toHaveLength(3);
    for (const e of trail) expect(e.choices).toBeUndefined();
    expect(cardText(h.consult.ballotView(s, 'slack:UMEX1')!.card)).toContain('Mexico has answered (secret ballot');
    // With fewer than 3 secret ballots the counts would tell Kenya's choice to Mexico: a third delegation answers.
    await h.text('slack:UPHL1', `vote ${s} 1`);
    await h.text(SEC, `close ${s} confirm`);
    expect(await h.text(SEC, `results ${s}`)).toContain(`Decision: "${A2012}"`);
  });

  it('one tally across platforms: a Slack vote and a Teams vote from two delegations count together', async () => {
    await h.text(SEC, `share ${id}`, TEAMS_CH);
    await h.text('slack:UKEN1', `vote ${id} 1`);
    await h.text('teams:29:che1', `vote ${id} 1`, TEAMS_CH);
    const updates = h.sent.filter((m) => m.audience.kind === 'ballot-update');
    expect(new Set(updates.map((m) => (m.audience as { channel: { platform: string } }).channel.platform))).toEqual(
      new Set(['slack', 'teams']),
    );
    expect(cardText(updates.at(-1)!.card)).toContain('Turnout so far: 2 of 4 delegations');
  });

  it('remembers a chosen language over the platform locale', async () => {
    expect(await h.text('slack:UKEN1', 'lang es', SLACK_CH, 'en-US')).toContain('español');
    const [reply] = await h.say('slack:UKEN1', `vote ${id} 1`, SLACK_CH, 'en-US');
    expect(reply.lang).toBe('es');
    expect(cardText(reply.card)).toContain('Kenya');
  });

  it('exports the audit trail as CSV for the secretariat, with the choices once the results are out', async () => {
    await h.text('slack:UMEX1', `vote ${id} 1`);
    await h.text(SEC, `close ${id} confirm`);
    const [reply] = await h.say(SEC, `export ${id}`);
    expect(reply.file?.name).toBe(`consult-${id}.csv`);
    const lines = String(reply.file!.content).trim().split('\r\n');
    expect(lines[0]).toBe('consultation,at,action,user,platform,delegation,choices,detail');
    expect(lines.some((l: string) => l.includes(`slack:UMEX1,slack,Mexico,1. ${A2012}`))).toBe(true);
  });

  it('warns the secretariat when a proposed theme was discussed before', async () => {
    const text = await h.text(SEC, 'theme "Return Migration: Challenges and Opportunities" "Digital identity"');
    expect(text).toContain('Return Migration: Challenges and Opportunities');
    expect(text).toContain('2008');
  });

  it('validates button payloads like typed commands', async () => {
    const [reply] = await h.consult.handle(
      { actor: { user: 'slack:UMEX1' }, channel: SLACK_CH },
      { type: 'command', command: { type: 'vote', id: '../../etc', choices: [1] } as never },
    );
    expect(reply.errorCode).toBe('parse');
    expect(h.consult.store.get(id)!.ballots).toEqual({});
  });
});
