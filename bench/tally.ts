/**
 * Tally bench: counting a consultation with many ballots, in memory, as the core does at close
 * (the domain functions, and the results card that is posted to every channel).
 *   - a satisfaction survey with N anonymous answers (4 Likert statements each);
 *   - a theme poll with N delegations' ballots (and N delegations on the roster, for turnout).
 */
import { makeConsultation, makeDelegations, makeMeta } from './lib/seed.ts';
import { satisfaction, tally } from '../src/domain/tally.ts';
import { resultsCard } from '../src/views/results.ts';
import { t } from '../src/i18n/index.ts';
import { spread, nowMs, type Spread } from './lib/stats.ts';
import type { Consultation, Meta } from '../src/domain/model.ts';

export interface TallyBenchResult {
  ballots: number;
  /** satisfaction() on the survey, ms. */
  survey: Spread;
  /** The survey's results card (what is posted at close), ms. */
  surveyCard: Spread;
  /** tally() (counts, turnout by group, decision) on the theme poll, ms. */
  poll: Spread;
  pollCard: Spread;
  /** Sanity: respondents counted in the survey, ballots cast in the poll. */
  counted: { survey: number; poll: number };
}

function time(runs: number, fn: () => void): Spread {
  fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    fn();
    xs.push(nowMs() - t0);
  }
  return spread(xs);
}

export function tallyBench(opts: { ballots: number; runs: number }): TallyBenchResult {
  const now = new Date();
  const openedAt = new Date(now.getTime() - 20 * 86_400_000);
  const closesAt = new Date(now.getTime() - 86_400_000);
  const survey: Consultation = makeConsultation(
    { id: 'F1', kind: 'feedback', status: 'closed', openedAt, closesAt, ballots: opts.ballots },
    [],
  );
  const delegations = makeDelegations(opts.ballots);
  const poll: Consultation = makeConsultation(
    { id: 'T1', status: 'closed', openedAt, closesAt, ballots: opts.ballots, options: 2 },
    delegations,
  );
  const meta: Meta = makeMeta(delegations);
  const view = { lang: 'en' as const, t: t('en'), zone: 'Europe/Zurich', now, meta, secret: 'bench-ballot-secret' };
  let counted = { survey: 0, poll: 0 };
  const result: TallyBenchResult = {
    ballots: opts.ballots,
    survey: time(opts.runs, () => void (counted.survey = satisfaction(survey).respondents)),
    surveyCard: time(opts.runs, () => void resultsCard(view, survey)),
    poll: time(opts.runs, () => void (counted.poll = tally(meta, poll).cast)),
    pollCard: time(opts.runs, () => void resultsCard(view, poll)),
    counted,
  };
  counted = result.counted;
  return result;
}
