/**
 * The work that follows Slack acks yields to the network: while requests keep arriving it waits
 * (so a burst is acknowledged whole within Slack's 3 seconds), it then advances one step per turn,
 * and a steady stream cannot starve it. Fake timers: no test waits for real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAfterAck } from '../../adapters/slack/after-ack.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const afterAckOf = () => createAfterAck({ now: () => Date.now(), quietMs: 2, maxDeferMs: 100 });

describe('work after an ack', () => {
  it('runs on the next turn when no request arrived lately, one step per turn, in call order', async () => {
    const afterAck = afterAckOf();
    const order: number[] = [];
    void afterAck.turn().then(() => order.push(1));
    void afterAck.turn().then(() => order.push(2));
    await vi.advanceTimersToNextTimerAsync();
    expect(order).toEqual([1]);
    await vi.advanceTimersToNextTimerAsync();
    expect(order).toEqual([1, 2]);
  });

  it('waits while requests keep arriving, and runs once the network has been quiet for 2 ms', async () => {
    const afterAck = afterAckOf();
    const start = Date.now();
    let ranAt: number | undefined;
    void afterAck.turn().then(() => (ranAt = Date.now() - start));
    for (let i = 0; i < 10; i++) {
      afterAck.arrived(); // a click of the burst, every millisecond
      await vi.advanceTimersByTimeAsync(1);
      expect(ranAt).toBeUndefined();
    }
    await vi.advanceTimersByTimeAsync(5);
    expect(ranAt).toBeGreaterThanOrEqual(11);
    expect(ranAt).toBeLessThanOrEqual(12);
  });

  it('a request arriving between two steps holds the next one back until it is quiet again', async () => {
    const afterAck = afterAckOf();
    const order: string[] = [];
    void afterAck.turn().then(() => order.push('a'));
    void afterAck.turn().then(() => {
      order.push('b');
    });
    await vi.advanceTimersToNextTimerAsync();
    expect(order).toEqual(['a']);
    afterAck.arrived();
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(2);
    expect(order).toEqual(['a', 'b']);
  });

  it('runs anyway after 100 ms of requests arriving every millisecond', async () => {
    const afterAck = afterAckOf();
    const start = Date.now();
    let ranAt: number | undefined;
    void afterAck.turn().then(() => (ranAt = Date.now() - start));
    for (let i = 0; i < 200 && ranAt === undefined; i++) {
      afterAck.arrived();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(ranAt).toBeGreaterThanOrEqual(100);
    expect(ranAt).toBeLessThanOrEqual(102);
  });

  it('counts the 100 ms from when the work became due: clicks queued at their ack are not held 100 ms each', async () => {
    const afterAck = afterAckOf();
    const start = Date.now();
    const ackedAt = afterAck.now(); // three clicks acknowledged now, started one after the other (as the receiver does)
    const ranAt: number[] = [];
    const drain = (async () => {
      for (let k = 0; k < 3; k++) {
        await afterAck.turn(ackedAt);
        ranAt.push(Date.now() - start);
      }
    })();
    for (let i = 0; i < 200 && ranAt.length < 3; i++) {
      afterAck.arrived(); // the stream never pauses for 2 ms
      await vi.advanceTimersByTimeAsync(1);
    }
    await drain;
    expect(ranAt).toHaveLength(3);
    expect(ranAt[0]).toBeGreaterThanOrEqual(100);
    expect(ranAt[2]).toBeLessThanOrEqual(103);
  });
});
