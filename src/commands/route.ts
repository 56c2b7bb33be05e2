/** One command → one handler. The only place errors become replies in the user's language. */
import type { Command, CommandOf } from './command.ts';
import type { Caller, Env } from './env.ts';
import { reply } from './env.ts';
import { launch } from './launch.ts';
import { vote, answer, propose, openForm, submitForm } from './vote.ts';
import { manage, share } from './manage.ts';
import { help, status, results, roster, setLang } from './info.ts';
import { report } from './report.ts';
import { history } from './history.ts';
import { moderate } from './moderate.ts';
import { launchSilence, objection } from './silence.ts';
import { rosterExport, rosterImport } from './roster-io.ts';
import { openLaunchForm } from './launch-form.ts';
import { ConsultError, problem } from '../errors.ts';
import { StoreWriteError } from '../store/store.ts';
import { textCard } from '../views/reply.ts';
import { errorText } from '../views/problem-text.ts';
import type { FormSubmit } from '../views/card.ts';
import type { OutboundMessage } from '../outbound.ts';

/**
 * Each command type's handler, typed from the table: a command type without a handler, or a handler that takes
 * another type's command, does not compile. (`C` is a parameter so a test can add a type and see it fail.)
 */
export type Handlers<C extends { type: string } = Command> = {
  [K in C['type']]: (
    env: Env,
    caller: Caller,
    cmd: Extract<C, { type: K }>,
  ) => OutboundMessage[] | Promise<OutboundMessage[]>;
};

export const handlers: Handlers = {
  help,
  theme: launch,
  topics: launch,
  survey: launch,
  feedback: launch,
  vote: (env, caller, cmd) =>
    vote(env, caller, cmd.id, { choices: cmd.choices, combine: cmd.combine, abstain: cmd.abstain }),
  answer: (env, caller, cmd) => answer(env, caller, cmd.id, cmd.answers),
  propose: (env, caller, cmd) => propose(env, caller, cmd.id, cmd.text),
  'propose-form': openForm,
  'answer-form': openForm,
  share: (env, caller, cmd) => share(env, caller, cmd.id),
  status: (env, caller, cmd) => status(env, caller, cmd.id),
  results: (env, caller, cmd) => results(env, caller, cmd.id),
  close: (env, caller, cmd) => manage(env, caller, cmd.type, cmd.id, undefined, cmd.confirm === true),
  cancel: (env, caller, cmd) => manage(env, caller, cmd.type, cmd.id, undefined, cmd.confirm === true),
  remind: (env, caller, cmd) => manage(env, caller, cmd.type, cmd.id),
  export: (env, caller, cmd) => manage(env, caller, cmd.type, cmd.id),
  extend: (env, caller, cmd) => manage(env, caller, 'extend', cmd.id, cmd.deadline),
  withdraw: moderate,
  merge: moderate,
  silence: launchSilence,
  object: objection,
  'withdraw-objection': objection,
  'object-form': objection,
  'roster-add': roster,
  'roster-remove': roster,
  'roster-list': roster,
  'roster-import': (env, caller, cmd) => rosterImport(env, caller, cmd.csv),
  'roster-export': rosterExport,
  lang: (env, caller, cmd) => setLang(env, caller, cmd.lang),
  report: (env, caller, cmd) => report(env, caller, cmd.id, cmd.all ?? false),
  history,
  'launch-form': (env, caller, cmd) => openLaunchForm(env, caller, cmd.kind),
};

export async function runCommand(env: Env, caller: Caller, cmd: Command): Promise<OutboundMessage[]> {
  return dispatch(env, caller, cmd.type, cmd);
}

/** Generic in the type, so `handlers[type]` is known to take this type's command (TypeScript's correlated unions). */
function dispatch<K extends Command['type']>(env: Env, caller: Caller, type: K, cmd: CommandOf<K>) {
  return handlers[type](env, caller, cmd);
}

export function runForm(env: Env, caller: Caller, submit: FormSubmit): Promise<OutboundMessage[]> {
  return submitForm(env, caller, submit);
}

/** Turns any failure into a reply; unexpected ones are logged, never shown raw. */
export function errorReply(env: Env, caller: Caller, err: unknown): OutboundMessage[] {
  const known = asConsultError(env, err);
  const text = errorText(env.view(caller.lang), known);
  const field = known.field ? { errorField: known.field } : {};
  return [reply(caller, textCard('Consult', text, 'error'), 'error', { errorCode: known.code, ...field })];
}

/** Failures that are not the user's: the operator reads the cause in the log, the user is asked to retry. */
function asConsultError(env: Env, err: unknown): ConsultError {
  if (err instanceof ConsultError) return err;
  if (err instanceof StoreWriteError) {
    env.log(`store write failed: ${err.message}`);
    return new ConsultError('store', problem('storeFailed'));
  }
  env.log(`unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new ConsultError('internal', problem('internalError'));
}
