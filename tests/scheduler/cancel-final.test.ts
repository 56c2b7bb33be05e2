/**
 * Cancel is final for deliveries: reminders waiting on Slack's rate limit (429 + Retry-After)
 * when the secretariat cancels are dropped before their send, not delivered after the cancel.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.ts';
import { createConsult } from '../../src/consult.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { TestClock, idFrom, withManyDelegations, type Harness } from '../helpers/core.ts';
import { createHttpServer } from '../../src/server.ts';
import { startRecorder } from '../slack/recorder.ts';
import { cardText } from '../helpers/core.ts';

describe('cancel is final for deliveries', () => {
  it('reminders waiting on a 429 when the consultation is cancelled are never sent', async () => {
    const recorder = await startRecorder();
    const store = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'consult-cancel-')) });
    await store.open();
    const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
    const consult = createConsult({
      store,
      clock,
      timezone: 'Europe/Zurich',
      secretariat: ['slack:USEC'],
      ballotSecret: 'cancel-test',
    });
    // Rate-limit waits hold until released: the cancel comes while every lane is waiting.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let waiting = 0;
    const server = createHttpServer();
    const adapter = await createSlackAdapter({
      consult,
      server,
      config: {
        SLACK_SIGNING_SECRET: 'cancel-signing',
        SLACK_BOT_TOKEN: 'xoxb-cancel',
        SLACK_API_URL: recorder.apiUrl,
        SLACK_APP_TOKEN: undefined,
      },
      log: () => {},
      sleep: async () => {
        waiting++;
        await gate;
      },
      networkRetries: 0,
    });
    try {
      await withManyDelegations({ consult } as Harness, 20);
      const say = async (text: string) =>
        (
          await consult.handle(
            { actor: { user: 'slack:USEC' }, channel: { platform: 'slack', id: 'C0MAIN' } },
            { type: 'text', text },
          )
        )
          .map((m) => cardText(m.card))
          .join('\n');
      const id = idFrom(await say('survey "Q" "A" "B"'));
      await consult.idle();
      recorder.clear();
      recorder.rateLimit('chat.postMessage', 100, 30);
      clock.set('2026-12-08T08:05:00Z'); // the 7-day reminder slot
      const pass = consult.tick();
      while (waiting < 8) await new Promise((r) => setTimeout(r, 5));
      expect(await say(`cancel ${id} confirm`)).toMatch(/cancel/i);
      recorder.rateLimit('chat.postMessage', 0, 0);
      release();
      await pass;
      await consult.idle();
      await adapter.idle();
      const delivered = recorder.done('chat.postMessage').filter((c) => String(c.body.channel).startsWith('D'));
      expect(delivered).toHaveLength(0);
      expect(store.get(id)!.status).toBe('cancelled');
      expect(store.get(id)!.outbox).toEqual([]);
    } finally {
      await adapter.stop();
      await consult.stop();
      await store.close();
      await recorder.close();
    }
  });
});
