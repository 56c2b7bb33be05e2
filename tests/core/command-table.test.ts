/**
 * The command table (src/commands/table.ts): each command type, typed word and usage line declared once, and the
 * parser, the schema, the help card and the router derived from it. The `@ts-expect-error` lines are checked by
 * `tsc` (npm test): if one of them compiled, the table would no longer hold the others together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Command, CommandOf } from '../../src/commands/command.ts';
import { CommandSchema } from '../../src/commands/command-schema.ts';
import { parseCommand } from '../../src/commands/parse.ts';
import { type Handlers, handlers } from '../../src/commands/route.ts';
import { type CommandType, HELP, isWord, type Parsers, WORDS, type Word } from '../../src/commands/table.ts';
import type { UsageKey } from '../../src/commands/usage.ts';
import { ConsultError } from '../../src/errors.ts';
import { errorText } from '../../src/views/problem-text.ts';
import { type Catalog, en } from '../../src/i18n/en.ts';
import { helpCard } from '../../src/views/help.ts';

const types = CommandSchema.options.map((o) => o.shape.type.value);

/** For each word, typed examples that between them make every type the table says it makes. */
const EXAMPLES: Record<Word, string[]> = {
  help: ['help'],
  theme: ['theme "A" "B"', 'theme'],
  topics: ['topics "A" "B"', 'topics'],
  survey: ['survey T1', 'survey'],
  feedback: ['feedback "Workshop"', 'feedback'],
  propose: ['propose T1 "An option"'],
  vote: ['vote T1 1'],
  answer: ['answer F1 5 4'],
  share: ['share T1'],
  status: ['status'],
  results: ['results T1'],
  close: ['close T1'],
  cancel: ['cancel T1 confirm'],
  withdraw: ['withdraw T1 3', 'withdraw SP1'],
  merge: ['merge T1 1 2'],
  silence: ['silence "The theme is adopted."', 'silence'],
  object: ['object SP1'],
  remind: ['remind T1'],
  export: ['export T1'],
  report: ['report T1'],
  history: ['history'],
  extend: ['extend T1 7d'],
  lang: ['lang fr'],
  roster: [
    'roster add slack:U1 "Mexico" member',
    'roster remove slack:U1',
    'roster list',
    'roster import',
    'roster export',
  ],
};

const cardText = (secretariat: boolean) =>
  helpCard(en, secretariat)
    .blocks.map((b) => (b.type === 'fields' ? b.fields.map((f) => `${f.label}\n${f.value}`).join('\n') : ''))
    .join('\n');

describe('the command table', () => {
  it('declares each command type once, and the router has exactly one handler for each', () => {
    expect(new Set(types).size).toBe(types.length);
    expect(Object.keys(handlers).sort()).toEqual([...types].sort());
  });

  it('each word makes exactly the command types its entry declares, and the schema accepts them', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(WORDS).sort());
    for (const word of Object.keys(WORDS) as Word[]) {
      const made = EXAMPLES[word].map((typed) => parseCommand(typed));
      for (const command of made) expect(CommandSchema.parse(command)).toEqual(command);
      expect(new Set(made.map((c) => c.type)), word).toEqual(new Set(WORDS[word].makes));
    }
  });

  it('only the commands that arrive as data (buttons, forms) have no word', () => {
    const typed = new Set<string>(Object.values(WORDS).flatMap((w) => w.makes));
    expect(types.filter((type) => !typed.has(type))).toEqual(['propose-form', 'answer-form', 'object-form']);
  });

  it('shows every usage line of the catalogue once, in its group, in the table’s order', () => {
    const shown = [...HELP.everyone, ...HELP.secretariat];
    expect([...shown].sort()).toEqual(Object.keys(en.help.commands).sort());
    expect(new Set(shown).size).toBe(shown.length);
    const everyone = cardText(false);
    const all = cardText(true);
    const positions = shown.map((key) => all.indexOf(en.help.commands[key]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const key of HELP.secretariat) expect(everyone).not.toContain(en.help.commands[key]);
  });

  it('every typed word’s usage line is on the help card for its group', () => {
    for (const [word, { usage }] of Object.entries(WORDS)) {
      const group = (HELP.everyone as readonly string[]).includes(usage) ? 'everyone' : 'secretariat';
      expect(cardText(true), word).toContain(en.help.commands[usage]);
      if (group === 'everyone') expect(cardText(false), word).toContain(en.help.commands[usage]);
      else expect(cardText(false), word).not.toContain(en.help.commands[usage]);
    }
  });

  it('a word typed without its consultation is answered with that word’s usage line', () => {
    const needId = ['propose', 'vote', 'answer', 'share', 'results', 'close', 'cancel', 'withdraw', 'merge'] as const;
    for (const word of [...needId, 'object', 'remind', 'export', 'report', 'extend'] as const) {
      let said = '';
      try {
        parseCommand(word);
      } catch (err) {
        if (err instanceof ConsultError) said = errorText({ t: en, lang: 'en', zone: 'Europe/Zurich' }, err);
      }
      expect(said, word).toContain(en.help.commands[WORDS[word].usage]);
    }
  });

  it('takes every size bound of its schemas from src/domain/limits.ts', () => {
    for (const file of ['src/commands/table.ts', 'src/commands/command-schema.ts']) {
      // A bare number as an upper bound (a quorum's share, `.max(1)`, is a rule, not a size).
      expect(readFileSync(file, 'utf8').match(/\.max\(\s*(?!1\s*\))\d[\d_]*\s*\)/g), file).toBeNull();
    }
  });

  it('words are the table’s own keys only', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(isWord(word)).toBe(false);
      expect(() => parseCommand(word)).toThrow(ConsultError);
    }
  });

  it('holds the types together: a drift does not compile', () => {
    expectTypeOf<CommandType>().toEqualTypeOf<Command['type']>();
    // The usage keys are the catalogue's help lines, no more, no fewer.
    expectTypeOf<UsageKey>().toEqualTypeOf<keyof Catalog['help']['commands']>();

    // A new command type without a handler.
    // @ts-expect-error: 'pause' has no handler
    const unhandled: Handlers<Command | { type: 'pause'; id: string }> = handlers;
    // A handler removed.
    const { help: _help, ...withoutHelp } = handlers;
    // @ts-expect-error: 'help' has no handler
    const missing: Handlers = withoutHelp;
    // A handler for another type's command.
    const wrong: Handlers = {
      ...handlers,
      // @ts-expect-error: a vote carries no text
      vote: (env, caller, cmd: CommandOf<'propose'>) => handlers.propose(env, caller, cmd),
    };

    // A word's parser may make only what its entry declares.
    const withdraw: Pick<Parsers<string>, 'withdraw'> = { withdraw: (id) => ({ type: 'withdraw-objection', id }) };
    const strayType: Pick<Parsers<string>, 'withdraw'> = {
      // @ts-expect-error: `withdraw` does not make a merge
      withdraw: (id) => ({ type: 'merge', id, into: 1, from: 2 }),
    };
    expect([unhandled, missing, wrong, withdraw, strayType].every(Boolean)).toBe(true);
  });
});
