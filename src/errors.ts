/**
 * The one error model. An error carries a code (for programs: replies, tests, logs) and a problem: which
 * message it is, with its parameters as data. The texts are chosen at the edge (views/problem-text.ts),
 * in the reader's language, so nothing here or in the domain depends on a catalogue.
 */
import type { DelegationKind } from './domain/model.ts';
import type { UsageKey } from './commands/usage.ts';

export type ErrorCode =
  | 'parse'
  | 'not-secretariat'
  | 'not-on-roster'
  | 'ineligible'
  | 'unknown-id'
  | 'closed'
  | 'cancelled'
  | 'bad-choice'
  | 'results-hidden'
  | 'bad-deadline'
  | 'bad-user'
  | 'roster'
  | 'invalid'
  | 'store'
  | 'not-closed'
  | 'report-failed'
  | 'internal';

/** The part of a launch an error is about, so a launch form can show it beside that field. */
export type ErrorField =
  | 'options'
  | 'deadline'
  | 'results'
  | 'quorum'
  | 'proposals'
  | 'participants'
  | 'from'
  | 'select';

/** A delegation kind, named in the reader's language. */
type KindParam = { delegationKind: DelegationKind };
/** An instant (ISO), written in the reader's language and the organisation's zone. */
type DateParam = { date: string };
/** A launch form field, named by its label. */
export type FieldParam = { label: 'quorum' | 'proposals' | 'select' | 'participants' };

/** Every message an error can carry, with its parameters. A new one needs its text in every catalogue. */
export interface Problems {
  // Who may do what
  notSecretariat: [];
  notOnRoster: [];
  ineligible: [delegation: string, kind: KindParam];
  notParticipant: [id: string, workshop: string];
  // Consultations
  unknownId: [id: string];
  closed: [id: string];
  alreadyClosed: [id: string];
  cancelled: [id: string];
  resultsHidden: [id: string, closes: DateParam];
  notFeedback: [id: string];
  isFeedback: [id: string];
  notSilence: [id: string];
  isSilence: [id: string];
  // Ballots
  badChoice: [id: string, max: number];
  tooManyChoices: [max: number];
  noChoice: [];
  sameTwice: [];
  notShortlist: [];
  notAbstainable: [id: string];
  abstainAlone: [];
  badAnswers: [statements: number];
  noObjection: [delegation: string, id: string];
  // Options and proposals
  duplicateOption: [n: number, text: string];
  lookAlikeOptions: [a: number, b: number];
  emptyOption: [];
  proposalCap: [delegation: string, cap: number, id: string];
  noSuchOption: [id: string, n: number];
  notProposed: [id: string, n: number];
  withdrawSecret: [id: string, n: number];
  mergeSame: [];
  // Launches
  secretLive: [];
  needsTwo: [];
  noSecret: [];
  surveyNeedsOptions: [];
  surveySourceOpen: [id: string];
  needsOptions: [];
  notANumber: [field: FieldParam];
  // Deadlines
  deadlineFormat: [input: string];
  deadlinePast: [input: string];
  extendEarlier: [id: string, current: DateParam, asked: DateParam];
  // Roster
  badUser: [input: string];
  userInOther: [user: string, delegation: string];
  userNotOnRoster: [user: string];
  kindMismatch: [delegation: string, kind: KindParam];
  // Reports
  reportNotForSilence: [id: string];
  reportNotClosed: [id: string];
  reportCancelled: [id: string];
  reportFailed: [];
  // Typed commands
  unknownCommand: [word: string];
  missingId: [];
  missingOptions: [min: number];
  tooManyOptions: [max: number];
  unclosedQuote: [];
  unexpected: [word: string];
  badNumber: [word: string];
  numberTooLarge: [word: string, max: number];
  badLang: [];
  translationFirst: [tag: string];
  translationTwice: [lang: string, option: string];
  badKind: [];
  missingText: [];
  tooLong: [max: number];
  badQuorum: [];
  unquoted: [suggestion: string];
  badConfirm: [word: string];
  oneCommand: [];
  csvNeedsCommand: [header: string];
  // Lines of a roster CSV
  csvEmpty: [header: string];
  csvBadHeader: [header: string];
  csvTooManyLines: [max: number];
  csvMalformed: [cells: number];
  csvColumnCount: [cells: number, expected: number];
  csvNoDelegation: [];
  csvTooLong: [name: number, region: number];
  csvBadKind: [kind: string];
  csvBadUser: [user: string];
  csvUserTwice: [delegation: string, line: number];
  csvKindDiffers: [delegation: string, kind: KindParam];
  csvRegionDiffers: [delegation: string, region: string];
  // Failures the user can only retry (the log tells the operator what happened)
  storeFailed: [];
  internalError: [];
}

export type ProblemKey = keyof Problems;
export type Problem = { [K in ProblemKey]: { key: K; params: Problems[K] } }[ProblemKey];

/** A problem from its key and parameters, checked against its key. */
export const problem = <K extends ProblemKey>(key: K, ...params: Problems[K]): Problem => ({ key, params }) as Problem;

/** What a text receives: kinds, dates and fields already named in the reader's language. */
type Said<P> = { [I in keyof P]: P[I] extends KindParam | DateParam | FieldParam ? string : P[I] };

/** A catalogue's texts for the problems: a constant when there is nothing to fill in. */
export type ProblemTexts = {
  [K in ProblemKey]: Problems[K] extends [] ? string : (...a: Said<Problems[K]>) => string;
};

export interface ErrorOptions {
  field?: ErrorField;
  /** A typed command that could not be read: the reply shows how to write it. */
  usage?: UsageKey;
}

export class ConsultError extends Error {
  readonly field?: ErrorField;
  readonly usage?: UsageKey;
  constructor(
    readonly code: ErrorCode,
    readonly problem: Problem,
    opts: ErrorOptions = {},
  ) {
    // The message is for operators: code and parameters, no text of any language.
    super(`${code}: ${problem.key}${problem.params.length ? ` ${JSON.stringify(problem.params)}` : ''}`);
    this.name = 'ConsultError';
    if (opts.field) this.field = opts.field;
    if (opts.usage) this.usage = opts.usage;
  }
}

export const fail = (code: ErrorCode, problem: Problem, field?: ErrorField): never => {
  throw new ConsultError(code, problem, field ? { field } : {});
};
