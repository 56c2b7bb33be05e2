import { describe, it, expect, beforeEach } from 'vitest';
import { makeHarness, withRoster, idFrom, cardText, SEC, type Harness } from '../helpers/core.ts';
import type { OutboundMessage } from '../../src/outbound.ts';

const A = 'Managing Migration in Crisis Situations';
const B = 'Families and migration';

function csvOf(reply: OutboundMessage): string {
  return String(reply.file!.content);
}

describe('hidden results stay hidden in the export until the close', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
    id = idFrom(await h.text(SEC, `theme "${A}" "${B}"`));
    await h.text('slack:UMEX1', `vote ${id} 1`);
    await h.text('slack:UKEN1', `vote ${id} 2`);
    await h.text('teams:29:mex2', `vote ${id} 2`);
  });

  it('export of an open hidden recorded poll gives turnout only: who answered, when, from which platform', async () => {
    const [reply] = await h.say(SEC, `export ${id}`);
    expect(cardText(reply.card)).toContain(`Export of ${id}: turnout only, 3 ballots cast`);
    expect(reply.file?.name).toBe(`consult-${id}-turnout.csv`);
    const csv = csvOf(reply);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('consultation,at,action,user,platform,delegation');
    expect(lines.slice(1)).toEqual([
      `${id},2026-12-01T08:00:00.000Z,vote,slack:UMEX1,slack,Mexico`,
      `${id},2026-12-01T08:00:00.000Z,vote,slack:UKEN1,slack,Kenya`,
      `${id},2026-12-01T08:00:00.000Z,vote,teams:29:mex2,teams,Mexico`,
    ]);
    // No option text, no option number: nothing that says who chose what.
    for (const text of [A, B, 'Families', '1.', '2.']) expect(csv).not.toContain(text);
  });

  it('says so in French and Spanish too', async () => {
    const [fr] = await h.say(SEC, `export ${id}`, undefined, 'fr-FR');
    expect(cardText(fr.card)).toMatch(/participation seulement, 3 bulletins déposés .* masqués jusqu'à la clôture/);
    const [es] = await h.say(SEC, `export ${id}`, undefined, 'es-ES');
    expect(cardText(es.card)).toMatch(/solo la participación, 3 papeletas emitidas .* ocultos hasta el cierre/);
    expect(csvOf(es)).not.toContain(A);
  });

  it('after the close the full export has every delegation’s choice, as before', async () => {
    await h.text(SEC, `close ${id} confirm`);
    const [reply] = await h.say(SEC, `export ${id}`);
    expect(reply.file?.name).toBe(`consult-${id}.csv`);
    const csv = csvOf(reply);
    expect(csv).toContain(`slack:UMEX1,slack,Mexico,1. ${A}`);
    expect(csv).toContain(`slack:UKEN1,slack,Kenya,2. ${B}`);
    expect(csv).toContain(`teams:29:mex2,teams,Mexico,2. ${B}`);
  });

  it('a cancelled hidden poll never reaches a close: its export stays turnout only', async () => {
    await h.text(SEC, `cancel ${id} confirm`);
    const [reply] = await h.say(SEC, `export ${id}`);
    expect(csvOf(reply)).not.toContain(A);
    expect(csvOf(reply)).not.toContain(B);
  });

  it('a poll with live results exports its choices while open: they are public on the ballot already', async () => {
    const live = idFrom(await h.text(SEC, `theme "${A}" "${B}" live`));
    await h.text('slack:UKEN1', `vote ${live} 1`);
    const [reply] = await h.say(SEC, `export ${live}`);
    expect(csvOf(reply)).toContain(`Kenya,1. ${A}`);
  });

  it('the App Home offers a turnout export, not a choice-revealing one, for an open hidden poll', async () => {
    const live = idFrom(await h.text(SEC, `theme "${A}" "${B}" live`));
    const { card } = h.consult.homeView(SEC)!;
    const buttons = card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    const exports = buttons.filter((b) => b.command.type === 'export');
    expect(exports.map((b) => [b.label, (b.command as { id: string }).id])).toEqual([
      ['Export turnout', id],
      ['Export', live],
    ]);
    // Pressing it is the same command as typing it: turnout only.
    const [reply] = await h.consult.handle({ actor: { user: SEC } }, { type: 'command', command: exports[0].command });
    expect(reply.file?.name).toBe(`consult-${id}-turnout.csv`);
    expect(csvOf(reply)).not.toContain(A);
  });
});
