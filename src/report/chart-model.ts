/**
 * What a chart shows, as plain data in the reader's language: built in the core from the
 * tally, drawn by charts.ts (possibly in a worker thread, hence structured-clone friendly).
 */
import type { Consultation } from '../domain/model.ts';
import { methodOf, satisfaction, type Tally } from '../domain/tally.ts';
import type { ViewContext } from '../views/ballot.ts';
import { pct } from '../views/format.ts';

interface BarRow {
  label: string;
  count: number;
  share: number;
  /** Shown at the end of the bar, e.g. "12 votes · 48%". */
  value: string;
  /** Chosen or selected by the decision: drawn in the decision's colour and marked ✓ in its label. */
  marked: boolean;
}

export type ChartModel =
  | {
      kind: 'options';
      title: string;
      alt: string;
      rows: BarRow[];
      /** Shortlists: the cut line below the top `select` rows, with its caption. */
      cut?: { after: number; label: string };
      caption: string;
    }
  | {
      kind: 'likert';
      title: string;
      alt: string;
      /** The five answers, strongly disagree first. */
      categories: string[];
      rows: { label: string; counts: number[]; value: string }[];
      caption: string;
    }
  | {
      kind: 'turnout';
      title: string;
      alt: string;
      /** Each row belongs to a section (overall, by kind, by region), coloured by section. */
      sections: string[];
      rows: { section: number; label: string; answered: number; eligible: number; value: string }[];
    };

/** The results chart of a theme poll, shortlist or written survey: options ranked as in the tally. */
export function optionsChart(v: ViewContext, c: Readonly<Consultation>, result: Tally, decision: string): ChartModel {
  const unit = methodOf(c) === 'majority' ? v.t.results.votes : v.t.results.approvals;
  const d = result.decision;
  const marked = new Set<number>(
    d.type === 'winner'
      ? [d.option]
      : d.type === 'selected'
        ? d.options
        : d.type === 'inconclusive' && d.reason === 'tie-at-cut'
          ? d.selected
          : [],
  );
  const rows = result.options.map((o) => ({
    label: `${marked.has(o.n) ? '✓ ' : ''}${o.n}. ${o.text}`,
    count: o.count,
    share: o.share,
    value: `${unit(o.count)} · ${pct(o.share, v.lang)}`,
    marked: marked.has(o.n),
  }));
  const title = v.t.results.title(c.id, c.title || v.t.kind[c.kind]);
  const chart: ChartModel = {
    kind: 'options',
    title,
    rows,
    caption: decision,
    alt: [title, ...rows.map((r) => `${r.label}: ${r.value}`), decision].join('. '),
  };
  if (methodOf(c) === 'top' && c.select < rows.length) {
    // The cut line sits below the `select` options with most approvals, as the decision ranks them.
    const ranked = [...rows].sort((a, b) => b.count - a.count);
    chart.rows = ranked;
    chart.cut = { after: c.select, label: v.t.report.cutLine(c.select) };
  }
  return chart;
}

/** Satisfaction surveys: a stacked bar of the five answers per statement, with the share agreeing. */
export function likertChart(v: ViewContext, c: Readonly<Consultation>): ChartModel {
  const s = satisfaction(c);
  const n = c.statements?.length ?? 0;
  const counts = Array.from({ length: n }, () => [0, 0, 0, 0, 0]);
  for (const key in c.ballots) {
    const answers = c.ballots[key].answers ?? [];
    for (let i = 0; i < n; i++) {
      const a = answers[i] ?? 0;
      if (a >= 1 && a <= 5) counts[i][a - 1]++;
    }
  }
  const rows = s.statements.map((st, i) => ({
    label: st.statement,
    counts: counts[i],
    value: v.t.results.agreeShare(pct(st.share, v.lang), st.respondents),
  }));
  const title = v.t.results.title(c.id, c.title || v.t.kind[c.kind]);
  const caption = c.participants
    ? v.t.results.responseRate(s.respondents, c.participants, pct(s.responseRate ?? 0, v.lang))
    : v.t.results.respondentsOnly(s.respondents);
  return {
    kind: 'likert',
    title,
    categories: v.t.likert.slice(1),
    rows,
    caption,
    alt: [title, ...rows.map((r) => `${r.label}: ${r.value}`), caption].join('. '),
  };
}

/** Turnout overall, by kind of delegation and by region, each as answered / eligible. */
export function turnoutChart(v: ViewContext, c: Readonly<Consultation>, result: Tally): ChartModel {
  const tt = result.turnout;
  const value = (answered: number, eligible: number) =>
    `${answered}/${eligible} · ${pct(eligible ? answered / eligible : 0, v.lang)}`;
  const kindName = (k: string) => v.t.delegationKind[k as keyof typeof v.t.delegationKind] ?? k;
  const rows = [
    {
      section: 0,
      label: v.t.report.overall,
      answered: tt.answered,
      eligible: tt.eligible,
      value: value(tt.answered, tt.eligible),
    },
    ...tt.byKind.map((g) => ({
      section: 1,
      label: kindName(g.group),
      answered: g.answered,
      eligible: g.eligible,
      value: value(g.answered, g.eligible),
    })),
    ...tt.byRegion.map((g) => ({
      section: 2,
      label: g.group,
      answered: g.answered,
      eligible: g.eligible,
      value: value(g.answered, g.eligible),
    })),
  ];
  const title = v.t.report.turnoutTitle(c.id);
  return {
    kind: 'turnout',
    title,
    sections: [v.t.report.overall, v.t.report.byKind, v.t.report.byRegion],
    rows,
    alt: [title, ...rows.map((r) => `${r.label}: ${r.value}`)].join('. '),
  };
}
