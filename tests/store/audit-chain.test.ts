/**
 * The audit trail is a hash chain: a line edited, removed or moved by hand is found at start,
 * which refuses naming the line; `npm run verify-store` reports the same offline; the results
 * and the export show the head hash that verify-store prints.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/store/file-store.ts';
import { StoreLoadError } from '../../src/store/store.ts';
import { ROOT } from '../../bench/lib/proc.ts';
import { cardText, idFrom, makeHarness, SEC, withRoster } from '../helpers/core.ts';
import { snapshot } from './factory.ts';

function verifyStore(dir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'verify-store.ts'), dir],
      { cwd: ROOT },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
}

/** A closed poll with a launch, four votes and a close: six lines of trail. */
async function closedPoll() {
  const h = await makeHarness();
  await withRoster(h);
  const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
  for (const user of ['slack:UMEX1', 'slack:UKEN1', 'slack:UPHL1', 'teams:29:che1']) await h.text(user, `vote ${id} 1`);
  await h.text(SEC, `close ${id} confirm`);
  return { h, id, log: join(h.dir, 'consultations', `${id}.audit.jsonl`) };
}

async function expectRefusal(dir: string, log: string, problem: RegExp): Promise<void> {
  const before = await snapshot(dir);
  const err = await createFileStore({ dir })
    .open()
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StoreLoadError);
  expect((err as StoreLoadError).file).toBe(log);
  expect((err as StoreLoadError).problem).toMatch(problem);
  expect(await snapshot(dir)).toEqual(before);
  const verified = await verifyStore(dir);
  expect(verified.code).toBe(1);
  expect(verified.out).toContain(log);
  expect(verified.out).toMatch(problem);
}

const lines = async (log: string) => (await readFile(log, 'utf8')).trimEnd().split('\n');
const write = (log: string, l: string[]) => writeFile(log, `${l.join('\n')}\n`);

describe('the tamper-evident audit trail', () => {
  it('the results post, the export and verify-store show the same head hash', async () => {
    const { h, id } = await closedPoll();
    const head = h.consult.store.get(id)!.auditHead!;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    const results = h.sent.find((m) => m.purpose === 'results')!;
    expect(cardText(results.card)).toContain(`Audit trail: 6 entries, head hash (SHA-256) ${head}`);
    const [exported] = await h.say(SEC, `export ${id}`);
    const exportHead = h.consult.store.get(id)!.auditHead!; // the export is itself an entry of the trail
    const csv = String(exported.file!.content).trimEnd().split('\r\n');
    expect(csv.at(-1)).toBe(`audit head (SHA-256),${exportHead},7 entries`);
    await h.consult.stop();
    await h.consult.store.close();
    const verified = await verifyStore(h.dir);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`${id}: ok, 7 audit entries, head ${exportHead}`);
  });

  it('an edited line: start refuses naming it, the file is unchanged, verify-store says the same', async () => {
    const { h, log } = await closedPoll();
    await h.consult.stop();
    await h.consult.store.close();
    const l = await lines(log);
    l[2] = l[2].replace('"choices":[1]', '"choices":[2]');
    await write(log, l);
    await expectRefusal(h.dir, log, /line 4 of its audit trail does not follow line 3: line 3 was changed/);
  });

  it('a removed line, two swapped lines, and an edited last line are each found', async () => {
    const { h, log } = await closedPoll();
    await h.consult.stop();
    await h.consult.store.close();
    const original = await lines(log);

    await write(log, [...original.slice(0, 2), ...original.slice(3)]);
    await expectRefusal(h.dir, log, /line 3 of its audit trail does not follow line 2/);

    const swapped = [...original];
    [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
    await write(log, swapped);
    await expectRefusal(h.dir, log, /line 4 of its audit trail does not follow line 3/);

    const last = [...original];
    last[5] = last[5].replace('"close"', '"share"');
    await write(log, last);
    await expectRefusal(h.dir, log, /line 6 of its audit trail \(the last\) was changed/);

    await write(log, original);
    expect((await verifyStore(h.dir)).code).toBe(0);
  });
});
