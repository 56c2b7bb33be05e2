/** Commands and limits are declared once: what the parser makes is what the schema accepts, and no limit is restated. */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCommand } from '../../src/commands/parse.ts';
import { CommandSchema } from '../../src/commands/command-schema.ts';
import { MAX_CHOICES, MAX_OPTIONS, MAX_PARTICIPANTS, MAX_REGION, MAX_TEXT } from '../../src/domain/limits.ts';
import type { ConsultError } from '../../src/errors.ts';
import { en } from '../../src/i18n/en.ts';
import { errorText } from '../../src/views/problem-text.ts';

const TYPED = [
  'help',
  'help vote',
  'theme "Labour migration" "Return migration" deadline 7d live eligible all quorum 50% proposals 2 lang fr',
  'theme "Adopt the theme?" single',
  'theme "Return migration" fr:"Migration de retour" es:"Migración de retorno" "Labour migration"',
  'topics "A" "B" "C" select 2 secret',
  'survey T1 deadline 2026-12-20',
  'survey "Which day?" "Monday" "Tuesday"',
  'feedback "Workshop on health" participants 30 statement "It was useful" live',
  'feedback "Workshop" participants slack:U1,slack:U2',
  'propose T1 "Migration and climate"',
  'vote T1 2',
  'vote W1 1,3',
  'vote W1 1+2',
  'vote T1 abstain',
  'answer F1 5 4 0',
  'share T1',
  'status',
  'status T1',
  'results T1',
  'close T1',
  'close T1 confirm',
  'cancel T1 confirmer',
  'extend T1 2026-12-24',
  'remind T1',
  'export T1',
  'report T1 all',
  'history',
  'roster add slack:U1 "Mexico" member "Americas"',
  'roster remove slack:U1',
  'roster list',
  'roster export',
  'roster import',
  'lang es',
  'withdraw T1 3',
  'withdraw SP1',
  'merge T1 1 4',
  'silence "The theme is adopted." deadline 2026-12-24 eligible all lang fr',
  'object SP1 "Not yet"',
];

describe('commands declared once', () => {
  it.each(TYPED)('what the parser makes of %s is exactly what the command schema accepts', (typed) => {
    const command = parseCommand(typed);
    expect(CommandSchema.parse(command)).toEqual(command);
  });

  it('a written survey takes no `select` (it is single choice): refused rather than silently dropped', () => {
    let said = '';
    try {
      parseCommand('survey "Which day?" "Monday" "Tuesday" select 2');
    } catch (err) {
      said = errorText({ t: en, lang: 'en', zone: 'Europe/Zurich' }, err as ConsultError);
    }
    expect(said).toMatch(/I did not understand "select"/);
  });

  it('a schema-checked button command and a typed one are the same value', () => {
    expect(CommandSchema.parse({ type: 'vote', id: 't1', choices: [2] })).toEqual(parseCommand('vote T1 2'));
  });

  it('limits hold on both paths: the parser and the schema refuse the same oversize text and option count', () => {
    const long = 'x'.repeat(MAX_TEXT + 1);
    expect(() => parseCommand(`propose T1 "${long}"`)).toThrow();
    expect(CommandSchema.safeParse({ type: 'propose', id: 'T1', text: long }).success).toBe(false);
    const options = Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => `"O${i}"`).join(' ');
    expect(() => parseCommand(`topics ${options}`)).toThrow();
    expect(
      CommandSchema.safeParse({ type: 'topics', options: Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => `O${i}`) })
        .success,
    ).toBe(false);
  });

  it.each([
    ['feedback "Workshop" participants 5000', `"5000" is too large: at most ${MAX_PARTICIPANTS} here`],
    ['vote T1 5000', `"5000" is too large: at most ${MAX_PARTICIPANTS} here`],
    ['vote T1 1+5000', `"5000" is too large: at most ${MAX_PARTICIPANTS} here`],
    [`vote T1 ${Array.from({ length: MAX_CHOICES + 1 }, (_, i) => i + 1).join(',')}`, `at most ${MAX_CHOICES}`],
    ['answer F1 6', '"6" is not a number'],
    [`roster add slack:U1 "Mexico" member "${'r'.repeat(MAX_REGION + 1)}"`, `at most ${MAX_REGION} characters`],
  ])('typed past a limit, %s is refused with the usage line, as a click or a form would be', (typed, expected) => {
    let said = '';
    try {
      const command = parseCommand(typed);
      said = `parsed: ${JSON.stringify(command)}`;
    } catch (err) {
      said = errorText({ t: en, lang: 'en', zone: 'Europe/Zurich' }, err as ConsultError);
    }
    expect(said).toContain(expected);
    expect(said).toContain('Write it like'); // the command's usage follows the problem
  });

  it('no file restates a limit as a number: they are imported from src/domain/limits.ts', async () => {
    const offenders: string[] = [];
    for (const root of ['src', 'adapters']) {
      for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!e.isFile() || !e.name.endsWith('.ts')) continue;
        const path = join(e.parentPath, e.name);
        if (path === join('src', 'domain', 'limits.ts')) continue;
        const text = await readFile(path, 'utf8');
        // The text cap and the option cap, written as bare numbers in a zod bound, an input's length or a comparison.
        for (const m of text.matchAll(
          /\.max\(\s*(300|10)\s*\)|max_?[lL]ength:\s*300\b|length\s*[<>]=?\s*(300|10)\b/g,
        )) {
          const line = text.slice(0, m.index).split('\n').length;
          offenders.push(`${path}:${line}: ${m[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
