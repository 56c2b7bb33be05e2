/**
 * Every command, declared once, in three parts:
 * - COMMANDS: each command type's schema: `CommandSchema` (command-schema.ts) is their union, `Command` its output;
 * - HELP: the help card's usage lines (catalogues' `help.commands`), in order, for everyone or the secretariat only;
 * - WORDS: each typed word, the usage line its errors quote and the command types its parser may make.
 * The parser (parse.ts) and the router (route.ts) are typed against these: a word without a parser, a parser
 * that makes a type its word does not declare, or a command type without a handler does not compile.
 * Commands that only arrive as data (buttons, forms: propose-form, answer-form, object-form) have no word.
 * To add a command: its schema in COMMANDS, its word in WORDS (and a line in HELP if it needs a new one); the
 * compiler then asks for its parser and its handler.
 */
import { z } from 'zod';
import { ConsultationKind, DelegationKind, Lang, Translations, UserId } from '../domain/model.ts';
import {
  MAX_CHOICES,
  MAX_CSV,
  MAX_DEADLINE_TEXT,
  MAX_HELP_TOPIC,
  MAX_LIKERT,
  MAX_OPTIONS,
  MAX_PARTICIPANTS,
  MAX_PROPOSALS,
  MAX_REGION,
  MAX_STATEMENTS,
  MAX_TEXT,
  MAX_USER_REF,
} from '../domain/limits.ts';
import type { CommandOf } from './command.ts';
import type { UsageKey } from './usage.ts';

/** A consultation id as typed or sent (`t1` is T1); the form schema (command-schema.ts) reads it too. */
export const id = z
  .string()
  .regex(/^[A-Za-z]{1,2}\d{1,6}$/)
  .transform((s) => s.toUpperCase());
const text = z.string().trim().min(1).max(MAX_TEXT);
const n = z.number().int().positive().max(MAX_PARTICIPANTS);
const eligible = z.enum(['members', 'all']);

/** The trailing words every launch accepts. */
export const LaunchOptionsSchema = z.object({
  deadline: z.string().max(MAX_DEADLINE_TEXT).optional(),
  live: z.boolean().optional(),
  eligible: eligible.optional(),
  secret: z.boolean().optional(),
  /** Share of eligible delegations that must answer (0..1). */
  quorum: z.number().min(0).max(1).optional(),
  /** Options each delegation may propose (default 3; 0: none). */
  proposals: z.number().int().min(0).max(MAX_PROPOSALS).optional(),
  /** The language of the channel posts (ballot, results); default the launcher's. */
  lang: Lang.optional(),
});
const launch = LaunchOptionsSchema.shape;
/** Index-aligned with `options`: each option's other languages. */
const translations = z.array(Translations).max(MAX_OPTIONS).optional();

/**
 * Every command type and what it carries. The discriminated union is built from this list (`CommandSchema`), and
 * `Command` is inferred from it; the parser's output and the router's handlers are typed against it.
 */
export const COMMANDS = [
  z.object({ type: z.literal('help'), topic: z.string().max(MAX_HELP_TOPIC).optional() }),
  /** `single`: one option is enough (a yes/no question such as "adopt the theme?"). */
  z.object({
    type: z.literal('theme'),
    options: z.array(text).min(1).max(MAX_OPTIONS),
    translations,
    single: z.boolean().optional(),
    ...launch,
  }),
  z.object({
    type: z.literal('topics'),
    options: z.array(text).min(2).max(MAX_OPTIONS),
    translations,
    select: n.optional(),
    ...launch,
  }),
  /** From a closed consultation (`from`), or with its own title and options. */
  z.object({
    type: z.literal('survey'),
    from: id.optional(),
    title: text.optional(),
    options: z.array(text).max(MAX_OPTIONS).optional(),
    translations,
    ...launch,
  }),
  z.object({
    type: z.literal('feedback'),
    workshop: text,
    participants: n.optional(),
    /** The participants by name (users); when given, only they may answer. */
    invited: z.array(UserId).min(1).max(MAX_PARTICIPANTS).optional(),
    statements: z.array(text).max(MAX_STATEMENTS).optional(),
    ...launch,
  }),
  z.object({ type: z.literal('propose'), id, text }),
  /** `choices` are option numbers; `combine` asks for "A + B" as one option (shortlists). */
  z.object({
    type: z.literal('vote'),
    id,
    choices: z.array(n).max(MAX_CHOICES),
    combine: z.tuple([n, n]).optional(),
    abstain: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('answer'),
    id,
    answers: z.array(z.number().int().min(0).max(MAX_LIKERT)).max(MAX_STATEMENTS),
  }),
  z.object({ type: z.literal('share'), id }),
  z.object({ type: z.literal('status'), id: id.optional() }),
  z.object({ type: z.literal('results'), id }),
  /** Without `confirm`, close and cancel only ask for confirmation. */
  z.object({ type: z.literal('close'), id, confirm: z.boolean().optional() }),
  z.object({ type: z.literal('extend'), id, deadline: z.string().min(1).max(MAX_DEADLINE_TEXT) }),
  z.object({ type: z.literal('cancel'), id, confirm: z.boolean().optional() }),
  z.object({ type: z.literal('remind'), id }),
  z.object({ type: z.literal('export'), id }),
  /** The results as a PDF for the secretariat: in the requester's language, or `all` three one after another. */
  z.object({ type: z.literal('report'), id, all: z.boolean().optional() }),
  /** Past themes and workshops from the public record, and the consultations closed here. */
  z.object({ type: z.literal('history') }),
  z.object({
    type: z.literal('roster-add'),
    user: z.string().max(MAX_USER_REF),
    delegation: text,
    kind: DelegationKind,
    region: z.string().max(MAX_REGION).optional(),
  }),
  z.object({ type: z.literal('roster-remove'), user: z.string().max(MAX_USER_REF) }),
  z.object({ type: z.literal('roster-list') }),
  /** Lines of CSV (delegation,kind,region,user); without them, the form to paste them in. */
  z.object({ type: z.literal('roster-import'), csv: z.string().max(MAX_CSV).optional() }),
  z.object({ type: z.literal('roster-export') }),
  z.object({ type: z.literal('lang'), lang: Lang }),
  /** Open the form to propose an option (adapters show it as a modal or card form). */
  z.object({ type: z.literal('propose-form'), id }),
  /** Open the survey form (written survey or satisfaction survey). */
  z.object({ type: z.literal('answer-form'), id }),
  /** Moderation by the secretariat: withdraw a proposed option; fold option `from` into option `into`. */
  z.object({ type: z.literal('withdraw'), id, option: n }),
  z.object({ type: z.literal('merge'), id, into: n, from: n }),
  /** The silence procedure: launch it, object (with an optional reason), withdraw the objection. */
  z.object({
    type: z.literal('silence'),
    text,
    deadline: z.string().max(MAX_DEADLINE_TEXT).optional(),
    eligible: eligible.optional(),
    lang: Lang.optional(),
    /** Never allowed (objections are public): kept so a form that asks for it gets the reason. */
    secret: z.boolean().optional(),
  }),
  z.object({ type: z.literal('object'), id, reason: z.string().trim().max(MAX_TEXT).optional() }),
  z.object({ type: z.literal('withdraw-objection'), id }),
  /** Open the objection form (reason optional). */
  z.object({ type: z.literal('object-form'), id }),
  /** Open the launch form of a kind (`theme` typed alone): every option of the typed command, as inputs. */
  z.object({ type: z.literal('launch-form'), kind: ConsultationKind }),
] as const;

export type CommandType = z.output<(typeof COMMANDS)[number]>['type'];

/** The help card's lines, in the order shown; the secretariat sees both groups. */
export const HELP = {
  everyone: ['help', 'vote', 'propose', 'object', 'status', 'results', 'history', 'share', 'lang'],
  secretariat: [
    'theme',
    'topics',
    'survey',
    'languages',
    'feedback',
    'silence',
    'manage',
    'moderate',
    'report',
    'roster',
  ],
} as const satisfies Record<string, readonly UsageKey[]>;

type Shown = (typeof HELP)[keyof typeof HELP][number];

/**
 * The typed words: `usage` is the help line quoted when the word is mistyped (one shown in HELP, or this does not
 * compile); `makes`, the command types its parser may return (`theme` alone opens the launch form).
 */
export const WORDS = {
  help: { usage: 'help', makes: ['help'] },
  theme: { usage: 'theme', makes: ['theme', 'launch-form'] },
  topics: { usage: 'topics', makes: ['topics', 'launch-form'] },
  survey: { usage: 'survey', makes: ['survey', 'launch-form'] },
  feedback: { usage: 'feedback', makes: ['feedback', 'launch-form'] },
  propose: { usage: 'propose', makes: ['propose'] },
  vote: { usage: 'vote', makes: ['vote'] },
  answer: { usage: 'vote', makes: ['answer'] },
  share: { usage: 'share', makes: ['share'] },
  status: { usage: 'status', makes: ['status'] },
  results: { usage: 'results', makes: ['results'] },
  close: { usage: 'manage', makes: ['close'] },
  cancel: { usage: 'manage', makes: ['cancel'] },
  withdraw: { usage: 'moderate', makes: ['withdraw', 'withdraw-objection'] },
  merge: { usage: 'moderate', makes: ['merge'] },
  silence: { usage: 'silence', makes: ['silence', 'launch-form'] },
  object: { usage: 'object', makes: ['object'] },
  remind: { usage: 'manage', makes: ['remind'] },
  export: { usage: 'manage', makes: ['export'] },
  report: { usage: 'report', makes: ['report'] },
  history: { usage: 'history', makes: ['history'] },
  extend: { usage: 'manage', makes: ['extend'] },
  lang: { usage: 'lang', makes: ['lang'] },
  roster: { usage: 'roster', makes: ['roster-add', 'roster-remove', 'roster-list', 'roster-import', 'roster-export'] },
} as const satisfies Record<string, { usage: Shown; makes: readonly CommandType[] }>;

export type Word = keyof typeof WORDS;

/** A parser for each word (`R`: what it reads from), returning only the command types that word makes. */
export type Parsers<R> = { [W in Word]: (r: R) => CommandOf<(typeof WORDS)[W]['makes'][number]> };

/** Own keys only: `constructor` or `__proto__` are not commands, whatever Object.prototype holds. */
export function isWord(s: string): s is Word {
  return Object.hasOwn(WORDS, s);
}
