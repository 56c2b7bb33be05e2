import { describe, expect, it } from 'vitest';
import { createPacer } from '../../adapters/botframework/pacer.ts';

/** A fake clock whose sleep just moves time forward. */
function fakeTime() {
  let t = 0;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('pacing proactive messages per Teams conversation', () => {
  it('keeps a burst under the per-conversation limits, without slowing other conversations', async () => {
    const time = fakeTime();
    const pacer = createPacer({ now: time.now, sleep: time.sleep, limits: [{ count: 3, windowMs: 1000 }] });
    const at: Record<string, number[]> = { a: [], b: [] };
    await Promise.all([
      ...Array.from({ length: 7 }, () =>
        pacer.run('a', async () => {
          at.a.push(time.now());
        }),
      ),
      pacer.run('b', async () => {
        at.b.push(time.now());
      }),
    ]);
    expect(at.a).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    expect(at.b.length).toBe(1);
  });

  it('retries a throttled call (429) with backoff, honouring Retry-After', async () => {
    const time = fakeTime();
    const pacer = createPacer({ now: time.now, sleep: time.sleep, backoffMs: 500 });
    let calls = 0;
    const result = await pacer.run('a', async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('Too Many Requests'), { statusCode: 429 });
      if (calls === 2)
        throw Object.assign(new Error('Too Many Requests'), {
          statusCode: 429,
          response: { status: 429, headers: { get: (h: string) => (h === 'retry-after' ? '3' : undefined) } },
        });
      return 'sent';
    });
    expect(result).toBe('sent');
    expect(time.slept).toEqual([500, 3000]);
  });

  it('gives up after the last retry and does not retry other errors', async () => {
    const time = fakeTime();
    const pacer = createPacer({ now: time.now, sleep: time.sleep, maxRetries: 2, backoffMs: 10 });
    let calls = 0;
    await expect(
      pacer.run('a', async () => {
        calls++;
        throw Object.assign(new Error('throttled'), { statusCode: 429 });
      }),
    ).rejects.toThrow('throttled');
    expect(calls).toBe(3);
    await expect(
      pacer.run('a', async () => {
        throw Object.assign(new Error('forbidden'), { statusCode: 403 });
      }),
    ).rejects.toThrow('forbidden');
    // A failure does not block the queue.
    await expect(pacer.run('a', async () => 'ok')).resolves.toBe('ok');
  });
});
