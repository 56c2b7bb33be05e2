/**
 * The domain model, as zod schemas: one source for the TypeScript types and for
 * validating what the store loads from disk.
 */
import { z } from 'zod';
import { MAX_INTERACTION_ID, MAX_LIKERT, MAX_PROPOSALS, MAX_TEXT } from './limits.ts';

/**
 * A record keyed by ids that come from outside (delegations, users, adapters' keys), as a
 * null-prototype object: `constructor`, `__proto__` and `prototype` are keys like any other,
 * where a plain object would answer `in` for them or drop `__proto__` while parsing.
 */
function idRecord<V extends z.ZodType>(value: V) {
  return z.unknown().transform((input, ctx): Record<string, z.output<V>> => {
    const out = Object.create(null) as Record<string, z.output<V>>;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object' });
      return z.NEVER;
    }
    for (const [key, item] of Object.entries(input)) {
      const r = value.safeParse(item);
      if (!r.success) {
        for (const issue of r.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: [key, ...issue.path] });
        return z.NEVER;
      }
      out[key] = r.data;
    }
    return out;
  });
}

/** An empty idRecord, for new documents. */
export const emptyRecord = <V>(): Record<string, V> => Object.create(null) as Record<string, V>;

/**
 * A platform's name, as its adapter declares it: the core knows no list (the composition root
 * registers the adapters and checks configured users against them).
 */
export const Platform = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a platform name is lower-case letters, digits and dashes, e.g. chat');
export type Platform = z.infer<typeof Platform>;

/** A user across platforms: `<platform>:<id>`, the id as the platform's adapter writes it. */
export const UserId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}:\S+$/, 'a user is written <platform>:<id>, e.g. chat:U0123');
export type UserId = z.infer<typeof UserId>;

export function platformOf(user: UserId): Platform {
  return user.slice(0, user.indexOf(':')) as Platform;
}

/** A place a consultation runs in: a Slack channel id, a Teams conversation id, a web chat conversation. */
export const ChannelRef = z.object({ platform: Platform, id: z.string().min(1) });
export type ChannelRef = z.infer<typeof ChannelRef>;

export const LANGS = ['en', 'fr', 'es'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** An option's text in other languages, typed at launch as `fr:"…" es:"…"` after the option. */
export const Translations = z.partialRecord(Lang, z.string().min(1).max(MAX_TEXT));
export type Translations = z.infer<typeof Translations>;

export const DelegationKind = z.enum(['member', 'observer-state', 'observer-org']);
export type DelegationKind = z.infer<typeof DelegationKind>;

export const Delegation = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: DelegationKind,
  region: z.string().optional(),
  delegates: z.array(UserId),
  /** E-mail addresses imported for this delegation but not yet matched to a user: matched when that person first writes. */
  pending: z.array(z.string()).optional(),
});
export type Delegation = z.infer<typeof Delegation>;

/** `silence`: a text adopted unless an eligible delegation objects by the deadline (silence procedure). */
export const ConsultationKind = z.enum(['theme', 'topics', 'survey', 'feedback', 'silence']);
export type ConsultationKind = z.infer<typeof ConsultationKind>;

export const Option = z.object({
  /** 1-based number shown to voters and typed in `vote <id> <n>`. */
  n: z.number().int().positive(),
  text: z.string().min(1),
  /** The text in other languages; each delegate reads theirs, channel posts show every one (views/option-text.ts). */
  tr: Translations.optional(),
  /** Delegation that proposed it while the consultation was open; absent for the secretariat's options. */
  proposedBy: z.string().optional(),
  /** A combination request "A + B" in a shortlist: the numbers of the two combined topics. */
  combines: z.tuple([z.number().int(), z.number().int()]).optional(),
  /** Proposed or requested by a delegation of a secret consultation, which is never recorded (domain/secrecy.ts). */
  anonymous: z.literal(true).optional(),
  /**
   * An anonymous proposal's keyed tag of its delegation (secrecy.ts `proposerTag`): without the key it names
   * nobody; with it the core counts a delegation's proposals against the cap.
   */
  proposerTag: z.string().optional(),
  /** An anonymous option is shown on the ballot only from this publication slot on (domain/secrecy.ts). */
  publishAt: z.string().optional(),
  /** Withdrawn by the secretariat: kept so option numbers never change, but no longer on the ballot. */
  withdrawn: z.boolean().optional(),
  /** Merged by the secretariat into this option (set with `withdrawn`). */
  mergedInto: z.number().int().positive().optional(),
});
export type Option = z.infer<typeof Option>;

/**
 * A ballot. Recorded: keyed by delegation id, with who cast it and when.
 * Secret: keyed by a keyed hash of the delegation (or participant), with the choice only,
 * so a store dump cannot tell who chose what.
 */
const Ballot = z.object({
  choices: z.array(z.number().int().positive()),
  /** Satisfaction surveys: one Likert value (1 strongly disagree … 5 strongly agree) per statement, 0 = no answer. */
  answers: z.array(z.number().int().min(0).max(MAX_LIKERT)).optional(),
  at: z.string().optional(),
  by: UserId.optional(),
  platform: Platform.optional(),
  /** Theme polls and written surveys: the delegation abstains (counted in turnout, not in the majority base). */
  abstain: z.literal(true).optional(),
  /** Silence procedure: the objecting delegation's reason, if it gave one (objections are never secret). */
  reason: z.string().max(1000).optional(),
});

export const AuditEntry = z.object({
  at: z.string(),
  /** Absent on the entry of an anonymous proposal in a secret consultation. */
  by: UserId.optional(),
  platform: Platform.optional(),
  action: z.enum([
    'launch',
    'vote',
    'propose',
    'close',
    'extend',
    'cancel',
    'remind',
    'share',
    'export',
    /** A PDF report was generated; `detail` holds its languages ("en fr es"). */
    'report',
    'withdraw',
    'merge',
    'object',
    'withdraw-objection',
  ]),
  delegation: z.string().optional(),
  /** Only for recorded ballots: never written for secret ones. */
  choices: z.array(z.number().int()).optional(),
  /** The platform interaction (click) that cast a vote: a replay of it is recognised (domain/replays.ts). */
  click: z.string().max(MAX_INTERACTION_ID).optional(),
  detail: z.string().optional(),
  /** SHA-256 of the previous line of the trail (the store sets it when writing): the trail is a hash chain. */
  prev: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A posted ballot message, so later votes can update it in place. */
const PostedMessage = z.object({ channel: ChannelRef, ref: z.string() });

/**
 * A personal notice to a delegate, rendered in their language when it is delivered: a colleague
 * changed the delegation's ballot, its ballot was returned (option withdrawn), or the options changed.
 */
export const Notice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('colleague-vote'), delegation: z.string() }),
  z.object({ kind: z.literal('ballot-returned'), delegation: z.string(), option: z.number().int().positive() }),
  z.object({
    kind: z.literal('options-changed'),
    delegation: z.string(),
    change: z.enum(['added', 'withdrawn', 'merged']),
    option: z.number().int().positive(),
    into: z.number().int().positive().optional(),
  }),
]);
export type Notice = z.infer<typeof Notice>;

/** A durable delivery the bot still owes (reminders, results, notices): survives restarts, removed once sent. */
export const OutboxEntry = z.object({
  key: z.string(),
  type: z.enum(['reminder', 'results', 'notice']),
  notice: Notice.optional(),
  user: UserId.optional(),
  channel: ChannelRef.optional(),
  /** Set when a delivery starts; still set after a restart means the crash came mid-delivery. */
  sending: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const Consultation = z.object({
  id: z.string().min(1),
  kind: ConsultationKind,
  /** Empty for theme polls and shortlists launched without one: views then show the kind, in the reader's language. */
  title: z.string(),
  options: z.array(Option),
  /** How many options a ballot may choose: 1 = single choice decided by majority; N = approval, top N selected. */
  select: z.number().int().positive(),
  /** How the result is decided: an absolute majority (theme polls) or the top `select` options (shortlists). */
  method: z.enum(['majority', 'top']).optional(),
  /** Satisfaction surveys: the Likert statements. */
  statements: z.array(z.string()).optional(),
  /** Satisfaction surveys: how many took part, for the response rate. */
  participants: z.number().int().positive().optional(),
  /**
   * Satisfaction surveys: the participants the secretariat listed at launch. When set, only they may
   * answer (and `participants` is their number); when absent, delegates on the roster may.
   */
  invited: z.array(UserId).optional(),
  channels: z.array(ChannelRef),
  posted: z.array(PostedMessage),
  openedAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().optional(),
  status: z.enum(['open', 'closed', 'cancelled']),
  eligibility: z.enum(['members', 'all']),
  visibility: z.enum(['hidden', 'live']),
  secrecy: z.enum(['recorded', 'secret']),
  /** Share of eligible delegations that must answer for a conclusive result (0..1). */
  quorum: z.number().min(0).max(1).optional(),
  /** How many options each delegation may propose (default PROPOSAL_CAP); 0 turns proposals off. */
  proposalCap: z.number().int().min(0).max(MAX_PROPOSALS).optional(),
  createdBy: UserId,
  /** The launcher's language: used for messages posted to channels. */
  lang: Lang,
  /** The consultation a written survey was launched from. */
  source: z.string().optional(),
  ballots: idRecord(Ballot),
  /** Secret ballots: which delegations have answered (never their choice), kept sorted. */
  answered: z.array(z.string()),
  /** Secret ballots: the salt of the current pseudonyms, new at every ballot (domain/secrecy.ts). */
  ballotSalt: z.string().optional(),
  /** Reminder slots already handled (ISO times). */
  remindersDone: z.array(z.string()),
  outbox: z.array(OutboxEntry),
  audit: z.array(AuditEntry),
  /** SHA-256 of the last line of the audit trail on disk: shown with the results, so a recount can be checked. */
  auditHead: z.string().optional(),
  /** Clicks applied, as files written before the audit trail named them kept them (domain/replays.ts). */
  applied: z.array(z.object({ id: z.string().max(200), at: z.string() })).optional(),
});
export type Consultation = z.infer<typeof Consultation>;

const UserPrefs = z.object({
  /** Chosen with `lang`: wins over the platform locale. */
  lang: Lang.optional(),
  /** Last platform locale seen (e.g. fr-FR), used for reminders sent outside a request. */
  locale: z.string().optional(),
});

/** What the roster knows of a person beyond their id: the name and e-mail their platform gave. */
const Person = z.object({ name: z.string().optional(), email: z.string().optional() });

/** The small, frequently read document: roster, preferences, id counters, adapter state. */
export const Meta = z.object({
  version: z.literal(1),
  delegations: z.array(Delegation),
  /** Secretariat members added in the store (the SECRETARIAT variable adds more). */
  secretariat: z.array(UserId),
  prefs: idRecord(UserPrefs),
  counters: idRecord(z.number().int().nonnegative()),
  /** Opaque per-adapter state, e.g. Teams conversation references, keyed by adapter then key. */
  adapters: idRecord(idRecord(z.unknown())),
  /** Display names and e-mails of roster users, keyed by user id: roster views show names, not ids. */
  people: z.record(z.string(), Person).optional(),
  /** Keyed hash of a constant under the secret-ballot key: a different key is refused at start (adapters/ballot-key.ts). */
  ballotKeyFingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type Meta = z.infer<typeof Meta>;

export function emptyMeta(): Meta {
  return {
    version: 1,
    delegations: [],
    secretariat: [],
    prefs: emptyRecord(),
    counters: emptyRecord(),
    adapters: emptyRecord(),
  };
}
