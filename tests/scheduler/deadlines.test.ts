/** Deadlines to the second: a change that moves a deadline re-plans the next pass. */
import { createHmac } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../adapters/app.ts';
import { idFrom, makeHarness, SEC, withRoster } from '../helpers/core.ts';
import { startRecorder } from '../slack/recorder.ts';
import { blocksText, fixture } from '../slack/support/harness.ts';

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

describe('deadlines to the second', () => {
  afterEach(() => void vi.useRealTimers());

  it('with fake timers: a consultation launched, then extended, while the next pass is planned a minute away closes within 2 s of its deadline', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const h = await makeHarness({ clock: { now: () => new Date() } as never });
    await withRoster(h);
    const resultsAt: number[] = [];
    h.consult.registerDeliverer('slack', {
      deliver: async (m) => {
        if (m.purpose === 'results') resultsAt.push(Date.now());
        return 'ts-1';
      },
    });
    h.consult.start(); // nothing open: the next pass is planned 60 s from now
    await vi.advanceTimersByTimeAsync(5_000);
    const deadline = Date.now() + 20_000;
    const id = idFrom(await h.text(SEC, `theme "A" "B" deadline ${iso(deadline)}`));
    await vi.advanceTimersByTimeAsync(10_000);
    const later = deadline + 15_000; // extended while the pass for the old deadline is planned
    await h.text(SEC, `extend ${id} ${iso(later)}`);
    while (Date.now() < later + 2_000) {
      await vi.advanceTimersByTimeAsync(250);
      await h.consult.idle();
      if (Date.now() < later) expect(h.consult.store.get(id)!.status).toBe('open');
    }
    expect(h.consult.store.get(id)!.status).toBe('closed');
    expect(resultsAt).toHaveLength(1);
    expect(resultsAt[0] - later).toBeGreaterThanOrEqual(0);
    expect(resultsAt[0] - later).toBeLessThanOrEqual(2_000);
    await h.consult.stop();
  });

  it('over real HTTP: a consultation launched by slash command with a deadline 10 s ahead has its results at the recorder within 2 s of the deadline', async () => {
    const rec = await startRecorder();
    const secret = 'deadline-signing-secret';
    const app = await createApp({
      env: {
        DATA_DIR: await mkdtemp(join(tmpdir(), 'consult-deadline-')),
        PORT: '0',
        HOST: '127.0.0.1',
        SECRETARIAT: 'slack:U0SEC',
        BALLOT_SECRET: 'deadline-test',
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: 'xoxb-deadline',
        SLACK_API_URL: rec.apiUrl,
      },
      log: () => {},
    });
    try {
      const port = await app.start();
      const deadline = Math.ceil((Date.now() + 10_000) / 1000) * 1000;
      let resultsAt = 0;
      const results = new Promise<string>((resolve) => {
        rec.onCall = (call) => {
          const text = blocksText(call.body.blocks);
          if (call.method === 'chat.postMessage' && call.body.channel === 'C0MAIN' && /^Results of/m.test(text)) {
            resultsAt = Date.now();
            resolve(text);
          }
        };
      });
      const body = new URLSearchParams({
        ...fixture<Record<string, string>>('slash-command.json'),
        text: `theme "A" "B" deadline ${iso(deadline)}`,
        response_url: rec.responseUrl('launch'),
      }).toString();
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
        },
        body,
      });
      expect(res.status).toBe(200);
      const text = await Promise.race([
        results,
        new Promise<string>((resolve) => setTimeout(() => resolve('(none)'), deadline - Date.now() + 2_500)),
      ]);
      expect(text).toMatch(/^Results of T1/m);
      expect(resultsAt - deadline).toBeGreaterThanOrEqual(0);
      expect(resultsAt - deadline).toBeLessThanOrEqual(2_000);
    } finally {
      await app.stop();
      await rec.close();
    }
  }, 30_000);
});
