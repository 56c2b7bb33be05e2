import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSimilar, loadHistory } from '../../src/domain/history.ts';

const history = loadHistory();

describe('loadHistory', () => {
  it('loads the shipped record 2001-2014 and caches it', () => {
    expect(history.years.map((y) => y.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2001 + i));
    expect(history.years.find((y) => y.year === 2008)?.notChosen?.themes).toEqual([
      'Mainstreaming Gender into Migration Management',
    ]);
    expect(loadHistory()).toBe(history);
  });

  it('refuses a malformed file with its path in the message', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hist-')), 'bad.json');
    writeFileSync(path, JSON.stringify({ source: 'x', years: [{ year: 'MMVIII' }] }));
    expect(() => loadHistory(path)).toThrow(/invalid history file .*bad\.json/);
  });
});

describe('findSimilar', () => {
  it('finds the 2008 theme for an exact title, first and with score 1', () => {
    const [best] = findSimilar('Return migration: challenges and opportunities', history);
    expect(best).toEqual({
      year: 2008,
      title: 'Return Migration: Challenges and Opportunities',
      kind: 'theme',
      score: 1,
    });
  });

  it('ignores case, accents and punctuation', () => {
    const [best] = findSimilar('  RÉTURN   migration -- Challenges & OPPORTUNITIES!', history);
    expect(best).toMatchObject({ year: 2008, kind: 'theme', score: 1 });
  });

  it('finds the 2005 workshop for "Migration and Development"', () => {
    const [best] = findSimilar('Migration and Development', history);
    expect(best).toMatchObject({ year: 2005, title: 'Migration and Development', kind: 'workshop', score: 1 });
  });

  it('finds 2008 for a title contained in it', () => {
    const matches = findSimilar('Return Migration', history);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.year === 2008)).toBe(true);
    expect(matches.some((m) => m.kind === 'theme')).toBe(true);
  });

  it('flags proposals that were offered but not chosen', () => {
    const matches = findSimilar('Families and Migration', history);
    expect(matches).toContainEqual({
      year: 2012,
      title: 'Families and migration',
      kind: 'theme',
      notChosen: true,
      score: 1,
    });
    expect(matches).toContainEqual(
      expect.objectContaining({ year: 2014, title: 'Migration and Families', kind: 'workshop' }),
    );
  });

  it('flags a partial overlap with a past workshop', () => {
    expect(findSimilar('Climate change and human mobility', history)[0]).toMatchObject({
      year: 2011,
      kind: 'workshop',
    });
  });

  it('matches nothing for a new subject, nor on "migration" or generic words alone', () => {
    expect(findSimilar('Digital identity for refugees', history)).toEqual([]);
    expect(findSimilar('Migration', history)).toEqual([]);
    expect(findSimilar('Migration: challenges and opportunities', history)).toEqual([]);
    expect(findSimilar('', history)).toEqual([]);
  });
});
