/** The report on a closed consultation, in one language: metadata, options, turnout, decision, audit. */
import type { Consultation } from '../domain/model.ts';
import { methodOf, satisfaction, tally } from '../domain/tally.ts';
import type { ViewContext } from '../views/ballot.ts';
import { formatDate, pct } from '../views/format.ts';
import { decisionText } from '../views/results.ts';
import { auditHead } from './audit-head.ts';
import { likertChart, optionsChart, turnoutChart } from './chart-model.ts';
import type { ReportBlock, ReportDocument, ReportSection } from './document.ts';

function modeText(v: ViewContext, c: Readonly<Consultation>): string {
  const r = v.t.report;
  const parts = [
    c.kind === 'feedback' ? r.modeAnonymous : c.secrecy === 'secret' ? r.modeSecret : r.modeRecorded,
    c.visibility === 'live' ? r.modeLive : r.modeHidden,
  ];
  if (c.kind !== 'feedback') parts.push(methodOf(c) === 'majority' ? r.methodMajority : r.methodTop(c.select));
  if (c.quorum !== undefined) parts.push(r.quorum(pct(c.quorum, v.lang)));
  return new Intl.ListFormat(v.lang, { type: 'unit' }).format(parts);
}

function aboutSection(v: ViewContext, c: Readonly<Consultation>): ReportSection {
  const r = v.t.report;
  const date = (d: string) => formatDate(d, v.zone, v.lang);
  const rows: [string, string][] = [
    [r.kind, v.t.kind[c.kind]],
    [r.opened, date(c.openedAt)],
    [r.deadline, date(c.closesAt)],
  ];
  if (c.closedAt) rows.push([r.closedAt, date(c.closedAt)]);
  rows.push([r.eligibility, r.eligibilityValue[c.eligibility]], [r.mode, modeText(v, c)]);
  return { heading: v.t.kind[c.kind], blocks: [{ type: 'facts', rows, labelEnd: r.labelEnd }] };
}

function resultSections(v: ViewContext, c: Readonly<Consultation>): ReportSection[] {
  const r = v.t.report;
  const result = tally(v.meta, c);
  const decision = decisionText(v, c, result.decision);
  const unit = methodOf(c) === 'majority' ? v.t.results.votes : v.t.results.approvals;
  const options: ReportBlock[] = [
    {
      type: 'table',
      head: [r.option, r.count, r.share],
      rows: result.options.map((o) => [`${o.n}. ${o.text}`, unit(o.count), pct(o.share, v.lang)]),
      widths: [0.64, 0.2, 0.16],
    },
    { type: 'para', text: r.cast(result.cast) },
    { type: 'chart', chart: optionsChart(v, c, result, decision) },
  ];
  const tt = result.turnout;
  const kindName = (k: string) => v.t.delegationKind[k as keyof typeof v.t.delegationKind] ?? k;
  const line = (label: string, answered: number, eligible: number) => [
    label,
    String(answered),
    String(eligible),
    pct(eligible ? answered / eligible : 0, v.lang),
  ];
  const turnout: ReportBlock[] = [
    { type: 'para', text: v.t.results.turnout(tt.answered, tt.eligible, pct(tt.share, v.lang)), style: 'strong' },
    {
      type: 'table',
      head: [r.group, r.answered, r.eligible, r.share],
      rows: [
        line(r.overall, tt.answered, tt.eligible),
        ...tt.byKind.map((g) => line(`${r.byKind}: ${kindName(g.group)}`, g.answered, g.eligible)),
        ...tt.byRegion.map((g) => line(`${r.byRegion}: ${g.group}`, g.answered, g.eligible)),
      ],
      widths: [0.52, 0.16, 0.16, 0.16],
    },
    { type: 'chart', chart: turnoutChart(v, c, result) },
  ];
  return [
    { heading: r.options, blocks: options },
    { heading: r.turnout, blocks: turnout },
    { heading: r.decision, blocks: [{ type: 'para', text: decision, style: 'strong' }] },
  ];
}

function satisfactionSections(v: ViewContext, c: Readonly<Consultation>): ReportSection[] {
  const r = v.t.report;
  const s = satisfaction(c);
  const rate = c.participants
    ? v.t.results.responseRate(s.respondents, c.participants, pct(s.responseRate ?? 0, v.lang))
    : v.t.results.respondentsOnly(s.respondents);
  return [
    {
      heading: r.statements,
      blocks: [
        { type: 'para', text: rate, style: 'strong' },
        {
          type: 'table',
          head: [r.statement, r.agree, r.respondents],
          rows: s.statements.map((st) => [st.statement, pct(st.share, v.lang), String(st.respondents)]),
          widths: [0.64, 0.16, 0.2],
        },
        { type: 'chart', chart: likertChart(v, c) },
      ],
    },
  ];
}

function auditSection(v: ViewContext, c: Readonly<Consultation>, head: string): ReportSection {
  const r = v.t.report;
  return {
    heading: r.audit,
    blocks: [
      { type: 'para', text: r.auditEntries(c.audit.length) },
      { type: 'para', text: r.auditHead(head), style: 'mono' },
      { type: 'para', text: r.verify, style: 'muted' },
    ],
  };
}

export function reportDocument(v: ViewContext, c: Readonly<Consultation>): ReportDocument {
  const r = v.t.report;
  const body = c.kind === 'feedback' ? satisfactionSections(v, c) : resultSections(v, c);
  return {
    lang: v.lang,
    title: r.title(c.id, c.title || v.t.kind[c.kind]),
    subtitle: r.subtitle,
    generated: r.generated(formatDate(v.now, v.zone, v.lang)),
    // The store's hash chain when it keeps one; else the same kind of chain computed over the trail.
    sections: [aboutSection(v, c), ...body, auditSection(v, c, c.auditHead ?? auditHead(c))],
  };
}
