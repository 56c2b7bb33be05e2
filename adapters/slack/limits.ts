/** Slack's documented Block Kit limits that the renderer respects (see docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  selectOptions: 100,
  checkboxOptions: 10,
  inputLabel: 2000,
  placeholder: 150,
  textInputMax: 3000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  fallbackText: 3000,
  imageAlt: 2000,
} as const;

/** A payload that cannot be made to fit Slack's limits without losing meaning. */
export class SlackLimitError extends Error {
  readonly code = 'slack_limit';
  constructor(message: string) {
    super(`Slack limit exceeded: ${message}`);
    this.name = 'SlackLimitError';
  }
}

/**
 * The largest request body POST /slack/events accepts. A click carries the whole message it was made
 * in: the largest ballot Consult launches (10 options of 300 characters, accented, as Slack escapes them)
 * makes a click of 26 kB form-encoded (measured in tests/slack/body-size.e2e.test.ts), and each option
 * proposed later adds about 0.5 kB. This allows six times that: a ballot grown to some 250 options.
 */
export const SLACK_BODY_LIMIT = 160_000;
