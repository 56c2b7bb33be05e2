import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { es } from '../../src/i18n/es.ts';
import { dateLocales, langFromLocale, t } from '../../src/i18n/index.ts';

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [{ path, value: node }];
}

/** Argument lists to try: numbers, strings and booleans, so every branch (n === 1, plurals, flags) runs. */
function sampleArgs(arity: number): unknown[][] {
  const lists: unknown[][] = [0, 1, 2, 7].map((n) => Array.from({ length: arity }, () => n));
  lists.push(Array.from({ length: arity }, (_, i) => `X${i}`));
  lists.push(Array.from({ length: arity }, () => true));
  lists.push(Array.from({ length: arity }, () => false));
  return lists;
}

const enLeaves = leaves(en);
const byPath = new Map(enLeaves.map((l) => [l.path, l.value]));

describe.each([
  ['fr', fr],
  ['es', es],
] as const)('%s catalogue', (_lang, catalog) => {
  const own = leaves(catalog);

  it('has exactly the keys of en, with the same kinds and arities', () => {
    expect(own.map((l) => l.path).sort()).toEqual(enLeaves.map((l) => l.path).sort());
    for (const { path, value } of own) {
      const ref = byPath.get(path);
      expect(typeof value, path).toBe(typeof ref);
      if (typeof value === 'function') expect(value.length, path).toBe((ref as (...a: unknown[]) => unknown).length);
    }
  });

  it('translates at least 90% of the string leaves', () => {
    const strings = own.filter((l) => typeof l.value === 'string');
    const same = strings.filter((l) => l.value === byPath.get(l.path));
    expect(strings.length).toBeGreaterThan(0);
    expect(same.length / strings.length, same.map((l) => l.path).join(', ')).toBeLessThanOrEqual(0.1);
  });

  it('has non-empty strings and functions that return non-empty strings', () => {
    for (const { path, value } of own) {
      if (typeof value === 'string') {
        expect(value.trim(), path).not.toBe('');
        continue;
      }
      expect(typeof value, path).toBe('function');
      for (const args of sampleArgs((value as (...a: unknown[]) => unknown).length)) {
        const out = (value as (...a: unknown[]) => unknown)(...args);
        expect(typeof out, path).toBe('string');
        expect((out as string).trim(), path).not.toBe('');
        expect(out as string, path).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('keeps command keywords and placeholders of the help texts', () => {
    for (const [key, text] of Object.entries(catalog.help.commands)) {
      const enText = en.help.commands[key as keyof typeof en.help.commands];
      const syntax = enText.split(': ')[0]!;
      expect(text.startsWith(syntax), key).toBe(true);
    }
  });

  it('keeps button labels short', () => {
    const buttons = [
      catalog.ballot.proposeButton,
      catalog.ballot.answerButton,
      catalog.ballot.submitVote,
      catalog.ballot.voteButton(12),
      catalog.home.closeButton,
      catalog.home.remindButton,
      catalog.home.exportButton,
    ];
    for (const label of buttons) expect(label.length, label).toBeLessThanOrEqual(30);
  });
});

describe('t and dateLocales', () => {
  it('returns the catalogue of each language', () => {
    expect(t('en')).toBe(en);
    expect(t('fr')).toBe(fr);
    expect(t('es')).toBe(es);
    expect(dateLocales.fr.code).toBe('fr');
    expect(dateLocales.es.code).toBe('es');
    expect(dateLocales.en.code).toBe('en-GB');
  });
});

describe('langFromLocale', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr', 'fr'],
    ['fr_CA', 'fr'],
    ['es-ES', 'es'],
    ['es_ES', 'es'],
    ['es-419', 'es'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
  ])('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });

  it.each([['de-DE'], [''], ['pt-BR'], ['constructor'], ['__proto__']])('%s → undefined', (locale) => {
    expect(langFromLocale(locale)).toBeUndefined();
  });

  it('handles a missing locale', () => {
    expect(langFromLocale()).toBeUndefined();
    expect(langFromLocale(undefined)).toBeUndefined();
  });
});
