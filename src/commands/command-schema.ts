/** Commands arriving as data (button values, card actions) are validated like any other input. */
import { z } from 'zod';
import { DelegationKind, Lang, Translations, UserId } from '../domain/model.ts';
import type { Command } from './command.ts';

const id = z
  .string()
  .regex(/^[A-Za-z]{1,2}\d{1,6}$/)
  .transform((s) => s.toUpperCase());
const text = z.string().trim().min(1).max(300);
/** A roster CSV sent as a file: 5,000 lines of a long delegation name and address fit. */
export const MAX_CSV = 2_000_000;
const n = z.number().int().positive().max(1000);
const launch = {
  deadline: z.string().max(40).optional(),
  live: z.boolean().optional(),
  eligible: z.enum(['members', 'all']).optional(),
  secret: z.boolean().optional(),
  quorum: z.number().min(0).max(1).optional(),
  proposals: z.number().int().min(0).max(10).optional(),
  lang: Lang.optional(),
};
const translations = z.array(Translations).max(10).optional();

export const CommandSchema: z.ZodType<Command> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('help'), topic: z.string().max(40).optional() }),
  z.object({
    type: z.literal('theme'),
    options: z.array(text).min(1).max(10),
    translations,
    single: z.boolean().optional(),
    ...launch,
  }),
  z.object({
    type: z.literal('topics'),
    options: z.array(text).min(2).max(10),
    translations,
    select: n.optional(),
    ...launch,
  }),
  z.object({
    type: z.literal('survey'),
    from: id.optional(),
    title: text.optional(),
    options: z.array(text).max(10).optional(),
    translations,
    ...launch,
  }),
  z.object({
    type: z.literal('feedback'),
    workshop: text,
    participants: n.optional(),
    invited: z.array(UserId).min(1).max(1000).optional(),
    statements: z.array(text).max(20).optional(),
    ...launch,
  }),
  z.object({ type: z.literal('propose'), id, text }),
  z.object({
    type: z.literal('vote'),
    id,
    choices: z.array(n).max(20),
    combine: z.tuple([n, n]).optional(),
    abstain: z.boolean().optional(),
  }),
  z.object({ type: z.literal('answer'), id, answers: z.array(z.number().int().min(0).max(5)).max(20) }),
  z.object({ type: z.literal('share'), id }),
  z.object({ type: z.literal('status'), id: id.optional() }),
  z.object({ type: z.literal('results'), id }),
  z.object({ type: z.literal('close'), id, confirm: z.boolean().optional() }),
  z.object({ type: z.literal('extend'), id, deadline: z.string().min(1).max(40) }),
  z.object({ type: z.literal('cancel'), id, confirm: z.boolean().optional() }),
  z.object({ type: z.literal('remind'), id }),
  z.object({ type: z.literal('export'), id }),
  z.object({ type: z.literal('report'), id, all: z.boolean().optional() }),
  z.object({ type: z.literal('history') }),
  z.object({
    type: z.literal('roster-add'),
    user: z.string().max(200),
    delegation: text,
    kind: DelegationKind,
    region: z.string().max(100).optional(),
  }),
  z.object({ type: z.literal('roster-remove'), user: z.string().max(200) }),
  z.object({ type: z.literal('roster-list') }),
  z.object({ type: z.literal('roster-import'), csv: z.string().max(MAX_CSV).optional() }),
  z.object({ type: z.literal('roster-export') }),
  z.object({ type: z.literal('lang'), lang: Lang }),
  z.object({ type: z.literal('propose-form'), id }),
  z.object({ type: z.literal('answer-form'), id }),
  z.object({ type: z.literal('withdraw'), id, option: n }),
  z.object({ type: z.literal('merge'), id, into: n, from: n }),
  z.object({
    type: z.literal('silence'),
    text,
    deadline: z.string().max(40).optional(),
    eligible: z.enum(['members', 'all']).optional(),
    lang: Lang.optional(),
  }),
  z.object({ type: z.literal('object'), id, reason: z.string().trim().max(300).optional() }),
  z.object({ type: z.literal('withdraw-objection'), id }),
  z.object({ type: z.literal('object-form'), id }),
]) as unknown as z.ZodType<Command>;

const FormSubmitOne = z.object({
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('vote'), id }),
    z.object({ type: z.literal('propose'), id }),
    z.object({ type: z.literal('feedback'), id }),
    z.object({ type: z.literal('object'), id }),
  ]),
  values: z.record(
    z.string().max(50),
    z.union([z.string().max(1000), z.array(z.string().max(1000)).max(50)]).optional(),
  ),
});

/** The roster import form: one long text of CSV lines. */
const RosterImportForm = z.object({
  action: z.object({ type: z.literal('roster-import'), id: z.literal('roster') }),
  values: z.object({ csv: z.string().max(MAX_CSV).optional() }),
});

export const FormSubmitSchema = z.union([RosterImportForm, FormSubmitOne]);
