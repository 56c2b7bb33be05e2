/**
 * Look-alike options: a proposal that reads like an option already on the ballot is that option.
 * Texts are compared after NFKC, without invisible and bidi control characters, with confusable
 * letters folded (Cyrillic "а" is Latin "a"), so nobody can split the votes of "Labour" with a
 * second "Labour". Accents are seen, so they still make two options.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { optionKey } from '../../src/domain/look-alike.ts';
import { cardText, idFrom, makeHarness, SEC, withRoster, type Harness } from '../helpers/core.ts';

/** Every file of the store, by name, as bytes on disk. */
async function storeFiles(h: Harness): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name), `${prefix}${e.name}/`);
      else if (!e.name.endsWith('.lock')) out[`${prefix}${e.name}`] = await readFile(join(dir, e.name), 'utf8');
    }
  };
  await walk(h.dir, '');
  return out;
}

const CYRILLIC_A = '\u0430';

describe('look-alike options in a topics shortlist', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
    id = idFrom(await h.text(SEC, 'topics "Labour" "Migration and health" "Migracion" "Climate"'));
  });

  it(`a proposal "L${CYRILLIC_A}bour" (Cyrillic а) beside "Labour" is refused with "already an option: 1. Labour", in en, fr and es, and changes nothing on disk`, async () => {
    const before = await storeFiles(h);
    const proposal = `propose ${id} "L${CYRILLIC_A}bour"`;
    const [en] = await h.say('slack:UKEN1', proposal);
    expect(en.errorCode).toBe('invalid');
    expect(cardText(en.card)).toContain('That is already an option: 1. Labour.');
    expect(cardText(en.card)).toContain('Nothing was added.');
    const [fr] = await h.say('slack:UKEN1', proposal, undefined, 'fr-FR');
    expect(cardText(fr.card)).toContain("C'est déjà une option : 1. Labour.");
    expect(cardText(fr.card)).toContain(t('fr').problems.duplicateOption(1, 'Labour'));
    const [es] = await h.say('slack:UKEN1', proposal, undefined, 'es-ES');
    expect(cardText(es.card)).toContain(t('es').problems.duplicateOption(1, 'Labour'));
    expect(cardText(es.card)).toContain('Ya es una opción: 1. Labour.');

    // The consultation and its audit trail are byte for byte as they were (meta.json learns the
    // languages the platform reported for this user, as for any request).
    const after = await storeFiles(h);
    for (const name of Object.keys(before).filter((n) => n.startsWith('consultations/')))
      expect(after[name], name).toBe(before[name]);
    const withoutPrefs = (meta: string) => ({ ...JSON.parse(meta), prefs: undefined });
    expect(withoutPrefs(after['meta.json'])).toEqual(withoutPrefs(before['meta.json']));
    expect(h.consult.store.get(id)!.options.map((o) => o.text)).toEqual([
      'Labour',
      'Migration and health',
      'Migracion',
      'Climate',
    ]);
  });

  it('zero-width, soft-hyphen, bidi-control, fullwidth, capital and digit variants of "Labour" are refused too', async () => {
    const before = await storeFiles(h);
    const variants = [
      'La\u200bbour', // zero-width space
      'Lab\u00adour', // soft hyphen
      'Lab\u200dour', // zero-width joiner
      '\ufeffLabour', // byte order mark
      '\u2067Labour\u2069', // right-to-left isolate around it
      'Labour\u200f', // right-to-left mark
      'La\u202ebour\u202c', // right-to-left override inside
      '\uff2c\uff41\uff42\uff4f\uff55\uff52', // fullwidth "Ｌａｂｏｕｒ"
      'LABOUR',
      '  labour! ',
      'Iabour', // capital I for l
      `L${CYRILLIC_A}b\u043eur`, // Cyrillic а and о
    ];
    for (const text of variants) {
      const [reply] = await h.say('slack:UKEN1', `propose ${id} "${text}"`);
      expect(reply.errorCode, JSON.stringify(text)).toBe('invalid');
      expect(cardText(reply.card), JSON.stringify(text)).toContain('already an option: 1. Labour');
    }
    expect(await storeFiles(h)).toEqual(before);
  });

  it('a text that a bidi override would show as another is stored without the override: what is seen is what was compared', async () => {
    // "\u202eruobaL" is shown as "Labour" by a bidi-aware renderer, but holds "ruobaL".
    const reply = await h.text('slack:UKEN1', `propose ${id} "\u202eruobaL"`);
    expect(reply).toContain('Option 5 added');
    const option = h.consult.store.get(id)!.options[4];
    expect(option.text).toBe('ruobaL');
    const file = await readFile(join(h.dir, 'consultations', `${id}.json`), 'utf8');
    expect(file).not.toMatch(/\u202e|\\u202e/i);
  });

  it('accents are not look-alikes: "Migración" beside "Migracion" is accepted; options in other scripts stay distinct', async () => {
    expect(await h.text('slack:UKEN1', `propose ${id} "Migración"`)).toContain('Option 5 added');
    // Two different Arabic options, then two different Chinese ones: letters of every script count.
    expect(await h.text('slack:UMEX1', `propose ${id} "الهجرة والتنمية"`)).toContain('Option 6 added');
    expect(await h.text('slack:UMEX1', `propose ${id} "الهجرة والصحة"`)).toContain('Option 7 added');
    expect(await h.text('slack:UPHL1', `propose ${id} "移民与发展"`)).toContain('Option 8 added');
    expect(await h.text('slack:UPHL1', `propose ${id} "移民与健康"`)).toContain('Option 9 added');
    expect(h.consult.store.get(id)!.options.map((o) => o.text)).toEqual([
      'Labour',
      'Migration and health',
      'Migracion',
      'Climate',
      'Migración',
      'الهجرة والتنمية',
      'الهجرة والصحة',
      '移民与发展',
      '移民与健康',
    ]);
    // …and the same Arabic text again, with a right-to-left mark, is a duplicate.
    const [dup] = await h.say('teams:29:che1', `propose ${id} "\u200fالهجرة والصحة"`);
    expect(dup.errorCode).toBe('invalid');
    expect(cardText(dup.card)).toContain('already an option: 7. الهجرة والصحة');
  });

  it('a withdrawn option no longer blocks its look-alike', async () => {
    expect(await h.text('slack:UKEN1', `propose ${id} "Diaspora"`)).toContain('Option 5 added');
    await h.text(SEC, `withdraw ${id} 5`);
    expect(await h.text('slack:UMEX1', `propose ${id} "Di${CYRILLIC_A}spora"`)).toContain('Option 6 added');
  });

  it('a proposal with nothing readable left (only invisible characters) is refused', async () => {
    const before = await storeFiles(h);
    const [reply] = await h.say('slack:UKEN1', `propose ${id} "\u200b\u202e"`);
    expect(reply.errorCode).toBe('invalid');
    expect(cardText(reply.card)).toContain(t('en').problems.emptyOption);
    expect(await storeFiles(h)).toEqual(before);
  });
});

describe('look-alike options at launch', () => {
  it('theme "Labour" "Lаbour" is refused in en, fr and es and creates nothing', async () => {
    const h = await makeHarness();
    const before = await storeFiles(h);
    const counters = h.consult.store.meta().counters;
    for (const [locale, lang] of [
      ['en-GB', 'en'],
      ['fr-FR', 'fr'],
      ['es-ES', 'es'],
    ] as const) {
      const [reply] = await h.say(SEC, `theme "Labour" "L${CYRILLIC_A}bour"`, undefined, locale);
      expect(reply.errorCode).toBe('invalid');
      expect(cardText(reply.card)).toContain(t(lang).problems.lookAlikeOptions(1, 2));
    }
    expect(
      cardText((await h.say(SEC, `topics "A" "Labour" "B" "La\u200bbour"`, undefined, 'en-GB'))[0].card),
    ).toContain('Options 2 and 4 are the same option');
    expect(h.consult.store.all()).toEqual([]);
    expect(Object.keys(await storeFiles(h)).filter((n) => n.startsWith('consultations/'))).toEqual([]);
    expect(Object.keys(before).filter((n) => n.startsWith('consultations/'))).toEqual([]);
    expect(h.consult.store.meta().counters).toEqual(counters);
    // Distinct options still launch, accents included.
    expect(await h.text(SEC, 'theme "Migración" "Migracion"')).toMatch(/T1/);
  });
});

describe('look-alike options across languages', () => {
  it('an option is the same in each of its languages: a launch or a proposal matching a translation is refused', async () => {
    const h = await makeHarness();
    await withRoster(h);
    const [launch] = await h.say(SEC, 'theme "Return" fr:"Retour" es:"Retorno" "Retour"');
    expect(cardText(launch.card)).toContain(t('en').problems.lookAlikeOptions(1, 2));
    expect(h.consult.store.all()).toEqual([]);

    const id = idFrom(await h.text(SEC, 'topics "Return" fr:"Retour" "Diaspora" "Health"'));
    const [dup] = await h.say('slack:UKEN1', `propose ${id} "R\u0435tour"`); // Cyrillic е
    expect(dup.errorCode).toBe('invalid');
    expect(cardText(dup.card)).toContain('already an option: 1. Return.');
    // A translation is cleaned of bidi controls like the text it translates.
    const other = idFrom(await h.text(SEC, 'topics "A" "B" fr:"\u202eB-fr" "C"'));
    expect(h.consult.store.get(other)!.options[1].tr).toEqual({ fr: 'B-fr' });
  });
});

describe('the comparison key', () => {
  it('folds what looks alike and keeps what is seen', () => {
    expect(optionKey(`L${CYRILLIC_A}bour`)).toBe(optionKey('Labour'));
    expect(optionKey('\ufb01nance')).toBe(optionKey('finance')); // the ligature "ﬁ"
    expect(optionKey('Migración')).not.toBe(optionKey('Migracion'));
    expect(optionKey('мои')).not.toBe(optionKey('мой'));
    expect(optionKey('🌍')).not.toBe(optionKey('🌱'));
  });
});
