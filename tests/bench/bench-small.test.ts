/**
 * The bench in small mode, so it cannot rot: it must run end to end and produce figures, with
 * its correctness checks holding (every vote durable, reminders exactly once). Timings are not
 * asserted: they belong to `npm run bench` on a quiet machine.
 */
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run.ts';

describe('npm run bench (small mode)', () => {
  it('produces every figure, and the votes and reminders it drives are correct', async () => {
    const r = await runBench({ small: true });
    const finite = (x: number) => Number.isFinite(x) && x > 0;

    expect(r.store.sizes.length).toBeGreaterThanOrEqual(2);
    for (const s of r.store.sizes) {
      expect(finite(s.fileStore.median)).toBe(true);
      expect(finite(s.lowdb.median)).toBe(true);
      expect(finite(s.ratio.median)).toBe(true);
    }
    expect(r.tally.counted).toEqual({ survey: r.tally.ballots, poll: r.tally.ballots });
    expect(finite(r.tally.survey.median)).toBe(true);
    expect(r.memory.rssMB.median).toBeGreaterThan(10);

    expect(r.votePath.blocked).toBeUndefined();
    for (const v of r.votePath.rows) {
      expect(v.errors).toBe(0);
      expect(v.non200).toBe(0);
      // Every vote of every round is on disk with the value just cast.
      expect(v.durableMin).toBe(v.delegates);
      expect(finite(v.ackP99.median)).toBe(true);
      expect(finite(v.votesPerSec.median)).toBe(true);
      expect(finite(v.freshAckP99.median)).toBe(true);
      expect(finite(v.floorAckP99.median)).toBe(true);
      // The minimal signed-click server answered every click 200 (it throws otherwise), so its figure is real.
      expect(finite(v.minimalAckP99.median) && finite(v.minimalRatio.median)).toBe(true);
    }

    // Consult with fsync on and off and the naive Bolt + lowdb peer took the same bursts, warm and cold.
    expect(r.votePath.compared.map((c) => c.label)).toEqual([
      'Consult, STORE_FSYNC=on',
      'Consult, STORE_FSYNC=off',
      expect.stringMatching(/^naive peer: Bolt/),
    ]);
    for (const target of r.votePath.compared) {
      expect(target.blocked).toBeUndefined();
      expect(target.rows.length).toBeGreaterThan(0);
      for (const row of target.rows) {
        expect(row.errors + row.non200).toBe(0);
        expect(row.durableMin).toBe(row.delegates);
        expect(finite(row.confirmP99.median) && finite(row.ackP99.median) && finite(row.firstConfirm.median)).toBe(
          true,
        );
      }
      expect(finite(target.cold?.confirmP99 ?? NaN) && finite(target.cold?.ackP99 ?? NaN)).toBe(true);
    }
    expect(r.targets).toHaveProperty([
      `"recorded" p99 at ${r.votePath.rows[0].delegates} concurrent below the naive peer's`,
    ]);

    // Teams: concurrent invokes with real JWTs, each vote on disk, the ballot refreshed a few times, not per vote.
    expect(r.teams.blocked).toBeUndefined();
    expect(r.teams.errors + r.teams.non200).toBe(0);
    expect(r.teams.durableMin).toBe(r.teams.delegates);
    expect(finite(r.teams.p99.median) && finite(r.teams.cold?.p99 ?? NaN)).toBe(true);
    expect(r.teams.refreshes.median).toBeGreaterThan(0);
    expect(r.teams.refreshes.median).toBeLessThan(r.teams.delegates);

    expect(r.reminders.blocked).toBeUndefined();
    expect(r.reminders.rateLimited).toBeGreaterThan(0);
    expect(r.reminders.check.missing).toBe(0);
    expect(r.reminders.check.duplicated).toBe(0);
    expect(r.reminders.exactlyOnce).toBe(true);
    expect(r.reminders.outboxLeft).toBe(0);
    expect(r.reminders.slotMarkedDone).toBe(true);

    // Reports: generated through the worker, and votes keep being acknowledged and stored meanwhile.
    expect(finite(r.report.pollReport.median)).toBe(true);
    expect(finite(r.report.surveyReport.median)).toBe(true);
    expect(r.report.pollPdfBytes).toBeGreaterThan(10_000);
    expect(finite(r.report.ackP99Alone.median)).toBe(true);
    expect(finite(r.report.ackP99DuringReports.median)).toBe(true);
    expect(r.report.votesDurable).toBe(true);
    // The "during" bursts really overlapped report generation: reports were uploaded inside the window.
    expect(r.report.blocked).toBeUndefined();
    expect(r.report.reportsDuring).toBeGreaterThanOrEqual(1);
    expect(r.report.burstsDuring).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(r.report.ackP99Ratio)).toBe(true);
  }, 240_000);
});
