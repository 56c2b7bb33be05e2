/**
 * Drill (a): votes while the server process is killed with SIGKILL at random moments and restarted.
 *
 * What "acknowledged" means here. Slack's HTTP ack (200 to POST /slack/events) is sent by Bolt
 * *before* the vote is processed: it only tells Slack the request arrived, and the delegate sees
 * nothing from it. What the delegate sees is the ephemeral "Vote recorded for …" message, which
 * the adapter sends to the interaction's response_url only after the core's store write resolved.
 * The recorder (in this process, so it survives the kills) receives those messages: a vote counts
 * as acknowledged exactly when its "Vote recorded" message arrived. Requests that got the HTTP
 * 200 but no confirmation before the kill are counted separately; the delegate was never told
 * they were recorded (in practice they click again, which the drill does too).
 *
 * Each delegation casts its votes one after the other (the next only after the previous was
 * confirmed; an unconfirmed one is clicked again), all delegations at once. Afterwards:
 *   - the store opens and validates (as at start-up);
 *   - every acknowledged vote is in the audit trail, in order, for its delegation;
 *   - each delegation has exactly one ballot, equal to its last acknowledged vote;
 *   - no ballot for anyone not on the roster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { startRecorder, callText } from '../../tests/slack/recorder.ts';
import { blockActions, formBody, post } from '../lib/slack.ts';
import { slackUserOf } from '../lib/seed.ts';
import { startServer, stopServer, killServer, type ServerProc } from '../lib/proc.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { freePort, rng, sleep, validateStore, type DrillResult, drillEnv, seedOpenPoll } from './lib.ts';

export async function crashDrill(opts: {
  delegations: number;
  votesEach: number;
  seed: number;
  killEveryMs: [number, number];
  concurrency: number;
  log?: (l: string) => void;
}): Promise<DrillResult> {
  const log = opts.log ?? (() => {});
  const random = rng(opts.seed);
  const root = await mkdtemp(join(tmpdir(), 'consult-drill-crash-'));
  const rec = await startRecorder();
  const failures: string[] = [];
  const OPTIONS = 4;
  const { dataDir, delegations } = await seedOpenPoll(root, opts.delegations, OPTIONS);
  const port = await freePort();
  const env = { ...drillEnv(dataDir, rec.apiUrl), PORT: String(port) };
  const url = `http://127.0.0.1:${port}`;

  // Confirmations by key `<delegation index>:<vote index>:<attempt>`.
  const waiting = new Map<string, () => void>();
  rec.onCall = (call) => {
    if (call.method !== 'response_url') return;
    const key = decodeURIComponent(call.path.slice('/response/'.length));
    if (/Vote recorded/.test(callText(call))) waiting.get(key)?.();
  };

  let server: ServerProc | undefined = await startServer(env);
  // Resolves while a server is up; replaced by a pending one during a restart.
  let up: Promise<void> = Promise.resolve();
  let markUp = () => {};
  let generation = 0;
  let kills = 0;
  let stopping = false;
  let genChanged: Promise<void> = new Promise(() => {});
  let signalGen = () => {};
  const newGen = () => {
    generation++;
    genChanged = new Promise<void>((r) => (signalGen = r));
  };
  newGen();

  const killer = (async () => {
    while (!stopping) {
      await sleep(opts.killEveryMs[0] + random() * (opts.killEveryMs[1] - opts.killEveryMs[0]));
      if (stopping || !server) break;
      const s = server;
      server = undefined;
      up = new Promise<void>((r) => (markUp = r));
      await killServer(s);
      kills++;
      const g = signalGen;
      newGen();
      g();
      for (let attempt = 0; ; attempt++) {
        try {
          server = await startServer(env);
          markUp();
          break;
        } catch (err) {
          failures.push(`restart ${kills} failed: ${(err as Error).message.slice(0, 300)}`);
          if (attempt >= 2) {
            stopping = true;
            markUp();
            return;
          }
        }
      }
    }
  })();

  const choiceOf = (i: number, k: number) => 1 + ((i + k) % OPTIONS);
  const acked: number[][] = delegations.map(() => []);
  let attempts = 0;
  let http200Unconfirmed = 0;
  let refusedOrDown = 0;
  const agent = new http.Agent({ keepAlive: false });
  const t0 = performance.now();

  async function castUntilConfirmed(i: number, k: number): Promise<void> {
    for (let attempt = 0; attempt < 200 && !(stopping && failures.length); attempt++) {
      attempts++;
      const key = `${i}:${k}:${attempt}`;
      const confirmed = new Promise<boolean>((resolve) => waiting.set(key, () => resolve(true)));
      const value = JSON.stringify({ type: 'vote', id: 'T1', choices: [choiceOf(i, k)] });
      const body = formBody(
        blockActions({ user: slackUserOf(i), channel: 'CDRILL', value, responseUrl: rec.responseUrl(key) }),
      );
      const gen = generation;
      const changed = genChanged;
      let ok = false;
      try {
        const r = await post(`${url}/slack/events`, body, { secret: SIGNING_SECRET, agent, timeoutMs: 5000 });
        ok = r.status === 200;
      } catch {
        /* the server is down */
      }
      if (ok) {
        const got = await Promise.race([confirmed, changed.then(() => false), sleep(10_000).then(() => false)]);
        waiting.delete(key);
        if (got) {
          acked[i].push(choiceOf(i, k));
          return;
        }
        http200Unconfirmed++;
      } else {
        waiting.delete(key);
        refusedOrDown++;
        // Wait for the server to be back rather than spinning.
        if (gen === generation) await Promise.race([changed, sleep(200)]);
        await Promise.race([up, sleep(10_000)]);
      }
      await sleep(50 + random() * 200);
    }
    failures.push(`delegation ${i} vote ${k} was never confirmed`);
  }

  const order = delegations.map((_, i) => i);
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < order.length) {
        const i = order[next++];
        for (let k = 0; k < opts.votesEach; k++) await castUntilConfirmed(i, k);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  stopping = true;
  await killer;
  if (server) await stopServer(server);
  rec.onCall = undefined;
  await rec.close();

  const valid = await validateStore(dataDir);
  let missingAcked = 0;
  let wrongBallot = 0;
  let extraBallots = 0;
  let auditVotes = 0;
  if (!valid.ok) failures.push(`the store does not validate: ${valid.error}`);
  else {
    const c = valid.store.get('T1')!;
    const ids = new Set(delegations.map((d) => d.id));
    const audit = new Map<string, number[]>();
    for (const e of c.audit) {
      if (e.action !== 'vote' || !e.delegation) continue;
      auditVotes++;
      (audit.get(e.delegation) ?? audit.set(e.delegation, []).get(e.delegation)!).push(e.choices?.[0] ?? -1);
    }
    for (const key of Object.keys(c.ballots)) if (!ids.has(key)) extraBallots++;
    delegations.forEach((d, i) => {
      // Acknowledged votes must appear in the audit trail in the same order (a subsequence).
      const trail = audit.get(d.id) ?? [];
      let j = 0;
      for (const choice of acked[i]) {
        while (j < trail.length && trail[j] !== choice) j++;
        if (j >= trail.length) {
          missingAcked++;
          if (missingAcked <= 5) failures.push(`${d.id}: acknowledged vote ${choice} missing from the audit trail`);
        } else j++;
      }
      const last = acked[i][acked[i].length - 1];
      const ballot = c.ballots[d.id];
      if (last !== undefined && (ballot?.choices.length !== 1 || ballot.choices[0] !== last)) {
        wrongBallot++;
        if (wrongBallot <= 5)
          failures.push(`${d.id}: ballot ${JSON.stringify(ballot?.choices)} but last acknowledged vote was ${last}`);
      }
    });
    if (missingAcked) failures.push(`${missingAcked} acknowledged votes are not in the store`);
    if (wrongBallot) failures.push(`${wrongBallot} delegations' ballots differ from their last acknowledged vote`);
    if (extraBallots) failures.push(`${extraBallots} ballots belong to no roster delegation`);
    await valid.store.close();
  }
  const ackedTotal = acked.reduce((s, a) => s + a.length, 0);
  if (ackedTotal !== opts.delegations * opts.votesEach)
    failures.push(`only ${ackedTotal} of ${opts.delegations * opts.votesEach} votes were ever confirmed`);
  if (kills === 0) failures.push('the server was never killed: the drill proved nothing');
  await rm(root, { recursive: true, force: true });
  log(`crash drill: ${ackedTotal} acknowledged votes, ${kills} SIGKILLs, ${seconds.toFixed(0)} s`);
  return {
    name: `(a) ${opts.delegations * opts.votesEach} votes from ${opts.delegations} delegations under SIGKILL + restart`,
    pass: failures.length === 0,
    figures: {
      'votes acknowledged ("Vote recorded" received)': ackedTotal,
      'requests sent (incl. clicks again)': attempts,
      'HTTP 200 without "Vote recorded" (killed in between; clicked again)': http200Unconfirmed,
      'requests refused / server down': refusedOrDown,
      SIGKILLs: kills,
      'vote entries in the audit trail': auditVotes,
      'acknowledged votes missing from the store': missingAcked,
      'delegations whose ballot ≠ last acknowledged vote': wrongBallot,
      'ballots of unknown delegations': extraBallots,
      'store validates': valid.ok,
      seconds: seconds,
      seed: opts.seed,
    },
    failures,
  };
}
