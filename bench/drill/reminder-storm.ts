/**
 * Drill (d): restart storms around a reminder slot. The server's clock reaches a reminder slot
 * with N delegations that have not answered, while the process is stopped and restarted at
 * random moments — before the slot, while the reminders are planned, while they are sent —
 * mostly with SIGKILL, sometimes with SIGTERM (a graceful restart, e.g. a deploy). The recorder
 * rate-limits some calls (429 + Retry-After). Afterwards: every delegate got the reminder
 * (none lost), nobody got it twice (none duplicated), the outbox is empty, the slot is done.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder } from '../../tests/slack/recorder.ts';
import { startServer, stopServer, killServer, type ServerProc } from '../lib/proc.ts';
import { reminderScenario, checkReminders, postsByChannel } from '../lib/reminder-scenario.ts';
import { limiterEvery } from '../reminders.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { freePort, rng, sleep, validateStore, type DrillResult } from './lib.ts';
import type { Consultation } from '../../src/domain/model.ts';

export async function reminderStormDrill(opts: {
  delegates: number;
  restarts: number;
  seed: number;
  log?: (l: string) => void;
}): Promise<DrillResult> {
  const log = opts.log ?? (() => {});
  const random = rng(opts.seed);
  const failures: string[] = [];
  const root = await mkdtemp(join(tmpdir(), 'consult-drill-storm-'));
  const rec = await startRecorder();
  rec.limiter = limiterEvery(50);
  const s = await reminderScenario(root, opts.delegates);
  const clock = s.clockEnv(6000);
  const port = await freePort();
  const env = {
    DATA_DIR: s.dataDir,
    PORT: String(port),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-drill',
    SLACK_API_URL: rec.apiUrl,
    BALLOT_SECRET: 'drill-ballot-secret',
    CLOCK_AT: clock.CLOCK_AT,
    CLOCK_REAL_AT: clock.CLOCK_REAL_AT,
  };
  let kills = 0;
  let terms = 0;
  let killsBeforeSlot = 0;
  let killsDuringSend = 0;
  const t0 = Date.now();
  let server: ServerProc | undefined;
  try {
    for (let i = 0; i < opts.restarts; i++) {
      server = await startServer(env);
      await sleep(200 + random() * 1800);
      const sentBefore = checkReminders(rec.calls, s);
      // Everything went out already: this server stays for the final run.
      if (sentBefore.missing === 0 && i > 0) break;
      if (random() < 0.2) {
        terms++;
        await stopServer(server, 2000); // graceful, SIGKILL after 2 s if the flush is still running
      } else {
        kills++;
        await killServer(server);
      }
      if (Date.now() < clock.realSlotAt) killsBeforeSlot++;
      else if (sentBefore.reminded > 0) killsDuringSend++;
      server = undefined;
    }
    // Final run: let the scheduler finish whatever is owed.
    server ??= await startServer(env);
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline && checkReminders(rec.calls, s).missing > 0) await sleep(200);
    await fetch(`${server.url}/drill/idle`);
    await sleep(500);
    await stopServer(server);
    server = undefined;
  } catch (err) {
    failures.push(`drill error: ${(err as Error).message.slice(0, 300)}`);
  } finally {
    if (server) await killServer(server);
  }
  const check = checkReminders(rec.calls, s);
  const dup = [...postsByChannel(rec.calls)]
    .filter(([ch, posts]) => ch.startsWith('D') && posts.length > check.perReminder)
    .map(([ch, posts]) => `${ch}×${posts.length}`);
  const c = JSON.parse(await readFile(join(s.dataDir, 'consultations', 'T1.json'), 'utf8')) as Consultation;
  const valid = await validateStore(s.dataDir);
  if (valid.ok) await valid.store.close();
  if (check.missing) failures.push(`${check.missing} delegates never got their reminder (lost)`);
  if (check.duplicated)
    failures.push(`${check.duplicated} delegates got the reminder twice or more: ${dup.slice(0, 8).join(', ')}`);
  if (c.outbox.length) failures.push(`${c.outbox.length} entries left in the outbox`);
  if (!c.remindersDone.some((d) => Date.parse(d) === s.slot.getTime())) failures.push('the slot is not marked done');
  if (!valid.ok) failures.push(`the store does not validate: ${valid.error}`);
  await rec.close();
  await rm(root, { recursive: true, force: true });
  const seconds = (Date.now() - t0) / 1000;
  log(
    `reminder storm: ${kills} SIGKILL, ${terms} SIGTERM, ${check.reminded}/${check.expected} reminded, ${check.duplicated} duplicated`,
  );
  return {
    name: `(d) restart storm around a reminder slot, ${opts.delegates} delegates`,
    pass: failures.length === 0,
    figures: {
      'SIGKILL restarts': kills,
      'SIGTERM (graceful) restarts': terms,
      'restarts before the slot': killsBeforeSlot,
      'restarts while reminders were going out': killsDuringSend,
      'delegates reminded': `${check.reminded}/${check.expected}`,
      lost: check.missing,
      duplicated: check.duplicated,
      '429 answers': rec.rateLimited,
      'outbox left': c.outbox.length,
      'store validates': valid.ok,
      seconds,
      seed: opts.seed,
    },
    failures,
  };
}
