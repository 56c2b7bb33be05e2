/**
 * A command, platform-neutral: what a slash command, a typed Teams message or a button asks for.
 * The parser turns text into one of these; buttons carry one ready-made. Declared once, as the
 * schema in command-schema.ts: these types are inferred from it.
 */
import type { z } from 'zod';
import type { CommandSchema, LaunchOptionsSchema } from './command-schema.ts';

export type Command = z.output<typeof CommandSchema>;
export type LaunchOptions = z.output<typeof LaunchOptionsSchema>;
