/**
 * The edge where errors get their words: a problem (errors.ts) in the reader's language, with kinds,
 * dates and form fields named there. Replies, launch forms, roster imports and logs all say problems here.
 */
import type { ConsultError, Problem } from '../errors.ts';
import type { Catalog } from '../i18n/en.ts';
import type { Lang } from '../domain/model.ts';
import { formatDate } from './format.ts';

/** What naming a problem needs: the catalogue, and the language and zone its dates are written in. */
export interface ProblemReader {
  t: Catalog;
  lang: Lang;
  zone: string;
}

function said(v: ProblemReader, param: Problem['params'][number]): string | number {
  if (typeof param !== 'object') return param;
  if ('delegationKind' in param) return v.t.delegationKind[param.delegationKind];
  if ('label' in param) return v.t.launchForm[param.label];
  return formatDate(param.date, v.zone, v.lang);
}

export function problemText(v: ProblemReader, p: Problem): string {
  // The catalogue's type (errors.ts ProblemTexts) ties each text to its problem's parameters.
  const text = v.t.problems[p.key] as string | ((...a: Array<string | number>) => string);
  if (typeof text === 'string') return text;
  return text(...p.params.map((param) => said(v, param)));
}

/** An error as its reader sees it: a typed command's problem comes with how to write the command. */
export function errorText(v: ProblemReader, err: ConsultError): string {
  const text = problemText(v, err.problem);
  return err.usage ? v.t.errors.usage(text, v.t.help.commands[err.usage]) : text;
}
