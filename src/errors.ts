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

export class ConsultError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly say: (c: Catalog) => string,
  ) {
    super(code);
    this.name = 'ConsultError';
  }
}

export const fail = (code: ErrorCode, say: (c: Catalog) => string): never => {
  throw new ConsultError(code, say);
};
