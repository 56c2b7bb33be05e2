/** action_id and block_id conventions: how the adapter recognises what a Slack interaction is about. */
export const ACTION = {
  /** A button whose value is a neutral Command as JSON: `consult:<n>`. */
  command: 'consult:',
  /** The submit button of a form shown inside a message or the Home tab: value is `{ form, index, action }`. */
  submit: 'consult-submit:',
  /** Stateful inputs in messages (checkboxes, selects): Slack reports each change; we only ack. */
  input: 'consult-input:',
} as const;

/** block_id of a form input: `consult-form:<form index>:<input id>`; read back by form-values.ts. */
export const FORM_BLOCK_PREFIX = 'consult-form:';
export const formBlockId = (formIndex: number, inputId: string) => `${FORM_BLOCK_PREFIX}${formIndex}:${inputId}`;

/** callback_ids of the modals the adapter opens. */
export const VIEW = { form: 'consult-form', launch: 'consult-launch' } as const;
