/**
 * The platform-neutral card: what the core says, as data. Each adapter renders it
 * (Block Kit for Slack, Adaptive Cards 1.5 for Teams and the web chat). Texts are already
 * in the reader's language. Adapters must render every block and never drop text.
 */
import type { ChannelRef, ConsultationKind } from '../domain/model.ts';
import type { Command } from '../commands/command.ts';

export interface Card {
  title: string;
  blocks: CardBlock[];
}

export type TextStyle = 'normal' | 'muted' | 'warning' | 'error' | 'success';

export type CardBlock =
  | { type: 'text'; text: string; style?: TextStyle }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /** A result line: an option with its count and share (0..1), drawn as a bar. */
  | { type: 'bar'; label: string; value: string; share: number }
  /**
   * A chart as a PNG of `width` × `height` pixels. `alt` says in words what it shows. The text
   * blocks beside it carry the same figures, so a surface that cannot show images loses nothing.
   */
  | {
      type: 'image';
      png: Uint8Array;
      alt: string;
      width: number;
      height: number;
      /** Where the bot serves the same PNG, when it has a public URL: hosts that fetch images by URL use it. */
      url?: string;
    }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'form'; form: Form };

export interface Button {
  /** Short label (≤ 75 chars, never cut mid-word); the full text is in a text block above. */
  label: string;
  command: Command;
  style?: 'primary' | 'danger';
}

/** Inputs the adapter shows and whose values it sends back with `FormSubmit`. */
export interface Form {
  /** Stable id of this form, e.g. `vote:T1`, unique within a card. */
  id: string;
  inputs: FormInput[];
  submit: { label: string; action: FormAction };
}

/**
 * `value`: what the field shows filled in (a form sent back after an error keeps what was typed);
 * `error`: why the last submission was refused, shown beside this field.
 */
interface InputCommon {
  id: string;
  label: string;
  required: boolean;
  error?: string;
}

export type FormInput =
  | (InputCommon & {
      type: 'choice';
      options: { value: string; label: string }[];
      multi: boolean;
      max?: number;
      value?: string[];
    })
  | (InputCommon & { type: 'text'; placeholder?: string; maxLength: number; value?: string })
  /** A calendar date, YYYY-MM-DD. */
  | (InputCommon & { type: 'date'; value?: string })
  /** A time of day, HH:mm. */
  | (InputCommon & { type: 'time'; value?: string });

/** What a submitted form asks for; the core reads the values, the adapter does not interpret them. */
export type FormAction =
  | { type: 'vote'; id: string }
  | { type: 'propose'; id: string }
  | { type: 'feedback'; id: string }
  | { type: 'object'; id: string }
  /** The roster import form (its id is fixed: adapters carry every form action with an id). */
  | { type: 'roster-import'; id: 'roster' }
  /**
   * The launch form of one kind of consultation (views/launch-form.ts). `channel`: where it was asked
   * for, which is where the ballot goes, even when the form itself was answered in a personal chat.
   */
  | { type: 'launch'; id: ConsultationKind; channel?: ChannelRef };

export interface FormSubmit {
  action: FormAction;
  values: Record<string, string | string[] | undefined>;
}
