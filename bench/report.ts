/**
 * Report bench: what `report <id> all` costs (the three-language PDF with its charts, and the
 * results chart), and what it costs the vote path.
 *   - generation, in process, through the worker that draws charts and PDFs: a theme poll of
 *     `delegations` delegations (target < 1 s) and a satisfaction survey of `answers` answers
 *     (target < 3 s), each from the consultation to the finished PDF;
 *   - the vote ack p99 of bursts of clicks on the real server (its own process, Slack adapter,
 *     store on disk), first alone, then while the secretariat keeps asking for reports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConsultation, makeDelegations, makeMeta, seedStore } from './lib/seed.ts';
import { startServer, stopServer } from './lib/proc.ts';
import { closePool, openPool } from './lib/raw-http.ts';
import { post } from './lib/slack.ts';
import { percentile, spread, nowMs, type Spread } from './lib/stats.ts';
import { round, SIGNING_SECRET, type Round } from './vote-path.ts';
import { startRecorder } from '../tests/slack/recorder.ts';
import { createReportRenderer } from '../src/report/renderer.ts';
import { reportDocument } from '../src/report/report-model.ts';
import { resultsChartModel } from '../src/report/results-chart.ts';
import { t } from '../src/i18n/index.ts';
import { LANGS, type Consultation, type Meta } from '../src/domain/model.ts';

const CHANNEL = 'CBENCH';
const DAY = 86_400_000;

export interface ReportBenchResult {
  delegations: number;
  answers: number;
  /** Worker start (first job), ms: paid once per process. */
  workerStartMs: number;
  /** Theme poll: three-language PDF with charts, from the consultation, ms. */
  pollReport: Spread;
  pollChart: Spread;
  pollPdfBytes: number;
  /** Satisfaction survey with `answers` answers. */
  surveyReport: Spread;
  surveyPdfBytes: number;
  /** Vote ack p99 of `burst` clicks at once: alone, and while reports are generated. */
  burst: number;
  ackP99Alone: Spread;
  ackP99DuringReports: Spread;
  /** Median p99 during reports / median p99 alone. */
  ackP99Ratio: number;
  /** Reports completed (uploaded to the requester's DM) between the first and the last "during" burst. */
  reportsDuring: number;
  /** Bursts sent while a report was in flight (the ones measured), and those dropped for lack of one. */
  burstsDuring: number;
  burstsWithoutReport: number;
  votesDurable: boolean;
  blocked?: string;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<Spread> {
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    await fn();
    xs.push(nowMs() - t0);
  }
  return spread(xs);
}

function view(meta: Meta, lang: (typeof LANGS)[number]) {
  return { lang, t: t(lang), zone: 'Europe/Zurich', now: new Date(), meta, secret: 'bench-ballot-secret' };
}

async function generation(opts: { delegations: number; answers: number; runs: number }) {
  const renderer = createReportRenderer();
  try {
    const now = Date.now();
    const delegations = makeDelegations(opts.delegations);
    const meta = makeMeta(delegations);
    const spec = { status: 'closed' as const, openedAt: new Date(now - 20 * DAY), closesAt: new Date(now - DAY) };
    const poll = makeConsultation({ id: 'T1', ...spec, options: 3, ballots: opts.delegations }, delegations);
    const survey = makeConsultation({ id: 'F1', kind: 'feedback', ...spec, ballots: opts.answers }, []);
    const t0 = nowMs();
    await renderer.chart(resultsChartModel(view(meta, 'en'), poll)!);
    const workerStartMs = nowMs() - t0;
    const report = async (c: Consultation) => {
      const docs = LANGS.map((lang) => reportDocument(view(meta, lang), c));
      return renderer.pdf(docs, docs[0].title);
    };
    const pollPdfBytes = (await report(poll)).length;
    const surveyPdfBytes = (await report(survey)).length;
    return {
      workerStartMs,
      pollReport: await timed(opts.runs, () => report(poll)),
      pollChart: await timed(opts.runs, () => renderer.chart(resultsChartModel(view(meta, 'en'), poll)!)),
      pollPdfBytes,
      surveyReport: await timed(opts.runs, () => report(survey)),
      surveyPdfBytes,
    };
  } finally {
    await renderer.close();
  }
}

type VotesDuringReports = Pick<
  ReportBenchResult,
  | 'ackP99Alone'
  | 'ackP99DuringReports'
  | 'ackP99Ratio'
  | 'reportsDuring'
  | 'burstsDuring'
  | 'burstsWithoutReport'
  | 'votesDurable'
  | 'blocked'
>;

const none: Spread = { median: NaN, min: NaN, max: NaN, runs: 0 };
const empty: VotesDuringReports = {
  ackP99Alone: none,
  ackP99DuringReports: none,
  ackP99Ratio: NaN,
  reportsDuring: 0,
  burstsDuring: 0,
  burstsWithoutReport: 0,
  votesDurable: false,
};

/** Vote bursts on the real server, alone and while `report T2 all` is asked again and again. */
async function votePathDuringReports(opts: {
  burst: number;
  runs: number;
  warmups: number;
  minReports: number;
}): Promise<VotesDuringReports> {
  const rec = await startRecorder();
  const dir = await mkdtemp(join(tmpdir(), 'consult-bench-report-'));
  const dataDir = join(dir, 'store');
  const delegations = makeDelegations(Math.max(opts.burst, 300));
  const now = Date.now();
  const open = makeConsultation(
    {
      id: 'T1',
      openedAt: new Date(now - DAY),
      closesAt: new Date(now + 30 * DAY),
      options: 2,
      channels: [{ platform: 'slack', id: CHANNEL }],
      posted: [{ channel: { platform: 'slack', id: CHANNEL }, ref: `${CHANNEL}:1700000000.000100` }],
    },
    delegations,
  );
  const closed = makeConsultation(
    { id: 'T2', status: 'closed', openedAt: new Date(now - 20 * DAY), closesAt: new Date(now - DAY), ballots: 300 },
    delegations,
  );
  await seedStore(dataDir, { pastBallots: 0, delegations, extra: [open, closed], secretariat: ['slack:USEC'] });
  const file = join(dataDir, 'consultations', 'T1.json');
  const server = await startServer({
    DATA_DIR: dataDir,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: rec.apiUrl,
    BALLOT_SECRET: 'bench-ballot-secret',
    SECRETARIAT: 'slack:USEC',
  });
  const askReport = (n: number) =>
    post(
      `${server.url}/slack/events`,
      new URLSearchParams({
        command: '/consult',
        text: 'report T2 all',
        user_id: 'USEC',
        user_name: 'secretariat',
        channel_id: CHANNEL,
        // The workspace the recorder's auth.test names, as the vote clicks do: the bot ignores any other.
        team_id: 'T0TEST',
        response_url: rec.responseUrl(`report-${n}`),
        trigger_id: `bench.${n}`,
      }).toString(),
      { secret: SIGNING_SECRET },
    );
  const reportsDone = () => rec.calls.filter((c) => c.method === 'files.completeUploadExternal').length;
  const waitReports = async (n: number, ms: number) => {
    const deadline = Date.now() + ms;
    while (reportsDone() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return reportsDone() >= n;
  };
  try {
    const choice = (r: number) => (i: number) => 1 + ((i + r) % 2);
    let seq = 0;
    // The worker starts with the first report: that start is not what the bench measures. A report
    // that never arrives means the bench measures nothing, so it says so instead of printing figures.
    await askReport(0);
    if (!(await waitReports(1, 60_000)))
      return { ...empty, blocked: `no report was uploaded within 60 s: ${server.stderr().slice(-500)}` };
    // Opened after that wait, so the server's idle timeout does not close them.
    const pool = { mode: 'pooled' as const, sockets: await openPool(server.port, opts.burst) };
    for (let w = 0; w < opts.warmups; w++) await round(pool, rec, opts.burst, `w${++seq}`, choice(seq), file, 60_000);
    const alone: Round[] = [];
    for (let r = 0; r < opts.runs; r++)
      alone.push(await round(pool, rec, opts.burst, `a${++seq}`, choice(seq), file, 60_000));
    // The secretariat asks for a report again as soon as the last one arrived, so one is always being
    // generated; a burst counts as "during" only if a report was in flight when it was sent.
    let asking = true;
    let inFlight = false;
    let asked = 0;
    const loop = (async () => {
      while (asking) {
        const target = reportsDone() + 1;
        inFlight = true;
        await askReport(++asked);
        while (asking && reportsDone() < target) await new Promise((r) => setTimeout(r, 5));
        inFlight = false;
      }
    })();
    // Let the first request reach the worker before the window opens.
    await new Promise((r) => setTimeout(r, 200));
    const before = reportsDone();
    const during: Round[] = [];
    let bursts = 0;
    // At least `runs` bursts, and on until `minReports` reports were completed inside the window (bounded).
    const until = Date.now() + 120_000;
    while (during.length < opts.runs || (reportsDone() - before < opts.minReports && Date.now() < until)) {
      const overlapped = inFlight;
      const r = await round(pool, rec, opts.burst, `d${++seq}`, choice(seq), file, 60_000);
      bursts++;
      if (overlapped) during.push(r);
    }
    const reportsDuring = reportsDone() - before;
    asking = false;
    await loop;
    closePool(pool.sockets);
    const all = [...alone, ...during];
    const ackP99Alone = spread(alone.map((x) => percentile(x.acks, 99)));
    const ackP99DuringReports = spread(during.map((x) => percentile(x.acks, 99)));
    return {
      ackP99Alone,
      ackP99DuringReports,
      ackP99Ratio: ackP99DuringReports.median / ackP99Alone.median,
      reportsDuring,
      burstsDuring: during.length,
      burstsWithoutReport: bursts - during.length,
      votesDurable: all.every((x) => x.durable === opts.burst && x.errors === 0 && x.non200 === 0),
    };
  } finally {
    await stopServer(server);
    await rec.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function reportBench(opts: {
  delegations: number;
  answers: number;
  runs: number;
  burst: number;
  voteRuns: number;
  warmups: number;
  /** Reports that must complete inside the "during" window (1 keeps the small run quick). */
  minReports?: number;
  log?: (l: string) => void;
}): Promise<ReportBenchResult> {
  const log = opts.log ?? (() => {});
  const gen = await generation(opts);
  log(
    `report: ${opts.delegations} delegations ${gen.pollReport.median.toFixed(0)} ms, ${opts.answers} answers ${gen.surveyReport.median.toFixed(0)} ms`,
  );
  const votes = await votePathDuringReports({
    burst: opts.burst,
    runs: opts.voteRuns,
    warmups: opts.warmups,
    minReports: opts.minReports ?? 3,
  });
  log(
    votes.blocked
      ? `report: vote path during reports BLOCKED: ${votes.blocked}`
      : `report: vote ack p99 alone ${votes.ackP99Alone.median.toFixed(1)} ms, during reports ${votes.ackP99DuringReports.median.toFixed(1)} ms (×${votes.ackP99Ratio.toFixed(2)}; ${votes.reportsDuring} reports completed in the window, ${votes.burstsDuring} bursts)`,
  );
  return { delegations: opts.delegations, answers: opts.answers, burst: opts.burst, ...gen, ...votes };
}
