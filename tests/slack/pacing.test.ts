/** Posting limits: ≈1 chat.postMessage per second per channel, 429 Retry-After honoured; no real waiting. */
import { describe, expect, it } from 'vitest';
import { createPacer } from '../../adapters/slack/pacer.ts';
import { withRateLimitRetry } from '../../adapters/slack/rate-limit.ts';
import { validateCalls } from './block-kit-limits.ts';
import { SEC, startSlackHarness } from './support/harness.ts';

function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('pacing and rate limits', () => {
  it('spaces posts to one channel by a second, in order, while other channels go at once', async () => {
    const t = fakeTime();
    const pacer = createPacer({ now: t.now, sleep: t.sleep });
    const order: string[] = [];
    const post = (channel: string, n: number) =>
      pacer.run(channel, async () => void order.push(`${channel}${n}@${t.now()}`));
    await Promise.all([post('C1', 1), post('C1', 2), post('C2', 1), post('C1', 3)]);
    expect(order).toContain('C2' + '1@0');
    expect(order.filter((o) => o.startsWith('C1'))).toEqual(['C11@0', 'C12@1000', 'C13@2000']);
  });

  it('a failing post does not block the channel queue', async () => {
    const t = fakeTime();
    const pacer = createPacer({ now: t.now, sleep: t.sleep });
    await expect(
      pacer.run('C1', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(pacer.run('C1', async () => 'ok')).resolves.toBe('ok');
  });

  it('retries after Retry-After on a 429, then gives up after the limit', async () => {
    const t = fakeTime();
    let calls = 0;
    const limited = Object.assign(new Error('rate limited'), {
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 30,
    });
    await expect(
      withRateLimitRetry(async () => (++calls < 3 ? Promise.reject(limited) : 'sent'), { sleep: t.sleep }),
    ).resolves.toBe('sent');
    expect(t.sleeps).toEqual([30_000, 30_000]);
    await expect(
      withRateLimitRetry(async () => Promise.reject(limited), { sleep: t.sleep, maxRetries: 1 }),
    ).rejects.toBe(limited);
    await expect(
      withRateLimitRetry(async () => Promise.reject(new Error('channel_not_found')), { sleep: t.sleep }),
    ).rejects.toThrow('channel_not_found');
  });

  it('end to end: two launches in one channel are posted a second apart (injected sleep)', async () => {
    const h = await startSlackHarness();
    await h.slash(SEC, 'theme "A" "B"');
    await h.slash(SEC, 'theme "C" "D"');
    expect(h.recorder.callsTo('chat.postMessage')).toHaveLength(2);
    expect(h.sleeps).toEqual([1000]);
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });
});
