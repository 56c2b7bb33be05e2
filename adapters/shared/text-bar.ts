/** Result bars drawn with text, for platforms whose cards have no chart: `████░░░░░░`. */

const BAR_WIDTH = 10;

/** A bar of `share` (0..1, clamped; NaN counts as 0) in ten block characters. */
export function textBar(share: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  const filled = Math.round(clamped * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}
