/** Status: the consultations, newest first, with turnout and deadline; the viewer's delegation status. */
import { DelegationKind, type Consultation, type Delegation } from '../domain/model.ts';
import { turnoutCount } from '../domain/tally.ts';
import { hasAnswered } from '../domain/ballot.ts';
import { eligibleDelegations } from '../domain/eligibility.ts';
import type { Card, CardBlock } from './card.ts';
import { consultationTitle, type ViewContext } from './ballot.ts';
import { formatDate, pct } from './format.ts';

export function statusLine(v: ViewContext, c: Readonly<Consultation>): string {
  const tt = turnoutCount(v.meta, c);
  const answered = c.kind === 'feedback' ? Object.keys(c.ballots).length : tt.answered;
  const eligible = c.kind === 'feedback' ? (c.participants ?? answered) : tt.eligible;
  const when = formatDate(c.status === 'open' ? c.closesAt : (c.closedAt ?? c.closesAt), v.zone, v.lang);
  return v.t.status.line(c.id, v.t.kind[c.kind], c.title, v.t.state[c.status], answered, eligible, when);
}

export function statusCard(v: ViewContext, list: ReadonlyArray<Readonly<Consultation>>, delegation?: Delegation): Card {
  if (list.length === 0) return { title: v.t.status.title, blocks: [{ type: 'text', text: v.t.status.none }] };
  const blocks: CardBlock[] = [{ type: 'text', text: list.map((c) => statusLine(v, c)).join('\n') }];
  if (delegation) {
    const open = list.filter((c) => c.status === 'open' && c.kind !== 'feedback');
    if (open.length) {
      blocks.push({
        type: 'text',
        text: open
          .map((c) => `${c.id}: ${v.t.status.yourDelegation(delegation.name, hasAnswered(c, delegation.id, v.secret))}`)
          .join('\n'),
        style: 'muted',
      });
    }
  }
  return { title: v.t.status.title, blocks };
}

/** How long closed and cancelled consultations stay in `status`. */
const RECENT_DAYS = 30;

/** What `status` lists: every open consultation, then those closed or cancelled in the last 30 days, newest first. */
export function statusList(
  all: ReadonlyArray<Readonly<Consultation>>,
  now: Date,
): ReadonlyArray<Readonly<Consultation>> {
  const since = now.getTime() - RECENT_DAYS * 86_400_000;
  const newest = (a: Readonly<Consultation>, b: Readonly<Consultation>) => b.openedAt.localeCompare(a.openedAt);
  const open = all.filter((c) => c.status === 'open').sort(newest);
  const recent = all.filter((c) => c.status !== 'open' && Date.parse(c.closedAt ?? c.closesAt) >= since).sort(newest);
  return [...open, ...recent];
}

/** The eligible delegations that have not answered, by kind, then region, then name. */
export function missingDelegations(v: ViewContext, c: Readonly<Consultation>): Delegation[] {
  const kindOrder = (d: Delegation) => DelegationKind.options.indexOf(d.kind);
  return eligibleDelegations(v.meta, c)
    .filter((d) => !hasAnswered(c, d.id, v.secret))
    .sort(
      (a, b) =>
        kindOrder(a) - kindOrder(b) ||
        (a.region ?? '\uffff').localeCompare(b.region ?? '\uffff') ||
        a.name.localeCompare(b.name),
    );
}

/** Names joined into lines of at most `max` characters, so a long group never makes one oversized block. */
function wrapNames(prefix: (names: string) => string, names: string[], max = 2_500): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const n of names) {
    if (current.length && prefix([...current, n].join(', ')).length > max) {
      out.push(prefix(current.join(', ')));
      current = [];
    }
    current.push(n);
  }
  if (current.length) out.push(prefix(current.join(', ')));
  return out;
}

/** `status <id>` for the secretariat: turnout so far and, by name, who has not answered yet. */
export function missingCard(v: ViewContext, c: Readonly<Consultation>): Card {
  const when = formatDate(c.status === 'open' ? c.closesAt : (c.closedAt ?? c.closesAt), v.zone, v.lang);
  const blocks: CardBlock[] = [{ type: 'text', text: `${v.t.state[c.status]} · ${when}`, style: 'muted' }];
  if (c.kind === 'feedback') {
    blocks.push({ type: 'text', text: v.t.missing.respondents(Object.keys(c.ballots).length) });
    return { title: consultationTitle(v, c), blocks };
  }
  const tt = turnoutCount(v.meta, c);
  blocks.push({
    type: 'text',
    text: v.t.missing.turnout(tt.answered, tt.eligible, pct(tt.eligible ? tt.answered / tt.eligible : 0, v.lang)),
  });
  const missing = missingDelegations(v, c);
  if (!missing.length) {
    blocks.push({ type: 'text', text: v.t.missing.everyone, style: 'success' });
    return { title: consultationTitle(v, c), blocks };
  }
  blocks.push({ type: 'text', text: v.t.missing.title(missing.length), style: 'warning' });
  const groups = new Map<string, Delegation[]>();
  for (const d of missing) {
    const key = `${d.kind}\u0000${d.region ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const [key, ds] of groups) {
    const [kind, region] = key.split('\u0000') as [Delegation['kind'], string];
    const prefix = (names: string) =>
      v.t.missing.group(v.t.delegationKind[kind], region || v.t.missing.noRegion, names);
    for (const text of wrapNames(
      prefix,
      ds.map((d) => d.name),
    ))
      blocks.push({ type: 'text', text });
  }
  return { title: consultationTitle(v, c), blocks };
}
