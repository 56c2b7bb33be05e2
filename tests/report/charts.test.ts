import { describe, it, expect } from 'vitest';
import { renderChart } from '../../src/report/charts.ts';
import { chartSpec } from '../../src/report/chart-spec.ts';
import { optionsChart } from '../../src/report/chart-model.ts';
import { CHART_WIDTH, FONT, PALETTE } from '../../src/report/palette.ts';
import { t } from '../../src/i18n/index.ts';
import { emptyMeta, type Consultation } from '../../src/domain/model.ts';
import { tally } from '../../src/domain/tally.ts';
import { decodePng, inkAndColour } from './support.ts';
import { pct } from '../../src/views/format.ts';

function shortlist(): Consultation {
  const ballot = (choices: number[]) => ({ choices });
  return {
    id: 'W1',
    kind: 'topics',
    title: '',
    options: [
      { n: 1, text: 'Moving to Safety: Migration Consequences of Complex Crises' },
      { n: 2, text: 'Beyond the emergency: Long-term solutions to crisis migration' },
      { n: 3, text: 'Protecting Migrants during Times of Crisis' },
    ],
    select: 2,
    channels: [],
    posted: [],
    openedAt: '2026-12-01T08:00:00Z',
    closesAt: '2026-12-08T22:59:59Z',
    closedAt: '2026-12-08T23:00:00Z',
    status: 'closed',
    eligibility: 'members',
    visibility: 'hidden',
    secrecy: 'recorded',
    createdBy: 'slack:USEC',
    lang: 'fr',
    ballots: { a: ballot([1, 3]), b: ballot([1, 2]), c: ballot([3, 1]), d: ballot([1]) },
    answered: [],
    remindersDone: [],
    outbox: [],
    audit: [],
  };
}

const view = { lang: 'fr' as const, t: t('fr'), zone: 'Europe/Zurich', now: new Date(), meta: emptyMeta(), secret: '' };

describe('charts', () => {
  it('a shortlist chart ranks the topics, marks the selected ones and draws the cut line, labels in the results’ language', async () => {
    const c = shortlist();
    const model = optionsChart(view, c, tally(view.meta, c), 'Décision : sujets retenus 1 et 3.');
    if (model.kind !== 'options') throw new Error('not an options chart');
    expect(model.rows.map((r) => [r.label, r.marked])).toEqual([
      ['✓ 1. Moving to Safety: Migration Consequences of Complex Crises', true],
      ['✓ 3. Protecting Migrants during Times of Crisis', true],
      ['2. Beyond the emergency: Long-term solutions to crisis migration', false],
    ]);
    expect(model.rows[0].value).toBe(`4 approbations · ${pct(1, 'fr')}`);
    expect(model.cut).toEqual({ after: 2, label: 'Seuil : les 2 premiers sujets sont retenus' });
    const chart = await renderChart(model);
    expect(chart.svg).toContain('Seuil : les 2 premiers sujets sont retenus');
    const { pixels, width } = decodePng(chart.png);
    expect(width).toBe(CHART_WIDTH);
    expect(inkAndColour(pixels, PALETTE.cut).has).toBe(true); // the cut line
    expect(inkAndColour(pixels, PALETTE.decided).has).toBe(true);
    expect(inkAndColour(pixels, PALETTE.other).has).toBe(true);
  });

  it('keeps text large enough to read on a phone and sizes known before drawing; a sharper PNG for print', async () => {
    const c = shortlist();
    const model = optionsChart(view, c, tally(view.meta, c), 'x');
    const { spec, width, height } = chartSpec(model);
    const json = JSON.stringify(spec);
    const sizes = [...json.matchAll(/"(?:labelFontSize|fontSize|subtitleFontSize)":(\d+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    expect(FONT.label).toBeGreaterThanOrEqual(16);
    expect(width).toBeLessThanOrEqual(600);
    const print = await renderChart(model, 2);
    expect([print.width, print.height]).toEqual([width * 2, height * 2]);
  });
});
