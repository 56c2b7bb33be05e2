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

  it('defers plain tasks in the same order as turns, and keeps going after a task that threw', async () => {
    const afterAck = afterAckOf();
    const order: string[] = [];
    afterAck.defer((x: string) => order.push(x), 'click 1');
    void afterAck.turn().then(() => order.push('turn'));
    afterAck.defer(() => {
      throw new Error('a broken task');
    }, undefined);
    afterAck.defer((x: string) => order.push(x), 'click 2');
    const errors: unknown[] = [];
    for (let i = 0; i < 4; i++)
      await vi.advanceTimersToNextTimerAsync().catch((e: unknown) => {
        errors.push(e);
      });
    expect(order).toEqual(['click 1', 'turn', 'click 2']);
    expect(errors).toEqual([new Error('a broken task')]); // it surfaces: it is not swallowed
  });
});
