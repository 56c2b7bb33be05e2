/**
 * One error model (issue #13): errors carry a code and a problem with data parameters; texts are chosen at
 * the edge (views/problem-text.ts), so the domain and the command handlers import no catalogue.
 */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConsultError, problem, type Problem, type ProblemKey, type Problems } from '../../src/errors.ts';
import { LANGS } from '../../src/domain/model.ts';
import { t } from '../../src/i18n/index.ts';
import { errorText, problemText } from '../../src/views/problem-text.ts';
import { errorReply } from '../../src/commands/route.ts';
import type { Caller, Env } from '../../src/commands/env.ts';
import { StoreWriteError } from '../../src/store/store.ts';
import { cardText, makeHarness, SEC } from '../helpers/core.ts';

const ZONE = 'Europe/Zurich';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

/** The modules a file imports (static, re-exported or dynamic). */
async function imports(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** One sample parameter list per problem: the mapped type makes a new problem need its sample here. */
const SAMPLES: { [K in ProblemKey]: Problems[K] } = {
  notSecretariat: [],
  notOnRoster: [],
  ineligible: ['Holy See', { delegationKind: 'observer-state' }],
  notParticipant: ['F1', 'Labour migration'],
  unknownId: ['T9'],
  closed: ['T1'],
  alreadyClosed: ['T1'],
  cancelled: ['T1'],
  resultsHidden: ['T1', { date: '2026-12-07T22:59:59.999Z' }],
  notFeedback: ['T1'],
  isFeedback: ['F1'],
  notSilence: ['T1'],
  isSilence: ['SP1'],
  badChoice: ['T1', 3],
  tooManyChoices: [2],
  noChoice: [],
  sameTwice: [],
  notShortlist: [],
  notAbstainable: ['W1'],
  abstainAlone: [],
  badAnswers: [4],
  noObjection: ['Mexico', 'SP1'],
  duplicateOption: [1, 'Labour'],
  lookAlikeOptions: [1, 2],
  emptyOption: [],
  proposalCap: ['Mexico', 3, 'T1'],
  noSuchOption: ['T1', 7],
  notProposed: ['T1', 1],
  withdrawSecret: ['T1', 2],
  mergeSame: [],
  secretLive: [],
  needsTwo: [],
  noSecret: [],
  surveyNeedsOptions: [],
  surveySourceOpen: ['T1'],
  needsOptions: [],
  notANumber: [{ label: 'quorum' }],
  deadlineFormat: ['someday'],
  deadlinePast: ['2020-01-01'],
  extendEarlier: ['T1', { date: '2026-12-07T22:59:59.999Z' }, { date: '2026-12-05T22:59:59.999Z' }],
  badUser: ['bob'],
  userInOther: ['slack:U1', 'Mexico'],
  userNotOnRoster: ['slack:U1'],
  kindMismatch: ['Mexico', { delegationKind: 'member' }],
  reportNotForSilence: ['SP1'],
  reportNotClosed: ['T1'],
  reportCancelled: ['T1'],
  reportFailed: [],
  unknownCommand: ['frobnicate'],
  missingId: [],
  missingOptions: [2],
  tooManyOptions: [10],
  unclosedQuote: [],
  unexpected: ['select'],
  badNumber: ['x'],
  numberTooLarge: ['5000', 1000],
  badLang: [],
  translationFirst: ['fr:"Retour"'],
  translationTwice: ['fr', 'Return'],
  badKind: [],
  missingText: [],
  tooLong: [1000],
  badQuorum: [],
  unquoted: ['theme "A" "B"'],
  badConfirm: ['yes'],
  oneCommand: [],
  csvNeedsCommand: ['delegation,kind,region,user'],
  csvEmpty: ['delegation,kind,region,user'],
  csvBadHeader: ['delegation,kind,region,user'],
  csvTooManyLines: [5000],
  csvMalformed: [4],
  csvColumnCount: [3, 4],
  csvNoDelegation: [],
  csvTooLong: [1000, 100],
  csvBadKind: ['state'],
  csvBadUser: ['bob'],
  csvUserTwice: ['Mexico', 2],
  csvKindDiffers: ['Mexico', { delegationKind: 'member' }],
  csvRegionDiffers: ['Mexico', 'Americas'],
  storeFailed: [],
  internalError: [],
};
const problems = Object.entries(SAMPLES).map(([key, params]) => ({ key, params }) as Problem);

describe('one error model', () => {
  it('the domain, the command handlers, the store, the scheduler and delivery import no catalogue', async () => {
    const offenders: string[] = [];
    const layers = ['src/domain', 'src/commands', 'src/store', 'src/scheduler', 'src/delivery'];
    for (const f of [...(await Promise.all(layers.map(files))).flat(), 'src/errors.ts'])
      for (const m of await imports(f)) if (/(^|\/)i18n(\/|$)/.test(m)) offenders.push(`${f} imports ${m}`);
    expect(offenders).toEqual([]);
  });

  it('the domain reaches no text at all: it imports no view either', async () => {
    const offenders: string[] = [];
    for (const f of await files('src/domain'))
      for (const m of await imports(f)) if (/(^|\/)(i18n|views)\//.test(m)) offenders.push(`${f} imports ${m}`);
    expect(offenders).toEqual([]);
  });

  it('the import scan sees static, type-only and dynamic imports', async () => {
    const dir = await readdir('src/i18n');
    expect(dir).toContain('en.ts');
    expect(await imports('src/i18n/index.ts')).toContain('./en.ts');
    expect(await imports('src/views/problem-text.ts')).toContain('../i18n/en.ts');
  });

  it.each(LANGS)('every problem has a text in %s, with its parameters filled in', (lang) => {
    const reader = { t: t(lang), lang, zone: ZONE };
    for (const p of problems) {
      const text = problemText(reader, p);
      expect(text.trim(), p.key).not.toBe('');
      expect(text, p.key).not.toMatch(/undefined|\[object |NaN/);
    }
  });

  it('problems in different languages read differently', () => {
    for (const p of problems.filter((x) => x.key !== 'translationFirst')) {
      const [en, fr, es] = LANGS.map((lang) => problemText({ t: t(lang), lang, zone: ZONE }, p));
      expect(new Set([en, fr, es]).size, p.key).toBeGreaterThan(1);
    }
  });

  it('kinds, dates and form fields are named in the reader language', () => {
    const fr = { t: t('fr'), lang: 'fr' as const, zone: ZONE };
    expect(problemText(fr, problem('ineligible', 'Saint-Siège', { delegationKind: 'observer-state' }))).toContain(
      t('fr').delegationKind['observer-state'],
    );
    expect(problemText(fr, problem('notANumber', { label: 'quorum' }))).toContain(t('fr').launchForm.quorum);
    const hidden = problemText(fr, problem('resultsHidden', 'T1', { date: '2026-12-07T22:59:59.999Z' }));
    expect(hidden).toMatch(/7 déc/);
  });

  it('an error carries data, and its message says code and parameters for operators, in no language', () => {
    const err = new ConsultError('closed', problem('closed', 'T1'));
    expect(err.problem).toEqual({ key: 'closed', params: ['T1'] });
    expect(err.message).toBe('closed: closed ["T1"]');
    const parse = new ConsultError('parse', problem('missingId'), { usage: 'vote' });
    expect(errorText({ t: t('es'), lang: 'es', zone: ZONE }, parse)).toBe(
      t('es').errors.usage(t('es').problems.missingId, t('es').help.commands.vote),
    );
  });

  it('an error reply is in the caller language, typed command usage included', async () => {
    const h = await makeHarness();
    for (const lang of LANGS) {
      const [reply] = await h.say('slack:UX', 'status T99', undefined, lang);
      expect(reply.errorCode).toBe('unknown-id');
      expect(cardText(reply.card)).toContain(t(lang).problems.unknownId('T99'));
      const parse = await h.text(SEC, 'vote', undefined, lang);
      expect(parse).toContain(t(lang).errors.usage(t(lang).problems.missingId, t(lang).help.commands.vote));
    }
  });

  it("a failure that is not the user's is logged for the operator and said to the user as a retry, in their language", () => {
    const logged: string[] = [];
    const env = { view: (lang: 'en') => ({ t: t(lang), lang, zone: ZONE }), log: (s: string) => logged.push(s) };
    for (const lang of LANGS) {
      const caller = { user: 'slack:U1', platform: 'slack', lang, isSecretariat: false } as Caller;
      const run = (err: unknown) => errorReply(env as unknown as Env, caller, err)[0];
      const store = run(new StoreWriteError('data/store/T1.json', new Error('ENOSPC: no space left on device')));
      expect([store.errorCode, cardText(store.card)]).toEqual(['store', `Consult\n${t(lang).problems.storeFailed}`]);
      const bug = run(new TypeError('x is undefined'));
      expect([bug.errorCode, cardText(bug.card)]).toEqual(['internal', `Consult\n${t(lang).problems.internalError}`]);
      const refusal = run(new ConsultError('closed', problem('closed', 'T1')));
      expect(cardText(refusal.card)).toContain(t(lang).problems.closed('T1'));
    }
    expect(logged).toHaveLength(6);
    expect(logged[0]).toMatch(/^store write failed: Could not write data\/store\/T1\.json: ENOSPC/);
    expect(logged[1]).toMatch(/^unexpected error: TypeError: x is undefined/);
  });
});
