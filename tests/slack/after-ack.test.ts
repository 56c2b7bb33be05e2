/**
 * The work that follows Slack acks yields to the network: while requests keep arriving it waits
 * (so a burst is acknowledged whole within Slack's 3 seconds), and a steady stream cannot starve it.
 */
import { describe, expect, it } from 'vitest';
import { createAfterAck } from '../../adapters/slack/after-ack.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('work after an ack', () => {
  it('runs on the next turn when no request arrived, one step per turn, in call order', async () => {
    const afterAck = createAfterAck({ now: () => 0 });
    const order: number[] = [];
    void afterAck.turn().then(() => order.push(1));
    void afterAck.turn().then(() => order.push(2));
    await nextTurn();
    expect(order).toEqual([1]);
    await nextTurn();
    expect(order).toEqual([1, 2]);
  });

  it('waits while each turn brings a new request, and runs on the first quiet one', async () => {
    let ms = 0;
    const afterAck = createAfterAck({ now: () => ms, maxDeferMs: 20 });
    let ran = false;
    void afterAck.turn().then(() => (ran = true));
    for (let i = 0; i < 10; i++) {
      afterAck.arrived(); // a click read during this turn's poll
      await nextTurn();
      ms += 1;
      expect(ran).toBe(false);
    }
    await nextTurn();
    await nextTurn();
    expect(ran).toBe(true);
  });

  it('runs anyway after 20 ms of requests arriving at every turn', async () => {
    let ms = 0;
    const afterAck = createAfterAck({ now: () => ms, maxDeferMs: 20 });
    let ranAt: number | undefined;
    void afterAck.turn().then(() => (ranAt = ms));
    for (let i = 0; i < 40 && ranAt === undefined; i++) {
      afterAck.arrived();
      await nextTurn();
      ms += 1;
    }
    expect(ranAt).toBeGreaterThanOrEqual(20);
    expect(ranAt).toBeLessThanOrEqual(22);
  });
});
