/**
 * Typed domain errors. Each carries how to say it in any language, so the one place that
 * turns errors into replies (the engine) answers in the user's language.
 */
import type { Catalog } from './i18n/en.ts';

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
  | 'report-failed';

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

export class ConsultError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly say: (c: Catalog) => string,
    readonly field?: ErrorField,
  ) {
    super(code);
    this.name = 'ConsultError';
  }
}

export const fail = (code: ErrorCode, say: (c: Catalog) => string, field?: ErrorField): never => {
  throw new ConsultError(code, say, field);
};
