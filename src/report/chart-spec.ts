/**
 * Vega-Lite specifications of the charts. Sizes are fixed (width × height known before drawing),
 * labels wrap onto several lines, and the text stays large enough to read on a phone.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartModel } from './chart-model.ts';
import { CHART_WIDTH, FONT, PALETTE } from './palette.ts';
import { wrapLines } from './wrap.ts';

const FONT_FAMILY = 'DejaVu Sans';
const LABEL_CHARS = 24;
const LINE = 20;
const PADDING = 16;

export interface SizedSpec {
  spec: TopLevelSpec;
  width: number;
  height: number;
}

// Axis labels are keyed by their text; a zero-width space per row keeps equal texts apart.
const label = (text: string, i: number, extra: string[] = []) =>
  [...wrapLines(text, LABEL_CHARS), ...extra].join('\n') + '\u200b'.repeat(i);

function header(title: string, caption: string[]) {
  const lines = wrapLines(title, 52, 3);
  const sub = caption.flatMap((c) => wrapLines(c, 62, 4));
  return {
    title: {
      text: lines,
      subtitle: sub.length ? sub : undefined,
      anchor: 'start' as const,
      fontSize: FONT.title,
      subtitleFontSize: FONT.label,
      font: FONT_FAMILY,
      subtitleFont: FONT_FAMILY,
      color: PALETTE.text,
      subtitleColor: PALETTE.text,
      offset: 12,
    },
    headerHeight: lines.length * (FONT.title + 6) + sub.length * (FONT.label + 5) + 20,
  };
}

const base = (height: number) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH,
  height,
  autosize: { type: 'fit' as const, contains: 'padding' as const },
  padding: PADDING,
  background: 'white',
  config: {
    font: FONT_FAMILY,
    view: { stroke: null },
    axis: { labelFont: FONT_FAMILY, labelFontSize: FONT.label, labelColor: PALETTE.text, labelLimit: 270 },
    legend: { labelFont: FONT_FAMILY, labelFontSize: FONT.legend, labelColor: PALETTE.text, labelLimit: 280 },
  },
});

const yAxis = {
  title: null,
  labelExpr: "split(datum.value, '\\n')",
  labelLineHeight: LINE,
  ticks: false,
  domain: false,
  labelPadding: 10,
};

function rowHeight(labels: string[]): number {
  const lines = Math.max(1, ...labels.map((l) => l.split('\n').length));
  return Math.max(44, lines * LINE + 16);
}

function optionsSpec(chart: Extract<ChartModel, { kind: 'options' }>): SizedSpec {
  const values = chart.rows.map((r, i) => ({
    label: label(r.label, i),
    count: r.count,
    value: r.value,
    marked: r.marked ? 'yes' : 'no',
  }));
  const { title, headerHeight } = header(chart.title, [chart.cut?.label ?? '', chart.caption].filter(Boolean));
  const plot = values.length * rowHeight(values.map((v) => v.label));
  const height = headerHeight + plot + PADDING * 2;
  const max = Math.max(1, ...chart.rows.map((r) => r.count));
  const y = { field: 'label', type: 'nominal' as const, sort: null, axis: yAxis };
  const layers: object[] = [
    {
      mark: { type: 'bar', cornerRadiusEnd: 3, height: { band: 0.6 } },
      encoding: {
        y,
        x: { field: 'count', type: 'quantitative', scale: { domain: [0, max * 2] }, axis: null },
        color: {
          field: 'marked',
          type: 'nominal',
          scale: { domain: ['yes', 'no'], range: [PALETTE.decided, PALETTE.other] },
          legend: null,
        },
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 6, fontSize: FONT.value, color: PALETTE.text },
      encoding: { y, x: { field: 'count', type: 'quantitative' }, text: { field: 'value' } },
    },
  ];
  if (chart.cut && chart.cut.after < values.length) {
    layers.push({
      data: { values: [{ label: values[chart.cut.after].label }] },
      mark: { type: 'rule', color: PALETTE.cut, strokeWidth: 3, strokeDash: [8, 5] },
      encoding: { y: { field: 'label', type: 'nominal', sort: null, bandPosition: 0 } },
    });
  }
  const spec = { ...base(height), title, data: { values }, layer: layers } as TopLevelSpec;
  return { spec, width: CHART_WIDTH, height };
}

function likertSpec(chart: Extract<ChartModel, { kind: 'likert' }>): SizedSpec {
  const labels = chart.rows.map((r, i) => label(r.label, i, [r.value]));
  const values = chart.rows.flatMap((r, i) =>
    r.counts.map((count, ci) => ({ label: labels[i], answer: chart.categories[ci], order: ci, count })),
  );
  const { title, headerHeight } = header(chart.title, [chart.caption]);
  const legendHeight = Math.ceil(chart.categories.length / 2) * 24 + 16;
  const height = headerHeight + labels.length * rowHeight(labels) + legendHeight + PADDING * 2 + 24;
  const spec = {
    ...base(height),
    title,
    data: { values },
    mark: { type: 'bar', height: { band: 0.6 } },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, axis: yAxis },
      x: {
        field: 'count',
        type: 'quantitative',
        stack: 'normalize',
        axis: { title: null, format: '%', grid: false, labelFontSize: 14, tickCount: 4 },
      },
      color: {
        field: 'answer',
        type: 'nominal',
        scale: { domain: chart.categories, range: [...PALETTE.likert] },
        legend: { orient: 'bottom', direction: 'horizontal', columns: 2, title: null, symbolType: 'square' },
      },
      order: { field: 'order' },
    },
  } as TopLevelSpec;
  return { spec, width: CHART_WIDTH, height };
}

function turnoutSpec(chart: Extract<ChartModel, { kind: 'turnout' }>): SizedSpec {
  const values = chart.rows.map((r, i) => ({
    label: label(r.label, i),
    share: r.eligible ? r.answered / r.eligible : 0,
    value: r.value,
    section: chart.sections[r.section],
  }));
  const { title, headerHeight } = header(chart.title, []);
  const legendHeight = 64;
  const height = headerHeight + values.length * rowHeight(values.map((v) => v.label)) + legendHeight + PADDING * 2;
  const y = { field: 'label', type: 'nominal' as const, sort: null, axis: yAxis };
  const spec = {
    ...base(height),
    title,
    data: { values },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 3, height: { band: 0.6 } },
        encoding: {
          y,
          x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1.8] }, axis: null },
          color: {
            field: 'section',
            type: 'nominal',
            scale: { domain: chart.sections, range: [...PALETTE.turnout] },
            legend: { orient: 'bottom', direction: 'horizontal', columns: 2, title: null, symbolType: 'square' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: FONT.value, color: PALETTE.text },
        encoding: { y, x: { field: 'share', type: 'quantitative' }, text: { field: 'value' } },
      },
    ],
  } as TopLevelSpec;
  return { spec, width: CHART_WIDTH, height };
}

export function chartSpec(chart: ChartModel): SizedSpec {
  switch (chart.kind) {
    case 'options':
      return optionsSpec(chart);
    case 'likert':
      return likertSpec(chart);
    case 'turnout':
      return turnoutSpec(chart);
  }
}
