/**
 * A command, platform-neutral: what a slash command, a typed Teams message or a button asks for.
 * The parser turns text into one of these; buttons carry one ready-made. Declared once, in the
 * table (table.ts): these types are inferred from its schemas.
 */
import type { z } from 'zod';
import type { CommandSchema } from './command-schema.ts';
import type { LaunchOptionsSchema } from './table.ts';

export type Command = z.output<typeof CommandSchema>;
export type LaunchOptions = z.output<typeof LaunchOptionsSchema>;
/** The command of one type (or of several: `CommandOf<'close' | 'cancel'>`). */
export type CommandOf<K extends Command['type']> = Extract<Command, { type: K }>;
