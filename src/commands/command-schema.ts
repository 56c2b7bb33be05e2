/** The commands that arrive as data (buttons, card actions, forms), validated; built from the table (table.ts). */
import { z } from 'zod';
import { ChannelRef, ConsultationKind } from '../domain/model.ts';
import { MAX_CSV, MAX_FORM_FIELD_NAME, MAX_FORM_VALUE, MAX_FORM_VALUES } from '../domain/limits.ts';
import { COMMANDS, id } from './table.ts';

export const CommandSchema = z.discriminatedUnion('type', COMMANDS);

const FormSubmitOne = z.object({
  action: z.discriminatedUnion('type', [
    z.object({ type: z.literal('vote'), id }),
    z.object({ type: z.literal('propose'), id }),
    z.object({ type: z.literal('feedback'), id }),
    z.object({ type: z.literal('object'), id }),
    z.object({ type: z.literal('launch'), id: ConsultationKind, channel: ChannelRef.optional() }),
  ]),
  values: z.record(
    z.string().max(MAX_FORM_FIELD_NAME),
    z.union([z.string().max(MAX_FORM_VALUE), z.array(z.string().max(MAX_FORM_VALUE)).max(MAX_FORM_VALUES)]).optional(),
  ),
});

/** The roster import form: one long text of CSV lines. */
const RosterImportForm = z.object({
  action: z.object({ type: z.literal('roster-import'), id: z.literal('roster') }),
  values: z.object({ csv: z.string().max(MAX_CSV).optional() }),
});

export const FormSubmitSchema = z.union([RosterImportForm, FormSubmitOne]);
