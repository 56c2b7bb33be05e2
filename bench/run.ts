/**
 * `npm run bench`: the store, tally, memory, vote-path and reminder benches; prints a table
 * and writes bench/results/latest.json. BENCH_SMALL=1 runs a small version in seconds.
 * Each figure is the median of several runs with [min–max]; comparisons are ratios measured in
 * the same run. Targets are shown beside the figures; the bench reports, it does not fail on them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { storeBench, type StoreBenchResult } from './store.ts';
import { tallyBench, type TallyBenchResult } from './tally.ts';
import { memoryBench, type MemoryBenchResult } from './memory.ts';
import { votePathBench, type VotePathResult } from './vote-path.ts';
import { reminderBench, type ReminderBenchResult } from './reminders.ts';
import { reportBench, type ReportBenchResult } from './report.ts';
import { teamsVoteBench, type TeamsVoteResult } from './teams-vote.ts';
import { fmtSpread, fmt } from './lib/stats.ts';
import { ROOT } from './lib/proc.ts';

export interface BenchResults {
  date: string;
  small: boolean;
  machine: { cpus: number; model: string; memGB: number; node: string };
  store: StoreBenchResult;
  tally: TallyBenchResult;
  memory: MemoryBenchResult;
  votePath: VotePathResult;
  teams: TeamsVoteResult;
  reminders: ReminderBenchResult;
  report: ReportBenchResult;
  targets: Record<string, { target: string; met: boolean | null }>;
  seconds: number;
}

export interface BenchOptions {
  small: boolean;
  only?: string[];
  log?: (line: string) => void;
}

export function benchPlan(small: boolean) {
  return small
    ? {
        storeSizes: [100, 1000],
        storeRuns: 3,
        votesPerRun: 20,
        lowdbVotes: () => 10,
        tallyBallots: 10_000,
        tallyRuns: 3,
        memBallots: 2_000,
        memRuns: 1,
        voteSizes: [20, 50],
        voteRuns: 2,
        voteWarmup: 100,
        compareSizes: [20],
        compareRuns: 1,
        teamsDelegates: 20,
        teamsRuns: 1,
        teamsWarmups: 0,
        reminderDelegates: 30,
        limitEvery: 25,
        reportDelegations: 60,
        reportAnswers: 2_000,
        reportRuns: 1,
        reportBurst: 20,
        reportVoteRuns: 1,
        reportWarmups: 1,
        reportMinReports: 1,
      }
    : {
        storeSizes: [1_000, 10_000, 100_000],
        storeRuns: 5,
        votesPerRun: 200,
        lowdbVotes: (b: number) => (b >= 100_000 ? 10 : b >= 10_000 ? 40 : 100),
        tallyBallots: 100_000,
        tallyRuns: 7,
        memBallots: 100_000,
        memRuns: 3,
        voteSizes: [200, 1_000],
        voteRuns: 15,
        voteWarmup: 2_000,
        compareSizes: [200, 1_000],
        compareRuns: 5,
        teamsDelegates: 200,
        teamsRuns: 5,
        teamsWarmups: 5,
        reminderDelegates: 1_000,
        limitEvery: 100,
        reportDelegations: 300,
        reportAnswers: 100_000,
        reportRuns: 5,
        reportBurst: 200,
        reportVoteRuns: 5,
        reportWarmups: 10,
        reportMinReports: 3,
      };
}

export async function runBench(opts: BenchOptions): Promise<BenchResults> {
  const log = opts.log ?? (() => {});
  const plan = benchPlan(opts.small);
  const t0 = performance.now();
  log('store…');
  const store = await storeBench({
    sizes: plan.storeSizes,
    runs: plan.storeRuns,
    votesPerRun: plan.votesPerRun,
    lowdbVotes: plan.lowdbVotes,
    log,
  });
  log('tally…');
  const tally = tallyBench({ ballots: plan.tallyBallots, runs: plan.tallyRuns });
  log('memory…');
  const memory = await memoryBench({ ballots: plan.memBallots, runs: plan.memRuns });
  log('vote path…');
  const votePath = await votePathBench({
    sizes: plan.voteSizes,
    runs: plan.voteRuns,
    warmupVotes: plan.voteWarmup,
    compareSizes: plan.compareSizes,
    compareRuns: plan.compareRuns,
    log,
  });
  log('Teams vote path…');
  const teams = await teamsVoteBench({
    delegates: plan.teamsDelegates,
    runs: plan.teamsRuns,
    warmups: plan.teamsWarmups,
  });
  log('reminders…');
  const reminders = await reminderBench({ delegates: plan.reminderDelegates, limitEvery: plan.limitEvery, log });
  log('report…');
  const report = await reportBench({
    delegations: plan.reportDelegations,
    answers: plan.reportAnswers,
    runs: plan.reportRuns,
    burst: plan.reportBurst,
    voteRuns: plan.reportVoteRuns,
    warmups: plan.reportWarmups,
    minReports: plan.reportMinReports,
    log,
  });

  const largest = store.sizes[store.sizes.length - 1];
  const v200 = votePath.rows[0];
  const targets: BenchResults['targets'] = {
    'store ratio vs plain lowdb at largest size': {
      target: '>= 10x',
      met: largest ? largest.ratio.median >= 10 : null,
    },
    'store cost flat across sizes': { target: 'largest/smallest <= 1.5', met: store.flatness <= 1.5 },
    'tally of the large satisfaction survey': { target: '< 100 ms', met: tally.survey.median < 100 },
    [`vote ack p99 at ${v200?.delegates ?? '?'} concurrent`]: {
      target: '< 50 ms',
      met: v200 ? v200.ackP99.median < 50 : null,
    },
    'durable votes per second, STORE_FSYNC=on': {
      target: '>= 1000/s',
      met: votePath.rows.length ? Math.max(...votePath.rows.map((r) => r.votesPerSec.median)) >= 1000 : null,
    },
    'reminders exactly once': { target: 'all, once', met: reminders.blocked ? null : reminders.exactlyOnce },
    [`report + charts, ${report.delegations} delegations`]: { target: '< 1 s', met: report.pollReport.median < 1000 },
    [`report + charts, ${report.answers.toLocaleString('en')}-answer survey`]: {
      target: '< 3 s',
      met: report.surveyReport.median < 3000,
    },
    [`vote ack p99 at ${report.burst} concurrent while reports are generated`]: {
      target: '< 50 ms',
      met: report.blocked || report.reportsDuring === 0 ? null : report.ackP99DuringReports.median < 50,
    },
  };
  const peer = votePath.compared.find((c) => c.label.startsWith('naive peer'));
  for (const row of votePath.rows) {
    const theirs = peer?.rows.find((r) => r.delegates === row.delegates);
    const ours = votePath.compared[0]?.rows.find((r) => r.delegates === row.delegates);
    targets[`"recorded" p99 at ${row.delegates} concurrent below the naive peer's`] = {
      target: 'Consult < peer',
      met: theirs && ours ? ours.confirmP99.median < theirs.confirmP99.median : null,
    };
    targets[`vote ack p99 at ${row.delegates} concurrent vs the bare node server`] = {
      target: '<= 2x',
      met: row.ackP99.median <= 2 * row.floorAckP99.median,
    };
  }
  return {
    date: new Date().toISOString(),
    small: opts.small,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? '?',
      memGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    store,
    tally,
    memory,
    votePath,
    teams,
    reminders,
    report,
    targets,
    seconds: (performance.now() - t0) / 1000,
  };
}

export function table(r: BenchResults): string {
  const rows: [string, string, string][] = [];
  for (const s of r.store.sizes) {
    rows.push([
      `Store: record 1 vote, ${s.ballots.toLocaleString('en')} ballots stored`,
      `${fmtSpread(s.fileStore, ' ms', 3)} vs plain lowdb ${fmtSpread(s.lowdb, ' ms')}`,
      `${fmt(s.ratio.median, 1)}x faster (${fmt(s.ratio.min, 1)}–${fmt(s.ratio.max, 1)})`,
    ]);
  }
  rows.push(['Store: cost at largest / smallest size', fmt(r.store.flatness), 'flat ≈ 1']);
  rows.push([
    `Tally: satisfaction survey, ${r.tally.ballots.toLocaleString('en')} answers`,
    fmtSpread(r.tally.survey, ' ms'),
    `results card ${fmtSpread(r.tally.surveyCard, ' ms')}`,
  ]);
  rows.push([
    `Tally: theme poll, ${r.tally.ballots.toLocaleString('en')} ballots (+ turnout)`,
    fmtSpread(r.tally.poll, ' ms'),
    `results card ${fmtSpread(r.tally.pollCard, ' ms')}`,
  ]);
  rows.push([
    `Memory: RSS with ${r.memory.ballots.toLocaleString('en')} ballots loaded`,
    fmtSpread(r.memory.rssMB, ' MB', 0),
    `empty store ${fmtSpread(r.memory.emptyRssMB, ' MB', 0)}; start-up load ${fmtSpread(r.memory.openMs, ' ms', 0)}`,
  ]);
  if (r.votePath.blocked) rows.push(['Vote path (Slack)', 'BLOCKED', r.votePath.blocked]);
  for (const v of r.votePath.rows) {
    rows.push([
      `Vote path: ${v.delegates} delegates at once, ack p50/p95/p99`,
      `${fmt(v.ackP50.median, 1)} / ${fmt(v.ackP95.median, 1)} / ${fmtSpread(v.ackP99, ' ms', 1)}`,
      `"recorded" p99 ${fmtSpread(v.confirmP99, ' ms', 0)}`,
    ]);
    rows.push([
      `Vote path: ${v.delegates} delegates, durable votes/s`,
      fmtSpread(v.votesPerSec, '/s', 0),
      `on disk ${v.durableMin}/${v.delegates}; non-200 ${v.non200}; errors ${v.errors}`,
    ]);
    rows.push([
      `Vote path: ${v.delegates} delegates, a new connection each`,
      `ack p99 ${fmtSpread(v.freshAckP99, ' ms', 1)}`,
      fmtSpread(v.freshVotesPerSec, '/s', 0),
    ]);
    rows.push([
      `Vote path: ${v.delegates} delegates, the same bursts paired with two baselines, ack p99`,
      `bare node server ${fmtSpread(v.floorAckP99, ' ms', 1)}`,
      `Consult ×${fmt(v.ackRatio.median)} burst by burst; minimal signed-click server ${fmtSpread(v.minimalAckP99, ' ms', 1)}, Consult ×${fmt(v.minimalRatio.median)}`,
    ]);
  }
  rows.push(...comparisonRows(r));
  const tv = r.teams;
  if (tv.blocked) rows.push(['Teams vote path', 'BLOCKED', tv.blocked]);
  else
    rows.push([
      `Teams: ${tv.delegates} adaptiveCard/action invokes at once (JWT checked), p50/p99`,
      `${fmt(tv.p50.median, 0)} / ${fmtSpread(tv.p99, ' ms', 0)}`,
      `cold p99 ${fmt(tv.cold?.p99 ?? NaN, 0)} ms; ballot refreshes per burst ${fmt(tv.refreshes.median, 0)} (cold ${tv.cold?.refreshes ?? '?'}); on disk ${tv.durableMin}/${tv.delegates}; non-200 ${tv.non200}`,
    ]);
  const m = r.reminders;
  rows.push([
    `Reminders: ${m.delegates.toLocaleString('en')} delegates, slot → last sent`,
    m.blocked ? 'BLOCKED' : `${fmt(m.seconds, 1)} s`,
    m.blocked ??
      `${m.check.reminded}/${m.check.expected} once, ${m.check.duplicated} twice, ${m.rateLimited} × 429, outbox left ${m.outboxLeft}`,
  ]);
  const p = r.report;
  rows.push([
    `Report: PDF en+fr+es with charts, ${p.delegations} delegations`,
    fmtSpread(p.pollReport, ' ms', 0),
    `results chart ${fmtSpread(p.pollChart, ' ms', 0)}; ${fmt(p.pollPdfBytes / 1024, 0)} KB; worker start ${fmt(p.workerStartMs, 0)} ms`,
  ]);
  rows.push([
    `Report: PDF en+fr+es, survey of ${p.answers.toLocaleString('en')} answers`,
    fmtSpread(p.surveyReport, ' ms', 0),
    `${fmt(p.surveyPdfBytes / 1024, 0)} KB`,
  ]);
  rows.push([
    `Report: vote ack p99, ${p.burst} at once, alone / during reports`,
    p.blocked ? 'BLOCKED' : `${fmtSpread(p.ackP99Alone, ' ms', 1)} / ${fmtSpread(p.ackP99DuringReports, ' ms', 1)}`,
    p.blocked ??
      `×${fmt(p.ackP99Ratio)}; ${p.reportsDuring} reports completed in the window of ${p.burstsDuring} bursts; every vote durable: ${p.votesDurable ? 'yes' : 'NO'}`,
  ]);
  const w = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length))];
  const lines = rows.map(([a, b, c]) => `${a.padEnd(w[0])}  ${b.padEnd(w[1])}  ${c}`);
  lines.push(
    '',
    r.small ? 'Targets (they apply to the full run; small mode only checks the bench works):' : 'Targets:',
  );
  for (const [k, t] of Object.entries(r.targets))
    lines.push(`  ${t.met === null ? 'n/a ' : t.met ? 'met ' : 'MISS'}  ${k} (${t.target})`);
  return lines.join('\n');
}

/** Consult (fsync on, off) beside the naive peer, same bursts in the same run; warm, then cold. */
function comparisonRows(r: BenchResults): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const [on, off, peer] = r.votePath.compared;
  if (!on || !off || !peer) return rows;
  for (const b of [off, peer]) if (b.blocked) rows.push([b.label, 'BLOCKED', b.blocked]);
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? `${fmt(a / b, 2)}x` : 'n/a';
  for (const n of on.rows.map((x) => x.delegates)) {
    const [a, b, c] = [on, off, peer].map((t) => t.rows.find((x) => x.delegates === n));
    if (!a || (!b && !c)) continue; // a size only Consult was measured at
    const pair = (x: typeof a | undefined, k: 'confirmP50' | 'ackP50') =>
      x ? `${fmt(x[k].median, 0)}/${fmt(x[k === 'confirmP50' ? 'confirmP99' : 'ackP99'].median, 0)}` : 'n/a';
    rows.push([
      `Vote path, warm: ${n} at once, "recorded" p50/p99 (ms)`,
      `Consult fsync on ${pair(a, 'confirmP50')} · off ${pair(b, 'confirmP50')} · naive peer ${pair(c, 'confirmP50')}`,
      `peer/Consult p99 ${ratio(c?.confirmP99.median, a.confirmP99.median)}; first "recorded" after ${fmt(a.firstConfirm.median, 0)} ms`,
    ]);
    rows.push([
      `Vote path, warm: ${n} at once, ack p50/p99 (ms)`,
      `Consult fsync on ${pair(a, 'ackP50')} · off ${pair(b, 'ackP50')} · naive peer ${pair(c, 'ackP50')}`,
      `peer/Consult p99 ${ratio(c?.ackP99.median, a.ackP99.median)}`,
    ]);
    rows.push([
      `Vote path, warm: ${n} at once, votes recorded per second`,
      `fsync on ${fmt(a.votesPerSec.median, 0)}/s · off ${fmt(b?.votesPerSec.median ?? NaN, 0)}/s · naive peer ${fmt(c?.votesPerSec.median ?? NaN, 0)}/s`,
      `on disk: ${a.durableMin}/${n}, ${b?.durableMin ?? '?'}/${n}, ${c?.durableMin ?? '?'}/${n}`,
    ]);
  }
  if (on.cold) {
    const cold = (t: typeof on) => (t.cold ? `${fmt(t.cold.confirmP99, 0)} (ack ${fmt(t.cold.ackP99, 0)})` : 'n/a');
    rows.push([
      `Vote path, cold (first burst after start, ${on.cold.delegates} at once): "recorded" p99 (ms)`,
      `Consult fsync on ${cold(on)} · off ${cold(off)} · naive peer ${cold(peer)}`,
      `peer/Consult ${ratio(peer.cold?.confirmP99, on.cold.confirmP99)}`,
    ]);
  }
  return rows;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'));
if (isMain) {
  const small = process.env.BENCH_SMALL === '1';
  const t0 = performance.now();
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s`;
  const r = await runBench({ small, log: (l) => process.stderr.write(`${elapsed()}  ${l}\n`) });
  const out = join(ROOT, 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, small ? 'latest-small.json' : 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  process.stdout.write(
    `\nConsult bench (${small ? 'small' : 'full'}) — ${r.date} — ${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}, ${fmt(r.seconds, 0)} s\n\n${table(r)}\n\nWritten to bench/results/${small ? 'latest-small.json' : 'latest.json'}\n`,
  );
  // Sockets of finished servers may linger in keep-alive pools: the bench is done.
  process.exit(0);
}
