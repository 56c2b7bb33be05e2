/**
 * Drill (e): two server processes started at the same instant on one DATA_DIR (an overlapping
 * deploy). Exactly one may win the store's lock; the other must exit non-zero within seconds,
 * naming the directory and the winner's pid. While the winner takes a burst of votes, a third
 * process tries to start on the same directory and must be refused the same way. The winner must
 * lose nothing: every confirmed vote is on disk, in the audit trail, and the store validates.
 * Repeated over several rounds (each round's winner stopped before the next race).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder } from '../../tests/slack/recorder.ts';
import { startServer, stopServer, type ServerProc, type StartError } from '../lib/proc.ts';
import { validateStore, type DrillResult, drillEnv, seedOpenPoll } from './lib.ts';
import { voteBurst } from './votes.ts';

interface Refusal {
  ok: boolean;
  problem?: string;
  exitMs: number;
}

/** Whether a failed start was a clean refusal: non-zero exit, naming the directory and the holder's pid. */
async function refusal(err: unknown, t0: number, dataDir: string, holder: number | undefined): Promise<Refusal> {
  const e = err as StartError;
  const how = e.exited ? await e.exited : 'unknown';
  const exitMs = performance.now() - t0;
  const msg = e.message ?? String(err);
  if (how === '0') return { ok: false, problem: 'the refused process exited 0', exitMs };
  if (!msg.includes(`in use by another Consult process (pid ${holder} `))
    return { ok: false, problem: `its message does not name the holder pid ${holder}: ${msg.slice(0, 300)}`, exitMs };
  if (!msg.includes(dataDir)) return { ok: false, problem: `its message does not name ${dataDir}`, exitMs };
  return { ok: true, exitMs };
}

export async function raceDrill(opts: { rounds: number; delegations: number }): Promise<DrillResult> {
  const failures: string[] = [];
  const root = await mkdtemp(join(tmpdir(), 'consult-drill-race-'));
  const rec = await startRecorder();
  const { dataDir, delegations } = await seedOpenPoll(root, opts.delegations, 4);
  const env = drillEnv(dataDir, rec.apiUrl);
  const indices = delegations.map((_, i) => i);
  const choiceOf = (round: number) => (i: number) => 1 + ((i + round) % 4);
  let twoWinners = 0;
  let noWinner = 0;
  let refusedCleanly = 0;
  let confirmed = 0;
  let unconfirmed = 0;
  const exitTimes: number[] = [];
  const racerExit: number[] = [];
  const lateExit: number[] = [];
  const winnerReady: number[] = [];
  let lastRound = -1;
  const live: ServerProc[] = [];
  try {
    for (let r = 0; r < opts.rounds; r++) {
      const t0 = performance.now();
      const starts = await Promise.allSettled([startServer(env), startServer(env)]);
      const winners = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      live.push(...winners);
      if (winners.length !== 1) {
        if (winners.length === 2) twoWinners++;
        else noWinner++;
        failures.push(
          `round ${r + 1}: ${winners.length} processes started on one directory${winners.length === 0 ? `: ${String((starts[0] as PromiseRejectedResult).reason).slice(0, 300)}` : ''}`,
        );
        for (const w of live.splice(0)) await stopServer(w);
        continue;
      }
      const winner = winners[0];
      winnerReady.push(performance.now() - t0);
      const lost = starts.find((s) => s.status === 'rejected') as PromiseRejectedResult;
      const first = await refusal(lost.reason, t0, dataDir, winner.pid);
      exitTimes.push(first.exitMs);
      racerExit.push(first.exitMs);
      if (first.ok) refusedCleanly++;
      else failures.push(`round ${r + 1}, the racing process: ${first.problem}`);

      // A latecomer during the burst: refused too, and the burst is not disturbed.
      const t1 = performance.now();
      const [burst, late] = await Promise.all([
        voteBurst(winner.url, rec, { indices, choiceOf: choiceOf(r), tag: `r${r}` }),
        startServer(env).then(
          (s) => {
            live.push(s);
            return { ok: false, problem: 'a third process started while the winner was serving', exitMs: 0 };
          },
          (err) => refusal(err, t1, dataDir, winner.pid),
        ),
      ]);
      exitTimes.push(late.exitMs);
      lateExit.push(late.exitMs);
      if (late.ok) refusedCleanly++;
      else failures.push(`round ${r + 1}, the latecomer: ${late.problem}`);
      const ok = burst.filter((o) => o.recordedAt !== undefined).length;
      confirmed += ok;
      unconfirmed += burst.length - ok;
      if (ok !== burst.length) failures.push(`round ${r + 1}: ${burst.length - ok} votes were not confirmed`);
      lastRound = r;
      for (const w of live.splice(0)) await stopServer(w);
    }
  } catch (err) {
    failures.push(`drill error: ${(err as Error).message.slice(0, 300)}`);
  } finally {
    for (const w of live.splice(0)) await stopServer(w);
    await rec.close();
  }

  const valid = await validateStore(dataDir);
  let wrong = 0;
  let auditVotes = 0;
  if (!valid.ok) failures.push(`the store does not validate: ${valid.error}`);
  else {
    const c = valid.store.get('T1')!;
    auditVotes = c.audit.filter((e) => e.action === 'vote').length;
    if (lastRound >= 0)
      for (const i of indices) if (c.ballots[delegations[i].id]?.choices[0] !== choiceOf(lastRound)(i)) wrong++;
    if (wrong) failures.push(`${wrong} delegations do not hold the vote confirmed last`);
    if (auditVotes !== confirmed)
      failures.push(`${confirmed} votes were confirmed but the audit trail holds ${auditVotes}: some were lost`);
    await valid.store.close();
  }
  await rm(root, { recursive: true, force: true });
  // Starting node and loading the bot takes seconds on a busy machine; a refusal must not take longer than a start.
  const slowest = exitTimes.length ? Math.max(...exitTimes) : NaN;
  const startCost = winnerReady.length ? Math.max(...winnerReady) : 0;
  if (slowest > startCost + 5_000)
    failures.push(
      `a refused process took ${(slowest / 1000).toFixed(1)} s to exit, more than a start (${(startCost / 1000).toFixed(1)} s) + 5 s`,
    );
  return {
    name: `(e) two processes racing to open one DATA_DIR, ${opts.rounds} rounds, plus a latecomer during a burst of ${opts.delegations} votes`,
    pass: failures.length === 0,
    figures: {
      'rounds with exactly one winner': opts.rounds - twoWinners - noWinner,
      'rounds with two winners': twoWinners,
      'rounds with no winner': noWinner,
      'processes refused, non-zero, naming the holder pid and directory': refusedCleanly,
      'racing process refused, spawn → exit, slowest (ms)': Math.round(Math.max(...racerExit)),
      'winner ready, spawn → listening, slowest (ms; the cost of starting node + tsx)': Math.round(
        Math.max(...winnerReady),
      ),
      'latecomer refused during the burst, spawn → exit, slowest (ms)': Math.round(Math.max(...lateExit)),
      'votes confirmed by the winners': confirmed,
      'votes not confirmed': unconfirmed,
      'vote entries in the audit trail': auditVotes,
      'delegations not holding their last confirmed vote': wrong,
      'store validates': valid.ok,
    },
    failures,
  };
}
