/**
 * Drill (f): the store becomes unwritable just before a deadline. A real server process launches a
 * poll closing 10 s ahead and takes votes; then the consultations directory is made immutable
 * (`chattr +i`: tests and drills run as root, where permission bits stop nothing). At the deadline
 * the close cannot be saved: the process must keep running, `/healthz` answer 503 with the reason,
 * the secretariat be told once, and no results be posted; once the directory is writable again the
 * results must be posted, once, and `/healthz` be back to 200. Without chattr (another file
 * system, no CAP_LINUX_IMMUTABLE) the drill says it was skipped.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callText, startRecorder, type RecordedCall } from '../../tests/slack/recorder.ts';
import { makeDelegations, seedStore } from '../lib/seed.ts';
import { startServer, stopServer, type ServerProc } from '../lib/proc.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { sleep, validateStore, type DrillResult } from './lib.ts';
import { voteBurst } from './votes.ts';

const chattr = (flag: '+i' | '-i', path: string) =>
  new Promise<string | undefined>((resolve) =>
    execFile('chattr', [flag, path], (err, _o, stderr) => resolve(err ? (stderr || err.message).trim() : undefined)),
  );

async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function deadlineDrill(opts: { delegations: number }): Promise<DrillResult> {
  const name = '(f) store unwritable (chattr +i) at a deadline, then writable again';
  const root = await mkdtemp(join(tmpdir(), 'consult-drill-deadline-'));
  const probe = join(root, 'probe');
  await writeFile(probe, '');
  const unsupported = await chattr('+i', probe);
  await chattr('-i', probe);
  if (unsupported) {
    await rm(root, { recursive: true, force: true });
    return {
      name,
      pass: true,
      figures: { skipped: true },
      failures: [],
      notes: [`SKIPPED: chattr +i is not possible here (${unsupported.slice(0, 200)})`],
    };
  }
  const failures: string[] = [];
  const figures: DrillResult['figures'] = {};
  const rec = await startRecorder();
  const delegations = makeDelegations(opts.delegations);
  const dataDir = join(root, 'store');
  await seedStore(dataDir, { pastBallots: 0, delegations, secretariat: ['slack:USEC'] });
  const consultations = join(dataDir, 'consultations');
  let locked = false;
  let server: ServerProc | undefined;
  const results: RecordedCall[] = [];
  const told: RecordedCall[] = [];
  rec.onCall = (call) => {
    if (call.method !== 'chat.postMessage') return;
    const text = callText(call);
    if (call.body.channel === 'CDRILL' && /^Results of T1/m.test(text)) results.push(call);
    if (/could not be saved/.test(text)) told.push(call);
  };
  try {
    server = await startServer({
      DATA_DIR: dataDir,
      SECRETARIAT: 'slack:USEC',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-drill',
      SLACK_API_URL: rec.apiUrl,
      BALLOT_SECRET: 'drill-ballot-secret',
    });
    const deadline = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
    const launch = await fetch(`${server.url}/drill/command`, {
      method: 'POST',
      body: JSON.stringify({
        user: 'slack:USEC',
        channel: 'CDRILL',
        text: `theme "A" "B" deadline ${isoSeconds(deadline)}`,
      }),
    });
    const launched = JSON.stringify(await launch.json());
    if (!/T1/.test(launched)) throw new Error(`the launch did not create T1: ${launched.slice(0, 300)}`);
    const votes = await voteBurst(server.url, rec, {
      indices: delegations.map((_, i) => i),
      choiceOf: (i) => 1 + (i % 2),
      tag: 'v',
    });
    const confirmed = votes.filter((v) => v.recordedAt !== undefined).length;
    figures['votes confirmed before the deadline'] = `${confirmed}/${votes.length}`;
    if (confirmed !== votes.length) failures.push(`${votes.length - confirmed} votes were not confirmed`);
    if (Date.now() > deadline - 1000) failures.push('the votes took until the deadline: the drill proves nothing');

    const refused = await chattr('+i', consultations);
    if (refused) throw new Error(`chattr +i ${consultations} failed: ${refused}`);
    locked = true;
    await sleep(deadline - Date.now() + 3_500);
    const degraded = await health(server.url);
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    figures['server running after the failed close'] = alive;
    figures['/healthz while unwritable'] = degraded.status;
    figures['/healthz reason'] = String(degraded.body.reason ?? '').slice(0, 140);
    figures['failed passes 3.5 s after the deadline'] = Number(degraded.body.failedPasses ?? 0);
    figures['results posted while unwritable'] = results.length;
    if (!alive) failures.push('the server died when the close could not be saved');
    if (degraded.status !== 503) failures.push(`/healthz answered ${degraded.status}, not 503, while unwritable`);
    if (!/close T1/.test(String(degraded.body.reason)))
      failures.push(`/healthz does not give the reason: ${JSON.stringify(degraded.body).slice(0, 200)}`);
    if (results.length) failures.push('results were posted although the close was not saved');

    await chattr('-i', consultations);
    locked = false;
    const writable = Date.now();
    for (let waited = 0; results.length === 0 && waited < 40_000; waited += 100) await sleep(100);
    figures['writable → results posted (s; the retry backoff)'] = results.length
      ? (results[0].at + performance.timeOrigin - writable) / 1000
      : 'never';
    await sleep(3_000);
    const healthy = await health(server.url);
    figures['results posts to the channel'] = results.length;
    figures['secretariat told (personal message)'] = told.length;
    figures['/healthz after recovery'] = healthy.status;
    if (results.length !== 1) failures.push(`the results were posted ${results.length} times, not once`);
    if (told.length !== 1) failures.push(`the secretariat was told ${told.length} times, not once`);
    if (healthy.status !== 200) failures.push(`/healthz answered ${healthy.status} after recovery`);
    await stopServer(server);
    const valid = await validateStore(dataDir);
    figures['store validates'] = valid.ok;
    if (!valid.ok) failures.push(`the store does not validate: ${valid.error}`);
    else {
      const c = valid.store.get('T1');
      figures['T1 closed on disk with every ballot'] =
        c?.status === 'closed' && Object.keys(c.ballots).length === opts.delegations;
      if (c?.status !== 'closed') failures.push(`T1 is ${c?.status} on disk, not closed`);
      if (Object.keys(c?.ballots ?? {}).length !== opts.delegations) failures.push('ballots were lost');
      await valid.store.close();
    }
  } catch (err) {
    failures.push(`drill error: ${(err as Error).message.slice(0, 300)}`);
  } finally {
    if (locked) await chattr('-i', consultations);
    if (server) await stopServer(server);
    await rec.close();
    await rm(root, { recursive: true, force: true });
  }
  return { name, pass: failures.length === 0, figures, failures };
}
