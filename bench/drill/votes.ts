/**
 * Votes as the newer drills cast them: signed Slack clicks, all at once, each counted as
 * acknowledged only when its "Vote recorded" message reached the recorder (after the store write).
 * Times are wall-clock milliseconds (epoch, sub-millisecond), so they can be set beside strace's.
 */
import http from 'node:http';
import { callText, type SlackRecorder } from '../../tests/slack/recorder.ts';
import { blockActions, formBody, post } from '../lib/slack.ts';
import { slackUserOf } from '../lib/seed.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { sleep } from './lib.ts';

export interface VoteOutcome {
  i: number;
  choice: number;
  status: number | 'error';
  /** Epoch ms when the request was sent. */
  sentAt: number;
  /** Epoch ms when "Vote recorded" arrived at the recorder; undefined if it did not. */
  recordedAt?: number;
}

/** Wall-clock time in epoch ms with performance.now()'s resolution. */
const wallMs = (at = performance.now()): number => performance.timeOrigin + at;

/** Delegates `indices` click `choiceOf(i)` at once on consultation `id`; waits up to `waitMs` for the confirmations. */
export async function voteBurst(
  url: string,
  rec: SlackRecorder,
  opts: { indices: number[]; choiceOf: (i: number) => number; tag: string; id?: string; waitMs?: number },
): Promise<VoteOutcome[]> {
  const outcomes = new Map<string, VoteOutcome>();
  let pending = opts.indices.length;
  let allIn = () => {};
  const done = new Promise<void>((r) => (allIn = r));
  const prev = rec.onCall;
  rec.onCall = (call) => {
    prev?.(call);
    if (call.method !== 'response_url') return;
    const o = outcomes.get(decodeURIComponent(call.path.slice('/response/'.length)));
    if (!o || o.recordedAt !== undefined || !/Vote recorded/.test(callText(call))) return;
    o.recordedAt = wallMs(call.at);
    if (--pending === 0) allIn();
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  try {
    await Promise.all(
      opts.indices.map(async (i) => {
        const key = `${opts.tag}:${i}`;
        const choice = opts.choiceOf(i);
        const o: VoteOutcome = { i, choice, status: 'error', sentAt: wallMs() };
        outcomes.set(key, o);
        const value = JSON.stringify({ type: 'vote', id: opts.id ?? 'T1', choices: [choice] });
        const body = formBody(
          blockActions({ user: slackUserOf(i), channel: 'CDRILL', value, responseUrl: rec.responseUrl(key) }),
        );
        try {
          o.status = (await post(`${url}/slack/events`, body, { secret: SIGNING_SECRET, agent })).status;
        } catch {
          o.status = 'error';
        }
      }),
    );
    await Promise.race([done, sleep(opts.waitMs ?? 20_000)]);
  } finally {
    agent.destroy();
    rec.onCall = prev;
  }
  return [...outcomes.values()];
}
