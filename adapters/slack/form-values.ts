/** Reads the values of a neutral form back from Slack's `state.values` (view_submission or block_actions). */
import { FORM_BLOCK_PREFIX } from './action-ids.ts';

interface ElementState {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_users?: string[];
}

export type SlackStateValues = Record<string, Record<string, ElementState>>;
export type FormValues = Record<string, string | string[] | undefined>;

function valueOf(state: ElementState): string | string[] | undefined {
  if (Array.isArray(state.selected_options)) return state.selected_options.map((o) => o.value);
  if (state.selected_option !== undefined) return state.selected_option?.value ?? undefined;
  if (Array.isArray(state.selected_users)) return state.selected_users;
  if (state.selected_date !== undefined) return state.selected_date ?? undefined;
  if (state.selected_time !== undefined) return state.selected_time ?? undefined;
  return state.value ?? undefined;
}

/** Values of the inputs of form `formIndex` (all forms when omitted), keyed by the neutral input id. */
export function readFormValues(values: SlackStateValues | undefined, formIndex?: number): FormValues {
  const out: FormValues = Object.create(null); // input ids come from the payload: `__proto__` is an id like any other
  for (const [blockId, elements] of Object.entries(values ?? {})) {
    if (!blockId.startsWith(FORM_BLOCK_PREFIX)) continue;
    const rest = blockId.slice(FORM_BLOCK_PREFIX.length);
    const sep = rest.indexOf(':');
    if (sep < 0) continue;
    if (formIndex !== undefined && Number(rest.slice(0, sep)) !== formIndex) continue;
    const state = Object.values(elements)[0];
    if (state) out[rest.slice(sep + 1)] = valueOf(state);
  }
  return out;
}

/** Values of plain (non-form) inputs keyed by block_id, e.g. the adapter's own launch modal. */
export function readPlainValues(values: SlackStateValues | undefined): FormValues {
  const out: FormValues = Object.create(null); // input ids come from the payload: `__proto__` is an id like any other
  for (const [blockId, elements] of Object.entries(values ?? {})) {
    const state = Object.values(elements)[0];
    if (state) out[blockId] = valueOf(state);
  }
  return out;
}
