/**
 * Reports yield to votes: the thread that draws charts and PDFs runs at a lower CPU priority than
 * the thread that acknowledges votes (Linux, where the project runs: a thread's niceness is its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createReportRenderer } from '../../src/report/renderer.ts';
import type { ChartModel } from '../../src/report/chart-model.ts';

/** Niceness of each thread of this process, from /proc (field 19 of a task's stat). */
function threadNiceness(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const chart: ChartModel = {
  kind: 'options',
  title: 'Results of T1',
  alt: 'a chart',
  rows: [
    { label: '1. Labour mobility', count: 2, share: 2 / 3, value: '2 votes · 67%', marked: true },
    { label: '2. Migration and health', count: 1, share: 1 / 3, value: '1 vote · 33%', marked: false },
  ],
  caption: 'Turnout: 3 of 3',
};

describe('the report worker', () => {
  it('draws at a lower priority than the thread that asked, which keeps its own', async () => {
    const before = getPriority();
    const renderer = createReportRenderer();
    try {
      const drawn = await renderer.chart(chart);
      expect(drawn.png.byteLength).toBeGreaterThan(1000);
      expect(threadNiceness().filter((n) => n > before)).not.toEqual([]);
      expect(getPriority()).toBe(before);
    } finally {
      await renderer.close();
    }
  });
});
