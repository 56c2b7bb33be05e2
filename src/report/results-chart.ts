/**
 * The chart that goes with a results card, drawn once per consultation state and language
 * (a close posts the same chart to every channel) and cached briefly.
 */
import type { Consultation } from '../domain/model.ts';
import { tally } from '../domain/tally.ts';
import type { ViewContext } from '../views/ballot.ts';
import type { Card, CardBlock } from '../views/card.ts';
import { decisionText } from '../views/results.ts';
import { likertChart, optionsChart, type ChartModel } from './chart-model.ts';
import type { RenderedChart } from './charts.ts';
import type { ReportRenderer } from './renderer.ts';
import type { ChartLinks } from './chart-links.ts';

const CACHE_SIZE = 32;

export function resultsChartModel(v: ViewContext, c: Readonly<Consultation>): ChartModel | undefined {
  if (c.status === 'cancelled' || (c.status === 'open' && c.visibility === 'hidden')) return undefined;
  // A silence procedure has objections, not options: its card says it all.
  if (c.kind === 'silence') return undefined;
  if (c.kind === 'feedback') return (c.statements?.length ?? 0) > 0 ? likertChart(v, c) : undefined;
  if (c.options.length === 0) return undefined;
  const result = tally(v.meta, c);
  return optionsChart(v, c, result, decisionText(v, c, result.decision));
}

export interface ResultsCharts {
  /** The chart as an image block, or undefined when there is none or it could not be drawn (logged). */
  block(v: ViewContext, c: Readonly<Consultation>): Promise<Extract<CardBlock, { type: 'image' }> | undefined>;
  /** The card with the chart after its result bars. */
  withChart(card: Card, v: ViewContext, c: Readonly<Consultation>): Promise<Card>;
}

export function createResultsCharts(
  renderer: ReportRenderer,
  log: (line: string) => void,
  links?: ChartLinks,
): ResultsCharts {
  const cache = new Map<string, Promise<RenderedChart>>();

  async function block(v: ViewContext, c: Readonly<Consultation>) {
    const model = resultsChartModel(v, c);
    if (!model) return undefined;
    const key = `${c.id}|${JSON.stringify(model)}`;
    let chart = cache.get(key);
    if (!chart) {
      chart = renderer.chart(model);
      cache.set(key, chart);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    try {
      const r = await chart;
      const url = links?.url(c.id, v.lang);
      return {
        type: 'image' as const,
        png: r.png,
        alt: r.alt,
        width: r.width,
        height: r.height,
        ...(url ? { url } : {}),
      };
    } catch (err) {
      cache.delete(key);
      log(`chart of ${c.id} not drawn, results go with text bars only: ${(err as Error).message}`);
      return undefined;
    }
  }

  return {
    block,
    async withChart(card, v, c) {
      const image = await block(v, c);
      if (!image) return card;
      const blocks = [...card.blocks];
      let at = -1;
      blocks.forEach((b, i) => {
        if (b.type === 'bar') at = i;
      });
      blocks.splice(at + 1, 0, image);
      return { ...card, blocks };
    },
  };
}
