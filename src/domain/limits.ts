/**
 * Every size limit of what people type or send, declared once: the parser, the command schema,
 * the stored model, the views' forms and the adapters' inputs all import them from here.
 */

/** An option, a title, a statement, a proposal, an objection's reason. */
export const MAX_TEXT = 300;
/** Options of a ballot. */
export const MAX_OPTIONS = 10;
/** Statements of a satisfaction survey. */
export const MAX_STATEMENTS = 20;
/** Options each delegation may propose (the secretariat's `proposals N`). */
export const MAX_PROPOSALS = 10;
/** Named participants of a satisfaction survey; also the largest count typed as `participants N`. */
export const MAX_PARTICIPANTS = 1000;
/** A roster CSV sent as text or a file: 5,000 lines of a long delegation name and address fit. */
export const MAX_CSV = 2_000_000;
/** A deadline as typed: `2026-12-07T23:59`, `7d`, `2026-12-07T23:59+01:00`. */
export const MAX_DEADLINE_TEXT = 40;
/** A user reference as typed (`<@U0123>`, `slack:U0123`, an e-mail address). */
export const MAX_USER_REF = 200;
/** A region as typed in `roster add`. */
export const MAX_REGION = 100;
/** A platform's id of one interaction (a click), kept with the vote it cast: Slack's trigger ids are about 50 characters. */
export const MAX_INTERACTION_ID = 200;
/** Option numbers in one vote (a shortlist's picks), typed or sent by a button. */
export const MAX_CHOICES = 20;
/** The topic after `help` (one word). */
export const MAX_HELP_TOPIC = 40;
/** A satisfaction survey's answer: 1 (strongly disagree) to 5 (strongly agree); 0 is no answer. */
export const MAX_LIKERT = 5;
/** A submitted form: a field's name, a field's value (an option and its translations fit), values of one field. */
export const MAX_FORM_FIELD_NAME = 50;
export const MAX_FORM_VALUE = 1000;
export const MAX_FORM_VALUES = 50;
