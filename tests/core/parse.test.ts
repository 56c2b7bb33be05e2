import { describe, it, expect } from 'vitest';
import { parseCommand } from '../../src/commands/parse.ts';
import { ConsultError } from '../../src/errors.ts';
import { t } from '../../src/i18n/index.ts';
import { errorText } from '../../src/views/problem-text.ts';

const error = (text: string, lang: 'en' | 'fr' | 'es' = 'en') => {
  try {
    parseCommand(text);
  } catch (e) {
    if (e instanceof ConsultError) return errorText({ t: t(lang), lang, zone: 'Europe/Zurich' }, e);
  }
  throw new Error(`no error for ${text}`);
};

describe('the command parser', () => {
  it('reads launches with quoted options and options in any order', () => {
    expect(parseCommand('theme "A b" “C d” deadline 2026-12-07 live eligible all secret quorum 50%')).toEqual({
      type: 'theme',
      options: ['A b', 'C d'],
      deadline: '2026-12-07',
      live: true,
      eligible: 'all',
      secret: true,
      quorum: 0.5,
    });
    expect(parseCommand('topics «A» «B» «C» select 1')).toMatchObject({
      type: 'topics',
      options: ['A', 'B', 'C'],
      select: 1,
    });
    expect(parseCommand('survey t3 deadline 14d')).toEqual({ type: 'survey', from: 'T3', deadline: '14d' });
    expect(parseCommand('feedback "Workshop" participants 230')).toMatchObject({
      type: 'feedback',
      workshop: 'Workshop',
      participants: 230,
    });
  });

  it('reads votes, combinations, roster edits with platform ids (adapters turn mentions into ids first)', () => {
    expect(parseCommand('vote W2 1, 3')).toEqual({ type: 'vote', id: 'W2', choices: [1, 3] });
    expect(parseCommand('vote w2 1 + 3')).toEqual({ type: 'vote', id: 'W2', choices: [], combine: [1, 3] });
    expect(parseCommand('roster add slack:U0MEX "Mexico" member Americas')).toEqual({
      type: 'roster-add',
      user: 'slack:U0MEX',
      delegation: 'Mexico',
      kind: 'member',
      region: 'Americas',
    });
    expect(parseCommand('roster add teams:29:1abc "Holy See" observer-state')).toMatchObject({
      user: 'teams:29:1abc',
      kind: 'observer-state',
    });
    expect(parseCommand('')).toEqual({ type: 'help' });
  });

  it('reads no platform syntax: a raw mention is not a user', () => {
    expect(() => parseCommand('roster add <@U0MEX|maria> "Mexico" member Americas')).toThrow(/bad-user/);
  });

  it('says what was wrong and how to write it', () => {
    expect(error('theme lang fr')).toMatch(
      /^At least 1 options are needed, each in double quotes. Write it like this: theme "A" "B" \[deadline D\]/,
    );
    // Typed alone, a launch word opens the launch form instead (commands/launch-form.ts).
    expect(parseCommand('theme')).toEqual({ type: 'launch-form', kind: 'theme' });
    expect(parseCommand('silence')).toEqual({ type: 'launch-form', kind: 'silence' });
    expect(error('vote T1')).toContain('Choose at least one option');
    expect(error('frobnicate')).toBe('"frobnicate" is not a command. Type help for the list.');
    expect(error('theme "A" "B" deadline')).toContain('is not a deadline');
    expect(error('theme "A')).toContain('A quote is not closed');
    expect(error('roster add bob "Mexico" member')).toContain('"bob" is not a user');
    expect(error('lang de', 'fr')).not.toBe(error('lang de', 'en'));
  });
});
