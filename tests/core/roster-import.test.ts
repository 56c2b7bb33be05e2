/** The whole membership in one step: `roster import` of CSV lines, all or nothing; export; names in the list. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/directory.ts';
import type { UserId } from '../../src/domain/model.ts';
import { SEC, SLACK_CH, cardText, makeHarness, type Harness } from '../helpers/core.ts';

const HEADER = 'delegation,kind,region,user';

/** A workspace directory as an adapter offers it: these addresses are known, with names. */
function directory(known: Record<string, [UserId, string]>, calls: string[][] = []): Directory {
  return {
    async lookupEmails(emails) {
      calls.push([...emails]);
      const out = new Map();
      for (const e of emails) if (known[e]) out.set(e, { user: known[e][0], name: known[e][1] });
      return out;
    },
    async displayNames(users) {
      const out = new Map<UserId, string>();
      for (const [u, name] of Object.values(known)) if (users.includes(u)) out.set(u, name);
      return out;
    },
  };
}

async function importAs(h: Harness, text: string, dir?: Directory, user = SEC, locale?: string) {
  const out = await h.consult.handle(
    { actor: { user, locale }, channel: SLACK_CH, directory: dir },
    { type: 'text', text },
  );
  await h.consult.idle();
  return out;
}
const textOf = (out: { card: Parameters<typeof cardText>[0] }[]) => out.map((m) => cardText(m.card)).join('\n');

const KNOWN: Record<string, [UserId, string]> = {
  'ana@sre.gob.mx': ['slack:UANA', 'Ana Pérez'],
  'wanjiru@mfa.go.ke': ['slack:UWAN', 'Wanjiru Kamau'],
  'luc@eda.admin.ch': ['slack:ULUC', 'Luc Favre'],
};

const FILE = [
  'roster import',
  HEADER,
  'Mexico,member,Americas,ana@sre.gob.mx',
  'Mexico,member,Americas,teams:29:mex2',
  'Kenya,member,Africa,wanjiru@mfa.go.ke',
  '"Switzerland",member,Europe,Luc@EDA.admin.ch',
  'Holy See,observer-state,Europe,slack:UHOL1',
  'ICRC,observer-org,,nobody-yet@icrc.org',
].join('\n');

describe('roster import', () => {
  it('loads delegations and delegates in one message, resolves e-mails, and importing again changes nothing', async () => {
    const h = await makeHarness();
    const out = await importAs(h, FILE, directory(KNOWN));
    expect(out).toHaveLength(1);
    const summary = textOf(out);
    expect(summary).toContain('Roster imported: 6 lines read.');
    expect(summary).toContain('Delegations: 5 added, 0 updated.');
    expect(summary).toContain('Delegates: 6 added, 0 moved');
    expect(summary).toContain('Member State: 3 delegations, 4 delegates (Africa 1, Americas 1, Europe 1)');
    expect(summary).toContain('Observer Organization: 1 delegation, 1 delegate');
    // The address nobody has yet is kept, named by its line.
    expect(summary).toContain('Line 7: nobody-yet@icrc.org');

    const list = await h.text(SEC, 'roster list');
    expect(list).toContain('Mexico (Americas): Ana Pérez, teams:29:mex2');
    expect(list).toContain('Kenya (Africa): Wanjiru Kamau');
    expect(list).toContain('ICRC: waiting for nobody-yet@icrc.org');
    expect(list.indexOf('Member State (3)')).toBeLessThan(list.indexOf('Observer State (1)'));

    const before = await readFile(join(h.dir, 'meta.json'), 'utf8');
    const again = textOf(await importAs(h, FILE, directory(KNOWN)));
    expect(again).toContain('Nothing changed: the roster already holds all 6 lines of this file.');
    expect(JSON.parse(await readFile(join(h.dir, 'meta.json'), 'utf8'))).toEqual(JSON.parse(before));
  });

  it('refuses the whole file when lines are bad, lists every bad line with its reason, and changes nothing', async () => {
    const h = await makeHarness();
    await importAs(h, FILE, directory(KNOWN));
    const before = await readFile(join(h.dir, 'meta.json'), 'utf8');
    const bad = [
      'roster import',
      HEADER,
      'Peru,member,Americas,slack:UPER1',
      'Chile,membre,Americas,slack:UCHL1',
      'Peru,member,Americas',
      'Argentina,member,Americas,slack:UPER1',
      'Uruguay,member,Americas,not an address',
    ].join('\n');
    const out = await importAs(h, bad, directory(KNOWN));
    expect(out[0].errorCode).toBe('roster');
    const text = textOf(out);
    expect(text).toContain('Nothing was imported: 4 lines need fixing.');
    // Lines are numbered as in the file: the header is line 1.
    expect(text).toContain('Line 3: "membre" is not a kind');
    expect(text).toContain('Line 4: 3 cells where 4 are expected');
    expect(text).toContain('Line 5: this user is already listed for Peru on line 2.');
    expect(text).toContain('Line 6: "not an address" is not a user');
    expect(await readFile(join(h.dir, 'meta.json'), 'utf8')).toBe(before);
    expect(await h.text(SEC, 'roster list')).not.toContain('Peru');
  });

  it('answers in the secretariat’s language', async () => {
    const h = await makeHarness();
    const text = textOf(
      await importAs(h, `roster import\n${HEADER}\nChile,miembro,,slack:U1`, undefined, SEC, 'es-ES'),
    );
    expect(text).toContain('No se importó nada: 1 línea debe corregirse.');
    expect(text).toContain('Línea 2: "miembro" no es un tipo');
    const fr = textOf(await importAs(h, `roster import\nnom,type\n`, undefined, SEC, 'fr-FR'));
    expect(fr).toContain("Ligne 1 : la première ligne doit être l'en-tête delegation,kind,region,user.");
  });

  it('moves a delegate the file lists under another delegation, and updates a delegation’s region', async () => {
    const h = await makeHarness();
    await importAs(h, FILE, directory(KNOWN));
    const text = textOf(
      await importAs(h, `roster import\n${HEADER}\nKenya,member,East Africa,teams:29:mex2`, directory(KNOWN)),
    );
    expect(text).toContain('Delegations: 0 added, 1 updated.');
    expect(text).toContain('Delegates: 0 added, 1 moved');
    const list = await h.text(SEC, 'roster list');
    expect(list).toContain('Mexico (Americas): Ana Pérez\n');
    expect(list).toContain('Kenya (East Africa): Wanjiru Kamau, teams:29:mex2');
  });

  it('matches an address imported before the person ever wrote, the first time they write', async () => {
    const h = await makeHarness();
    await importAs(h, FILE, directory(KNOWN));
    await h.say(SEC, 'theme "A" "B" eligible all');
    const reply = await h.consult.handle(
      { actor: { user: 'teams:29:icrc', email: 'Nobody-Yet@ICRC.org', name: 'Marie Dubois' }, channel: SLACK_CH },
      { type: 'text', text: 'vote T1 1' },
    );
    expect(textOf(reply)).toContain('Vote recorded for ICRC');
    const list = await h.text(SEC, 'roster list');
    expect(list).toContain('ICRC: Marie Dubois');
    expect(list).not.toContain('waiting for');
  });

  it('gives the roster back as the same CSV, which imports without change', async () => {
    const h = await makeHarness();
    await importAs(h, FILE, directory(KNOWN));
    const [out] = await h.say(SEC, 'roster export');
    expect(out.file?.name).toBe('roster.csv');
    const csv = String(out.file?.content);
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(csv).toContain('Mexico,member,Americas,slack:UANA\r\n');
    expect(csv).toContain('ICRC,observer-org,,nobody-yet@icrc.org\r\n');
    expect(textOf(await importAs(h, `roster import\n${csv}`))).toContain('Nothing changed');
  });

  it('is for the secretariat only', async () => {
    const h = await makeHarness();
    const out = await importAs(h, FILE, directory(KNOWN), 'slack:UANA');
    expect(out[0].errorCode).toBe('not-secretariat');
    expect((await h.say('slack:UANA', 'roster export'))[0].errorCode).toBe('not-secretariat');
    expect(h.consult.store.meta().delegations).toHaveLength(0);
  });

  it('opens a form to paste the lines into when `roster import` comes alone', async () => {
    const h = await makeHarness();
    const [out] = await h.say(SEC, 'roster import');
    const form = out.card.blocks.find((b) => b.type === 'form');
    expect(form && form.type === 'form' && form.form.submit.action).toEqual({ type: 'roster-import', id: 'roster' });
    const done = await h.consult.handle(
      { actor: { user: SEC }, channel: SLACK_CH },
      {
        type: 'form',
        submit: {
          action: { type: 'roster-import', id: 'roster' },
          values: { csv: `${HEADER}\nPeru,member,,slack:UP` },
        },
      },
    );
    expect(textOf(done)).toContain('Roster imported: 1 lines read.');
  });
});

describe('one command per message', () => {
  it('refuses several commands pasted on several lines, and runs none of them', async () => {
    const h = await makeHarness();
    const out = await h.say(SEC, 'roster add slack:U1 "Peru" member\nroster add slack:U2 "Chile" member');
    expect(out[0].errorCode).toBe('parse');
    expect(cardText(out[0].card)).toContain('One command per message, please (or use roster import');
    const theme = await h.say(SEC, 'theme "A" "B"\nclose T1');
    expect(cardText(theme[0].card)).toContain('One command per message');
    expect(h.consult.store.all()).toHaveLength(0);
    expect(h.consult.store.meta().delegations).toHaveLength(0);
  });

  it('points CSV lines sent without the command to roster import', async () => {
    const h = await makeHarness();
    const out = await h.say(SEC, `${HEADER}\nPeru,member,,slack:U1`);
    expect(cardText(out[0].card)).toContain('start the message with roster import on its own line');
  });
});
