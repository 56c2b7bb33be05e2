/**
 * Draws a chart without a browser: Vega-Lite compiles the spec, Vega renders it to SVG, and
 * resvg rasterises the SVG to PNG with the embedded DejaVu fonts. Vega's text layout uses the
 * same font's real metrics (from pdfkit's font engine), so labels are placed as they are drawn.
 */
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartModel } from './chart-model.ts';
import { chartSpec } from './chart-spec.ts';
import { FONTS } from './fonts.ts';
import { indexedPng } from './png.ts';

export interface RenderedChart {
  svg: string;
  png: Uint8Array;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
  alt: string;
}

let measurer: PDFKit.PDFDocument | undefined;

/** Text width in pixels of DejaVu Sans at the item's size. */
function measure(item: { fontSize?: number; fontWeight?: string | number }, text: unknown): number {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const size = item.fontSize ?? 11;
  const lines = Array.isArray(text) ? text.map(String) : [String(text ?? '')];
  measurer.font(bold ? FONTS.bold : FONTS.regular).fontSize(size);
  return Math.max(0, ...lines.map((l) => measurer!.widthOfString(l)));
}

let metricsSet = false;
function useFontMetrics(): void {
  if (metricsSet) return;
  // Exported by vega at run time (from vega-scenegraph) but missing from its typings.
  (vega as unknown as { textMetrics: { width: typeof measure } }).textMetrics.width = measure;
  metricsSet = true;
}

/** The chart as SVG and PNG; `scale` 2 gives a sharper PNG for print. */
export async function renderChart(chart: ChartModel, scale = 1): Promise<RenderedChart> {
  useFontMetrics();
  const { spec, width } = chartSpec(chart);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    font: { fontFiles: [FONTS.regular, FONTS.bold], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  }).render();
  const png = indexedPng(image.width, image.height, image.pixels) ?? new Uint8Array(image.asPng());
  return { svg, png, width: image.width, height: image.height, alt: chart.alt };
}
