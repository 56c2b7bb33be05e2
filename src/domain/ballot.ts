/**
 * Casting a ballot and proposing options. One delegation, one voice: the latest ballot of a
 * delegation replaces its earlier one, and every ballot is appended to the audit trail.
 * Every check runs before anything is changed, so a refused request changes nothing.
 */
import { fail, problem } from '../errors.ts';
import type { Consultation, Delegation, Option, Platform, Translations, UserId } from './model.ts';
import { ballotKey, coarseTime, isPublished, rekeyBallots, sortedRecord } from './secrecy.ts';
import { methodOf } from './tally.ts';
import { cleanOptionText, lookAlike, lookAlikePair, optionKey } from './look-alike.ts';

export function requireOpen(c: Readonly<Consultation>, now: Date): void {
  if (c.status === 'cancelled') fail('cancelled', problem('cancelled', c.id));
  if (c.status === 'closed' || now.getTime() >= Date.parse(c.closesAt)) fail('closed', problem('closed', c.id));
}

export interface Vote {
  choices: number[];
  combine?: [number, number];
  /** Theme polls and written surveys: the delegation abstains (no choice). */
  abstain?: boolean;
}

/** Abstaining is an answer in theme polls and written surveys: it counts in turnout, not in the majority base. */
export function allowsAbstain(c: Pick<Consultation, 'kind'>): boolean {
  return c.kind === 'theme' || c.kind === 'survey';
}

/** Checks a vote against the options, without changing anything. */
export function checkVote(c: Readonly<Consultation>, vote: Vote, now: Date): void {
  if (c.kind === 'feedback') fail('invalid', problem('isFeedback', c.id));
  if (c.kind === 'silence') fail('invalid', problem('isSilence', c.id));
  if (vote.abstain) {
    if (!allowsAbstain(c)) fail('bad-choice', problem('notAbstainable', c.id));
    if (vote.choices.length > 0 || vote.combine) fail('bad-choice', problem('abstainAlone'));
    return;
  }
  // Withdrawn and merged options keep their numbers but take no more votes; an option not yet published
  // is not on anyone's ballot (choosing it by number would reveal that it exists).
  const known = (n: number) => c.options.some((o) => o.n === n && !o.withdrawn && isPublished(o, now));
  const all = [...vote.choices, ...(vote.combine ?? [])];
  if (all.length === 0) fail('bad-choice', problem('noChoice'));
  for (const n of all) if (!known(n)) fail('bad-choice', problem('badChoice', c.id, c.options.length));
  if (vote.combine) {
    if (methodOf(c) !== 'top') fail('bad-choice', problem('notShortlist'));
    if (vote.combine[0] === vote.combine[1]) fail('bad-choice', problem('sameTwice'));
  }
  const count = new Set(vote.choices).size + (vote.combine ? 1 : 0);
  if (count > c.select) fail('bad-choice', problem('tooManyChoices', c.select));
}

/**
 * Finds or adds the "A + B" option of a combination request; returns its number. In a secret
 * consultation the option names no delegation and waits for `publishAt` (domain/secrecy.ts).
 */
const publication = (voter: Voter): { publishAt?: string } =>
  voter.publishAt ? { publishAt: voter.publishAt().toISOString() } : {};

function combinationOption(c: Consultation, [a, b]: [number, number], voter: Voter): number {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const existing = c.options.find((o) => o.combines && o.combines[0] === lo && o.combines[1] === hi);
  if (existing) return existing.n;
  const text = (n: number) => c.options.find((o) => o.n === n)!.text;
  const option: Option = {
    n: c.options.length + 1,
    text: `${text(lo)} + ${text(hi)}`,
    combines: [lo, hi],
    ...(c.secrecy === 'secret' ? { anonymous: true, ...publication(voter) } : { proposedBy: voter.delegation.id }),
  };
  c.options.push(option);
  return option.n;
}

export interface Voter {
  delegation: Delegation;
  user: UserId;
  platform: Platform;
  at: Date;
  secret: string;
  /**
   * Secret consultations: when an option this ballot creates reaches the ballot (domain/secrecy.ts).
   * A function, because only a combination request needs it and its time-zone math costs more than the vote.
   */
  publishAt?: () => Date;
  /** The click that cast this ballot, logged with it so that a replay is recognised (domain/replays.ts). */
  click?: string;
}

/** Records a delegation's ballot (after checkVote and the eligibility check). Returns the chosen option numbers. */
export function castVote(c: Consultation, vote: Vote, voter: Voter): number[] {
  const choices = [...new Set(vote.choices)];
  if (vote.combine) choices.push(combinationOption(c, vote.combine, voter));
  const at = voter.at.toISOString();
  const abstain = vote.abstain ? { abstain: true as const } : {};
  if (c.secrecy === 'secret') {
    c.ballots[ballotKey(c, voter.delegation.id, voter.secret)] = { choices, ...abstain };
    if (!c.answered.includes(voter.delegation.id)) c.answered = [...c.answered, voter.delegation.id].sort();
    rekeyBallots(c, voter.secret);
    c.audit.push({
      at: coarseTime(voter.at),
      by: voter.user,
      platform: voter.platform,
      action: 'vote',
      delegation: voter.delegation.id,
      ...(voter.click ? { click: voter.click } : {}),
    });
  } else {
    c.ballots[voter.delegation.id] = { choices, at, by: voter.user, platform: voter.platform, ...abstain };
    c.audit.push({
      at,
      by: voter.user,
      platform: voter.platform,
      action: 'vote',
      delegation: voter.delegation.id,
      choices,
      ...(vote.abstain ? { detail: 'abstain' } : {}),
      ...(voter.click ? { click: voter.click } : {}),
    });
  }
  return choices;
}

/**
 * Who may answer a satisfaction survey: the participants listed at launch if there is a list,
 * otherwise delegates on the roster. Everyone else is refused, politely, and nothing is recorded.
 */
export function requireParticipant(c: Readonly<Consultation>, user: UserId, onRoster: boolean): void {
  if (c.invited ? !c.invited.includes(user) : !onRoster) fail('ineligible', problem('notParticipant', c.id, c.title));
}

/** Satisfaction surveys: one anonymous answer per participant; the latest counts. */
export function recordAnswers(
  c: Consultation,
  answers: number[],
  user: UserId,
  secret: string,
  onRoster: boolean,
): void {
  const statements = c.statements ?? [];
  if (c.kind !== 'feedback') fail('invalid', problem('notFeedback', c.id));
  requireParticipant(c, user, onRoster);
  if (answers.length !== statements.length || answers.every((a) => a === 0)) {
    fail('invalid', problem('badAnswers', statements.length));
  }
  const key = ballotKey({ id: c.id, secrecy: 'secret' }, user, secret);
  c.ballots = sortedRecord({ ...c.ballots, [key]: { choices: [], answers } });
}

export function hasAnswered(c: Readonly<Consultation>, voter: string, secret: string): boolean {
  if (c.kind === 'feedback') return Object.hasOwn(c.ballots, ballotKey({ id: c.id, secrecy: 'secret' }, voter, secret));
  return c.secrecy === 'secret' ? c.answered.includes(voter) : Object.hasOwn(c.ballots, voter);
}

/**
 * A delegation proposes an option while the consultation is open. In a secret consultation the
 * proposal is anonymous (proposing reveals a preference): neither the option nor its audit entry
 * names the delegation or the user, and the option waits for `publishAt` to reach the ballot.
 * A text that looks like an active option (see look-alike.ts) is refused, naming that option.
 */
export function proposeOption(
  c: Consultation,
  proposed: string,
  delegation: string,
  user: UserId,
  platform: Platform,
  at: Date,
  secret: { publishAt?: Date; proposerTag?: string } = {},
): Option {
  const text = requireOptionText(proposed);
  const same = lookAlike(
    c.options.filter((o) => !o.withdrawn),
    text,
  );
  if (same) fail('invalid', problem('duplicateOption', same.n, same.text));
  // The secretariat's own additions name no delegation: they are published at once, as in any consultation.
  if (c.secrecy === 'secret' && delegation !== 'secretariat') {
    const option: Option = {
      n: c.options.length + 1,
      text,
      anonymous: true,
      ...(secret.proposerTag ? { proposerTag: secret.proposerTag } : {}),
      ...(secret.publishAt ? { publishAt: secret.publishAt.toISOString() } : {}),
    };
    c.options.push(option);
    c.audit.push({ at: coarseTime(at), action: 'propose', detail: text });
    return option;
  }
  const option: Option = { n: c.options.length + 1, text, proposedBy: delegation };
  c.options.push(option);
  c.audit.push({ at: at.toISOString(), by: user, platform, action: 'propose', delegation, detail: text });
  return option;
}

/** An option's text as stored (see cleanOptionText), refused when nothing readable is left. */
function requireOptionText(text: string): string {
  const clean = cleanOptionText(text);
  if (!optionKey(clean)) fail('invalid', problem('emptyOption'));
  return clean;
}

/**
 * The options of a launch, numbered from 1, with their translations; two that look like the same
 * option (in any of their languages) are refused.
 */
export function launchOptions(texts: readonly string[], translations: readonly Translations[] = []): Option[] {
  const options: Option[] = texts.map((text, i) => {
    const tr = Object.fromEntries(
      Object.entries(translations[i] ?? {}).map(([lang, t]) => [lang, requireOptionText(t ?? '')]),
    ) as Translations;
    const clean = requireOptionText(text);
    return Object.keys(tr).length > 0 ? { n: i + 1, text: clean, tr } : { n: i + 1, text: clean };
  });
  const pair = lookAlikePair(options);
  if (pair) fail('invalid', problem('lookAlikeOptions', pair[0] + 1, pair[1] + 1));
  return options;
}
