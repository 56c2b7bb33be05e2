import { describe, it, expect, beforeEach } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeHarness, withRoster, cardText, ROSTER, SEC, type Harness } from '../helpers/core.ts';

const [A, B, C] = ['Labour mobility', 'Diasporas', 'Climate and migration'];
const PROPOSAL = 'Migration data and statistics';

/** Every JSON record (object) in every file under DATA_DIR: consultation files, audit logs, meta. */
async function records(dir: string): Promise<{ file: string; record: Record<string, unknown> }[]> {
  const out: { file: string; record: Record<string, unknown> }[] = [];
  const walk = (file: string, value: unknown) => {
    if (Array.isArray(value)) for (const v of value) walk(file, v);
    else if (value && typeof value === 'object') {
      out.push({ file, record: value as Record<string, unknown> });
      for (const v of Object.values(value)) walk(file, v);
    }
  };
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const text = await readFile(file, 'utf8');
    if (file.endsWith('.jsonl')) for (const line of text.trim().split('\n')) walk(file, JSON.parse(line));
    else walk(file, JSON.parse(text));
  }
  return out;
}

/** The record's own values (not those of nested records), as text. */
function ownText(record: Record<string, unknown>): string {
  return JSON.stringify(
    Object.entries(record).map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => typeof x !== 'object') : v]),
    (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? undefined : v),
  );
}

async function ballotFile(h: Harness, id: string) {
  return JSON.parse(await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8'));
}

const lastBallotCard = (h: Harness) => cardText(h.sent.filter((m) => m.purpose === 'ballot').at(-1)!.card);

describe('a secret shortlist with a combination request and a proposal', () => {
  let h: Harness;
  const id = 'W1';
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
    expect(await h.text(SEC, `topics "${A}" "${B}" "${C}" select 2 secret`)).toContain(id);
  });

  async function vote() {
    // Kenya asks for "A + B"; Mexico proposes an option and votes; later, others vote for both.
    expect(await h.text('slack:UKEN1', `vote ${id} 3 1+2`)).toMatch(
      /Vote recorded for Kenya\.[\s\S]*appears on the ballot/,
    );
    expect(await h.text('slack:UMEX1', `propose ${id} "${PROPOSAL}"`)).toContain('without your delegation');
    expect(await h.text('slack:UMEX1', `vote ${id} 1`)).toContain('Vote recorded for Mexico');
  }

  it('the ballot shown after the request names no proposer, and the new option waits for the next publication', async () => {
    await vote();
    const after = lastBallotCard(h);
    expect(after).toContain('Turnout so far: 2 of 4');
    // Not yet on the ballot: it would appear at the very moment turnout rose by one.
    expect(after).not.toContain(`${A} + ${B}`);
    expect(after).not.toContain(PROPOSAL);
    for (const [, name] of ROSTER) expect(after).not.toContain(name);

    // The next publication slot is 15:00 in Geneva (14:00Z); the scheduler publishes both, naming nobody.
    const before = h.sent.length;
    h.clock.set('2026-12-01T14:00:30Z');
    await h.consult.tick();
    await h.consult.idle();
    const published = cardText(h.sent.slice(before).find((m) => m.purpose === 'ballot')!.card);
    expect(published).toContain(`4. ${A} + ${B} (combination requested by a delegation)`);
    expect(published).toContain(`5. ${PROPOSAL} (proposed by a delegation)`);
    expect(published).toContain('Turnout so far: 2 of 4');
    for (const [, name] of ROSTER) expect(published).not.toContain(name);
    expect((await ballotFile(h, id)).options.some((o: { publishAt?: string }) => o.publishAt)).toBe(false);

    // Others may now choose them; the tally counts them.
    expect(await h.text('slack:UPHL1', `vote ${id} 4,5`)).toContain('Vote recorded for Philippines');
    await h.text(SEC, `close ${id} confirm`);
    const results = cardText(h.sent.filter((m) => m.purpose === 'results').at(-1)!.card);
    expect(results).toMatch(new RegExp(`4\\. ${A} \\+ ${B} 2 approvals`));
  });

  it('no file under DATA_DIR holds a delegation next to, or in one record with, what identifies its choice', async () => {
    await vote();
    h.clock.set('2026-12-01T14:00:30Z');
    await h.consult.tick();
    await h.text('teams:29:che1', `vote ${id} 4`);
    await h.text('slack:UKEN1', `vote ${id} 2 1+2`);
    await h.consult.idle();

    const identities = ROSTER.flatMap(([user, name]) => [user, name, name.toLowerCase()]);
    const c = await ballotFile(h, id);
    const optionTexts = c.options.map((o: { text: string }) => o.text);
    for (const { file, record } of await records(h.dir)) {
      const own = ownText(record);
      const names = identities.filter((x) => own.includes(JSON.stringify(x).slice(1, -1)));
      if (names.length === 0) continue;
      const where = `${file}: ${own}`;
      expect(record, where).not.toHaveProperty('choices');
      expect(record, where).not.toHaveProperty('combines');
      expect(record, where).not.toHaveProperty('answers');
      for (const text of [...optionTexts, A, B, PROPOSAL]) expect(own, where).not.toContain(text);
    }
    // The records themselves: options name no proposer, ballots hold the choice only, under pseudonyms.
    expect(c.options.filter((o: { proposedBy?: string }) => o.proposedBy)).toEqual([]);
    expect(c.answered).toEqual(['kenya', 'mexico', 'switzerland']);
    expect(Object.keys(c.ballots)).toHaveLength(3);
    for (const [key, ballot] of Object.entries(c.ballots)) {
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(Object.keys(ballot as object)).toEqual(['choices']);
    }
    const audit = (await readFile(join(h.dir, 'consultations', `${id}.audit.jsonl`), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const proposals = audit.filter((e) => e.action === 'propose');
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ at: '2026-12-01T08:00:00.000Z', action: 'propose', detail: PROPOSAL });
    for (const key of ['by', 'platform', 'delegation']) expect(proposals[0]).not.toHaveProperty(key);
    for (const e of audit.filter((x) => x.action === 'vote')) {
      expect(e).not.toHaveProperty('choices');
      expect(e).not.toHaveProperty('detail');
      // To the minute, not to the millisecond.
      expect(e.at).toMatch(/:00\.000Z$/);
    }
    // The export after the close has the same rows: who answered, never what.
    await h.text(SEC, `close ${id} confirm`);
    const [exported] = await h.say(SEC, `export ${id}`);
    const csv = String(exported.file!.content);
    for (const line of csv.split('\r\n').filter((l) => l.includes(',vote,'))) {
      for (const text of optionTexts) expect(line).not.toContain(text);
    }
    expect(csv).not.toMatch(/propose,slack:UMEX1|propose,[^,]*,[^,]*,Mexico/);
  });

  it('every secret ballot re-keys all pseudonyms, so two copies of the store cannot be matched ballot by ballot', async () => {
    await h.text('slack:UKEN1', `vote ${id} 1`);
    await h.text('slack:UMEX1', `vote ${id} 2`);
    const first = await ballotFile(h, id);
    await h.text('slack:UPHL1', `vote ${id} 3`);
    const second = await ballotFile(h, id);
    expect(Object.keys(second.ballots)).toHaveLength(3);
    for (const key of Object.keys(first.ballots)) expect(second.ballots).not.toHaveProperty(key);
    expect(second.ballotSalt).not.toBe(first.ballotSalt);
    // Changing an answer keeps one voice per delegation, across a restart too.
    h = await h.restart();
    await h.text('slack:UKEN1', `vote ${id} 2`);
    const third = await ballotFile(h, id);
    expect(Object.keys(third.ballots)).toHaveLength(3);
    expect(
      Object.values(third.ballots)
        .map((b) => (b as { choices: number[] }).choices.join())
        .sort(),
    ).toEqual(['2', '2', '3']);
  });

  it('a proposal in a recorded consultation still names its delegation', async () => {
    expect(await h.text(SEC, `topics "${A}" "${B}" "${C}" select 2`)).toContain('W2');
    expect(await h.text('slack:UMEX1', `propose W2 "${PROPOSAL}"`)).toContain('Option 4 added to W2');
    expect(lastBallotCard(h)).toContain(`4. ${PROPOSAL} (proposed by Mexico)`);
  });
});

describe('results of a secret consultation never identify one delegation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
  });
  const results = (lang = 'en-GB') => h.text(SEC, 'results T1', undefined, lang);

  it('fewer than 3 answers: turnout only, overall and by group, in en, fr and es', async () => {
    await h.text(SEC, `theme "${A}" "${B}" secret`);
    await h.text('slack:UKEN1', 'vote T1 1');
    await h.text('slack:UMEX1', 'vote T1 2');
    await h.text(SEC, 'close T1 confirm');
    const posted = cardText(h.sent.filter((m) => m.purpose === 'results').at(-1)!.card);
    for (const text of [posted, await results()]) {
      expect(text).toContain('Only 2 delegations answered this secret ballot: with fewer than 3');
      expect(text).toContain('Turnout: 2 of 4 delegations');
      // The groups show who answered (Africa 1 of 1), never what: no count, no share, no decision.
      expect(text).toMatch(/Africa: 1\/1/);
      expect(text).not.toMatch(/\bvotes?\b.*%|Decision|Inconclusive/);
    }
    expect(await results('fr-FR')).toContain('Seules 2 délégations ont répondu à ce vote secret');
    expect(await results('es-ES')).toContain('Solo 2 delegaciones respondieron a esta votación secreta');
  });

  it('3 answers or more: the counts and the decision, as for any consultation', async () => {
    await h.text(SEC, `theme "${A}" "${B}" secret`);
    for (const user of ['slack:UKEN1', 'slack:UMEX1', 'slack:UPHL1']) await h.text(user, 'vote T1 1');
    await h.text(SEC, 'close T1 confirm');
    expect(await results()).toMatch(new RegExp(`1\\. ${A} 3 votes · 100`));
    expect(await results()).toContain(`Decision: "${A}"`);
  });

  it('a recorded poll with two answers shows its counts: its choices are on record anyway', async () => {
    await h.text(SEC, `theme "${A}" "${B}"`);
    await h.text('slack:UKEN1', 'vote T1 1');
    await h.text(SEC, 'close T1 confirm');
    expect(await results()).toMatch(/1 vote · 100/);
  });

  it('a satisfaction survey with fewer than 3 respondents shows the response count only', async () => {
    await h.text(SEC, 'feedback "Workshop on health"');
    await h.say('slack:UKEN1', 'answer F1 5 5 4 4');
    await h.say('slack:UMEX1', 'answer F1 1 2 2 1');
    await h.text(SEC, 'close F1 confirm');
    const text = await h.text(SEC, 'results F1');
    expect(text).toContain('Only 2 participants answered: with fewer than 3, the shares are not shown');
    expect(text).not.toMatch(/% agree/);
  });
});
