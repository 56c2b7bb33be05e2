/**
 * Drill (b): a vote while the store cannot be written.
 *   - "unwritable": the write's temporary file path (`consultations/.T1.json.tmp`, where steno
 *     writes before renaming) is occupied by a directory, so the write fails with EISDIR. This
 *     works as root, where permission bits would not stop anything.
 *   - "disk full": the store lives on a 1 MiB tmpfs that a filler file has filled, so the write
 *     fails with ENOSPC. Mounting needs a private mount namespace (`unshare -m`), so this part
 *     runs in a child process under unshare; if that is not permitted it is reported as skipped.
 * Each time: the voter's reply is an error, never "Vote recorded"; the consultation file is byte
 * for byte unchanged; once the fault is cleared the next vote is recorded and the failed one has
 * not crept in (memory was restored); after a restart the store validates.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, open, readFile, rm, rmdir, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRecorder, callText, type SlackRecorder as Recorder } from '../../tests/slack/recorder.ts';
import { blockActions, formBody, post } from '../lib/slack.ts';
import { slackUserOf } from '../lib/seed.ts';
import { startServer, stopServer, ROOT } from '../lib/proc.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { sleep, validateStore, type DrillResult, drillEnv, seedOpenPoll } from './lib.ts';
import type { Consultation } from '../../src/domain/model.ts';

type Fault = 'unwritable' | 'disk-full';

async function vote(
  url: string,
  rec: Recorder,
  i: number,
  choice: number,
  tag: string,
): Promise<{ status: number; reply: string }> {
  const key = `${tag}:${i}`;
  const got = new Promise<string>((resolve) => {
    const prev = rec.onCall;
    rec.onCall = (call) => {
      prev?.(call);
      if (call.method === 'response_url' && decodeURIComponent(call.path.slice('/response/'.length)) === key)
        resolve(callText(call));
    };
  });
  const body = formBody(
    blockActions({
      user: slackUserOf(i),
      channel: 'CDRILL',
      value: JSON.stringify({ type: 'vote', id: 'T1', choices: [choice] }),
      responseUrl: rec.responseUrl(key),
    }),
  );
  const r = await post(`${url}/slack/events`, body, { secret: SIGNING_SECRET });
  const reply = await Promise.race([got, sleep(10_000).then(() => '(no reply within 10 s)')]);
  return { status: r.status, reply };
}

/** Runs the scenario with the store under `root`. */
async function diskScenario(fault: Fault, root: string): Promise<DrillResult> {
  const failures: string[] = [];
  const rec = await startRecorder();
  const { dataDir, delegations } = await seedOpenPoll(root, 5, 2, false);
  const env = drillEnv(dataDir, rec.apiUrl);
  const file = join(dataDir, 'consultations', 'T1.json');
  const tmpPath = join(dataDir, 'consultations', '.T1.json.tmp');
  const filler = join(root, 'filler');
  let server = await startServer(env);
  const figures: DrillResult['figures'] = { fault };
  try {
    const first = await vote(server.url, rec, 0, 1, 'before');
    if (!/Vote recorded/.test(first.reply))
      failures.push(`the vote before the fault was not recorded: ${first.reply.slice(0, 200)}`);
    // Delegate 1 has voted before too, so its locale is already stored: the failing write is the vote's own.
    const warm = await vote(server.url, rec, 1, 1, 'warm');
    if (!/Vote recorded/.test(warm.reply))
      failures.push(`the warm-up vote was not recorded: ${warm.reply.slice(0, 200)}`);
    await fetch(`${server.url}/drill/idle`);
    const before = await readFile(file);

    if (fault === 'unwritable') await mkdir(tmpPath);
    else {
      const fh = await open(filler, 'w');
      const chunk = Buffer.alloc(16 * 1024, 1);
      let written = 0;
      try {
        for (let i = 0; i < 10_000; i++) written += (await fh.write(chunk)).bytesWritten;
      } catch (err) {
        figures['filler error'] = (err as NodeJS.ErrnoException).code ?? String(err);
      }
      await fh.close();
      figures['filler bytes'] = written;
    }

    const failed = await vote(server.url, rec, 1, 2, 'fault');
    figures['HTTP status of the failed vote'] = failed.status;
    figures['reply to the failed vote'] = failed.reply.split('\n').slice(1).join(' ').slice(0, 120);
    if (/Vote recorded/.test(failed.reply))
      failures.push('the voter was told "Vote recorded" although the store could not be written');
    if (!/could not be saved|nothing was recorded/i.test(failed.reply))
      failures.push(`the voter did not get the store error: ${failed.reply.slice(0, 200)}`);
    const during = await readFile(file);
    figures['consultation file unchanged'] = before.equals(during);
    if (!before.equals(during)) failures.push('the consultation file changed during the failed write');
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    figures['server still running'] = alive;
    if (!alive) failures.push('the server died on the failed write');

    // Clear the fault; the next vote (another delegation) must be recorded without the failed one.
    if (fault === 'unwritable') await rmdir(tmpPath);
    else await unlink(filler);
    const after = await vote(server.url, rec, 2, 2, 'after');
    if (!/Vote recorded/.test(after.reply))
      failures.push(`the vote after clearing the fault was not recorded: ${after.reply.slice(0, 200)}`);
    await fetch(`${server.url}/drill/idle`);
    const c = JSON.parse(await readFile(file, 'utf8')) as Consultation;
    const d1 = c.ballots[delegations[1].id]?.choices[0];
    figures['failed vote absent after recovery'] = d1 === 1;
    if (d1 !== 1)
      failures.push(
        `after recovery delegation 1's ballot is ${d1}: the failed vote (2) crept in, or its earlier vote (1) was lost`,
      );
    if (c.ballots[delegations[2].id]?.choices[0] !== 2) failures.push('the vote after recovery is not on disk');
    await stopServer(server);
    server = await startServer(env);
    await stopServer(server);
    const valid = await validateStore(dataDir);
    figures['store validates after restart'] = valid.ok;
    if (!valid.ok) failures.push(`the store does not validate: ${valid.error}`);
    else await valid.store.close();
  } catch (err) {
    failures.push(`drill error: ${(err as Error).message.slice(0, 300)}`);
  } finally {
    await stopServer(server);
    await rec.close();
  }
  return {
    name: `(b) ${fault === 'unwritable' ? 'unwritable data directory (temp path occupied, EISDIR)' : 'disk full (1 MiB tmpfs, ENOSPC)'} during a vote`,
    pass: failures.length === 0,
    figures,
    failures,
  };
}

/** Both variants; disk-full through `unshare -m` in a child process. */
export async function diskDrills(): Promise<DrillResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'consult-drill-disk-'));
  const results = [await diskScenario('unwritable', root)];
  await rm(root, { recursive: true, force: true });
  const child = fileURLToPath(import.meta.url);
  const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    execFile(
      'unshare',
      ['-m', '--propagation', 'private', process.execPath, '--import', 'tsx', child, '--disk-full-child'],
      { cwd: ROOT, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  const line = out.stdout.trim().split('\n').pop() ?? '';
  try {
    results.push(JSON.parse(line) as DrillResult);
  } catch {
    results.push({
      name: '(b) disk full (tmpfs, ENOSPC) during a vote',
      pass: true,
      figures: { skipped: true },
      failures: [],
      notes: [
        `SKIPPED: could not run in a private mount namespace (unshare -m + mount tmpfs needs CAP_SYS_ADMIN): ${(out.stderr || line).slice(0, 300)}`,
      ],
    });
  }
  return results;
}

// In the unshare child: mount a tiny tmpfs, run the scenario on it, print the result as JSON.
if (process.argv.includes('--disk-full-child')) {
  const mnt = await mkdtemp(join(tmpdir(), 'consult-drill-tmpfs-'));
  const mount = (args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile('mount', args, (err, _o, e) => (err ? reject(new Error(e || err.message)) : resolve())),
    );
  try {
    await mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
  } catch (err) {
    process.stderr.write(`mount failed: ${(err as Error).message}\n`);
    process.exit(3);
  }
  const r = await diskScenario('disk-full', mnt);
  await new Promise<void>((resolve) => execFile('umount', [mnt], () => resolve()));
  await rm(mnt, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exit(0);
}
