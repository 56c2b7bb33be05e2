/**
 * Vote path bench: the real server in its own process (createApp, file store on disk, Slack
 * adapter with signature checks) on a random loopback port, its Web API calls going to a local
 * recorder. N simulated delegates, each of a distinct delegation, click a ballot button at the
 * same moment: signed block_actions requests to POST /slack/events.
 *
 * Two latencies per vote: the HTTP ack (Slack needs it within 3 s; Bolt acks before the work),
 * and the "vote recorded" confirmation that reaches the delegate through response_url, sent only
 * after the ballot is durable. Durable votes/s = N / (last confirmation − first request).
 * After each round the consultation file is read from disk: every delegation's ballot must be
 * the one it just cast.
 */
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder, callText, type SlackRecorder as Recorder } from '../tests/slack/recorder.ts';
import { blockActions, formBody, post } from './lib/slack.ts';
import { makeConsultation, makeDelegations, seedStore, slackUserOf } from './lib/seed.ts';
import { startServer, stopServer } from './lib/proc.ts';
import { percentile, spread, type Spread } from './lib/stats.ts';
import type { Consultation } from '../src/domain/model.ts';

export const SIGNING_SECRET = 'bench-signing-secret';
const CHANNEL = 'CBENCH';

export interface VotePathRow {
  delegates: number;
  ackP50: Spread;
  ackP95: Spread;
  ackP99: Spread;
  confirmP50: Spread;
  confirmP99: Spread;
  votesPerSec: Spread;
  /** Ballots found on disk with the value just cast, out of `delegates`, in the worst round. */
  durableMin: number;
  non200: number;
  errors: number;
}

export interface VotePathResult {
  slack: boolean;
  rows: VotePathRow[];
  blocked?: string;
}

interface Round {
  acks: number[];
  confirms: number[];
  votesPerSec: number;
  durable: number;
  non200: number;
  errors: number;
}

async function round(url: string, rec: Recorder, agent: http.Agent, n: number, tag: string, choiceOf: (i: number) => number, file: string, timeoutMs: number): Promise<Round> {
  const sentAt = new Map<string, number>();
  const confirmAt = new Map<string, number>();
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  rec.onCall = (call) => {
    if (call.method !== 'response_url') return;
    const key = decodeURIComponent(call.path.slice('/response/'.length));
    if (!key.startsWith(`${tag}:`) || !/recorded/i.test(callText(call))) return;
    confirmAt.set(key, call.at);
    if (confirmAt.size === n) resolveAll();
  };
  const acks: number[] = [];
  let non200 = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const user = slackUserOf(i);
      const key = `${tag}:${user}`;
      const value = JSON.stringify({ type: 'vote', id: 'T1', choices: [choiceOf(i)] });
      const body = formBody(blockActions({ user, channel: CHANNEL, value, responseUrl: rec.responseUrl(key) }));
      sentAt.set(key, performance.now());
      try {
        const r = await post(`${url}/slack/events`, body, { secret: SIGNING_SECRET, agent });
        acks.push(r.ms);
        if (r.status !== 200) non200++;
      } catch {
        errors++;
      }
    }),
  );
  await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
  rec.onCall = undefined;
  if (process.env.BENCH_DEBUG) console.error(`round ${tag}: ${confirmAt.size}/${n} confirmed in ${(performance.now() - t0).toFixed(0)} ms`);
  const last = Math.max(...confirmAt.values());
  const confirms = [...confirmAt].map(([k, at]) => at - sentAt.get(k)!);
  const c = JSON.parse(await readFile(file, 'utf8')) as Consultation;
  let durable = 0;
  for (let i = 0; i < n; i++) {
    const b = c.ballots[`delegation-${String(i).padStart(5, '0')}`];
    if (b && b.choices[0] === choiceOf(i)) durable++;
  }
  return { acks, confirms, votesPerSec: confirmAt.size / ((last - t0) / 1000), durable, non200, errors };
}

export async function votePathBench(opts: { sizes: number[]; runs: number; log?: (l: string) => void; serverArgs?: string[] }): Promise<VotePathResult> {
  const log = opts.log ?? (() => {});
  const maxN = Math.max(...opts.sizes);
  const rec = await startRecorder();
  const dir = await mkdtemp(join(tmpdir(), 'consult-bench-vote-'));
  const dataDir = join(dir, 'store');
  const delegations = makeDelegations(maxN);
  const now = new Date();
  const open = makeConsultation({
    id: 'T1', openedAt: new Date(now.getTime() - 86_400_000), closesAt: new Date(now.getTime() + 30 * 86_400_000), options: 2,
    channels: [{ platform: 'slack', id: CHANNEL }], posted: [{ channel: { platform: 'slack', id: CHANNEL }, ref: `${CHANNEL}:1700000000.000100` }],
  }, delegations);
  await seedStore(dataDir, { pastBallots: 0, delegations, extra: [open], secretariat: ['slack:USEC'] });
  const file = join(dataDir, 'consultations', 'T1.json');
  let server;
  try {
    server = await startServer({
      DATA_DIR: dataDir, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: rec.apiUrl, BALLOT_SECRET: 'bench-ballot-secret', SECRETARIAT: 'slack:USEC',
    }, { args: opts.serverArgs });
  } catch (err) {
    await rec.close();
    await rm(dir, { recursive: true, force: true });
    return { slack: false, rows: [], blocked: `server did not start: ${(err as Error).message.slice(0, 300)}` };
  }
  try {
    if (!server.slack) return { slack: false, rows: [], blocked: 'the Slack adapter is not available (adapters/slack/create-slack-adapter.ts missing or not configured)' };
    const rows: VotePathRow[] = [];
    let seq = 0;
    for (const n of opts.sizes) {
      // A connection per click, as independent deliveries from Slack would be (no warm pool to lean on).
      const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
      // Warm-up round: opens the connections, fills the adapter's locale cache, JITs the path.
      await round(server.url, rec, agent, n, `w${n}`, () => 1, file, 60_000);
      const rounds: Round[] = [];
      for (let r = 0; r < opts.runs; r++) {
        const tag = `r${++seq}`;
        rounds.push(await round(server.url, rec, agent, n, tag, (i) => 1 + ((i + r + 1) % 2), file, 60_000));
      }
      agent.destroy();
      const row: VotePathRow = {
        delegates: n,
        ackP50: spread(rounds.map((x) => percentile(x.acks, 50))),
        ackP95: spread(rounds.map((x) => percentile(x.acks, 95))),
        ackP99: spread(rounds.map((x) => percentile(x.acks, 99))),
        confirmP50: spread(rounds.map((x) => percentile(x.confirms, 50))),
        confirmP99: spread(rounds.map((x) => percentile(x.confirms, 99))),
        votesPerSec: spread(rounds.map((x) => x.votesPerSec)),
        durableMin: Math.min(...rounds.map((x) => x.durable)),
        non200: rounds.reduce((s, x) => s + x.non200, 0),
        errors: rounds.reduce((s, x) => s + x.errors, 0),
      };
      log(`vote path N=${n}: ack p99 ${row.ackP99.median.toFixed(1)} ms, confirm p99 ${row.confirmP99.median.toFixed(0)} ms, ${row.votesPerSec.median.toFixed(0)} durable votes/s, durable ${row.durableMin}/${n}`);
      rows.push(row);
    }
    return { slack: true, rows };
  } finally {
    await stopServer(server);
    await rec.close();
    await rm(dir, { recursive: true, force: true });
  }
}
