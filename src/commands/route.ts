/** One command → one handler. The only place errors become replies in the user's language. */
import type { Command } from './command.ts';
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

export async function runCommand(env: Env, caller: Caller, cmd: Command): Promise<OutboundMessage[]> {
  switch (cmd.type) {
    case 'help':
      return help(env, caller);
    case 'theme':
    case 'topics':
    case 'survey':
    case 'feedback':
      return launch(env, caller, cmd);
    case 'vote':
      return vote(env, caller, cmd.id, { choices: cmd.choices, combine: cmd.combine, abstain: cmd.abstain });
    case 'answer':
      return answer(env, caller, cmd.id, cmd.answers);
    case 'propose':
      return propose(env, caller, cmd.id, cmd.text);
    case 'propose-form':
    case 'answer-form':
      return openForm(env, caller, cmd);
    case 'share':
      return share(env, caller, cmd.id);
    case 'status':
      return status(env, caller, cmd.id);
    case 'results':
      return results(env, caller, cmd.id);
    case 'close':
    case 'cancel':
      return manage(env, caller, cmd.type, cmd.id, undefined, cmd.confirm === true);
    case 'remind':
    case 'export':
      return manage(env, caller, cmd.type, cmd.id);
    case 'withdraw':
    case 'merge':
      return moderate(env, caller, cmd);
    case 'silence':
      return launchSilence(env, caller, cmd);
    case 'object':
    case 'withdraw-objection':
    case 'object-form':
      return objection(env, caller, cmd);
    case 'extend':
      return manage(env, caller, 'extend', cmd.id, cmd.deadline);
    case 'roster-add':
    case 'roster-remove':
    case 'roster-list':
      return roster(env, caller, cmd);
    case 'roster-import':
      return rosterImport(env, caller, cmd.csv);
    case 'roster-export':
      return rosterExport(env, caller);
    case 'lang':
      return setLang(env, caller, cmd.lang);
    case 'report':
      return report(env, caller, cmd.id, cmd.all ?? false);
    case 'history':
      return history(env, caller);
    case 'launch-form':
      return openLaunchForm(env, caller, cmd.kind);
  }
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
