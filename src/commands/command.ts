/**
 * A command, platform-neutral: what a slash command, a typed Teams message or a button asks for.
 * The parser turns text into one of these; buttons carry one ready-made.
 */
import type { DelegationKind, Lang, Translations } from '../domain/model.ts';

export interface LaunchOptions {
  deadline?: string;
  live?: boolean;
  eligible?: 'members' | 'all';
  secret?: boolean;
  quorum?: number;
  /** Options each delegation may propose (default 3; 0: none). */
  proposals?: number;
  /** The language of the channel posts (ballot, results); default the launcher's. */
  lang?: Lang;
}

/** Index-aligned with `options`: each option's other languages. */
type Translated = { translations?: Translations[] };

export type Command =
  | { type: 'help'; topic?: string }
  /** `single`: one option is enough (a yes/no question such as "adopt the theme?"). */
  | ({ type: 'theme'; options: string[]; single?: boolean } & Translated & LaunchOptions)
  | ({ type: 'topics'; options: string[]; select?: number } & Translated & LaunchOptions)
  | ({ type: 'survey'; from?: string; title?: string; options?: string[] } & Translated & LaunchOptions)
  | ({
      type: 'feedback';
      workshop: string;
      participants?: number;
      /** The participants by name (users); when given, only they may answer. */
      invited?: string[];
      statements?: string[];
    } & LaunchOptions)
  | { type: 'propose'; id: string; text: string }
  /** `choices` are option numbers; `combine` asks for "A + B" as one option (shortlists). */
  | { type: 'vote'; id: string; choices: number[]; combine?: [number, number]; abstain?: boolean }
  | { type: 'answer'; id: string; answers: number[] }
  | { type: 'share'; id: string }
  | { type: 'status'; id?: string }
  | { type: 'results'; id: string }
  /** Without `confirm`, close and cancel only ask for confirmation. */
  | { type: 'close'; id: string; confirm?: boolean }
  | { type: 'extend'; id: string; deadline: string }
  | { type: 'cancel'; id: string; confirm?: boolean }
  | { type: 'remind'; id: string }
  | { type: 'export'; id: string }
  /** The results as a PDF for the secretariat: in the requester's language, or `all` three one after another. */
  | { type: 'report'; id: string; all?: boolean }
  /** Past themes and workshops from the public record, and the consultations closed here. */
  | { type: 'history' }
  | { type: 'roster-add'; user: string; delegation: string; kind: DelegationKind; region?: string }
  | { type: 'roster-remove'; user: string }
  | { type: 'roster-list' }
  /** Lines of CSV (delegation,kind,region,user); without them, the form to paste them in. */
  | { type: 'roster-import'; csv?: string }
  | { type: 'roster-export' }
  | { type: 'lang'; lang: Lang }
  /** Open the form to propose an option (adapters show it as a modal or card form). */
  | { type: 'propose-form'; id: string }
  /** Open the survey form (written survey or satisfaction survey). */
  | { type: 'answer-form'; id: string }
  /** Moderation by the secretariat: withdraw a proposed option; fold option `from` into option `into`. */
  | { type: 'withdraw'; id: string; option: number }
  | { type: 'merge'; id: string; into: number; from: number }
  /** The silence procedure: launch it, object (with an optional reason), withdraw the objection. */
  | { type: 'silence'; text: string; deadline?: string; eligible?: 'members' | 'all'; lang?: Lang }
  | { type: 'object'; id: string; reason?: string }
  | { type: 'withdraw-objection'; id: string }
  /** Open the objection form (reason optional). */
  | { type: 'object-form'; id: string };
