/**
 * Valid JSON with values that make no sense is refused at start, naming the file, the field and
 * the problem, and the file is left byte for byte; ids like `constructor` or `__proto__` are names
 * like any other.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyMeta } from '../../src/domain/model.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { StoreLoadError } from '../../src/store/store.ts';
import { makeConsultation, snapshot, tempStoreDir } from './factory.ts';
import { cardText, idFrom, makeHarness, SEC } from '../helpers/core.ts';

let dir: string;
beforeEach(async () => {
  dir = await tempStoreDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const consultationFile = (id: string) => join(dir, 'consultations', `${id}.json`);

async function seed(meta = emptyMeta(), ...consultations: ReturnType<typeof makeConsultation>[]) {
  const store = createFileStore({ dir });
  await store.open();
  await store.updateMeta((m) => Object.assign(m, meta));
  for (const c of consultations) await store.create(c);
  await store.close();
}

async function expectRefusal(file: string, field: string, problem: RegExp) {
  const before = await snapshot(dir);
  const err = await createFileStore({ dir })
    .open()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(StoreLoadError);
  const e = err as StoreLoadError;
  expect(e.file).toBe(file);
  expect(e.problem).toContain(`at ${field}:`);
  expect(e.problem).toMatch(problem);
  expect(await snapshot(dir)).toEqual(before); // byte for byte, and nothing added or removed
}

async function editConsultation(id: string, edit: (c: Record<string, any>) => void) {
  const c = JSON.parse(await readFile(consultationFile(id), 'utf8'));
  edit(c);
  await writeFile(consultationFile(id), JSON.stringify(c, null, 2));
}

describe('semantic validation at start', () => {
  it('refuses a deadline that is not a date (it would never close and the scheduler would spin)', async () => {
    await seed(emptyMeta(), makeConsultation());
    await editConsultation('T1', (c) => (c.closesAt = '2026-13-45T25:00:00.000Z'));
    await expectRefusal(consultationFile('T1'), 'closesAt', /"2026-13-45T25:00:00.000Z" is not a date and time/);
  });

  it('refuses an impossible calendar day, and a deadline before the opening', async () => {
    await seed(emptyMeta(), makeConsultation());
    await editConsultation('T1', (c) => (c.openedAt = '2026-02-30T10:00:00.000Z'));
    await expectRefusal(consultationFile('T1'), 'openedAt', /is not a date and time/);
    await editConsultation('T1', (c) => {
      c.openedAt = '2026-03-01T10:00:00.000Z';
      c.closesAt = '2026-02-01T10:00:00.000Z';
    });
    await expectRefusal(consultationFile('T1'), 'closesAt', /before openedAt/);
  });

  it('refuses duplicate delegation ids in meta.json (one vote would count for two)', async () => {
    const meta = emptyMeta();
    meta.delegations.push(
      { id: 'mexico', name: 'Mexico', kind: 'member', delegates: ['slack:UMEX1'] },
      { id: 'kenya', name: 'Kenya', kind: 'member', delegates: ['slack:UKEN1'] },
      { id: 'mexico', name: 'Mexico (2)', kind: 'member', delegates: ['slack:UMEX2'] },
    );
    await writeFile(join(dir, 'meta.json'), JSON.stringify(meta));
    await expectRefusal(join(dir, 'meta.json'), 'delegations.2.id', /delegation id "mexico" is used twice/);
  });

  it('refuses a user who is a delegate of two delegations', async () => {
    const meta = emptyMeta();
    meta.delegations.push(
      { id: 'mexico', name: 'Mexico', kind: 'member', delegates: ['slack:U1'] },
      { id: 'kenya', name: 'Kenya', kind: 'member', delegates: ['slack:U1'] },
    );
    await writeFile(join(dir, 'meta.json'), JSON.stringify(meta));
    await expectRefusal(join(dir, 'meta.json'), 'delegations.1.delegates.0', /delegate of both "mexico" and "kenya"/);
  });

  it('refuses duplicate option numbers and a ballot for an option that does not exist', async () => {
    await seed(emptyMeta(), makeConsultation());
    await editConsultation('T1', (c) => (c.options[1].n = 1));
    await expectRefusal(consultationFile('T1'), 'options.1.n', /option 1 appears twice/);
    await editConsultation('T1', (c) => {
      c.options[1].n = 2;
      c.ballots.mexico = { choices: [7] };
    });
    await expectRefusal(consultationFile('T1'), 'ballots.mexico.choices', /option 7 does not exist/);
  });

  it('checks a ballot keyed `__proto__` or `constructor` like any other, instead of dropping it', async () => {
    await seed(emptyMeta(), makeConsultation());
    await editConsultation('T1', (c) => {
      c.ballots = JSON.parse('{"constructor": {"choices": [1]}, "__proto__": {"choices": [9]}}');
    });
    await expectRefusal(consultationFile('T1'), 'ballots.__proto__.choices', /option 9 does not exist/);
    await editConsultation('T1', (c) => {
      c.ballots = JSON.parse('{"constructor": {"choices": [1]}, "__proto__": {"choices": [2]}}');
    });
    const store = createFileStore({ dir });
    await store.open();
    expect(Object.keys(store.get('T1')!.ballots).sort()).toEqual(['__proto__', 'constructor']);
    expect(store.get('T1')!.ballots.__proto__.choices).toEqual([2]);
    await store.close();
  });

  it('never writes a consultation it would refuse to load', async () => {
    const store = createFileStore({ dir });
    await store.open();
    await expect(store.create(makeConsultation({ closesAt: 'tomorrow' }))).rejects.toThrow(/closesAt/);
    expect(store.get('T1')).toBeUndefined();
    await store.close();
  });
});

describe('ids are names like any other', () => {
  it('a delegation called Constructor, Prototype or __proto__ has not answered until it votes, and its vote counts once', async () => {
    const h = await makeHarness();
    for (const [user, name] of [
      ['slack:UMEX1', 'Mexico'],
      ['slack:UCON1', 'Constructor'],
      ['slack:UPRO1', 'Prototype'],
      ['slack:UTOS1', 'toString'],
    ]) {
      expect(await h.text(SEC, `roster add ${user} "${name}" member "Europe"`)).toMatch(/votes for/);
    }
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    await h.text('slack:UMEX1', `vote ${id} 1`);
    expect(await h.text(SEC, `status ${id}`)).toMatch(/Turnout so far: 1 of 4 delegations/);
    await h.text('slack:UCON1', `vote ${id} 2`);
    await h.text('slack:UCON1', `vote ${id} 1`);
    expect(await h.text(SEC, `status ${id}`)).toMatch(/Turnout so far: 2 of 4 delegations/);
    const reopened = await h.restart();
    expect(await reopened.text(SEC, `status ${id}`)).toMatch(/Turnout so far: 2 of 4 delegations/);
    await reopened.consult.stop();
  });

  it('typing constructor, __proto__, prototype or toString gets the "not a command" reply', async () => {
    const h = await makeHarness();
    for (const word of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty']) {
      const [reply] = await h.say('slack:UANY', word);
      expect(reply.errorCode).toBe('parse');
      expect(cardText(reply.card)).toContain(`"${word}" is not a command. Type help for the list.`);
    }
    await h.consult.stop();
  });
});
