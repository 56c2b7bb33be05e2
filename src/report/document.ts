/**
 * A report as plain data, already in its language: what pdf.ts lays out. Structured-clone
 * friendly, so the PDF can be drawn in a worker thread.
 */
import type { Lang } from '../domain/model.ts';
import type { ChartModel } from './chart-model.ts';

export type ReportBlock =
  | { type: 'para'; text: string; style?: 'strong' | 'muted' | 'mono' }
  /** Label and value pairs; `labelEnd` separates them (": " or, in French, " : "). */
  | { type: 'facts'; rows: [label: string, value: string][]; labelEnd: string }
  /** Column widths are fractions of the text width; the first column is left-aligned, the others right-aligned. */
  | { type: 'table'; head: string[]; rows: string[][]; widths: number[] }
  | { type: 'chart'; chart: ChartModel };

export interface ReportSection {
  heading: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  generated: string;
  sections: ReportSection[];
}
