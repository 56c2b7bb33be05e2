/**
 * Vote path bench: the real server in its own process (createApp, file store on disk, Slack
 * adapter with signature checks) on a random loopback port, its Web API calls going to a local
 * recorder. N simulated delegates, each of a distinct delegation, click a ballot button at the
 * same moment: signed block_actions requests to POST /slack/events.
 *
 * Two latencies per vote: the HTTP ack (Slack needs it within 3 s), and the "vote recorded"
 * confirmation that reaches the delegate through response_url, sent only after the ballot is
 * durable. Durable votes/s = N / (last confirmation − first request). After each round the
 * consultation file is read from disk: every delegation's ballot must be the one it just cast.
 *
 * Requests are prebuilt and written on persistent connections (lib/raw-http.ts), as the proxy in
 * front of the app holds them; the same bursts are then sent on a new connection each. Each measured
 * burst is paired with the same burst to two baselines, sent right after it, so the figures can be
 * read against what the machine costs at that moment: node's bare HTTP server (lib/floor-server.ts),
 * and the least a Slack app must do before an ack (lib/minimal-click-server.ts: read, check the
 * signature, refuse a replay). Every measured burst, to any target, starts after the same pause
 * (SETTLE_MS).
 *
 * In the same run, the same pooled bursts go to Consult with STORE_FSYNC=off and to the naive peer
 * (lib/naive-bolt-peer.ts: Bolt's own receiver, lowdb, one db.update and one respond() per click), each
 * in its own process on its own freshly seeded copy of the store. For every target the first burst
 * after its start is reported apart (cold), the others after ~2,000 warm-up votes (warm).
 */
import type net from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder, callText, type SlackRecorder as Recorder } from '../tests/slack/recorder.ts';
import { blockActions, formBody, sign } from './lib/slack.ts';
import { closePool, openPool, rawRequest, revivePool, send, sendFresh } from './lib/raw-http.ts';
import { makeConsultation, makeDelegations, seedStore, slackUserOf } from './lib/seed.ts';
import { startServer, stopServer, type ServerProc } from './lib/proc.ts';
import { fileURLToPath } from 'node:url';
import { percentile, spread, type Spread } from './lib/stats.ts';
import type { Consultation } from '../src/domain/model.ts';

export const SIGNING_SECRET = 'bench-signing-secret';
const CHANNEL = 'CBENCH';
const FLOOR_SERVER = fileURLToPath(new URL('./lib/floor-server.ts', import.meta.url));
const MINIMAL_SERVER = fileURLToPath(new URL('./lib/minimal-click-server.ts', import.meta.url));
const PEER_SERVER = fileURLToPath(new URL('./lib/naive-bolt-peer.ts', import.meta.url));

interface VotePathRow {
  delegates: number;
  ackP50: Spread;
  ackP95: Spread;
  ackP99: Spread;
  confirmP50: Spread;
  confirmP99: Spread;
  votesPerSec: Spread;
  /** The same bursts, each request on a new connection (connect time included). */
  freshAckP99: Spread;
  freshVotesPerSec: Spread;
  /** The same burst against node's bare HTTP server, each after one of Consult's: what the machine costs before Consult does anything. */
  floorAckP99: Spread;
  /** Consult's ack p99 over the bare server's, burst by burst (each pair sent one after the other). */
  ackRatio: Spread;
  /** The same burst against the least a Slack app must do before an ack (lib/minimal-click-server.ts). */
  minimalAckP99: Spread;
  /** Consult's ack p99 over the minimal signed-click server's, burst by burst: what Consult adds itself. */
  minimalRatio: Spread;
  /** Ballots found on disk with the value just cast, out of `delegates`, in the worst round. */
  durableMin: number;
  non200: number;
  errors: number;
}

export interface VotePathResult {
  slack: boolean;
  /** Consult with STORE_FSYNC=on (the default), with fresh-connection and bare-server figures. */
  rows: VotePathRow[];
  blocked?: string;
  /** The same pooled bursts, each target in its own process: Consult (fsync on, off) and the naive peer. */
  compared: TargetResult[];
}

export interface Round {
  acks: number[];
  confirms: number[];
  votesPerSec: number;
  durable: number;
  non200: number;
  errors: number;
}

/** `port` on a pool: connections the server closed since the last burst are reopened before the next. */
export type Connections = { mode: 'pooled'; sockets: net.Socket[]; port?: number } | { mode: 'fresh'; port: number };

/** Reads the ballots a target has on disk, by delegation id (Consult's consultation file, the peer's lowdb file). */
export type BallotReader = () => Promise<Record<string, { choices: number[] } | undefined>>;

const consultBallots =
  (file: string): BallotReader =>
  async () =>
    (JSON.parse(await readFile(file, 'utf8')) as Consultation).ballots;

/** The n signed vote clicks of one burst, each with its response_url on the recorder under `<tag>:<user>`. */
function signedClicks(rec: Recorder, n: number, tag: string, choiceOf: (i: number) => number, close: boolean) {
  const ts = Math.floor(Date.now() / 1000);
  return Array.from({ length: n }, (_, i) => {
    const user = slackUserOf(i);
    const key = `${tag}:${user}`;
    const value = JSON.stringify({ type: 'vote', id: 'T1', choices: [choiceOf(i)] });
    const body = formBody(blockActions({ user, channel: CHANNEL, value, responseUrl: rec.responseUrl(key) }));
    const headers = {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': String(ts),
      'X-Slack-Signature': sign(SIGNING_SECRET, ts, body),
    };
    return { key, bytes: rawRequest('/slack/events', headers, body, { close }) };
  });
}

export async function round(
  conns: Connections,
  rec: Recorder,
  n: number,
  tag: string,
  choiceOf: (i: number) => number,
  file: string | BallotReader,
  timeoutMs: number,
): Promise<Round> {
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
  if (conns.mode === 'pooled' && conns.port !== undefined) await revivePool(conns.port, conns.sockets);
  // Requests are built and signed before the clock starts: the bench measures the server, not its own HMACs.
  const requests = signedClicks(rec, n, tag, choiceOf, conns.mode === 'fresh');
  const acks: number[] = [];
  let non200 = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    requests.map(async ({ key, bytes }, i) => {
      sentAt.set(key, performance.now());
      try {
        const r = conns.mode === 'pooled' ? await send(conns.sockets[i], bytes) : await sendFresh(conns.port, bytes);
        acks.push(r.ms);
        if (r.status !== 200) non200++;
      } catch {
        errors++;
      }
    }),
  );
  await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs))]);
  rec.onCall = undefined;
  if (process.env.BENCH_DEBUG)
    console.error(
      `round ${tag}: ${confirmAt.size}/${n} confirmed in ${(performance.now() - t0).toFixed(0)} ms; non-200 ${non200}, errors ${errors}`,
    );
  const last = Math.max(...confirmAt.values());
  const confirms = [...confirmAt].map(([k, at]) => at - sentAt.get(k)!);
  const ballots = await (typeof file === 'string' ? consultBallots(file) : file)();
  let durable = 0;
  for (let i = 0; i < n; i++) {
    const b = ballots[`delegation-${String(i).padStart(5, '0')}`];
    if (b && b.choices[0] === choiceOf(i)) durable++;
  }
  return { acks, confirms, votesPerSec: confirmAt.size / ((last - t0) / 1000), durable, non200, errors };
}

/**
 * Bursts sent before measuring: they fill the adapter's locale cache and let V8 optimise the path
 * (about 2,000 requests; the first bursts after a start are up to twice as slow).
 */
const warmupRounds = (n: number, votes: number) => Math.max(2, Math.ceil(votes / n));

/**
 * A baseline server (node's bare HTTP server, lib/floor-server.ts, or the minimal signed-click one),
 * up for the whole of Consult's measurement: after each of Consult's measured bursts it gets the
 * same burst, after the same pause, so each pair of figures comes from the same state of the machine
 * (a busy neighbour or a cold CPU weighs on both alike).
 */
async function startBaseline(rec: Recorder, warmupVotes: number, script: string) {
  const server = await startServer({ SLACK_SIGNING_SECRET: SIGNING_SECRET }, { script });
  const pools = new Map<number, net.Socket[]>();
  let seq = 0;
  const burst = async (sockets: net.Socket[]) => {
    await revivePool(server.port, sockets);
    // Built and signed as Consult's are, right before the burst: the client does the same work before each.
    const requests = signedClicks(rec, sockets.length, `floor${++seq}`, () => 1, false);
    const results = await Promise.all(sockets.map((s, i) => send(s, requests[i].bytes)));
    // A baseline that refused the clicks (a wrong secret) would look fast: stop rather than report it.
    const refused = results.filter((r) => r.status !== 200).length;
    if (refused > 0) throw new Error(`${script}: ${refused} of ${results.length} requests not answered 200`);
    return percentile(
      results.map((r) => r.ms),
      99,
    );
  };
  return {
    /** The p99 ack of one burst of `n` requests at once. */
    async p99(n: number): Promise<number> {
      let sockets = pools.get(n);
      if (!sockets) {
        sockets = await openPool(server.port, n);
        pools.set(n, sockets);
        // Warmed as Consult is (about 2,000 requests): node's own HTTP code is optimised only after a few thousand.
        for (let w = 0; w < warmupRounds(n, warmupVotes); w++) await burst(sockets);
      }
      return burst(sockets);
    },
    async stop() {
      for (const sockets of pools.values()) closePool(sockets);
      await stopServer(server);
    },
  };
}

/** Before every measured burst, to every target: the previous one's work has settled, and all start from the same idle. */
const SETTLE_MS = 200;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** One target's figures for the pooled bursts of one size, after the warm-up. */
interface TargetRow {
  delegates: number;
  ackP50: Spread;
  ackP99: Spread;
  confirmP50: Spread;
  confirmP99: Spread;
  votesPerSec: Spread;
  durableMin: number;
  non200: number;
  errors: number;
  /** The first "recorded" of each burst: far ahead of the p99 when each write group is confirmed as it lands. */
  firstConfirm: Spread;
}

/** The first burst after the target started: nothing warm (JIT, caches, connections just opened). */
interface ColdFigures {
  delegates: number;
  ackP50: number;
  ackP99: number;
  confirmP50: number;
  confirmP99: number;
  votesPerSec: number;
}

interface TargetResult {
  label: string;
  rows: TargetRow[];
  cold?: ColdFigures;
  blocked?: string;
}

interface Target {
  label: string;
  start(): Promise<ServerProc>;
  ballots: BallotReader;
}

const targetRow = (n: number, rounds: Round[]): TargetRow => ({
  delegates: n,
  ackP50: spread(rounds.map((x) => percentile(x.acks, 50))),
  ackP99: spread(rounds.map((x) => percentile(x.acks, 99))),
  confirmP50: spread(rounds.map((x) => percentile(x.confirms, 50))),
  confirmP99: spread(rounds.map((x) => percentile(x.confirms, 99))),
  votesPerSec: spread(rounds.map((x) => x.votesPerSec)),
  durableMin: Math.min(...rounds.map((x) => x.durable)),
  non200: rounds.reduce((s, x) => s + x.non200, 0),
  errors: rounds.reduce((s, x) => s + x.errors, 0),
  firstConfirm: spread(rounds.map((x) => Math.min(...x.confirms))),
});

const coldOf = (n: number, r: Round): ColdFigures => ({
  delegates: n,
  ackP50: percentile(r.acks, 50),
  ackP99: percentile(r.acks, 99),
  confirmP50: percentile(r.confirms, 50),
  confirmP99: percentile(r.confirms, 99),
  votesPerSec: r.votesPerSec,
});

/**
 * Starts a target, sends its first burst cold, warms it up, measures `runs` pooled bursts per
 * size; `whileUp` runs more measurements on the same process (Consult's fresh-connection rounds).
 */
async function measureTarget(
  target: Target,
  rec: Recorder,
  opts: { sizes: number[]; runs: number; warmupVotes: number },
  whileUp?: (server: ServerProc, n: number, rows: Round[]) => Promise<void>,
  afterRound?: (n: number) => Promise<void>,
): Promise<TargetResult & { rounds: Map<number, Round[]> }> {
  const rounds = new Map<number, Round[]>();
  let server: ServerProc;
  try {
    server = await target.start();
  } catch (err) {
    return { label: target.label, rows: [], rounds, blocked: `did not start: ${(err as Error).message.slice(0, 300)}` };
  }
  const rows: TargetRow[] = [];
  let cold: ColdFigures | undefined;
  let seq = 0;
  try {
    for (const n of opts.sizes) {
      const pool = { mode: 'pooled' as const, sockets: await openPool(server.port, n), port: server.port };
      const warmups = warmupRounds(n, opts.warmupVotes);
      for (let w = 0; w < warmups; w++) {
        const r = await round(pool, rec, n, `w${n}-${w}`, (i) => 1 + ((i + w) % 2), target.ballots, 60_000);
        if (!cold) cold = coldOf(n, r);
      }
      const measured: Round[] = [];
      for (let r = 0; r < opts.runs; r++) {
        await settle();
        measured.push(await round(pool, rec, n, `r${++seq}`, (i) => 1 + ((i + r + 1) % 2), target.ballots, 60_000));
        await afterRound?.(n);
      }
      closePool(pool.sockets);
      rounds.set(n, measured);
      await whileUp?.(server, n, measured);
      rows.push(targetRow(n, measured));
    }
  } finally {
    await stopServer(server);
  }
  return { label: target.label, rows, cold, rounds };
}

export interface VotePathOptions {
  sizes: number[];
  runs: number;
  freshRuns?: number;
  warmupVotes?: number;
  log?: (l: string) => void;
  serverArgs?: string[];
  /** Also measure Consult with STORE_FSYNC=off and the naive Bolt + lowdb peer (default true). */
  compare?: boolean;
  /** The sizes and runs those comparisons use (default: the same as Consult's). */
  compareSizes?: number[];
  compareRuns?: number;
}

export async function votePathBench(opts: VotePathOptions): Promise<VotePathResult> {
  const log = opts.log ?? (() => {});
  const freshRuns = opts.freshRuns ?? Math.max(1, Math.ceil(opts.runs / 2));
  const maxN = Math.max(...opts.sizes);
  const rec = await startRecorder();
  const dir = await mkdtemp(join(tmpdir(), 'consult-bench-vote-'));
  const delegations = makeDelegations(maxN);
  const now = new Date();
  const open = makeConsultation(
    {
      id: 'T1',
      openedAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 30 * 86_400_000),
      options: 2,
      channels: [{ platform: 'slack', id: CHANNEL }],
      posted: [{ channel: { platform: 'slack', id: CHANNEL }, ref: `${CHANNEL}:1700000000.000100` }],
    },
    delegations,
  );
  // Each target gets the same store, freshly seeded, so its first burst is as cold as the others'.
  const seeded = async (name: string) => {
    const dataDir = join(dir, name);
    await seedStore(dataDir, { pastBallots: 0, delegations, extra: [open], secretariat: ['slack:USEC'] });
    return dataDir;
  };
  const slackEnv = {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: rec.apiUrl,
  };
  const consult = (fsync: 'on' | 'off', dataDir: string): Target => ({
    label: `Consult, STORE_FSYNC=${fsync}`,
    ballots: consultBallots(join(dataDir, 'consultations', 'T1.json')),
    start: async () => {
      const s = await startServer(
        {
          DATA_DIR: dataDir,
          STORE_FSYNC: fsync,
          ...slackEnv,
          BALLOT_SECRET: 'bench-ballot-secret',
          SECRETARIAT: 'slack:USEC',
        },
        { args: opts.serverArgs },
      );
      if (!s.slack) {
        await stopServer(s);
        throw new Error('the Slack adapter is not available (adapters/slack/create-slack-adapter.ts missing)');
      }
      return s;
    },
  });
  const peer = (dataDir: string): Target => {
    const db = join(dataDir, 'peer-lowdb.json');
    return {
      label: 'naive peer: Bolt HTTPReceiver + lowdb db.update + respond()',
      ballots: async () =>
        (JSON.parse(await readFile(db, 'utf8')) as { ballots: Record<string, { choices: number[] }> }).ballots,
      start: () =>
        startServer({ ...slackEnv, PEER_DB: db, PEER_ROSTER: join(dataDir, 'meta.json') }, { script: PEER_SERVER }),
    };
  };
  const plan = { sizes: opts.sizes, runs: opts.runs, warmupVotes: opts.warmupVotes ?? 2000 };
  const fresh = new Map<number, Round[]>();
  try {
    const onDir = await seeded('on');
    // Each baseline with its p99s by burst size, in the order of Consult's measured bursts.
    const floor = {
      server: await startBaseline(rec, plan.warmupVotes, FLOOR_SERVER),
      p99s: new Map<number, number[]>(),
    };
    const minimal = {
      server: await startBaseline(rec, plan.warmupVotes, MINIMAL_SERVER),
      p99s: new Map<number, number[]>(),
    };
    const baselines = [floor, minimal];
    const pairBaselines = async (n: number) => {
      for (const { server, p99s } of baselines) {
        await settle();
        p99s.set(n, [...(p99s.get(n) ?? []), await server.p99(n)]);
      }
    };
    const on = await measureTarget(
      consult('on', onDir),
      rec,
      plan,
      async (server, n) => {
        const rounds: Round[] = [];
        for (let r = 0; r < freshRuns; r++)
          rounds.push(
            await round(
              { mode: 'fresh', port: server.port },
              rec,
              n,
              `f${n}-${r}`,
              (i) => 1 + ((i + r) % 2),
              join(onDir, 'consultations', 'T1.json'),
              60_000,
            ),
          );
        fresh.set(n, rounds);
      },
      pairBaselines,
    ).finally(() => Promise.all(baselines.map((b) => b.server.stop())));
    if (on.blocked) return { slack: false, rows: [], blocked: on.blocked, compared: [] };
    const rows: VotePathRow[] = [];
    for (const n of opts.sizes) {
      const measured = on.rounds.get(n) ?? [];
      const f = fresh.get(n) ?? [];
      // Consult's ack p99 over the baseline's, burst by burst.
      const ratioTo = (baseline: typeof floor) =>
        spread(measured.map((x, i) => percentile(x.acks, 99) / (baseline.p99s.get(n)?.[i] ?? Number.NaN)));
      const all = [...measured, ...f];
      const row: VotePathRow = {
        delegates: n,
        ackP50: spread(measured.map((x) => percentile(x.acks, 50))),
        ackP95: spread(measured.map((x) => percentile(x.acks, 95))),
        ackP99: spread(measured.map((x) => percentile(x.acks, 99))),
        confirmP50: spread(measured.map((x) => percentile(x.confirms, 50))),
        confirmP99: spread(measured.map((x) => percentile(x.confirms, 99))),
        votesPerSec: spread(measured.map((x) => x.votesPerSec)),
        freshAckP99: spread(f.map((x) => percentile(x.acks, 99))),
        freshVotesPerSec: spread(f.map((x) => x.votesPerSec)),
        floorAckP99: spread(floor.p99s.get(n) ?? []),
        ackRatio: ratioTo(floor),
        minimalAckP99: spread(minimal.p99s.get(n) ?? []),
        minimalRatio: ratioTo(minimal),
        durableMin: Math.min(...all.map((x) => x.durable)),
        non200: all.reduce((s, x) => s + x.non200, 0),
        errors: all.reduce((s, x) => s + x.errors, 0),
      };
      log(
        `vote path N=${n}: ack p99 ${row.ackP99.median.toFixed(1)} ms (new connections ${row.freshAckP99.median.toFixed(1)} ms, bare HTTP server ${row.floorAckP99.median.toFixed(1)} ms, ×${row.ackRatio.median.toFixed(2)} burst by burst; minimal signed-click server ${row.minimalAckP99.median.toFixed(1)} ms, ×${row.minimalRatio.median.toFixed(2)}), confirm p99 ${row.confirmP99.median.toFixed(0)} ms, ${row.votesPerSec.median.toFixed(0)} durable votes/s, durable ${row.durableMin}/${n}`,
      );
      rows.push(row);
    }
    const compared: TargetResult[] = [{ label: on.label, rows: on.rows, cold: on.cold }];
    if (opts.compare !== false) {
      const same = { ...plan, sizes: opts.compareSizes ?? plan.sizes, runs: opts.compareRuns ?? plan.runs };
      for (const t of [consult('off', await seeded('off')), peer(await seeded('peer'))]) {
        const r = await measureTarget(t, rec, same);
        for (const row of r.rows)
          log(
            `vote path N=${row.delegates}, ${r.label}: ack p99 ${row.ackP99.median.toFixed(1)} ms, recorded p99 ${row.confirmP99.median.toFixed(0)} ms, ${row.votesPerSec.median.toFixed(0)} votes/s`,
          );
        compared.push({ label: r.label, rows: r.rows, cold: r.cold, blocked: r.blocked });
      }
    }
    return { slack: true, rows, compared };
  } finally {
    await rec.close();
    await rm(dir, { recursive: true, force: true });
  }
}
