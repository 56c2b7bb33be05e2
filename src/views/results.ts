/** The results card: counts, shares, turnout (overall and by group) and the decision, or the satisfaction shares. */
import type { Consultation } from '../domain/model.ts';
import { tally, satisfaction, methodOf, type Decision, type OptionCount, type GroupTurnout } from '../domain/tally.ts';
import type { Card, CardBlock } from './card.ts';
import type { ViewContext } from './ballot.ts';
import { pct } from './format.ts';
import { countsMayShow, MIN_SECRET_GROUP } from '../domain/secrecy.ts';
import { silenceResultBlocks } from './silence.ts';
import { optionText } from './option-text.ts';

export function resultBars(v: ViewContext, c: Readonly<Consultation>, options: OptionCount[]): CardBlock[] {
  const unit = methodOf(c) === 'majority' ? v.t.results.votes : v.t.results.approvals;
  const textOf = (o: OptionCount) => {
    const option = c.options.find((x) => x.n === o.n);
    return option ? optionText(v, option) : o.text;
  };
  return options.map((o) => ({
    type: 'bar',
    label: `${o.n}. ${textOf(o)}`,
    value: `${unit(o.count)} · ${pct(o.share, v.lang)}`,
    share: o.share,
  }));
}

function optionNames(c: Readonly<Consultation>, ns: number[], v: ViewContext): string {
  const quoted = ns.map((n) => {
    const o = c.options.find((x) => x.n === n);
    return `${n}. "${o ? optionText(v, o) : n}"`;
  });
  return new Intl.ListFormat(v.lang, { type: 'conjunction' }).format(quoted);
}

export function decisionText(v: ViewContext, c: Readonly<Consultation>, d: Decision): string {
  const r = v.t.results;
  switch (d.type) {
    case 'winner':
      return r.winner(optionText(v, c.options.find((o) => o.n === d.option)!));
    case 'selected':
      return r.selected(optionNames(c, d.options, v));
    case 'inconclusive':
      switch (d.reason) {
        case 'tie':
          return r.inconclusive(r.reason.tie(optionNames(c, d.options, v)));
        case 'tie-at-cut':
          return r.inconclusive(r.reason['tie-at-cut'](optionNames(c, d.options, v)));
        case 'low-turnout':
          return r.inconclusive(r.reason['low-turnout'](pct(d.turnout, v.lang), pct(d.quorum, v.lang)));
        default:
          return r.inconclusive(r.reason[d.reason]);
      }
  }
}

function groups(_v: ViewContext, rows: GroupTurnout[], name: (g: string) => string): string {
  return rows.map((g) => `${name(g.group)}: ${g.answered}/${g.eligible}`).join(' · ');
}

function satisfactionBlocks(v: ViewContext, c: Readonly<Consultation>): CardBlock[] {
  const s = satisfaction(c);
  const blocks: CardBlock[] = countsMayShow(c, s.respondents)
    ? s.statements.map((st) => ({
        type: 'bar',
        label: st.statement,
        value: v.t.results.agreeShare(pct(st.share, v.lang), st.respondents),
        share: st.share,
      }))
    : [{ type: 'text', text: v.t.results.tooFewAnonymous(s.respondents, MIN_SECRET_GROUP), style: 'warning' }];
  blocks.push({
    type: 'text',
    text: c.participants
      ? v.t.results.responseRate(s.respondents, c.participants, pct(s.responseRate ?? 0, v.lang))
      : v.t.results.respondentsOnly(s.respondents),
  });
  return blocks;
}

/** The audit trail's head hash, so anyone can check a recount against the record (npm run verify-store). */
function auditLine(v: ViewContext, c: Readonly<Consultation>): CardBlock[] {
  return c.auditHead
    ? [{ type: 'text', text: v.t.results.auditHead(c.audit.length, c.auditHead), style: 'muted' }]
    : [];
}

/** The secretariat's PDF report of a closed consultation (the core refuses it to anyone else). */
export function reportButton(v: ViewContext, c: Readonly<Consultation>): CardBlock {
  return { type: 'actions', buttons: [{ label: v.t.report.button, command: { type: 'report', id: c.id } }] };
}

export function resultsCard(v: ViewContext, c: Readonly<Consultation>): Card {
  const title = v.t.results.title(c.id, c.title || v.t.kind[c.kind]);
  if (c.status === 'cancelled')
    return { title, blocks: [{ type: 'text', text: v.t.results.cancelled(c.id), style: 'warning' }] };
  const blocks: CardBlock[] = [];
  if (c.status === 'open') blocks.push({ type: 'text', text: v.t.results.interim, style: 'warning' });
  if (c.kind === 'feedback') {
    blocks.push(...satisfactionBlocks(v, c), ...auditLine(v, c));
    if (c.status === 'closed') blocks.push(reportButton(v, c));
    return { title, blocks };
  }
  if (c.kind === 'silence') return { title, blocks: [...blocks, ...silenceResultBlocks(v, c), ...auditLine(v, c)] };

  const result = tally(v.meta, c);
  const tt = result.turnout;
  // Turnout by group never carries choices; counts over fewer than 3 secret ballots would (domain/secrecy.ts).
  const withheld = !countsMayShow(c, result.cast);
  if (withheld)
    blocks.push({ type: 'text', text: v.t.results.tooFewSecret(result.cast, MIN_SECRET_GROUP), style: 'warning' });
  else blocks.push(...resultBars(v, c, result.options));
  blocks.push({ type: 'text', text: v.t.results.turnout(tt.answered, tt.eligible, pct(tt.share, v.lang)) });
  if (result.abstained > 0 && !withheld)
    blocks.push({ type: 'text', text: v.t.safeguard.abstentions(result.abstained, result.cast - result.abstained) });
  const byKind = groups(v, tt.byKind, (k) => v.t.delegationKind[k as keyof typeof v.t.delegationKind] ?? k);
  const byRegion = groups(v, tt.byRegion, (r) => r);
  if (tt.eligible > 0)
    blocks.push({
      type: 'fields',
      fields: [{ label: v.t.results.turnoutBy, value: [byKind, byRegion].filter(Boolean).join('\n') }],
    });
  const decided = result.decision.type !== 'inconclusive' && !withheld;
  // Without a quorum, a decision taken by few is still shown, but never without saying how few.
  const low =
    c.quorum === undefined && tt.eligible > 0 && tt.share < 0.5
      ? ` (${v.t.safeguard.lowTurnout(tt.answered, tt.eligible)})`
      : '';
  if (!withheld)
    blocks.push({
      type: 'text',
      text: `${decisionText(v, c, result.decision)}${low}`,
      style: decided && !low ? 'success' : 'warning',
    });
  if (!decided && c.status === 'closed' && c.kind !== 'survey')
    blocks.push({ type: 'text', text: v.t.results.nextStep(c.id), style: 'muted' });
  blocks.push(...auditLine(v, c));
  if (c.status === 'closed') blocks.push(reportButton(v, c));
  return { title, blocks };
}
