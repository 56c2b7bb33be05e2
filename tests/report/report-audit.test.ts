/** Generating a report is part of the consultation's record: who asked for it, when, in which languages. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { idFrom, makeHarness, SEC, withRoster, type Harness } from '../helpers/core.ts';
import { pdfOf, pdfText } from './support.ts';

/** The audit trail as it lies on disk, one JSON entry a line. */
async function trailOnDisk(h: Harness, id: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(h.dir, 'consultations', `${id}.audit.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe('report: the audit entry', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
    id = idFrom(await h.text(SEC, 'theme "Labour mobility" "Migration and health"'));
    await h.text('slack:UMEX1', `vote ${id} 1`);
    await h.text('slack:UKEN1', `vote ${id} 2`);
    await h.text(SEC, `close ${id} confirm`);
  });

  it('report T1 all records who asked, when and the three languages, right after the head hash the PDF states', async () => {
    h.clock.set('2026-12-03T14:30:00Z');
    const [reply] = await h.say(SEC, `report ${id} all`);
    const text = await pdfText(pdfOf(reply));
    const head = /Head hash: ([0-9a-f]{64})/.exec(text)![1];

    const trail = await trailOnDisk(h, id);
    const entry = trail.at(-1)!;
    expect(entry).toMatchObject({
      at: '2026-12-03T14:30:00.000Z',
      by: SEC,
      platform: 'slack',
      action: 'report',
      detail: 'en fr es',
    });
    // The PDF states the trail as it was when written; its report entry is chained right after it.
    expect(entry.prev).toBe(head);
    // It survives a restart, with the chain verified at load.
    const again = await h.restart();
    expect(again.consult.store.get(id)!.audit.at(-1)).toMatchObject({ action: 'report', detail: 'en fr es' });
  });

  it('report T1 in French records "fr" only; each report is a new entry', async () => {
    await h.text(SEC, 'lang fr');
    await h.say(SEC, `report ${id}`);
    await h.say(SEC, `report ${id}`);
    const reports = (await trailOnDisk(h, id)).filter((e) => e.action === 'report');
    expect(reports.map((e) => e.detail)).toEqual(['fr', 'fr']);
  });

  it('a refused report (a delegate, or before the close) adds nothing to the trail', async () => {
    const before = await readFile(join(h.dir, 'consultations', `${id}.audit.jsonl`), 'utf8');
    expect(await h.text('slack:UKEN1', `report ${id}`)).toMatch(/secretariat/i);
    expect(await readFile(join(h.dir, 'consultations', `${id}.audit.jsonl`), 'utf8')).toBe(before);

    const open = idFrom(await h.text(SEC, 'theme "Diaspora" "Return"'));
    const openBefore = await readFile(join(h.dir, 'consultations', `${open}.audit.jsonl`), 'utf8');
    const [refusal] = await h.say(SEC, `report ${open}`);
    expect(refusal.file).toBeUndefined();
    expect(await readFile(join(h.dir, 'consultations', `${open}.audit.jsonl`), 'utf8')).toBe(openBefore);
  });
});
