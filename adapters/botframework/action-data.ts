/**
 * The `data` our Adaptive Card actions carry, shared by the renderer (which writes it) and
 * the invoke parser (which reads it back). Teams merges input values into the same object,
 * keyed by input id, so input ids are namespaced by form to keep them apart.
 */
import type { Command } from '../../src/commands/command.ts';
import type { FormAction } from '../../src/views/card.ts';

/** Verb of every button and form submit. */
export const CONSULT_VERB = 'consult';
/** Verb of the card's Universal Actions refresh: "show me this ballot as I should see it". */
export const REFRESH_VERB = 'refresh';

export type ActionData =
  | { command: Command }
  /** `multi` lists the multi-select inputs, whose comma-joined values are split back into arrays. */
  | { form: FormAction; formId: string; multi: string[] }
  | { refresh: string };

export function inputKey(formId: string, inputId: string): string {
  return `${formId}/${inputId}`;
}
