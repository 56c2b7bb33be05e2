/**
 * Counting and deciding. Single choice (select = 1): an absolute majority of ballots cast wins;
 * abstentions count in turnout but not in that majority base.
 * Approval (select = N): the N options with most approvals are selected, and a tie at the cut
 * is reported, never broken silently. Below the quorum, the result is inconclusive.
 */
import type { Consultation, Delegation, Meta } from './model.ts';
import { eligibleDelegations, isEligible } from './eligibility.ts';
import { hasDelegates } from './roster.ts';

export interface OptionCount {
  n: number;
  text: string;
  count: number;
  /** count / ballots cast (0 when none). */
  share: number;
}

export type Decision =
  | { type: 'winner'; option: number }
  | { type: 'selected'; options: number[] }
  | { type: 'inconclusive'; reason: 'tie'; options: number[] }
  | { type: 'inconclusive'; reason: 'tie-at-cut'; options: number[]; selected: number[] }
  | { type: 'inconclusive'; reason: 'no-majority' | 'no-ballots' | 'all-abstained' }
  | { type: 'inconclusive'; reason: 'low-turnout'; turnout: number; quorum: number };

export interface GroupTurnout {
  group: string;
  answered: number;
  eligible: number;
}

interface Turnout {
  answered: number;
  eligible: number;
  share: number;
  byKind: GroupTurnout[];
  byRegion: GroupTurnout[];
}

export interface Tally {
  cast: number;
  /** Ballots that abstain: part of `cast` and of turnout, not of the majority base (`cast - abstained`). */
  abstained: number;
  options: OptionCount[];
  turnout: Turnout;
  decision: Decision;
}

/** Looks each eligible delegation up, rather than listing every ballot (100k in a big survey). */
function answeredLookup(c: Readonly<Consultation>): { has(id: string): boolean } {
  const secretAnswered = c.secrecy === 'secret' ? new Set(c.answered) : undefined;
  return { has: (id) => (secretAnswered ? secretAnswered.has(id) : Object.hasOwn(c.ballots, id)) };
}

/** Answered / eligible only: what every ballot shows, drawn on each vote, so without the breakdowns. */
export function turnoutCount(meta: Readonly<Meta>, c: Readonly<Consultation>): { answered: number; eligible: number } {
  const answeredIds = answeredLookup(c);
  let answered = 0;
  let eligible = 0;
  for (const d of meta.delegations) {
    if (!hasDelegates(d) || !isEligible(d, c)) continue;
    eligible++;
    if (answeredIds.has(d.id)) answered++;
  }
  return { answered, eligible };
}

function turnout(meta: Readonly<Meta>, c: Readonly<Consultation>): Turnout {
  const eligible = eligibleDelegations(meta, c);
  const answeredIds = answeredLookup(c);
  const group = (key: (d: Delegation) => string): GroupTurnout[] => {
    const groups = new Map<string, GroupTurnout>();
    for (const d of eligible) {
      const g = groups.get(key(d)) ?? { group: key(d), answered: 0, eligible: 0 };
      g.eligible++;
      if (answeredIds.has(d.id)) g.answered++;
      groups.set(g.group, g);
    }
    return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group));
  };
  const answered = eligible.filter((d) => answeredIds.has(d.id)).length;
  return {
    answered,
    eligible: eligible.length,
    share: eligible.length ? answered / eligible.length : 0,
    byKind: group((d) => d.kind),
    // Delegations without a region are left out of the regional breakdown rather than shown as a blank group.
    byRegion: group((d) => d.region ?? '').filter((g) => g.group !== ''),
  };
}

/** Counts the options still on the ballot (withdrawn and merged ones leave it); shares are of the ballots that did not abstain. */
export function countOptions(c: Readonly<Consultation>): { cast: number; abstained: number; options: OptionCount[] } {
  const counts = new Map<number, number>(c.options.map((o) => [o.n, 0]));
  let cast = 0;
  let abstained = 0;
  for (const key in c.ballots) {
    cast++;
    const ballot = c.ballots[key];
    if (ballot.abstain) abstained++;
    for (const n of ballot.choices) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const base = cast - abstained;
  const options = c.options
    .filter((o) => !o.withdrawn)
    .map((o) => {
      const count = counts.get(o.n) ?? 0;
      return { n: o.n, text: o.text, count, share: base ? count / base : 0 };
    });
  return { cast, abstained, options };
}

/** Shortlists (and surveys that follow them) select the top N; everything else needs an absolute majority. */
export function methodOf(c: Pick<Consultation, 'kind' | 'select' | 'method'>): 'majority' | 'top' {
  return c.method ?? (c.kind === 'topics' || c.select > 1 ? 'top' : 'majority');
}

function decide(c: Readonly<Consultation>, cast: number, options: OptionCount[], t: Turnout, abstained = 0): Decision {
  if (cast === 0) return { type: 'inconclusive', reason: 'no-ballots' };
  if (c.quorum !== undefined && t.share < c.quorum) {
    return { type: 'inconclusive', reason: 'low-turnout', turnout: t.share, quorum: c.quorum };
  }
  // The majority is of the ballots that chose: abstaining is an answer, not a vote against.
  if (cast === abstained) return { type: 'inconclusive', reason: 'all-abstained' };
  const base = cast - abstained;
  const ranked = [...options].sort((a, b) => b.count - a.count || a.n - b.n);
  if (methodOf(c) === 'majority') {
    const [first, second] = ranked;
    if (first.count * 2 > base) return { type: 'winner', option: first.n };
    if (second && second.count === first.count) {
      return {
        type: 'inconclusive',
        reason: 'tie',
        options: ranked.filter((o) => o.count === first.count).map((o) => o.n),
      };
    }
    return { type: 'inconclusive', reason: 'no-majority' };
  }
  const approved = ranked.filter((o) => o.count > 0);
  if (approved.length <= c.select) return { type: 'selected', options: approved.map((o) => o.n) };
  const cutCount = approved[c.select - 1].count;
  if (approved[c.select].count === cutCount) {
    return {
      type: 'inconclusive',
      reason: 'tie-at-cut',
      options: approved.filter((o) => o.count === cutCount).map((o) => o.n),
      selected: approved.filter((o) => o.count > cutCount).map((o) => o.n),
    };
  }
  return { type: 'selected', options: approved.slice(0, c.select).map((o) => o.n) };
}

export function tally(meta: Readonly<Meta>, c: Readonly<Consultation>): Tally {
  const { cast, abstained, options } = countOptions(c);
  const t = turnout(meta, c);
  return { cast, abstained, options, turnout: t, decision: decide(c, cast, options, t, abstained) };
}

export interface StatementResult {
  statement: string;
  respondents: number;
  agree: number;
  /** agree / respondents who answered this statement. */
  share: number;
}

/** Satisfaction surveys: the share agreeing (agree or strongly agree) per statement, and the response rate. */
export function satisfaction(c: Readonly<Consultation>): {
  respondents: number;
  responseRate?: number;
  statements: StatementResult[];
} {
  const statements = (c.statements ?? []).map((statement) => ({ statement, respondents: 0, agree: 0, share: 0 }));
  let respondents = 0;
  for (const key in c.ballots) {
    respondents++;
    const answers = c.ballots[key].answers ?? [];
    for (let i = 0; i < statements.length; i++) {
      const a = answers[i] ?? 0;
      if (a === 0) continue;
      statements[i].respondents++;
      if (a >= 4) statements[i].agree++;
    }
  }
  for (const s of statements) s.share = s.respondents ? s.agree / s.respondents : 0;
  return { respondents, responseRate: c.participants ? respondents / c.participants : undefined, statements };
}
