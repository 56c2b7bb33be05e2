/**
 * Reminder bench: the scheduler of a real server process reaches a reminder slot with N
 * delegations that have not answered, plans the reminders (durable outbox) and sends them as
 * direct messages through the recorder, which answers some calls with 429 + Retry-After.
 * Time from the slot to the last reminder; every delegate reminded exactly once; per-channel
 * pacing honoured (no two posts in one channel closer than Slack's ~1 s).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder } from '../tests/slack/recorder.ts';
import { startServer, stopServer } from './lib/proc.ts';
import {
  reminderScenario,
  checkReminders,
  postsByChannel,
  minSameChannelGap,
  type ReminderCheck,
} from './lib/reminder-scenario.ts';
import { SIGNING_SECRET } from './vote-path.ts';
import type { Consultation } from '../src/domain/model.ts';

export interface ReminderBenchResult {
  delegates: number;
  /** Slot → last reminder delivered, s. */
  seconds: number;
  /** Slot → first reminder, s. */
  firstAfterSeconds: number;
  rateLimited: number;
  check: ReminderCheck;
  minSameChannelGapMs: number;
  outboxLeft: number;
  slotMarkedDone: boolean;
  exactlyOnce: boolean;
  blocked?: string;
}

/** Which calls the recorder rate-limits: every `every`-th chat.postMessage and every (2·every)-th conversations.open. */
export const limiterEvery = (every: number) => (method: string, n: number) =>
  (method === 'chat.postMessage' && n % every === 0) || (method === 'conversations.open' && n % (2 * every) === 0)
    ? 1
    : 0;

export async function reminderBench(opts: {
  delegates: number;
  limitEvery: number;
  timeoutMs?: number;
  log?: (l: string) => void;
}): Promise<ReminderBenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'consult-bench-remind-'));
  const rec = await startRecorder();
  rec.limiter = limiterEvery(opts.limitEvery);
  try {
    const s = await reminderScenario(root, opts.delegates);
    const clock = s.clockEnv(8000);
    const server = await startServer({
      DATA_DIR: s.dataDir,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: rec.apiUrl,
      BALLOT_SECRET: 'bench-ballot-secret',
      CLOCK_AT: clock.CLOCK_AT,
      CLOCK_REAL_AT: clock.CLOCK_REAL_AT,
    });
    try {
      if (!server.slack) throw new Error('the Slack adapter is not available');
      const slotPerf = performance.now() + (clock.realSlotAt - Date.now());
      const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
      let check = checkReminders(rec.calls, s);
      while (Date.now() < deadline) {
        check = checkReminders(rec.calls, s);
        if (check.missing === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Let anything still in flight arrive (a duplicate would show here), then read the outbox.
      await fetch(`${server.url}/drill/idle`);
      await new Promise((r) => setTimeout(r, 300));
      check = checkReminders(rec.calls, s);
      const dmPosts = rec.calls.filter(
        (c) => c.method === 'chat.postMessage' && !c.limited && String(c.body.channel).startsWith('D'),
      );
      const c = JSON.parse(await readFile(join(s.dataDir, 'consultations', 'T1.json'), 'utf8')) as Consultation;
      const result: ReminderBenchResult = {
        delegates: opts.delegates,
        seconds: dmPosts.length ? (Math.max(...dmPosts.map((p) => p.at)) - slotPerf) / 1000 : NaN,
        firstAfterSeconds: dmPosts.length ? (Math.min(...dmPosts.map((p) => p.at)) - slotPerf) / 1000 : NaN,
        rateLimited: rec.rateLimited,
        check,
        minSameChannelGapMs: minSameChannelGap(postsByChannel(rec.calls)),
        outboxLeft: c.outbox.length,
        slotMarkedDone: c.remindersDone.some((d) => Date.parse(d) === s.slot.getTime()),
        exactlyOnce: check.missing === 0 && check.duplicated === 0 && check.unexpectedChannels === 0,
      };
      opts.log?.(
        `reminders N=${opts.delegates}: ${result.seconds.toFixed(1)} s, ${check.reminded}/${check.expected} reminded, ${check.duplicated} duplicated, ${result.rateLimited} answered 429`,
      );
      return result;
    } finally {
      await stopServer(server);
    }
  } catch (err) {
    return {
      delegates: opts.delegates,
      seconds: NaN,
      firstAfterSeconds: NaN,
      rateLimited: 0,
      check: {
        expected: opts.delegates,
        reminded: 0,
        duplicated: 0,
        missing: opts.delegates,
        perReminder: 1,
        unexpectedChannels: 0,
      },
      minSameChannelGapMs: NaN,
      outboxLeft: -1,
      slotMarkedDone: false,
      exactlyOnce: false,
      blocked: (err as Error).message.slice(0, 400),
    };
  } finally {
    await rec.close();
    await rm(root, { recursive: true, force: true });
  }
}
